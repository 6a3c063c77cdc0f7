// Prints the comparison results (one JSON line per tool) as a table with ratios to storytrace.
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const ours = rows[0];
const rate = (r) => r.docs / r.fingerprintSec;
console.log('| tool | docs/s | MB/s | LSH build s | query ms (per copy) | recall of copies | storytrace ÷ tool (docs/s) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const cells = [r.tool, Math.round(rate(r)).toLocaleString('en-US'), (r.mb / r.fingerprintSec).toFixed(1), r.buildSec.toFixed(2),
    ((r.querySec / r.queries) * 1e3).toFixed(3), r.recall.toFixed(3), (rate(ours) / rate(r)).toFixed(1) + '×'];
  console.log(`| ${cells.join(' | ')} |`);
}
