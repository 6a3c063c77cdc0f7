/** Plain-text report of a benchmark run. */
import type { BenchResult } from './run.js';

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const n2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');

export function formatBench(r: BenchResult): string[] {
  const out: string[] = [];
  const { machine: m, options: o } = r;
  out.push(`storytrace bench: ${n0(o.docs)} docs, seed ${o.seed}, ${o.workers || m.cores} workers; ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}`);
  const f = r.fingerprint;
  out.push(`fingerprint (1 core, ${n0(f.docs)} docs): best ${n0(f.best.docsPerSec)} docs/s ${n2(f.best.mbPerSec)} MB/s; median ${n0(f.median.docsPerSec)} docs/s ${n2(f.median.mbPerSec)} MB/s; by CPU time ${n0(f.bestCpu.docsPerSec)} docs/s ${n2(f.bestCpu.mbPerSec)} MB/s`);
  out.push(`  calibration: a bare charCodeAt loop over the same texts runs ${n0(f.calibration.docsPerSec)} docs/s ${n2(f.calibration.mbPerSec)} MB/s here now (fingerprint = ${n2(f.calibration.docsPerSec / f.best.docsPerSec)}× its time)`);
  const i = r.ingest;
  out.push(`ingest end to end: ${n0(i.docsPerSec)} docs/s, ${n2(i.mbPerSec)} MB/s (${n2(i.seconds)} s; ${n0(i.added)} added, ${n0(i.duplicates)} duplicates, ${n0(i.errors)} errors)`);
  out.push(`  CPU time ${n2(i.cpuSeconds)} s over all threads = ${n2((i.cpuSeconds / (i.added + i.duplicates + i.errors)) * 1e3)} ms per document`);
  out.push(`  of which generating the corpus on the main thread: ${n2(i.generateSeconds)} s`);
  out.push(`  duplicates recognised at ingest: ${i.duplicateHits}/${i.duplicateInjected}`);
  const c = r.candidates;
  out.push(`candidate recall of injected copies (source among the candidates trace compares):`);
  for (const row of c.rows) {
    out.push(`  ${row.kind.padEnd(15)} fingerprint ${n2(row.fingerprint / row.queried)}  with names ${n2(row.any / row.queried)}  (${row.queried} queried${row.exact ? `; ${row.exact} stored as the source itself by the exact hash` : ''})`);
  }
  const tot = c.rows.reduce((s, x) => [s[0] + x.fingerprint, s[1] + x.any, s[2] + x.queried], [0, 0, 0]);
  out.push(`  all copies      fingerprint ${n2(tot[0] / tot[2])}  with names ${n2(tot[1] / tot[2])}`);
  out.push(`  fingerprint precision (candidate in the same family) ${n2(c.precision)} of ${n0(c.candidates)}; candidate query p50 ${n2(c.queryMs.p50)} ms, p95 ${n2(c.queryMs.p95)} ms`);
  const rel = r.relations;
  out.push(`relations: ${rel.pairs} (copy, source) pairs aligned in ${n2(rel.seconds)} s (${n2(rel.pairs / rel.seconds)} pairs/s)`);
  for (const [kind, row] of Object.entries(rel.confusion)) {
    out.push(`  ${kind.padEnd(15)} ${Object.entries(row).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  out.push(`trace (${r.trace.n} new articles): p50 ${n0(r.trace.p50)} ms, p95 ${n0(r.trace.p95)} ms, max ${n0(r.trace.max)} ms`);
  out.push(`peak RSS ${n0(r.peakRssMB)} MB; database ${n0(r.database.MB)} MB (${n0(r.database.bytesPerDoc)} bytes/doc) ${r.database.path}`);
  out.push(`stage seconds: ${Object.entries(r.stageSeconds).map(([k, v]) => `${k} ${n2(v)}`).join(', ')}`);
  return out;
}
