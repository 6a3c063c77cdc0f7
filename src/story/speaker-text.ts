/**
 * Text helpers for speaker attribution: quotation masking, sentence bounds that survive
 * abbreviations ("Mr.", "U.S."), and the speech verbs that introduce a quote.
 */
import type { Span } from '../types.js';

/** Stands in for every character inside a quotation, so nothing quoted is read as attribution. */
export const MASK = '\u2591';

/** The text with each quote's words replaced by MASK (marks and offsets kept). */
export function maskQuotes(text: string, quotes: readonly Span[]): string {
  const spans = quotes
    .map((q) => [Math.max(0, q.start), Math.min(text.length, q.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0; // text before `at` is written; spans may overlap
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    out += text.slice(at, from) + MASK.repeat(e - from);
    at = e;
  }
  return out + text.slice(at);
}

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen col lt sgt st jr sr prof rev gen maj capt adm cmdr u.s u.n u.k e.u inc co corp ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec ft mt'.split(' '),
);

/** Is masked[i] (one of . ! ?) the end of a sentence? */
function endsSentence(masked: string, i: number): boolean {
  const next = masked.slice(i + 1, i + 4);
  if (!/^(?:["')\]]*(?:\s|$))/.test(next) && i + 1 < masked.length) return false;
  if (masked[i] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(0, i - 12), i))?.[1].toLowerCase() ?? '';
  if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) return false;
  const after = /^["')\]]*\s*(\S)/.exec(masked.slice(i + 1, i + 12));
  return !after || !/\p{Ll}/u.test(after[1]);
}

/** Start of the sentence holding position `pos` of the masked text. */
export function boundaryBefore(masked: string, pos: number, sentences?: Span[]): number {
  let own = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (masked[i] === '\n') {
      own = i + 1;
      break;
    }
    if (/[.!?]/.test(masked[i]) && endsSentence(masked, i)) {
      own = i + 1;
      break;
    }
  }
  let given = 0;
  for (const s of sentences ?? []) if (s.start <= pos && s.start > given && masked[s.start] !== MASK) given = s.start;
  return Math.max(own, given);
}

/** End (exclusive) of the sentence holding position `pos` of the masked text. */
export function boundaryAfter(masked: string, pos: number, sentences?: Span[]): number {
  let own = masked.length;
  for (let i = pos; i < masked.length; i++) {
    if (masked[i] === '\n') {
      own = i;
      break;
    }
    if (/[.!?]/.test(masked[i]) && endsSentence(masked, i)) {
      own = i + 1;
      break;
    }
  }
  let given = masked.length;
  for (const s of sentences ?? []) if (s.start > pos && s.start < given && masked[s.start] !== MASK) given = s.start;
  return Math.min(own, given);
}

/** Verbs that can also be nouns: only their -ed and -ing forms count ("claims that…" is a noun). */
const NOUNISH = 'claim state note call charge counter question comment remark reply tweet quip joke concede'.split(' ');
const REGULAR =
  'add inform state note explain ask argue insist elaborate expound stress warn claim declare recall reply respond remark acknowledge admit concede observe comment tweet announce suggest contend maintain emphasize emphasise confirm deny describe call urge conclude reiterate testify predict complain lament boast quip charge counter assert allege caution recount joke opine mention question'.split(
    ' ',
  );

function inflections(base: string): string[] {
  const stem = base.slice(0, -1);
  let forms: string[];
  if (base.endsWith('e')) forms = [base, `${base}s`, `${base}d`, `${stem}ing`];
  else if (/[^aeiou]y$/.test(base)) forms = [base, `${stem}ies`, `${stem}ied`, `${base}ing`];
  else if (/^(?:admit|quip)$/.test(base)) forms = [base, `${base}s`, `${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`];
  else if (/(?:s|sh|ch|x)$/.test(base)) forms = [base, `${base}es`, `${base}ed`, `${base}ing`];
  else forms = [base, `${base}s`, `${base}ed`, `${base}ing`];
  // Bare forms are mostly nouns or infinitives; keep them only for the plainest verbs.
  const keepBare = /^(?:add|ask)$/.test(base);
  return forms.filter((f, i) => (i > 0 || keepBare) && !(NOUNISH.includes(base) && i < 2));
}

const SPEECH_VERBS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote', 'writing',
  ...REGULAR.flatMap(inflections),
];
const SPEECH_VERB_RE = new RegExp(`\\b(?:${[...new Set(SPEECH_VERBS)].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

export interface VerbHit {
  index: number;
  length: number;
}

/** First speech verb in `s` (lower case only: "State Department" is no verb). */
export function findSpeechVerb(s: string): VerbHit | null {
  SPEECH_VERB_RE.lastIndex = 0;
  const m = SPEECH_VERB_RE.exec(s);
  return m ? { index: m.index, length: m[0].length } : null;
}

/** Last speech verb in `s`. */
export function lastSpeechVerb(s: string): VerbHit | null {
  SPEECH_VERB_RE.lastIndex = 0;
  let last: VerbHit | null = null;
  for (let m = SPEECH_VERB_RE.exec(s); m; m = SPEECH_VERB_RE.exec(s)) last = { index: m.index, length: m[0].length };
  return last;
}
