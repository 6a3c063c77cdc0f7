/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and prints where the time went: the functions with
 * the most self time, or, given function names, each one's inclusive time (its own and its
 * callees', counted once per sample however deep it recurses).
 *   node bench/cpuprofile-summary.mjs <file.cpuprofile> [functionName …]
 */
import { readFileSync } from 'node:fs';

const [file, ...names] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpuprofile-summary.mjs <file.cpuprofile> [functionName …]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);

/** Microseconds sampled in each node. */
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const nameOf = (n) => n.callFrame.functionName || '(anon)';
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of sampled) {
  total += us;
  const node = nodes.get(id);
  const where = `${nameOf(node)} ${node.callFrame.url.split('/').slice(-2).join('/')}`;
  self.set(where, (self.get(where) ?? 0) + us);
  const counted = new Set();
  for (let at = id; at !== undefined; at = parentOf.get(at)) {
    const name = nameOf(nodes.get(at));
    if (counted.has(name)) continue;
    counted.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}
const ms = (us) => (us / 1000).toFixed(0).padStart(7);
console.log(`total ${ms(total)} ms`);
if (names.length > 0) for (const name of names) console.log(`${ms(inclusive.get(name) ?? 0)} ms  ${name} (inclusive)`);
else for (const [where, us] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`${ms(us)} ms  ${where}`);
