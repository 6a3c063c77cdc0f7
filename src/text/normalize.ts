/**
 * Text normalisation: one spelling for quotes, dashes, spaces and line breaks, so that copies
 * that differ only in typography compare equal and offsets stay meaningful afterwards.
 */

/** Single quotes, primes and their look-alikes; also used as apostrophes (’ and the misused ‘). */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\uff07]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02]/g;
/** TeX-style quotes of old wire copy: ``like this''. */
const TEX_QUOTES = /``|''/g;
/** Hyphen, non-breaking hyphen, figure/en/em dashes, horizontal bar, minus, small/full-width hyphen-minus. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;
/** No-break, en/em/thin/hair and other fixed-width spaces, tab. */
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters, soft hyphen, BOM, C0 controls except LF, DEL, C1 controls. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Normalises typography: NFC, ASCII quotes and dashes, plain spaces, LF line ends, no invisible
 * characters, no trailing spaces, at most one blank line in a row, no leading blank lines or
 * trailing whitespace. Idempotent.
 */
export function normalizeText(s: string): string {
  let t = s.replace(/\r\n?|[\u2028\u2029\f]/g, '\n').replace(INVISIBLE, '');
  t = t.normalize('NFC');
  t = t
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(TEX_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...')
    .replace(ODD_SPACES, ' ');
  t = t.replace(/ +$/gm, '');
  t = t.replace(/\n{3,}/g, '\n\n');
  return t.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** Lines longer than this are not from a hard-wrapped text. */
const MAX_WRAP_WIDTH = 100;
/** A line at least this share of the wrap width continues on the next line. */
const FULL_LINE_SHARE = 0.7;

/**
 * Old wire copy is hard-wrapped at a fixed width (a paragraph spans several lines). Joins the
 * lines of such a text back into one line per paragraph: a line nearly as long as the wrap width
 * continues on the next; a short line ends its paragraph. Texts with long lines are returned as
 * they are, so running it again changes nothing.
 */
export function unwrapHardWrapped(text: string): string {
  const lines = text.split('\n');
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lengths.length < 5 || lengths.some((n) => n > MAX_WRAP_WIDTH)) return text;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)];
  const full = lengths.filter((n) => n >= width * FULL_LINE_SHARE).length;
  if (width < 40 || full < lengths.length * 0.4) return text;
  const out: string[] = [];
  let joinNext = false;
  for (const line of lines) {
    if (joinNext && line.trim() !== '') out[out.length - 1] += ' ' + line.trim();
    else out.push(line);
    joinNext = line.trim() !== '' && line.trimEnd().length >= width * FULL_LINE_SHARE;
  }
  return out.join('\n');
}
