/**
 * Paragraphs and sentences with offsets. Plain-text news often has one paragraph per line, so
 * every line break ends a paragraph, and every paragraph end ends a sentence (some copies lose
 * their final periods). Sentence ends are found by rule: a terminal mark, closing quotes, space,
 * and a capital (or digit, or opening quote), unless the word before the period is an
 * abbreviation, a title or an initial.
 */
import type { Span } from '../types.js';

/** Titles that always precede a name: never a sentence end. */
const TITLES = new Set(
  ('mr mrs ms mssrs messrs dr prof sen sens rep reps gov govs gen lt col capt cmdr adm maj sgt cpl ' +
    'pvt det insp supt rev fr sr jr hon pres atty sec st mt ft brig cdr esq mme mlle mm vs v')
    .split(' '),
);
/** Abbreviations that can also end a sentence: a sentence end only before a common opening word. */
const ENDING_ABBREVIATIONS = new Set(
  ('jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp plc llc bros dept univ assn ' +
    'no nos vol pp p ed eds est approx ave blvd rd etc al cf ca')
    .split(' '),
);
/** Words that commonly open a sentence: after "U.S." or "Inc." they signal a new sentence. */
const SENTENCE_OPENERS = new Set(
  ('the a an in on at but and he she it they we i you this that these those there his her their its ' +
    'our my as if when while after before since however meanwhile also so yet some many one two no ' +
    'what who why how where then still now later last earlier despite although though instead')
    .split(' '),
);

const CLOSERS = `"')]}`;
const OPENERS = `"'([{`;

// Character tests take the common ASCII case without a regular expression; the same
// classes as the Unicode patterns they stand for.
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiUpper = (code: number): boolean => code >= 65 && code <= 90;
const isAsciiLower = (code: number): boolean => code >= 97 && code <= 122;

/** A letter or digit (one UTF-16 code unit). */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiDigit(code) || isAsciiUpper(code) || isAsciiLower(code);
  return /[\p{L}\p{N}]/u.test(c);
}

/** What /\s/ matches (one UTF-16 code unit). */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(c);
}

/** The word (letters, digits, inner dots) ending just before index `dot`. */
function wordBefore(text: string, dot: number, from: number): string {
  let i = dot;
  while (i > from && (isWordChar(text[i - 1]) || text[i - 1] === '.')) i--;
  return text.slice(i, dot);
}

function nextWord(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && OPENERS.includes(text[j])) j++;
  let k = j;
  while (k < end && isWordChar(text[k])) k++;
  return text.slice(j, k);
}

/** Does the period at `dot` end a sentence, given the next sentence would start at `next`? */
function periodEndsSentence(text: string, dot: number, next: number, from: number, end: number): boolean {
  const word = wordBefore(text, dot, from);
  const lower = word.toLowerCase();
  // Initials ("John F. Kerry"), dotted acronyms ("U.S.", "a.m."), and month/company abbreviations.
  // (The length and dot tests only spare the patterns words they cannot match.)
  const initial = word.length <= 2 && /^\p{Lu}$/u.test(word);
  const acronym = word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word);
  const abbreviation = ENDING_ABBREVIATIONS.has(lower) || lower === 'no' || lower === 'nos';
  const title = TITLES.has(lower);
  // Any other word ends its sentence whatever follows.
  if (!initial && !acronym && !abbreviation && !title) return true;
  const following = nextWord(text, next, end);
  if (isAsciiDigit(following.charCodeAt(0)) && abbreviation) return false;
  if (title && /^\p{Lu}/u.test(following)) return false;
  if (initial || acronym || ENDING_ABBREVIATIONS.has(lower)) return SENTENCE_OPENERS.has(following.toLowerCase());
  return true;
}

/** Could a sentence start at index i (after a space)? */
function startsSentence(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && OPENERS.includes(text[j])) j++;
  const c = text[j];
  if (c === undefined || j >= end) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiUpper(code) || isAsciiDigit(code) || (j > i && isAsciiLower(code));
  return /[\p{Lu}\p{N}]/u.test(c) || (j > i && /\p{L}/u.test(c));
}

/** Is the code unit a sentence-ending mark: . ! or ? */
const isTerminal = (code: number): boolean => code === 46 || code === 33 || code === 63;

/**
 * Finds runs of terminal marks (what /[.!?]+/g finds) from an index on, with indexOf, which is
 * much faster than a regular expression over long text: it keeps the next '.', '!' and '?'.
 */
class TerminalRuns {
  /** For each mark, the index it was last searched from and the first index found (Infinity: none). */
  private readonly searchedFrom = [Infinity, Infinity, Infinity];
  private readonly found = [Infinity, Infinity, Infinity];

  constructor(private readonly text: string) {}

  /** Index of the first terminal mark at or after `from`, or -1. */
  firstFrom(from: number): number {
    let first = Infinity;
    for (let k = 0; k < 3; k++) {
      // A search from s that found f answers every search from s..f.
      if (from < this.searchedFrom[k] || from > this.found[k]) {
        const at = this.text.indexOf('.!?'[k], from);
        this.searchedFrom[k] = from;
        this.found[k] = at < 0 ? Infinity : at;
      }
      first = Math.min(first, this.found[k]);
    }
    return first === Infinity ? -1 : first;
  }

  /** End of the run of marks starting at `start` (runs may go past a part's end, as a regex match would). */
  runEnd(start: number): number {
    let end = start + 1;
    while (end < this.text.length && isTerminal(this.text.charCodeAt(end))) end++;
    return end;
  }
}

/** Sentence-end indexes (exclusive) inside [from, end). */
function sentenceEnds(text: string, from: number, end: number, runs: TerminalRuns): number[] {
  const ends: number[] = [];
  for (let mark = runs.firstFrom(from); mark >= 0 && mark < end; ) {
    const markEnd = runs.runEnd(mark);
    const found = sentenceEndAfter(text, mark, markEnd, from, end);
    if (found >= 0) ends.push(found);
    mark = runs.firstFrom(markEnd);
  }
  return ends;
}

/** Where the sentence ends if the marks [mark, markEnd) end one, else -1. */
function sentenceEndAfter(text: string, mark: number, markEnd: number, from: number, end: number): number {
  let stop = markEnd;
  while (stop < end && CLOSERS.includes(text[stop])) stop++;
  let next = stop;
  while (next < end && text[next] === ' ') next++;
  if (next === stop || next >= end || !startsSentence(text, next, end)) return -1;
  const lastMark = markEnd - 1;
  if (markEnd - mark === 1 && text[mark] === '.' && !periodEndsSentence(text, lastMark, next, from, end)) return -1;
  return stop;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** Parts of [start, end) not covered by any exclude span (spans sorted by start). */
function uncovered(start: number, end: number, exclude: Span[]): Span[] {
  const parts: Span[] = [];
  let at = start;
  for (const x of exclude) {
    if (x.end <= at || x.start >= end) continue;
    if (x.start > at) parts.push({ start: at, end: x.start });
    at = Math.max(at, x.end);
  }
  if (at < end) parts.push({ start: at, end });
  return parts;
}

/** Paragraphs: each non-blank line, trimmed. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const span = trimSpan(text, start, end);
    if (span) paragraphs.push(span);
    start = end + 1;
  }
  return paragraphs;
}

/**
 * Splits text into paragraphs and sentences (offsets into `text`, ordered, non-overlapping,
 * trimmed). Sentences leave out what lies in `exclude` (boilerplate): a paragraph partly
 * excluded keeps its other part.
 */
export function segment(text: string, exclude: Span[] = []): { paragraphs: Span[]; sentences: Span[] } {
  const paragraphs = splitParagraphs(text);
  return { paragraphs, sentences: sentencesOf(text, paragraphs, exclude) };
}

/** The sentences of segment(text, exclude), for `paragraphs` already split by splitParagraphs(text). */
export function sentencesOf(text: string, paragraphs: Span[], exclude: Span[] = []): Span[] {
  const sortedExclude = [...exclude].sort((a, b) => a.start - b.start);
  const sentences: Span[] = [];
  const runs = new TerminalRuns(text);
  for (const p of paragraphs) {
    for (const part of uncovered(p.start, p.end, sortedExclude)) {
      let at = part.start;
      for (const stop of [...sentenceEnds(text, part.start, part.end, runs), part.end]) {
        const s = trimSpan(text, at, stop);
        if (s) sentences.push(s);
        at = stop;
      }
    }
  }
  return sentences;
}
