/**
 * Derived copies of a synthetic article, one function per relation of the SPEC, each at the
 * strength the SPEC describes (spun: 15–25 % of content words swapped, function words kept).
 */
import { articleWords, type Sentence, type Story, type SynthArticle, type Writer } from './article.js';
import { FUNCTION, mix, pick, rng, type Rand, type Vocabulary } from './words.js';

export type DerivedKind = 'duplicate' | 'near_duplicate' | 'spun' | 'excerpt' | 'abridged' | 'rewrite' | 'same_event';
export const DERIVED_KINDS: readonly DerivedKind[] = ['duplicate', 'near_duplicate', 'spun', 'excerpt', 'abridged', 'rewrite', 'same_event'];

const FUNCTION_WORDS = new Set([...Object.values(FUNCTION).flat(), 'of', 'that', 'by', 'percent', 'said']);

const isContent = (w: string): boolean => !FUNCTION_WORDS.has(w) && !/^[A-Z0-9]/.test(w);

const mapSentences = (a: SynthArticle, f: (s: Sentence) => Sentence | null): SynthArticle => ({
  title: a.title,
  paragraphs: a.paragraphs.map((p) => p.map(f).filter((s): s is Sentence => s !== null)).filter((p) => p.length > 0),
});

/** A stand-in synonym: from the word's synonym group, else a fixed other word of the same part of speech. */
function synonym(w: string, v: Vocabulary, r: Rand): string {
  const group = v.synonymOf.get(w);
  if (group) return pick(r, group.filter((x) => x !== w && !x.includes(' '))) ?? w;
  const pool = w.endsWith('ed') ? v.verbs : /(al|ous|ive|ic|ful|able)$/.test(w) ? v.adjectives : v.nouns;
  let h = Math.floor(r() * 3) + 1;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return pool[(h >>> 0) % Math.min(pool.length, 5000)];
}

/** Swaps a share `rate` of content words (names, numbers and function words are kept). */
export function spin(a: SynthArticle, rate: number, v: Vocabulary, r: Rand): SynthArticle {
  const swap = (words: string[]) => words.map((w) => (isContent(w) && r() < rate ? synonym(w, v, r) : w));
  const out = mapSentences(a, (s) => ({ ...s, words: swap(s.words) }));
  return { ...out, title: swap(a.title.split(' ')).join(' ') };
}

/** Replaces, inserts or deletes a share `rate` of words (typos, small edits). */
function edit(a: SynthArticle, rate: number, v: Vocabulary, r: Rand): SynthArticle {
  return mapSentences(a, (s) => {
    const out: string[] = [];
    for (const w of s.words) {
      const x = r();
      if (x >= rate) out.push(w);
      else if (x < rate / 3) out.push(/^\d+$/.test(w) ? String(Number(w) + 1) : pick(r, v.nouns.slice(0, 2000)));
      else if (x < (2 * rate) / 3) out.push(w, pick(r, v.adjectives.slice(0, 500)));
    }
    return { ...s, words: out.length > 0 ? out : s.words };
  });
}

/** A copy of kind `kind` of `source` (about `story`); deterministic for a seed. */
export function derive(kind: DerivedKind, source: SynthArticle, story: Story, w: Writer, seed: number): SynthArticle {
  const r = rng(mix(seed, 0xde21));
  const v = w.vocab;
  switch (kind) {
    case 'duplicate':
      return source;
    case 'near_duplicate': {
      const out = edit(source, 0.01 + r() * 0.02, v, r);
      if (r() < 0.5) out.paragraphs.push([w.sentence(story, r)]);
      return out;
    }
    case 'spun':
      return spin(source, 0.15 + r() * 0.1, v, r);
    case 'excerpt': {
      const n = source.paragraphs.length;
      const take = Math.max(2, Math.round(n * (0.2 + r() * 0.2)));
      const at = Math.floor(r() * Math.max(1, n - take));
      const opinion: Sentence = { words: ['we', 'think', 'this', 'is', 'a', pick(r, v.adjectives.slice(0, 200)), 'mistake', 'for', story.place] };
      return { title: w.article(story, seed, 20).title, paragraphs: [...source.paragraphs.slice(at, at + take), [opinion]] };
    }
    case 'abridged': {
      const keep = 0.4 + r() * 0.2;
      return edit(mapSentences(source, (s) => (r() < keep ? s : null)), 0.02, v, r);
    }
    case 'rewrite':
      return rewrite(source, story, w, r, seed);
    case 'same_event':
      return sameEvent(source, story, w, r, seed);
  }
}

/** Facts and quotes retold: quotes kept word for word, other sentences new or heavily reworded, material added. */
function rewrite(source: SynthArticle, story: Story, w: Writer, r: Rand, seed: number): SynthArticle {
  const out = mapSentences(source, (s) => {
    if (s.speaker) return s;
    if (r() < 0.5) return w.sentence(story, r);
    return spin({ title: '', paragraphs: [[s]] }, 0.5, w.vocab, r).paragraphs[0][0];
  });
  const extra = w.article(story, mix(seed, 7), Math.round(articleWords(r) * 0.3));
  return { title: w.article(story, seed, 20).title, paragraphs: [...out.paragraphs, ...extra.paragraphs] };
}

/** Independent report of the same event: same actors and topic, its own sentences, sometimes one shared quote. */
function sameEvent(source: SynthArticle, story: Story, w: Writer, r: Rand, seed: number): SynthArticle {
  const own = w.article(story, mix(seed, 11), articleWords(r));
  const quotes = source.paragraphs.flat().filter((s) => s.speaker);
  if (quotes.length > 0 && r() < 0.5) own.paragraphs.splice(1, 0, [pick(r, quotes)]);
  return own;
}
