import type { Lexicon } from '../lexicon/lexicon.js';
import type { Substitution } from '../types.js';
import { localIdentity, type Hunk, type Neighbourhood } from './hunks.js';
import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';

/**
 * Word swaps inside one passage's diff. Rule (what counts as a swap rather than paraphrase):
 *  - a swap is a change of at most maxSubstitutionWords words on each side (twice that when both
 *    sides have as many words, judged pairwise), with a content word on each side, not only a change of inflection (different lemmas), spelling or spacing,
 *    and not a number update (digits on both sides);
 *  - `thesaurus`: the two sides share a canonical token or the lexicon calls them related, and
 *    the `substitutionWindow` positions on each side of the swap (within its sentence) are at
 *    least `thesaurusMinIdentity` matched;
 *  - `context`: no lexicon support, but the swap is flanked by matched words on both sides, its
 *    whole window is at least `contextMinWindowIdentity` matched, and on at least one side the
 *    window holds `contextMinRun` matched words and is `contextMinIdentity` matched; a long,
 *    otherwise identical run with a
 *    one-to-three word hole is a spinner's swap whatever a thesaurus says.
 * Equal-length changes are reported pairwise (skipping pairs of function words), so "a very
 * helpful" -> "an extremely valuable" gives very->extremely and helpful->valuable.
 */
export function findSubstitutions(hunks: Hunk[], a: Side, b: Side, lexicon: Lexicon, opts: AlignOptions): Substitution[] {
  const out: Substitution[] = [];
  hunks.forEach((h, at) => {
    if (h.op === 'same') return;
    // Equal-length changes are judged word by word, so they may be longer ("an extremely valuable function").
    const max = h.a.length === h.b.length ? 2 * opts.maxSubstitutionWords : opts.maxSubstitutionWords;
    if (h.a.length === 0 || h.b.length === 0 || h.a.length > max || h.b.length > max) return;
    const around = localIdentity(hunks, at, opts.substitutionWindow, sentenceScope(h, a, b));
    const identity = around.total > 0 ? around.matched / around.total : 0;
    const pairs: Array<[number[], number[]]> =
      h.a.length === h.b.length ? h.a.map((i, k) => [[i], [h.b[k]]]) : [[h.a, h.b]];
    for (const [ai, bi] of pairs) {
      const s = swap(ai, bi, a, b, lexicon);
      if (!s) continue;
      const enough =
        s.evidence === 'thesaurus'
          ? identity >= opts.thesaurusMinIdentity
          : h.op === 'change' && around.flanked && identity >= opts.contextMinWindowIdentity && longRunBeside(around, opts);
      if (enough) out.push(s);
    }
  });
  return out;
}

/** A context swap needs a long, mostly identical run on at least one side of it. */
function longRunBeside(around: Neighbourhood, opts: AlignOptions): boolean {
  return [around.before, around.after].some(
    (w) => w.matched >= opts.contextMinRun && w.matched / w.total >= opts.contextMinIdentity,
  );
}

/** A hunk is in scope when its words lie in the same sentences (of a and of b) as `h`'s. */
function sentenceScope(h: Hunk, a: Side, b: Side): (other: Hunk) => boolean {
  const sa = a.tokens[h.a[0]].sentence;
  const sb = b.tokens[h.b[0]].sentence;
  return (o) => o.a.every((i) => a.tokens[i].sentence === sa) && o.b.every((j) => b.tokens[j].sentence === sb);
}

const hasDigit = (s: string): boolean => /\d/.test(s);
const lettersOf = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The swap ai -> bi with its evidence, or null when it is not a word swap at all. */
function swap(ai: number[], bi: number[], a: Side, b: Side, lexicon: Lexicon): Substitution | null {
  const ta = ai.map((i) => a.tokens[i]);
  const tb = bi.map((j) => b.tokens[j]);
  if (ta.every((t) => t.stop) || tb.every((t) => t.stop)) return null;
  const lemmasA = ta.map((t) => t.lemma).join(' ');
  const lemmasB = tb.map((t) => t.lemma).join(' ');
  if (lemmasA === lemmasB) return null;
  const surfaceA = a.text.slice(ta[0].start, ta[ta.length - 1].end);
  const surfaceB = b.text.slice(tb[0].start, tb[tb.length - 1].end);
  if (hasDigit(surfaceA) && hasDigit(surfaceB)) return null;
  if (lettersOf(surfaceA) === lettersOf(surfaceB)) return null; // "Washington- based" vs "Washington-based"
  const sameCanon = ai.length === 1 && bi.length === 1 && a.tokenCanon[ai[0]] === b.tokenCanon[bi[0]];
  const thesaurus = sameCanon || lexiconJoins(lemmasA, lemmasB, lexicon);
  return { a: surfaceA, b: surfaceB, a_at: ta[0].start, b_at: tb[0].start, evidence: thesaurus ? 'thesaurus' : 'context' };
}

/** Multi-word lemmas are tried with spaces and with WordNet's underscores ("look for", "look_for"). */
function lexiconJoins(x: string, y: string, lexicon: Lexicon): boolean {
  if (lexicon.related(x, y) || lexicon.canon(x) === lexicon.canon(y)) return true;
  if (!x.includes(' ') && !y.includes(' ')) return false;
  const ux = x.replace(/ /g, '_');
  const uy = y.replace(/ /g, '_');
  return lexicon.related(ux, uy) || lexicon.canon(ux) === lexicon.canon(uy);
}
