#!/usr/bin/env node
// How soon after `storytrace serve` starts does the UI's first page answer (the HTML, its script
// and /api/stories)? Run from the project root after `npm run build`:
//   npx storytrace analyze examples/ --db /tmp/ex.db && node bench/first-page.mjs /tmp/ex.db [runs]
// Loopback only; each run starts and stops its own server.
import { spawn } from 'node:child_process';

const db = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!db) {
  console.error('usage: node bench/first-page.mjs <db> [runs]');
  process.exit(2);
}

async function once(port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/storytrace.js', 'serve', '--db', db, '--port', String(port)], { stdio: 'ignore' });
  try {
    for (let tries = 0; tries < 1000; tries++) {
      try {
        const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
        const script = html.match(/src="([^"]+\.js)"/)?.[1];
        if (script) await (await fetch(`http://127.0.0.1:${port}${script}`)).text();
        await (await fetch(`http://127.0.0.1:${port}/api/stories`)).json();
        return performance.now() - t0;
      } catch {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    throw new Error('server did not answer within 10 s');
  } finally {
    child.kill();
  }
}

const times = [];
for (let i = 0; i < runs; i++) times.push(await once(18500 + i));
times.sort((a, b) => a - b);
console.log(`first page after start, ${runs} runs: min ${Math.round(times[0])} ms, median ${Math.round(times[Math.floor(runs / 2)])} ms, max ${Math.round(times[runs - 1])} ms`);
