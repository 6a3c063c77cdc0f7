#!/usr/bin/env node
/**
 * Load test of `storytrace serve` on loopback with autocannon (a real load generator).
 *
 *   npm run build && node bench/load-test.mjs
 *
 * Analyses examples/ into a temp store, starts `storytrace serve --port 0` on 127.0.0.1, then
 * runs each scenario for LOAD_SECONDS (default 20) with LOAD_CONNECTIONS (default 4) while it
 * reads the server's RSS from /proc/<pid>/status every second. Prints requests/s, latency
 * p50/p97.5/p99, errors, non-2xx answers and RSS min/max per scenario, as a markdown table.
 * Bounded: each scenario stops after its duration or MAX_REQUESTS, a watchdog ends the whole run,
 * and the only target is the server this script started on 127.0.0.1.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'storytrace.js');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 4);
/** Per scenario, whatever the duration: the run is bounded in count as well as time. */
const MAX_REQUESTS = 200_000;

const dir = mkdtempSync(join(tmpdir(), 'storytrace-load-'));
const db = join(dir, 'load.db');
let server = null;

function cleanUp() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

// Whole run: setup, every scenario, and slack. Past it, stop everything.
const watchdog = setTimeout(() => {
  console.error('load-test: watchdog expired; stopping');
  cleanUp();
  process.exit(2);
}, (SECONDS * 5 + 120) * 1000);

/** `storytrace analyze examples/` into the temp store. */
function analyzeExamples() {
  const r = spawnSync(process.execPath, [CLI, 'analyze', join(ROOT, 'examples'), '--db', db], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`analyze failed (${r.status}): ${r.stderr}`);
}

/** Starts `storytrace serve --port 0` and resolves with its URL once it listens. */
function startServe() {
  return new Promise((resolveUrl, reject) => {
    server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    server.stdout.on('data', (c) => {
      out += c;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolveUrl(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Runs one scenario with autocannon while sampling the server's RSS every second. */
async function runScenario(url, s) {
  const samples = [rssKb(server.pid)];
  const sampler = setInterval(() => samples.push(rssKb(server.pid)), 1000);
  const result = await autocannon({
    url: url + s.path,
    method: s.method,
    body: s.body,
    headers: s.body ? { 'content-type': 'application/json' } : {},
    connections: s.connections,
    duration: SECONDS,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 10,
  });
  clearInterval(sampler);
  samples.push(rssKb(server.pid));
  return { ...s, result, rssMinMb: Math.min(...samples) / 1024, rssMaxMb: Math.max(...samples) / 1024 };
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

function printTable(rows, startRssMb, endRssMb) {
  console.log(`\nstorytrace serve under autocannon: ${SECONDS} s per scenario, max ${MAX_REQUESTS} requests each, loopback only`);
  console.log(`server RSS: ${startRssMb.toFixed(0)} MB before the first scenario, ${endRssMb.toFixed(0)} MB after the last\n`);
  console.log('| scenario | connections | requests | req/s (mean) | p50 ms | p97.5 ms | p99 ms | errors | timeouts | non-2xx | RSS min–max MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const x = r.result;
    console.log(`| ${r.name} | ${r.connections} | ${x.requests.total} | ${x.requests.average.toFixed(1)} | ${x.latency.p50} | ${x.latency.p97_5} | ${x.latency.p99} | ${x.errors} | ${x.timeouts} | ${x.non2xx} | ${r.rssMinMb.toFixed(0)}–${r.rssMaxMb.toFixed(0)} |`);
  }
}

async function main() {
  analyzeExamples();
  const url = await startServe();
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback address: ${url}`);
  const stories = (await getJson(`${url}/api/stories`)).stories;
  const articles = (await getJson(`${url}/api/articles?limit=2`)).articles;
  if (stories.length === 0 || articles.length < 2) throw new Error('the example store has no stories or too few articles');
  const compareBody = JSON.stringify({ a: { id: articles[0].id }, b: { id: articles[1].id } });
  await fetch(`${url}/api/compare`, { method: 'POST', body: compareBody, headers: { 'content-type': 'application/json' } }); // loads the engine
  const scenarios = [
    { name: 'GET /api/stories', method: 'GET', path: '/api/stories', connections: CONNECTIONS },
    { name: 'GET /api/stories/:id', method: 'GET', path: `/api/stories/${encodeURIComponent(stories[0].id)}`, connections: CONNECTIONS },
    { name: 'POST /api/compare (two stored ids)', method: 'POST', path: '/api/compare', body: compareBody, connections: CONNECTIONS },
    { name: 'POST /api/compare, more connections than the gate (4)', method: 'POST', path: '/api/compare', body: compareBody, connections: CONNECTIONS * 4 },
  ];
  const startRss = rssKb(server.pid) / 1024;
  const rows = [];
  for (const s of scenarios) rows.push(await runScenario(url, s));
  const health = await fetch(`${url}/api/health`);
  printTable(rows, startRss, rssKb(server.pid) / 1024);
  console.log(`\nafter the run: GET /api/health → ${health.status}`);
}

main()
  .then(() => {
    cleanUp();
    clearTimeout(watchdog);
  })
  .catch((e) => {
    console.error(`load-test: ${e.message}`);
    cleanUp();
    clearTimeout(watchdog);
    process.exitCode = 1;
  });
