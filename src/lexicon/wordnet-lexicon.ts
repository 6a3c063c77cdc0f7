/**
 * The Lexicon over the compact WordNet data (see build.ts). Look-ups are on typed arrays;
 * lemmas and related-lemma lists are memoised per word because a corpus repeats its words.
 */
import { LOWER_PHRASE_BIT, PROPER_BIT, type LexiconData } from './build.js';
import { lemmatizeWord, type MorphologySource } from './lemmatize.js';
import type { PhraseLexicon } from './lexicon.js';
import { hashString } from './wordnet.js';

const fromBase64Int32 = (s: string): Int32Array => {
  const bytes = Buffer.from(s, 'base64');
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
};

/** Longest multi-word expression indexed for phrase repair. */
const MAX_PHRASE_WORDS = 5;

export class WordNetLexicon implements PhraseLexicon, MorphologySource {
  readonly exceptions: LexiconData['exceptions'];
  private readonly lemmas: string[];
  private readonly pos: Uint8Array;
  private readonly senseStart: Int32Array;
  private readonly senseSynset: Int32Array;
  private readonly memberStart: Int32Array;
  private readonly memberLemma: Int32Array;
  private readonly relatedStart: Int32Array;
  private readonly relatedSynset: Int32Array;
  private readonly canonOf: Int32Array;
  private readonly lemmaCache = new Map<string, string>();
  private readonly relatedCache = new Map<string, readonly string[]>();
  private fillers: Map<string, string[]> | null = null;
  private readonly glossBigramsBase64: string;
  private glossBigrams: Uint32Array | null = null;
  /**
   * Gloss word counts, as parsed from the lexicon's JSON: a plain object, so backgroundIdf reads
   * it through a type check. A Map read a trace's words more slowly (bench/RESULTS.md, session 18).
   */
  private readonly glossWords: LexiconData['glossWords'];

  constructor(data: LexiconData) {
    this.exceptions = data.exceptions;
    this.lemmas = data.lemmas.split('\n');
    this.pos = new Uint8Array(Buffer.from(data.pos, 'base64'));
    this.senseStart = fromBase64Int32(data.senseStart);
    this.senseSynset = fromBase64Int32(data.senseSynset);
    this.memberStart = fromBase64Int32(data.memberStart);
    this.memberLemma = fromBase64Int32(data.memberLemma);
    this.relatedStart = fromBase64Int32(data.relatedStart);
    this.relatedSynset = fromBase64Int32(data.relatedSynset);
    this.canonOf = fromBase64Int32(data.canon);
    this.glossBigramsBase64 = data.glossBigrams;
    this.glossWords = data.glossWords;
  }

  /**
   * Background inverse document frequency of a word, from WordNet's glosses: high for rare
   * words, low for everyday ones. Words the glosses never use count as rare.
   */
  backgroundIdf(word: string): number {
    const n = this.glossWords.glosses;
    // an inherited property ("constructor", "__proto__") is no count: it used to give NaN
    const own = this.glossWords.counts[word];
    const c = typeof own === 'number' ? own : 0;
    return Math.log((n + 1) / (c + 1));
  }

  attested(words: readonly string[]): boolean {
    if (!this.glossBigrams) {
      const bytes = Buffer.from(this.glossBigramsBase64, 'base64');
      this.glossBigrams = new Uint32Array(bytes.byteLength / 4);
      new Uint8Array(this.glossBigrams.buffer).set(bytes);
    }
    for (let k = 1; k < words.length; k++) {
      const h = hashString(`${words[k - 1]} ${words[k]}`);
      const list: Uint32Array = this.glossBigrams;
      let lo = 0;
      let hi = list.length - 1;
      let hit = false;
      while (lo <= hi && !hit) {
        const mid = (lo + hi) >>> 1;
        if (list[mid] === h) hit = true;
        else if (list[mid] < h) lo = mid + 1;
        else hi = mid - 1;
      }
      if (!hit) return false;
    }
    return words.length >= 2;
  }

  /** Position of a lemma in the sorted list (binary search: no 150k-entry Map to build at load). */
  private indexOf(lemma: string): number | undefined {
    const list = this.lemmas;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid];
      if (v === lemma) return mid;
      if (v < lemma) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  posOf(lemma: string): number {
    const i = this.indexOf(lemma);
    return i === undefined ? 0 : this.pos[i] & 15;
  }

  knows(lemma: string): boolean {
    return this.indexOf(lemma) !== undefined;
  }

  lemma(word: string): string {
    const w = word.toLowerCase().replace(/[’‘]/g, "'");
    let l = this.lemmaCache.get(w);
    if (l === undefined) {
      l = lemmatizeWord(w, this);
      this.lemmaCache.set(w, l);
    }
    return l;
  }

  canon(lemma: string): string {
    const i = this.indexOf(lemma);
    return i === undefined ? lemma : this.lemmas[this.canonOf[i]];
  }

  private synsetsOf(lemma: string): Int32Array {
    const i = this.indexOf(lemma);
    return i === undefined ? new Int32Array(0) : this.senseSynset.subarray(this.senseStart[i], this.senseStart[i + 1]);
  }

  private membersOf(synset: number): Int32Array {
    return this.memberLemma.subarray(this.memberStart[synset], this.memberStart[synset + 1]);
  }

  private neighboursOf(synset: number): Int32Array {
    return this.relatedSynset.subarray(this.relatedStart[synset], this.relatedStart[synset + 1]);
  }

  related(a: string, b: string): boolean {
    return this.relatedWithin(a, b, 1);
  }

  relatedWithin(a: string, b: string, hops: 1 | 2): boolean {
    if (a === b || this.canon(a) === this.canon(b)) return true;
    const sb = new Set(this.synsetsOf(b));
    if (sb.size === 0) return false;
    for (const s of this.synsetsOf(a)) {
      if (sb.has(s)) return true;
      for (const r of this.neighboursOf(s)) if (sb.has(r)) return true;
    }
    if (hops === 1) return false;
    // two hops: a synset one hop from a and one hop from b (co-hyponyms, similar-to chains)
    const nearB = new Set<number>();
    for (const s of sb) for (const r of this.neighboursOf(s)) nearB.add(r);
    for (const s of this.synsetsOf(a)) for (const r of this.neighboursOf(s)) if (nearB.has(r)) return true;
    return false;
  }

  synonyms(lemma: string): readonly string[] {
    const out = new Set<string>();
    for (const s of this.synsetsOf(lemma)) for (const m of this.membersOf(s)) out.add(this.lemmas[m]);
    out.delete(lemma);
    return [...out];
  }

  relatedLemmas(lemma: string): readonly string[] {
    let cached = this.relatedCache.get(lemma);
    if (cached) return cached;
    const out = new Set(this.synonyms(lemma));
    for (const s of this.synsetsOf(lemma)) {
      for (const r of this.neighboursOf(s)) for (const m of this.membersOf(r)) out.add(this.lemmas[m]);
    }
    out.delete(lemma);
    cached = [...out];
    this.relatedCache.set(lemma, cached);
    return cached;
  }

  isPhrase(words: readonly string[]): boolean {
    if (words.length < 2) return false;
    const i = this.indexOf(words.join(' '));
    return i !== undefined && (this.pos[i] & (LOWER_PHRASE_BIT | PROPER_BIT)) !== 0;
  }

  phraseCase(words: readonly string[]): 'lower' | 'proper' | 'both' | null {
    if (!this.isPhrase(words)) return null;
    const i = this.indexOf(words.join(' '))!;
    const lower = (this.pos[i] & LOWER_PHRASE_BIT) !== 0;
    const proper = (this.pos[i] & PROPER_BIT) !== 0;
    return lower && proper ? 'both' : proper ? 'proper' : 'lower';
  }

  phraseFillers(words: readonly string[], slot: number): readonly string[] {
    const key = words.map((w, k) => (k === slot ? '\u0000' : w)).join(' ');
    return this.fillerIndex().get(key) ?? [];
  }

  /** Multi-word lemmas keyed by their words with one slot blanked, built on first use. */
  private fillerIndex(): Map<string, string[]> {
    if (this.fillers) return this.fillers;
    const fillers = new Map<string, string[]>();
    for (const lemma of this.lemmas) {
      if (!lemma.includes(' ')) continue;
      const words = lemma.split(' ');
      if (words.length > MAX_PHRASE_WORDS) continue;
      for (let slot = 0; slot < words.length; slot++) {
        const key = words.map((w, k) => (k === slot ? '\u0000' : w)).join(' ');
        const list = fillers.get(key);
        if (list) list.push(words[slot]);
        else fillers.set(key, [words[slot]]);
      }
    }
    this.fillers = fillers;
    return fillers;
  }
}
