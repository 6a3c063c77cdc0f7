/**
 * Study aid: cross-validated macro-F1 of an ordinal model over chosen features, read from the
 * JSON lines of eval/dump-pairs.ts and eval/process-study.ts (merged by id).
 *   node --import tsx eval/process-cv.ts pairs.jsonl process.jsonl feat1,feat2,... [more sets...]
 * Feature names: e.X (engine feature X, PA joined), E.X (max over single PA texts),
 * p.X (process-study feature, joined), P.X (max over single PA texts), reuse (reuseScore).
 */
import { readFileSync } from 'node:fs';
import { classificationReport } from './metrics.js';
import { METER_LABELS, type MeterLabel } from './meter.js';
import { fitThresholds, foldOf, predictLabel, type StoryMeasure } from './thresholds.js';
import { fitOrdinal, ordinalPredict, ordinalScore } from './ordinal.js';

type Row = { id: string; label: MeterLabel; dump: any; proc: any; proc2: any; proc3: any };
const ORDER: MeterLabel[] = ['non', 'partially', 'wholly'];

function readJsonl(paths: string[]): Map<string, any> {
  const m = new Map<string, any>();
  for (const p of paths) for (const l of readFileSync(p, 'utf8').split('\n')) if (l.trim()) { const o = JSON.parse(l); m.set(o.id, o); }
  return m;
}

function value(r: Row, name: string): number {
  const [src, key] = name.includes('.') ? [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)] : [name, ''];
  const f = (o: any) => (o ? Number(o[key] ?? 0) : 0);
  const fn = (k: string) => (o: any) => (o ? Number(o[k] ?? 0) : 0);
  switch (src) {
    case 'e': return f(r.dump.joined?.features);
    case 'E': return Math.max(0, ...r.dump.each.map((x: any) => f(x.features)));
    case 'p': return f(r.proc.joined);
    case 'q': return f(r.proc2?.joined);
    case 't': return f(r.proc3?.joined);
    case 'P': return Math.max(0, ...(r.proc.each ?? []).map((x: any) => f(x)));
    case 'logn': return Math.log(1 + (r.proc.joined?.ntok_b ?? 0));
    case 'reuse': { const j = r.dump.joined?.features; return j ? (fn('lemma_containment_b')(j) + 0.25 * fn('share_b')(j)) / 1.25 : 0; }
    case 'x': { const [u, v] = key.split('*'); return value(r, u) * value(r, v); }
    default: throw new Error(`unknown feature ${name}`);
  }
}

const args = process.argv.slice(2);
const dump = readJsonl(args[0].split(','));
const proc = readJsonl(args[1].split(','));
const proc3 = readJsonl((process.env.PROC3 ?? '/tmp/st/proc3.jsonl').split(','));
const proc2 = readJsonl((process.env.PROC2 ?? '/tmp/st/proc2.jsonl').split(','));
const rows: Row[] = [...dump.values()].filter((d) => proc.has(d.id) && (!process.env.NEED3 || proc3.has(d.id))).map((d) => ({ id: d.id, label: d.label, dump: d, proc: proc.get(d.id), proc2: proc2.get(d.id), proc3: proc3.get(d.id) })).sort((x, y) => (x.id < y.id ? -1 : 1));
const folds = Number(process.env.FOLDS ?? 5);
const seed = Number(process.env.SEED ?? 1);
const l2 = Number(process.env.L2 ?? 0.01);
console.log(`rows ${rows.length}`);

for (const set of args.slice(2)) {
  if (set.includes('|')) {
    twoStage(set);
    continue;
  }
  const names = set.split(',');
  const X = rows.map((r) => names.map((n) => value(r, n)));
  const y = rows.map((r) => ORDER.indexOf(r.label));
  const predArg = new Map<string, MeterLabel>();
  const predCut = new Map<string, MeterLabel>();
  const weights: string[] = [];
  for (let f = 0; f < folds; f++) {
    const tr = rows.map((r, i) => i).filter((i) => foldOf(rows[i].id, folds, seed) !== f);
    const te = rows.map((r, i) => i).filter((i) => foldOf(rows[i].id, folds, seed) === f);
    const m = fitOrdinal(tr.map((i) => X[i]), tr.map((i) => y[i]), 3, { l2 });
    weights.push(m.weights.map((w) => w.toFixed(2)).join(' '));
    const measure = (i: number): StoryMeasure => ({ id: rows[i].id, gold: rows[i].label, derivedRelation: true, coverage: 1 / (1 + Math.exp(-ordinalScore(m, X[i]))) });
    const t = fitThresholds(tr.map(measure), 'coverage');
    for (const i of te) {
      predArg.set(rows[i].id, ORDER[ordinalPredict(m, X[i])]);
      predCut.set(rows[i].id, predictLabel(measure(i), t, 'coverage'));
    }
  }
  const gold = rows.map((r) => r.label);
  const a = classificationReport(gold, rows.map((r) => predArg.get(r.id)!), METER_LABELS);
  const c = classificationReport(gold, rows.map((r) => predCut.get(r.id)!), METER_LABELS);
  const per = (rep: any) => rep.perClass.map((c: any) => `${c.label[0]}${c.f1.toFixed(2)}`).join(' ');
  console.log(`${c.macroF1.toFixed(3)} cut | ${a.macroF1.toFixed(3)} argmax | ${per(c)} | ${set} | w ${weights[0]}`);
}

/** Two binary models: derived vs non on features A, wholly vs partially (derived only) on B; two cuts fitted on training. */
function twoStage(set: string) {
  const [na, nb] = set.split('|').map((x) => x.split(','));
  const XA = rows.map((r) => na.map((n) => value(r, n)));
  const XB = rows.map((r) => nb.map((n) => value(r, n)));
  const pred = new Map<string, MeterLabel>();
  for (let f = 0; f < folds; f++) {
    const tr = rows.map((_, i) => i).filter((i) => foldOf(rows[i].id, folds, seed) !== f);
    const te = rows.map((_, i) => i).filter((i) => foldOf(rows[i].id, folds, seed) === f);
    const mA = fitOrdinal(tr.map((i) => XA[i]), tr.map((i) => (rows[i].label === 'non' ? 0 : 1)), 2, { l2 });
    const trD = tr.filter((i) => rows[i].label !== 'non');
    const mB = fitOrdinal(trD.map((i) => XB[i]), trD.map((i) => (rows[i].label === 'wholly' ? 1 : 0)), 2, { l2 });
    const sA = (i: number) => ordinalScore(mA, XA[i]) - mA.cuts[0];
    const sB = (i: number) => ordinalScore(mB, XB[i]) - mB.cuts[0];
    const cutsA = gridOf(tr.map(sA));
    const cutsB = gridOf(tr.map(sB));
    let best = -1;
    let bt = [0, 0];
    const gold = tr.map((i) => rows[i].label);
    const SA = tr.map(sA);
    const SB = tr.map(sB);
    for (const ta of cutsA) for (const tb of cutsB) {
      const p = tr.map((_, k) => (SA[k] < ta ? 'non' : SB[k] >= tb ? 'wholly' : 'partially'));
      const m = classificationReport(gold, p, METER_LABELS).macroF1;
      if (m > best) [best, bt] = [m, [ta, tb]];
    }
    for (const i of te) pred.set(rows[i].id, sA(i) < bt[0] ? 'non' : sB(i) >= bt[1] ? 'wholly' : 'partially');
  }
  const rep = classificationReport(rows.map((r) => r.label), rows.map((r) => pred.get(r.id)!), METER_LABELS);
  console.log(`${rep.macroF1.toFixed(3)} 2stage | ${rep.perClass.map((c: any) => `${c.label[0]}${c.f1.toFixed(2)}`).join(' ')} | ${set}`);
}

function gridOf(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (let q = 1; q < 40; q++) out.push(s[Math.floor((q / 40) * s.length)]);
  return out;
}
