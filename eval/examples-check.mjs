// Compares `storytrace compare --batch --json` output on examples/ pairs with examples/expected.json.
// Usage: node eval/examples-check.mjs expected.json < pairs.jsonl
import { readFileSync } from 'node:fs';
const exp = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = (p) => p.split('/').pop();
const key = (x, y) => [base(x), base(y)].sort().join(' ');
const gold = new Map();
for (const [x, y] of exp.pairs.same_story_derived) gold.set(key(x, y), 'derived');
for (const [x, y] of exp.pairs.same_event_not_derived) gold.set(key(x, y), 'same_event');
for (const [x, y] of exp.pairs.related_not_derived) gold.set(key(x, y), 'related');
for (const [x, y] of exp.pairs.unrelated) gold.set(key(x, y), 'unrelated');
const fine = new Map(exp.pairs.relations.map((r) => [key(r.a, r.b), r.relation]));
const DER = new Set(['duplicate', 'near_duplicate', 'spun_copy', 'excerpt', 'abridged', 'rewrite']);
const lines = readFileSync(0, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
let right = 0, fineRight = 0, fineN = 0;
const wrong = [];
for (const r of lines) {
  const k = key(r.a, r.b);
  const g = gold.get(k);
  const coarse = DER.has(r.relation) ? 'derived' : r.relation;
  if (coarse === g) right++; else wrong.push(`${k}: ${r.relation} (gold ${g}${fine.get(k) ? ' ' + fine.get(k) : ''})`);
  if (fine.has(k) && DER.has(fine.get(k))) { fineN++; if (fine.get(k) === r.relation) fineRight++; else if (coarse === g) wrong.push(`  fine ${k}: ${r.relation} vs ${fine.get(k)}`); }
}
console.log(`pairs right (derived/same_event/related/unrelated): ${right}/${lines.length}; derived pairs with the exact type: ${fineRight}/${fineN}`);
for (const w of wrong) console.log('  ' + w);
