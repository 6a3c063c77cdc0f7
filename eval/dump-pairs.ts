/**
 * Writes, for every METER story, the full comparison (relation, features, passages with their
 * edits) of the newspaper text against its folder's PA texts, both joined into one source and
 * one by one (JSON lines), so process features can be studied offline without re-aligning.
 *   node --import tsx eval/dump-pairs.ts <meter-dir> [from] [to] > pairs.jsonl
 */
import { loadMeter } from './meter.js';
import { createEngine } from '../src/engine/engine.js';
import { compareTexts } from '../src/engine/texts.js';
import type { PairRelation } from '../src/types.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: dump-pairs.ts <meter-dir> [from] [to]');
  process.exit(2);
}
const from = Number(process.argv[3] ?? 0);
const to = Number(process.argv[4] ?? Infinity);
const engine = createEngine();
const { items } = loadMeter(dir);

function slim(r: PairRelation) {
  return { relation: r.relation, share_a: r.share_a, share_b: r.share_b, features: r.features, passages: r.passages };
}

for (const item of items.slice(from, to)) {
  const joinedText = item.paTexts.join('\n\n');
  const joined = item.paTexts.length ? slim(compareTexts(engine, joinedText, item.newspaperText, 'pa', item.newspaperPath)) : null;
  const each = item.paTexts.length > 1 ? item.paTexts.map((pa, i) => slim(compareTexts(engine, pa, item.newspaperText, item.paPaths[i], item.newspaperPath))) : joined ? [joined] : [];
  process.stdout.write(JSON.stringify({ id: item.id, label: item.label, joined, each }) + '\n');
}
