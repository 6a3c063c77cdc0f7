/**
 * A generated corpus of small articles for the deployment tests: document i is a pure function
 * of (seed, i). About a quarter are copies of an earlier original (same text reformatted, a word
 * changed, or an excerpt), so the analysis finds relations and stories, not only singletons.
 */
import type { RawDocument } from '../../src/types.js';

/** mulberry32: a small deterministic generator (no Math.random in this project). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dur', 'sel', 'pa', 'ni', 'gor', 'ella', 'mun', 'bri', 'tov', 'ash',
  'qui', 'zem', 'hal', 'fen', 'rup', 'jo', 'wex', 'lin', 'stro', 'bel', 'cay', 'dom', 'ish', 'nar', 'plo', 'ut'];
const VERBS = ['approved', 'rejected', 'delayed', 'announced', 'questioned', 'funded', 'opened', 'closed', 'reviewed', 'debated'];

function word(r: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'that', 'this', 'was',
  'is', 'had', 'has', 'were', 'but', 'or', 'as', 'after', 'before', 'about', 'into', 'over', 'under', 'his', 'her', 'their',
  'its', 'would', 'could', 'not', 'also', 'then', 'when', 'while', 'where', 'which'];

/** A sentence of made-up words with function words at random places, so no two share a shape. */
function sentence(r: () => number, first: string): string {
  const words = [first];
  const length = 9 + Math.floor(r() * 8);
  for (let k = 1; k < length; k++) words.push(r() < 0.35 ? pick(r, FUNCTION_WORDS) : word(r, 3 + Math.floor(r() * 2)));
  if (r() < 0.5) words.splice(2, 0, pick(r, VERBS));
  return words.join(' ') + '.';
}

/** The three sentences of original story `i`: made-up words, so stories share little. */
function storySentences(seed: number, i: number): string[] {
  const r = rng(seed * 7919 + i * 104729 + 1);
  const person = `${capital(word(r, 3))} ${capital(word(r, 4))}`;
  return [sentence(r, person), sentence(r, capital(word(r, 3))), sentence(r, capital(word(r, 4)))];
}

/** Document i of the corpus. */
export function smallDoc(seed: number, i: number): RawDocument {
  const r = rng(seed * 31 + i * 7 + 3);
  const derive = i >= 10 && r() < 0.25;
  const base = derive ? Math.max(0, i - 1 - Math.floor(r() * 50)) : i;
  let sentences = storySentences(seed, base);
  const how = Math.floor(r() * 3);
  if (derive && how === 1) sentences = sentences.map((s, k) => (k === 1 ? s.replace(/ (\w+)\.$/, ' today.') : s));
  if (derive && how === 2) sentences = sentences.slice(0, 2);
  const body = derive && how === 0 ? sentences.join('\n\n') + '\n' : sentences.join(' ');
  // A reformatted copy has the same content hash as its original, so only one of the two is
  // stored, whichever comes first; with several workers that order is not fixed. It carries
  // its original's metadata so the stored article is the same either way.
  const metaOf = derive && how === 0 ? base : i;
  const meta = { outlet: `Outlet ${metaOf % 37}`, published: `2024-01-${String((metaOf % 28) + 1).padStart(2, '0')}` };
  return { source: `small:${i}`, kind: 'text', body, meta };
}

export function smallCorpus(seed: number, n: number): RawDocument[] {
  return Array.from({ length: n }, (_, i) => smallDoc(seed, i));
}
