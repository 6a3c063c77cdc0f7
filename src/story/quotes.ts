/**
 * Quote extraction: pairs quote marks in normalised text (ASCII " and ') into quotations with
 * offsets, then asks src/story/speaker.ts who said each one.
 *
 * Copies mangle quote marks: spinners turn an opening curly quote into a closing one, so after
 * normalisation an opening mark may stand before a space (`" He's the signal`). Pairing therefore
 * alternates open/close inside a paragraph and uses the shape of a mark only to drop marks that
 * cannot open (a mark glued to the word before it and followed by a space, in the middle of a
 * paragraph). A quote left open at a paragraph's end continues when the next paragraph opens with
 * a mark (the multi-paragraph convention), else it ends with its paragraph.
 */
import type { Span } from '../types.js';
import { attributeSpeakers } from './speaker.js';

export interface Quote {
  /** The quoted words: exactly `text.slice(start, end)`. */
  text: string;
  /** Offsets of the quoted words, inside the marks, trimmed of spaces and trailing commas. */
  start: number;
  end: number;
  /** Who said it as the article names them ("Mark Dubowitz", "a U.S. official"), or null. */
  speaker: string | null;
  /** Offset of the speaker's name in the text (for a resolved pronoun: of the name it resolved to). */
  speakerAt?: number;
  /** One or two words in quotes: a term or scare quote ("web", "maximum pressure"), not a statement. */
  short?: boolean;
  /** For a quote running over several paragraphs: the quoted stretch of each paragraph. */
  parts?: Span[];
}

/** A mark whose neighbours say it can only close: glued to a word before, space or end after. */
function closesOnly(text: string, at: number): boolean {
  const before = text[at - 1] ?? ' ';
  const after = text[at + 1] ?? ' ';
  return /[\p{L}\p{N}.,!?;:)\]]/u.test(before) && /[\s,.;:!?)\]-]|^$/.test(after);
}

/** Paragraphs as runs of non-newline text: every line break ends a paragraph. */
function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const DOUBLE_MARK = /["\u201c\u201d\u201e\u201f]/g;

/** Pairs double quote marks into raw quoted stretches (mark-exclusive), each as its paragraph parts. */
function pairDoubleMarks(text: string): Span[][] {
  const quotes: Span[][] = [];
  let pending: Span[] | null = null; // quote left open at the end of the previous paragraph
  for (const para of lineSpans(text)) {
    const body = text.slice(para.start, para.end);
    const firstChar = para.start + (body.length - body.trimStart().length);
    const marks: number[] = [];
    DOUBLE_MARK.lastIndex = 0;
    for (let m = DOUBLE_MARK.exec(body); m; m = DOUBLE_MARK.exec(body)) marks.push(para.start + m.index);
    let open: Span[] | null = null;
    let openAt = -1;
    let i = 0;
    if (pending) {
      if (marks[0] === firstChar) {
        open = pending;
        openAt = marks[0];
        i = 1;
      } else quotes.push(pending);
      pending = null;
    }
    for (; i < marks.length; i++) {
      const at = marks[i];
      if (!open) {
        if (at !== firstChar && closesOnly(text, at)) continue; // stray closing mark
        open = [];
        openAt = at;
      } else {
        open.push({ start: openAt + 1, end: at });
        quotes.push(open);
        open = null;
      }
    }
    if (open) {
      open.push({ start: openAt + 1, end: para.end });
      pending = open;
    }
  }
  if (pending) quotes.push(pending);
  return quotes;
}

/** Single-quoted stretches outside double quotes, with strict word-boundary rules (apostrophes abound). */
function pairSingleMarks(text: string, taken: Span[]): Span[][] {
  const out: Span[][] = [];
  const inside = (at: number) => taken.some((s) => at >= s.start - 1 && at <= s.end);
  for (const para of lineSpans(text)) {
    let openAt = -1;
    for (let at = text.indexOf("'", para.start); at !== -1 && at < para.end; at = text.indexOf("'", at + 1)) {
      if (inside(at)) continue;
      const before = text[at - 1] ?? ' ';
      const after = text[at + 1] ?? ' ';
      const canOpen = /[\s(\[-]/.test(before) || at === para.start;
      if (openAt < 0) {
        if (canOpen && /\p{L}/u.test(after)) openAt = at;
      } else if (/[\p{L}\p{N}.,!?]/u.test(before) && (/[\s,.;:!?)\]-]/.test(after) || at + 1 === para.end)) {
        if (at - openAt < 400) out.push([{ start: openAt + 1, end: at }]);
        openAt = -1;
      }
    }
  }
  return out;
}

/** Trims spaces around a stretch and commas/colons at its end; null when nothing is left. */
function trimSpan(text: string, s: Span): Span | null {
  let start = s.start;
  let end = s.end;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/**
 * Finds the quotations of a normalised text with their speakers. `sentences` (the article's
 * sentence spans) only bound where an attribution is looked for; without them the text's own
 * punctuation is used.
 */
export function extractQuotes(text: string, sentences?: Span[]): Quote[] {
  const doubles = pairDoubleMarks(text);
  const takenDouble = doubles.map((parts) => ({ start: parts[0].start, end: parts[parts.length - 1].end }));
  const raw = [...doubles, ...pairSingleMarks(text, takenDouble)];
  const quotes: Quote[] = [];
  for (const rawParts of raw) {
    const parts = rawParts.map((p) => trimSpan(text, p)).filter((p): p is Span => p !== null);
    if (parts.length === 0) continue;
    const start = parts[0].start;
    const end = parts[parts.length - 1].end;
    const q: Quote = { text: text.slice(start, end), start, end, speaker: null };
    if (wordCount(q.text) <= 2) q.short = true;
    if (parts.length > 1) q.parts = parts;
    quotes.push(q);
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  attributeSpeakers(text, quotes, sentences);
  return quotes;
}
