/**
 * Title and publication date from plain text: the headline is a short first line, the date is
 * a line (or a labelled prefix) holding only a date. Also the date parsing the boilerplate rules
 * use to recognise datelines.
 */
import type { Span } from '../types.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const LABEL = '(?:(?:date[d]?|published(?: on| at)?|first published|posted(?: on| at)?|updated|last updated|modified)\\s*:?\\s*)';
const TIME = '(?:\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)';

// Compiled once: these run for every short line of every article.
const WEEKDAY_AT_START = new RegExp(`^${WEEKDAY}`, 'i');
const LABEL_AT_START = new RegExp(`^${LABEL}`, 'i');
const TIME_THEN_SPACE = new RegExp(`^${TIME}\\s+`, 'i');
const TIME_THEN_SEPARATOR = new RegExp(`^${TIME}\\s*[,|-]?\\s*`, 'i');
/** What may follow the date on a date line: a time, a time zone. */
const DATE_LINE_TAIL = new RegExp(`^(?:(?:at|[,|:-])\\s*)?(?:${TIME})?\\s*(?:\\(?[A-Z]{2,4}\\)?)?\\s*$`, 'i');
/** A written or ISO date after the start of a line or a separator (global: used with matchAll, which copies it). */
const HEADER_DATE = new RegExp(`(?:^|[\\s,|(])(${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`, 'gi');

/** Date patterns at the start of a string, each with a function giving [year, month, day]. */
const DATE_PATTERNS: [RegExp, (m: RegExpExecArray) => [number, number, number] | null][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/, (m) => [+m[1], +m[2], +m[3]]],
  [new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i'), (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]]],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`, 'i'), (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]]],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})/, (m) => [+m[1], +m[2], +m[3]]],
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/, (m) => dayMonthOrder(+m[1], +m[2], +m[3])],
];

/** Numeric dates: day/month when the first part can't be a month, month/day when the second can't; else unknown. */
function dayMonthOrder(a: number, b: number, y: number): [number, number, number] | null {
  const year = y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
  if (a > 12 && b <= 12) return [year, b, a];
  if (b > 12 && a <= 12) return [year, a, b];
  return null;
}

function iso([y, m, d]: [number, number, number]): string | null {
  // Days per month checked too: "February 30" is no date (Date.UTC(y, m, 0) is the month's last day).
  if (!m || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate() || y < 1800 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date at the very start of `s` (after an optional weekday): its length and ISO value
 * (`iso` is null when the date is real but its day/month order is ambiguous).
 */
export function dateAtStart(s: string): { length: number; iso: string | null } | null {
  const weekday = WEEKDAY_AT_START.exec(s);
  const offset = weekday ? weekday[0].length : 0;
  const rest = s.slice(offset);
  for (const [pattern, parts] of DATE_PATTERNS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const ymd = parts(m);
    const value = ymd ? iso(ymd) : null;
    if (ymd && !value) continue;
    return { length: offset + m[0].length, iso: value };
  }
  return null;
}

/** Parses a date string in any supported form to `YYYY-MM-DD`, or null. */
export function parseDate(s: string): string | null {
  // Wire headers put the time first: "03:03 27/01/00: Page 1".
  const t = s.trim().replace(LABEL_AT_START, '').replace(TIME_THEN_SPACE, '');
  return dateAtStart(t)?.iso ?? null;
}

/**
 * Is this line only a date (with an optional label such as "Published:", weekday, time and
 * time zone)? Returns the date (ISO, or '' when ambiguous) or null when it is not a date line.
 */
export function dateLine(line: string): string | null {
  let t = line.trim().replace(LABEL_AT_START, '');
  t = t.replace(TIME_THEN_SEPARATOR, '');
  const date = dateAtStart(t);
  if (!date) return null;
  const rest = t.slice(date.length).trim();
  return DATE_LINE_TAIL.test(rest) ? (date.iso ?? '') : null;
}

/**
 * A labelled or ISO date opening a paragraph that goes on ("date 2021-02-23 In 2019 …",
 * "Published: May 2, 2020 - The …"): the length of that prefix including following space and
 * separators, and its date; null when the paragraph does not start so.
 */
export function datePrefix(paragraph: string): { length: number; iso: string | null } | null {
  const lead = /^\s*/.exec(paragraph)![0].length;
  const label = LABEL_AT_START.exec(paragraph.slice(lead));
  const at = lead + (label ? label[0].length : 0);
  const date = dateAtStart(paragraph.slice(at));
  if (!date) return null;
  const after = /^\s*(?:[-|:]+\s*)?/.exec(paragraph.slice(at + date.length))![0];
  const explicit = label !== null || /^\d{4}-/.test(paragraph.slice(at)) || /-|\|/.test(after);
  if (!explicit || after.length === 0 || at + date.length + after.length >= paragraph.length) return null;
  return { length: at + date.length + after.length, iso: date.iso };
}

/** Longest headline, in characters. */
const MAX_TITLE_CHARS = 200;

function overlaps(a: Span, list: Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * The headline of a plain text: the first paragraph that is not boilerplate, when it is short,
 * has no final period, is not a date, and more text follows. Null otherwise.
 */
export function guessTitle(text: string, paragraphs: Span[], boilerplate: Span[]): string | null {
  const body = paragraphs.filter((p) => !overlaps(p, boilerplate));
  if (body.length < 2) return null;
  const line = text.slice(body[0].start, body[0].end).replace(/[\s<>|:;,-]+$/, '');
  if (line.length === 0 || line.length > MAX_TITLE_CHARS || /\.["')\]]*$|^\(/.test(line) || dateLine(line) !== null) return null;
  return line;
}

/** The first date held by a dateline span (ISO `YYYY-MM-DD`), or null. */
export function guessPublished(text: string, datelines: Span[]): string | null {
  for (const span of datelines) {
    const s = text.slice(span.start, span.end);
    const value = dateLine(s) || datePrefix(s + ' x')?.iso || parseDate(s);
    if (value) return value;
  }
  return null;
}

/** How far into a plain text a header date or byline is looked for (characters). */
const HEADER_CHARS = 800;

/** Header lines longer than this are body text, whose dates are about the story, not the article. */
const HEADER_LINE_CHARS = 120;

/**
 * The first unambiguous date on a short header line of a plain text ("Updated 15 October 2025,
 * 14:20", "AMBRY FORD, 15 October 2025 -"), when no line holds only a date. Captions (`skip`
 * spans) and long lines are passed over; numeric day/month dates are ignored as too ambiguous.
 */
export function headerDate(text: string, paragraphs: Span[], skip: Span[] = []): string | null {
  for (const p of paragraphs) {
    if (p.start > HEADER_CHARS) break;
    if (p.end - p.start > HEADER_LINE_CHARS || overlaps(p, skip)) continue;
    for (const m of text.slice(p.start, p.end).matchAll(HEADER_DATE)) {
      const value = dateAtStart(m[1])?.iso;
      if (value) return value;
    }
  }
  return null;
}

const NAME = String.raw`\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,3}`;
const BYLINE = new RegExp(String.raw`^\s*By\s+(${NAME}(?:\s+and\s+${NAME})?)(?:\s*[,|-]\s*(.+))?$`, 'u');

/**
 * Author and outlet from a byline near the top of a plain text: "By Elin Marsh, The Vale
 * Courier" or "By Jane Doe". The outlet part is kept only when it reads as a name (capitalised
 * words, no reporting credits such as "with additional reporting by").
 */
export function headerByline(text: string, paragraphs: Span[]): { author: string | null; outlet: string | null } {
  for (const p of paragraphs) {
    if (p.start > HEADER_CHARS) break;
    const m = BYLINE.exec(text.slice(p.start, p.end));
    if (!m) continue;
    const outletPart = (m[2] ?? '').split(/\s*,\s*|\s+with\s+/)[0].trim();
    const outlet = /^(?:The\s+)?\p{Lu}[\p{L}&'.-]*(?:\s+\p{Lu}[\p{L}&'.-]*){0,4}$/u.test(outletPart) && !/\d/.test(outletPart) ? outletPart : null;
    return { author: m[1], outlet };
  }
  return { author: null, outlet: null };
}
