/** Reads the exported benchmark corpus (bench/export-corpus.ts) for the comparison runs. */
import { readFileSync } from 'node:fs';

export interface CorpusLine {
  id: string;
  kind: string;
  source: string | null;
  text: string;
}

/** Kinds whose copies share wording with their source: what MinHash LSH is meant to find. */
export const REUSE_KINDS = new Set(['duplicate', 'near_duplicate', 'spun', 'excerpt', 'abridged']);

export function readCorpus(path: string): CorpusLine[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as CorpusLine);
}
