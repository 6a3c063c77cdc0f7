/**
 * prepareArticle must not change its output when it is made faster: every Article (or error)
 * for a fixed set of inputs is hashed and compared with hashes recorded from an earlier,
 * trusted version. Inputs: synthetic articles, seeded random texts built from the characters
 * and words the text rules react to, examples/, and (when present) the seeds and METER texts.
 * Regenerate after an intended change with STORYTRACE_UPDATE_FIXTURES=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { prepareArticle } from './prepare.js';
import { readInputs } from './read.js';
import { InputError } from '../errors.js';
import { PROJECT_ROOT, sharedPath } from '../test-helpers/shared.js';
import type { RawDocument } from '../types.js';
import { SynthCorpus } from '../../bench/synth/corpus.js';
import { rng } from '../../bench/synth/words.js';

const FIXTURE = join(PROJECT_ROOT, 'src', 'ingest', 'fixtures', 'prepare-identity', 'expected.json');
const UPDATE = process.env.STORYTRACE_UPDATE_FIXTURES === '1';

/** Short hash of the full output of prepareArticle for one input (or of the error it throws). */
function outputHash(raw: RawDocument): string {
  let out: string;
  try {
    out = JSON.stringify(prepareArticle(raw));
  } catch (e) {
    out = `error ${(e as Error).name}: ${(e as Error).message}`;
  }
  return createHash('sha256').update(out).digest('hex').slice(0, 16);
}

/** Pieces the text rules look at: quotes, dashes, spaces, line ends, abbreviations, dates, furniture. */
const PIECES = [
  'The', 'said', 'Mr.', 'Dr.', 'U.S.', 'a.m.', 'Inc.', 'Jan.', 'No.', 'J.', 'St.', 'etc.', 'he', 'It', '42', '3.5',
  '.', '. ', '!', '?', '...', '?!', ' ', '  ', '\t', '\u00a0', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\u2028', '\f',
  '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '``', "''", '`', '(', ')', '[', ']', '\u2014', '\u2013', '-', '--',
  '\u2026', '\u00ad', '\u200b', '\ufeff', '\x07', 'e\u0301', '\u00e9', '\u00c9cole', '\u00df', '\u0130', '\ud83d\ude00',
  '<', '\u00b6', '|', ':', ';', ',', '\u00a9 2024 Wire', 'By Jane Doe', 'BY JOHN SMITH, The Courier', 'Share this',
  'Follow us on Twitter', 'Read more:', 'Leave a Reply', 'Photo: AP', '(Reuters)', '(photo credit: A B / X)',
  'March 3, 2022', '3 March 2022', '2021-02-23', '12/05/2020', 'Published: May 2, 2020 -', 'Monday, 4 July 2016 10:30 GMT',
  '03:03 27/01/00: Page 1 (X) DESK', 'Jane Doe staff writer', 'Reporting by A; Editing by B', 'ENDS', '***', '-----',
  'Subscribe to our newsletter', 'Comments (3)', 'your email address will not be published',
  'Ferry routes closed', 'All ferry routes were closed on Friday', 'winds reached 90 km/h', 'National Iranian Council (NIAC)',
];

/** A seeded random text made of PIECES and filler words, some lines wrapped at a fixed width. */
function randomText(seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  const n = 5 + Math.floor(r() * 120);
  for (let i = 0; i < n; i++) parts.push(r() < 0.7 ? PIECES[Math.floor(r() * PIECES.length)] : ` word${Math.floor(r() * 50)} `);
  let text = parts.join(r() < 0.5 ? ' ' : '');
  if (r() < 0.25) text = (text.replace(/\s+/g, ' ').match(/.{1,60}(?:\s|$)/g) ?? [text]).join('\n');
  return text;
}

/** Every input of the check, keyed by a stable name (paths relative to their root). */
async function inputs(): Promise<Map<string, RawDocument>> {
  const all = new Map<string, RawDocument>();
  for (const d of new SynthCorpus(1).docs(0, 300)) all.set(`synth1:${d.index}`, d.raw);
  for (let i = 0; i < 400; i++) all.set(`random:${i}`, { source: `random:${i}`, kind: 'text', body: randomText(i + 1), meta: {} });
  const folders: [string, string | null][] = [
    ['examples', join(PROJECT_ROOT, 'examples')],
    ['seeds', sharedPath('seeds')],
    ['meter', sharedPath('datasets', 'meter-courts')],
  ];
  for (const [label, dir] of folders) {
    if (!dir || !existsSync(dir)) continue;
    for await (const item of readInputs([dir])) {
      if (item instanceof InputError) continue;
      if (label === 'meter' && !/rawtexts/.test(item.source)) continue;
      const name = `${label}:${relative(dir, item.source)}`;
      all.set(name, { ...item, source: name });
    }
  }
  return all;
}

test('prepareArticle output is unchanged (hashes of every Article)', async () => {
  const got: Record<string, string> = {};
  for (const [name, raw] of await inputs()) got[name] = outputHash(raw);
  if (UPDATE) writeFileSync(FIXTURE, JSON.stringify(got, null, 1) + '\n');
  const expected: Record<string, string> = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  // Inputs from ../shared are compared only when present here.
  const changed = Object.keys(got).filter((k) => expected[k] !== got[k]);
  assert.deepEqual(changed, []);
  const missingLocal = Object.keys(expected).filter((k) => !(k in got) && !/^(?:seeds|meter):/.test(k));
  assert.deepEqual(missingLocal, []);
  assert.ok(Object.keys(got).length >= 700);
});
