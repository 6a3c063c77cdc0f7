import type { Lexicon } from '../lexicon/lexicon.js';
import type { Edit } from '../types.js';
import type { Hunk } from './hunks.js';
import type { Side } from './prepare.js';

/** Content-token counts of one passage's diff (a's side unless said otherwise). */
export interface EditCounts {
  same: number;
  synonym: number;
  replaced: number;
  deleted: number;
  /** Content tokens of b that are insertions. */
  inserted: number;
  /** Matched content tokens on b's side, for the passage similarity. */
  matchedB: number;
  /** Longest run of consecutive identical tokens (stop words included). */
  longestRun: number;
}

const span = (side: Side, idx: number[]): [number, number] | null =>
  idx.length === 0 ? null : [side.tokens[idx[0]].start, side.tokens[idx[idx.length - 1]].end];

function relatedPair(a: Side, i: number, b: Side, j: number, lexicon: Lexicon): boolean {
  const la = a.tokens[i].lemma;
  const lb = b.tokens[j].lemma;
  return la === lb || a.tokenCanon[i] === b.tokenCanon[j] || lexicon.related(la, lb);
}

/**
 * Turns diff hunks into the public `Edit` list: runs of identical tokens become one `same`
 * edit; each matched pair with different words is a `synonym`; a change with as many tokens on
 * both sides is split pairwise (lexicon-related pairs become `synonym`, consecutive others one
 * `replace`); any other change is one `replace`, `delete` or `insert`.
 */
export function buildEdits(hunks: Hunk[], a: Side, b: Side, lexicon: Lexicon): { edits: Edit[]; counts: EditCounts } {
  const edits: Edit[] = [];
  const counts: EditCounts = { same: 0, synonym: 0, replaced: 0, deleted: 0, inserted: 0, matchedB: 0, longestRun: 0 };
  const contentA = (idx: number[]): number => idx.filter((i) => !a.tokens[i].stop).length;
  const contentB = (idx: number[]): number => idx.filter((j) => !b.tokens[j].stop).length;
  let run = 0;
  const push = (op: Edit['op'], ai: number[], bi: number[]): void => {
    const last = edits[edits.length - 1];
    if (op === 'same') run += ai.length;
    else run = 0;
    counts.longestRun = Math.max(counts.longestRun, run);
    const na = contentA(ai);
    if (op === 'same' || op === 'synonym') counts.matchedB += contentB(bi);
    if (op === 'same') counts.same += na;
    else if (op === 'synonym') counts.synonym += na;
    else if (op === 'replace') counts.replaced += na;
    else if (op === 'delete') counts.deleted += na;
    else counts.inserted += contentB(bi);
    const mergeable = last && last.op === op && (op === 'same' || op === 'replace') && last.a && last.b;
    if (mergeable && last.a && last.b && ai.length > 0 && bi.length > 0) {
      last.a = [last.a[0], a.tokens[ai[ai.length - 1]].end];
      last.b = [last.b[0], b.tokens[bi[bi.length - 1]].end];
      return;
    }
    edits.push({ op, a: span(a, ai), b: span(b, bi) });
  };
  for (const h of hunks) {
    if (h.op !== 'change') push(h.op, h.a, h.b);
    else if (h.a.length === 0) push('insert', [], h.b);
    else if (h.b.length === 0) push('delete', h.a, []);
    else if (h.a.length !== h.b.length) push('replace', h.a, h.b);
    else {
      h.a.forEach((i, k) => {
        const j = h.b[k];
        push(relatedPair(a, i, b, j, lexicon) ? 'synonym' : 'replace', [i], [j]);
      });
    }
  }
  return { edits, counts };
}
