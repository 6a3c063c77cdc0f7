/**
 * Study aid: cheap (linear-time) process features of every METER story against its folder's PA
 * texts joined, as JSON lines (merge with the other dumps by id).
 *   node --import tsx eval/process-study2.ts <meter-dir> > process2.jsonl
 */
import { loadMeter } from './meter.js';
import { createEngine } from '../src/engine/engine.js';
import { studyText } from './study-prep.js';
import { sharedRunCoverage } from '../src/relate/process-runs.js';
import type { Token } from '../src/types.js';

const engine = createEngine();
const { items } = loadMeter(process.argv[2]);

const prep = (text: string) => studyText(engine, text);

/** Capitalised word not at a sentence start: a name. */
function isName(ts: Token[], i: number): boolean {
  const t = ts[i];
  return /^\p{Lu}/u.test(t.surface) && i > 0 && ts[i - 1].sentence === t.sentence;
}

function features(b: ReturnType<typeof prep>, a: ReturnType<typeof prep>) {
  const out: Record<string, number> = {};
  for (const k of [2, 3, 4, 6, 8, 10, 16]) {
    const c = sharedRunCoverage(b.tokens, a.tokens, k, b.quoted);
    out[`run${k}`] = c.all;
    out[`run${k}_unq`] = c.unquoted;
  }
  const aLem = new Set(a.tokens.filter((t) => !t.stop).map((t) => t.lemma));
  const aCanon = new Set(a.tokens.filter((t) => !t.stop).map((t) => t.canon));
  let n = 0, hit = 0, nq = 0, hq = 0, nn = 0, hn = 0, wi = 0, wh = 0, nc = 0, hc = 0, nnn = 0, hnn = 0;
  b.tokens.forEach((t, i) => {
    if (t.stop) return;
    const inA = aLem.has(t.lemma) ? 1 : 0;
    n++; hit += inA;
    if (!b.quoted[i]) { nq++; hq += inA; }
    if (isName(b.tokens, i)) { nn++; hn += inA; } else if (!/^\d/.test(t.norm)) { nnn++; hnn += inA; }
    const idf = engine.lexicon.backgroundIdf(t.lemma);
    wi += idf; wh += idf * inA;
    nc++; hc += aCanon.has(t.canon) ? 1 : 0;
  });
  const r = (x: number, y: number) => (y === 0 ? 0 : x / y);
  out.cont = r(hit, n);
  out.cont_unq = r(hq, nq);
  out.cont_names = r(hn, nn);
  out.cont_words = r(hnn, nnn);
  out.cont_idf = r(wh, wi);
  out.cont_canon = r(hc, nc);
  out.n_content = n;
  out.n_unq = nq;
  out.novel_unq = nq - hq; // count of own (non-PA) words outside quotes
  out.shared_unq = hq;
  return out;
}

for (const item of items) {
  const row: Record<string, unknown> = { id: item.id, label: item.label };
  if (item.paTexts.length) row.joined = features(prep(item.newspaperText), prep(item.paTexts.join('\n\n')));
  process.stdout.write(JSON.stringify(row) + '\n');
}
