/**
 * Writes, for every METER story, the relation features of the newspaper text against each
 * PA text of its folder (JSON lines), so decision rules can be studied without re-aligning.
 *   node --import tsx eval/dump-features.ts <meter-dir> > features.jsonl
 */
import { loadMeter } from './meter.js';
import { createEngine } from '../src/engine/engine.js';
import { compareTexts } from '../src/engine/texts.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: dump-features.ts <meter-dir>');
  process.exit(2);
}
const engine = createEngine();
const { items } = loadMeter(dir);
for (const item of items) {
  const pairs = item.paTexts.map((pa, i) => {
    const r = compareTexts(engine, pa, item.newspaperText, item.paPaths[i], item.newspaperPath);
    return { relation: r.relation, share_a: r.share_a, share_b: r.share_b, features: r.features };
  });
  process.stdout.write(JSON.stringify({ id: item.id, label: item.label, pairs }) + '\n');
}
