/** Shared by the reliability tests: a seeded PRNG, temp folders, article text generation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** mulberry32: small, fast, deterministic; the tests never use Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `storytrace-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const WORDS = (
  'council river budget minister police court harbour school report vote tax rail bridge hospital storm ' +
  'market union farmers museum election plan water energy city county village judge mayor festival road'
).split(' ');

/**
 * A small distinct article: a headline and three paragraphs of made-up sentences. `n` makes
 * it unique (its number is written out in the text), `random` picks the words.
 */
export function syntheticArticle(n: number, random: () => number): string {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)];
  const sentence = () => `The ${pick()} and the ${pick()} met the ${pick()} on ${pick()} matters number ${n}.`;
  const paragraph = () => [sentence(), sentence(), sentence()].join(' ');
  return `Story ${n} about the ${pick()}\n\n${paragraph()}\n\n${paragraph()}\n\n${paragraph()}\n`;
}
