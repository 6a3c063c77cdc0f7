/**
 * Study aid: lead, source-position and quote-fidelity features (JSON lines, merge by id).
 *   node --import tsx eval/process-study3.ts <meter-dir> > process3.jsonl
 */
import { loadMeter } from './meter.js';
import { createEngine } from '../src/engine/engine.js';
import { studyText } from './study-prep.js';
import { sharedRunMask } from '../src/relate/process-runs.js';
import { bestSentenceMatches, sentenceLemmaSets } from '../src/relate/process-sentences.js';

const engine = createEngine();
const { items } = loadMeter(process.argv[2]);

function prep(text: string) {
  const t = studyText(engine, text);
  return { ...t, sents: sentenceLemmaSets(t.tokens) };
}

for (const item of items) {
  const row: Record<string, unknown> = { id: item.id, label: item.label };
  if (item.paTexts.length) {
    const b = prep(item.newspaperText);
    const pas = item.paTexts.map(prep);
    // lead: b's first two sentences against the first three of any PA text
    const leads = pas.flatMap((p) => p.sents.slice(0, 3));
    const lead = bestSentenceMatches(b.sents.slice(0, 2), leads);
    // position: for b sentences matched ≥ 0.5, relative position of the match in its PA text
    const all = pas.flatMap((p) => p.sents.map((_, k) => k / Math.max(1, p.sents.length - 1)));
    const allSets = pas.flatMap((p) => p.sents);
    const m = bestSentenceMatches(b.sents, allSets);
    const matched = m.filter((x) => x.score >= 0.5);
    const pos = matched.length ? matched.reduce((s, x) => s + all[x.source], 0) / matched.length : 1;
    // PA sentences used (share of PA sentences that are some b sentence's best match ≥ 0.5), best single PA
    const used = new Set(matched.map((x) => x.source));
    // quote fidelity: b's quoted tokens covered by 4-runs shared with PA, over quoted tokens that share their lemma with PA
    const paNorm = pas.flatMap((p) => p.tokens.map((t) => t.norm));
    const mask = sharedRunMask(b.tokens.map((t) => t.norm), paNorm, 4);
    const paLem = new Set(pas.flatMap((p) => p.tokens.map((t) => t.lemma)));
    let q = 0, qv = 0, ql = 0;
    b.tokens.forEach((t, i) => {
      if (!b.quoted[i]) return;
      q++;
      qv += mask[i];
      if (paLem.has(t.lemma)) ql++;
    });
    row.joined = {
      lead1: lead[0]?.score ?? 0,
      lead2: lead.length ? Math.max(...lead.map((x) => x.score)) : 0,
      pos,
      used_pa: used.size / Math.max(1, allSets.length),
      quoted_tokens: q,
      quote_verbatim: q ? qv / q : 0,
      quote_fidelity: ql ? qv / ql : 0,
      n_sent: b.sents.length,
    };
  }
  process.stdout.write(JSON.stringify(row) + '\n');
}
