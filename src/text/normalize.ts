/**
 * Text normalisation: one spelling for quotes, dashes, spaces and line breaks, so that copies
 * that differ only in typography compare equal and offsets stay meaningful afterwards.
 */

/** Single quotes, primes and their look-alikes; also used as apostrophes (’ and the misused ‘). */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\uff07]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02]/g;
/** TeX-style quotes of old wire copy: ``like this'' (after backticks became apostrophes). */
const TEX_QUOTES = /''/g;
/** Hyphen, non-breaking hyphen, figure/en/em dashes, horizontal bar, minus, small/full-width hyphen-minus. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;
/** No-break, en/em/thin/hair and other fixed-width spaces, tab. */
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters, soft hyphen, BOM, C0 controls except LF, DEL, C1 controls. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Any character the first step (line ends, invisible characters) changes. */
const LINE_BREAK_OR_INVISIBLE = /[\r\u2028\u2029\f\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** Any character the quote, dash, ellipsis and space replacements change (and '' does too). */
const TYPOGRAPHY = new RegExp(`[${[SINGLE_QUOTES, DOUBLE_QUOTES, DASHES, ODD_SPACES].map((r) => r.source.slice(1, -1)).join('')}\`\u2026]`);
/** Anything but printable ASCII other than the backtick, and line feeds. */
const NOT_PLAIN = /[^\n\x20-\x5f\x61-\x7e]/;

/**
 * Normalises typography: NFC, ASCII quotes and dashes, plain spaces, LF line ends, no invisible
 * characters, no trailing spaces, at most one blank line in a row, no leading blank lines or
 * trailing whitespace. Idempotent.
 */
export function normalizeText(s: string): string {
  // Each step runs only when the text holds what it changes: most text needs few of them.
  // Printable ASCII and line feeds (but no backtick or '') is NFC already and has nothing to replace.
  if (NOT_PLAIN.test(s) || s.includes("''")) return normalizeLines(normalizeCharacters(s));
  return normalizeLines(s);
}

/** Line ends, invisible characters, NFC, quotes, dashes, ellipses, spaces. */
function normalizeCharacters(s: string): string {
  let t = LINE_BREAK_OR_INVISIBLE.test(s) ? s.replace(/\r\n?|[\u2028\u2029\f]/g, '\n').replace(INVISIBLE, '') : s;
  t = t.normalize('NFC');
  if (TYPOGRAPHY.test(t) || t.includes("''")) {
    t = t
      .replace(SINGLE_QUOTES, "'")
      .replace(/`/g, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(TEX_QUOTES, '"')
      .replace(DASHES, '-')
      .replace(/\u2026/g, '...')
      .replace(ODD_SPACES, ' ');
  }
  return t;
}

/** Trailing spaces, runs of blank lines, leading blank lines, trailing whitespace. */
function normalizeLines(t: string): string {
  if (t.includes(' \n') || t.endsWith(' ')) t = t.replace(/ +$/gm, '');
  if (t.includes('\n\n\n')) t = t.replace(/\n{3,}/g, '\n\n');
  if (t.startsWith('\n')) t = t.replace(/^\n+/, '');
  // trimEnd removes exactly what \s+$ matches (both are WhiteSpace and LineTerminator).
  return t.trimEnd();
}

/** Lines longer than this are not from a hard-wrapped text. */
const MAX_WRAP_WIDTH = 100;
/** Share of text lines that must break mid-sentence for a text to count as hard-wrapped. */
const MIN_FULL_SHARE = 0.3;

const hasText = (line: string): boolean => /[\p{L}\p{N}]/u.test(line);
const ENDS_SENTENCE = /[.!?:;]["')\]]*\s*$/;

/**
 * Would the next line's first word have fitted on this line? If not, a greedy wrapper broke
 * here and the paragraph goes on; if it would have, this line ends its paragraph.
 */
function continues(line: string, next: string | undefined, bothHaveText: boolean, width: number): boolean {
  if (next === undefined || !bothHaveText) return false;
  const nextText = next.trim();
  const space = nextText.indexOf(' ');
  const firstWordLength = space < 0 ? nextText.length : space;
  if (line.trimEnd().length + 1 + firstWordLength <= width) return false;
  // A full line ending a sentence before a capital may end its paragraph; keep them apart.
  return !(ENDS_SENTENCE.test(line) && /^\s*["'(]?\p{Lu}/u.test(next));
}

/**
 * Old wire copy is hard-wrapped at a fixed width (a paragraph spans several lines). Joins the
 * lines of such a text back into one line per paragraph. Texts with long lines, or too few
 * wrapped lines, are returned as they are, so running it again changes nothing.
 */
export function unwrapHardWrapped(text: string): string {
  const lines = text.split('\n');
  // The cheap test first: most text has a line too long to be wrapped.
  if (lines.some((l) => l.length > MAX_WRAP_WIDTH && l.trimEnd().length > MAX_WRAP_WIDTH)) return text;
  const textual = lines.map(hasText);
  const textLines = lines.filter((_, i) => textual[i]);
  if (textLines.length < 5) return text;
  // The wrap width, from the longer lines; a stray long header line must not set it.
  const lengths = textLines.map((l) => l.trimEnd().length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  if (width < 40) return text;
  const joins = lines.map((l, i) => continues(l, lines[i + 1], textual[i] && textual[i + 1] === true, width));
  // Hard-wrapped text breaks lines mid-sentence; one-paragraph-per-line text does not.
  const midSentence = lines.filter((l, i) => joins[i] && !/[.!?:;"')\]]\s*$/.test(l)).length;
  if (midSentence < Math.max(3, textLines.length * MIN_FULL_SHARE)) return text;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && joins[i - 1]) out[out.length - 1] += ' ' + line.trim();
    else out.push(line);
  });
  return out.join('\n');
}

/** Characters some wire formats put at every line end as a paragraph mark. */
const LINE_END_MARKS = ['<', '¶'];
/** Share of text lines that must end in the same mark before it is taken for one. */
const MIN_MARKED_SHARE = 0.6;

/**
 * Removes a paragraph mark that ends most lines of a text (old wire copy ends every paragraph
 * with '<'). Texts where the character is rare are left alone. Idempotent for texts whose lines
 * do not end in doubled marks.
 */
export function stripLineEndMarks(text: string): string {
  if (!LINE_END_MARKS.some((mark) => text.includes(mark))) return text;
  const lines = text.split('\n');
  const textLines = lines.filter((l) => l.trim() !== '');
  for (const mark of LINE_END_MARKS) {
    const marked = textLines.filter((l) => l.endsWith(mark)).length;
    if (textLines.length >= 3 && marked >= textLines.length * MIN_MARKED_SHARE) {
      return lines.map((l) => (l.endsWith(mark) ? l.slice(0, -1).trimEnd() : l)).join('\n');
    }
  }
  return text;
}

/** Plain text as read from a file: normalised, unwrapped, paragraph marks removed. */
export function cleanPlainText(s: string): string {
  const normalized = normalizeText(s);
  const cleaned = stripLineEndMarks(unwrapHardWrapped(normalized));
  // normalizeText is idempotent, so text neither step changed needs no second pass.
  return cleaned === normalized ? cleaned : normalizeText(cleaned);
}
