/**
 * compromise, loaded on first use: it takes a second or more to load, and most callers of the
 * quote and credit functions never need it (only pronoun speakers and unfamiliar names do).
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

let loaded: typeof nlpType | null = null;

export function nlp(text: string): ReturnType<typeof nlpType> {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return loaded(text);
}
