// Shared by the npm tools' runners: corpus reading, word 5-grams, timing, the result line.
import { readFileSync } from 'node:fs';

export const REUSE_KINDS = new Set(['duplicate', 'near_duplicate', 'spun', 'excerpt', 'abridged']);

export function readCorpus(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
}

/** Lower-cased words (letters and digits), then every run of 5 joined by spaces. */
export function shingles(text, k = 5) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = [];
  for (let i = 0; i + k <= words.length; i++) out.push(words.slice(i, i + k).join(' '));
  if (out.length === 0 && words.length > 0) out.push(words.join(' '));
  return out;
}

export function seconds(t) {
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export function report(tool, docs, fingerprintSec, buildSec, querySec, queries, hits) {
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  console.log(JSON.stringify({ tool, docs: docs.length, mb, fingerprintSec, buildSec, querySec, queries, recall: hits / queries }));
}
