/**
 * Boilerplate: page furniture set apart from the article body (never deleted; offsets stay).
 * General rules about what furniture looks like, line by line, plus a few about position
 * (captions near the top, bios and comment sections at the end). Each rule is written for
 * pages nobody here has read; none lists strings of particular articles.
 */
import type { BoilerplateKind, BoilerplateSpan, Span } from '../types.js';
import { dateLine, datePrefix } from './textmeta.js';

/** Lines longer than this are body text, whatever they start with. */
const SHORT_LINE = 160;
/** Captions and their repeats are looked for among this many first paragraphs. */
const TOP_PARAGRAPHS = 8;

const SOCIAL_NETWORKS = 'facebook|twitter|x|instagram|telegram|youtube|whatsapp|tiktok|linkedin|reddit|pinterest|threads|gab|parler|truth social|vk|rumble|email|print|flipboard|mastodon';

/** Text of a comment form; such a line may be long (it holds the whole form). */
const COMMENT_FORM = /your email address will not be published|required fields are marked|you must be logged in to (?:post|leave) a comment|comments are (?:closed|moderated)/i;
/**
 * A quick test a line must pass for a rule's pattern to match it (never false when the pattern
 * would match), so most lines skip the pattern. `lower` is the line with ASCII letters in lower
 * case. Sound for patterns with /i but no /u: those match ASCII letters only to ASCII letters.
 */
type Guard = (line: string, lower: string) => boolean;

/** A guard: does the lower-cased line hold one of the phrases? (One pattern of plain phrases scans faster than includes each.) */
function holdsAny(phrases: string[]): Guard {
  const pattern = new RegExp(phrases.join('|'));
  return (_, lower) => pattern.test(lower);
}
const mayHoldCommentForm = holdsAny(['your email address will not be published', 'required fields are marked', 'you must be logged in to ', 'comments are ']);
const mayHoldFooterPhrase = holdsAny(['all rights reserved', 'editing by']);
/** Does the line end in ")", perhaps followed by space and a period? Both photo-credit patterns need it. */
const endsInParenthesis: Guard = (line) => (line.endsWith('.') ? line.slice(0, -1) : line).trimEnd().endsWith(')');

/** "… (photo credit: NAME / AGENCY)", "… (File photo)" closing a line. */
const PHOTO_CREDIT_AT_END = /\((?:photo|photograph|picture|pic|image|file photo|photo credit|credit)s?\b[^()]*\)\s*\.?$|\((?:file|file photo|handout)\)\s*\.?$/i;

/**
 * Rules that look at one line alone, each with an optional quick guard. Order matters: the
 * first that matches names the kind. Exported for the test that guards never refuse a match.
 */
export const LINE_RULES: [BoilerplateKind, RegExp, Guard?][] = [
  ['comments', /^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|no comments?|\d+ comments?|comments?(?: \(\d+\))?|show comments|view comments|load comments|(?:join|start) the (?:discussion|conversation)|comment on this (?:article|story|post)|cancel reply|newer post|older post|subscribe to: post comments.*)[\s:.!]*$/i],
  ['comments', COMMENT_FORM, mayHoldCommentForm],
  ['social', new RegExp(`^(?:join|follow|like|subscribe to) (?:us|our)\\b.{0,120}\\b(?:channel|${SOCIAL_NETWORKS}|page|account|group)\\b`, 'i')],
  ['social', /\bfollow us (?:on|at)\b|^share (?:this|on|via)\b|^(?:share|tweet|pin it|share this(?: article| story| post)?)[\s:!.]*$/i, holdsAny(['follow us ', 'share', 'tweet', 'pin it'])],
  ['social', new RegExp(`^(?:(?:${SOCIAL_NETWORKS}|share|copy link)[\\s|,·•/]*){2,}$`, 'i')],
  ['newsletter', /\b(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|inbox|e-?mail (?:updates|alerts)|daily (?:digest|briefing))|^(?:get|receive) (?:our|the) .{0,60}newsletter/i, holdsAny(['sign up', 'subscribe', 'register', 'newsletter'])],
  ['related_links', /^(?:read more|find out more|learn more|see more|more on this(?: story)?|related(?: (?:stories|articles|news|content|coverage|posts|reading))?|recommended(?: for you)?|you may also like|you might also like|also read|read also|see also|trending(?: now)?|most (?:read|popular|viewed)|top stories|latest news|more stories|continue reading|watch|listen)(?:\s*[:>»|.-]|\.{3}|$)/i],
  ['related_links', /^for (?:more|the latest|further|additional) (?:stories|news|information|details|updates|coverage|articles|on this)\b|\bclick here\b/i, (_, lower) => lower.startsWith('for ') || lower.includes('click here')],
  ['photo', /^\(?(?:photo|photograph|picture|pic|image|file photo|photo credit|credit|caption|pictured|above|top photo|main image|photos?(?: by)?)\s*(?::|by\b|\/|-)/i],
  ['photo', PHOTO_CREDIT_AT_END, endsInParenthesis],
  ['byline', /^(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by|[Ww]ords by|[Rr]eport by|[Rr]eporting by|[Ss]tory by)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|and|&|de|van|von|al|bin))*(?:\s*[,|-]\s*[\p{L}.'& ]{1,60})?$/u],
  ['byline', /^posted (?:on|at)\b.{0,60}[^.]$|^posted by\s+\S.{0,40}$/i],
  ['byline', /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4}\s+(?:staff|staff writers?|staff reporters?|reporters?|correspondents?|news desk|desk|newsroom|wires?|editors?|editorial (?:board|team)|team)$/u],
  ['footer', /^(?:©|\([cC]\)|[Cc]opyright\b|COPYRIGHT\b)|\b[Aa]ll [Rr]ights [Rr]eserved\b|^(?:[Aa]dditional )?[Rr]eporting by\b.*\b[Ee]diting by\b/u, (line, lower) => line.startsWith('©') || lower.startsWith('(c)') || lower.startsWith('copyright') || mayHoldFooterPhrase(line, lower)],
  ['footer', /^\(\p{Lu}[^()]{2,80}\s(?:is|was|are|were)\s(?:an?|the)\s[^()]{3,200}\)\.?$/u],
  ['footer', /^(?:ends?|-+ ?30 ?-+|#{3}|\(end\)|\*{3})$/i],
  ['other', /^[\s\-_=*~.#•|+]{3,}$/],
  ['other', /^\((?:memo to|attention|note to (?:editors|subscribers|desks?)|editors?'?s? note|eds?:|advisory|embargoed)\b[^()]*\)?$/i],
];

/** An old wire header: time, date and page/desk slug ("03:03 27/01/00: Page 1 (X) DESK Topic"). */
const WIRE_SLUG = /^\d{1,2}[:.]\d{2}\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

/** Agencies whose name alone in parentheses at a line end is a picture credit. */
const AGENCY = /^(?:AP|AFP|EPA|Reuters|Getty(?: Images)?|Shutterstock|Xinhua|Anadolu|Bloomberg|PA|ANI|IANS|WENN|Alamy|UPI|Wikimedia Commons)$/i;

/** "(U.S. State Department)", "(JOHN SMITH / REUTERS)": capitalised words, no verb-like lower-case words. */
function creditLike(inner: string, before: string): boolean {
  const words = inner.trim().split(/\s+/);
  if (words.length === 0 || words.length > 8 || inner.length > 70) return false;
  if (AGENCY.test(inner.trim()) || /\//.test(inner)) return true;
  const capitalised = words.every((w) => /^[\p{Lu}\d&/-]/u.test(w) || /^(?:of|the|for|and|via|de|du|la|von|van|on|in)$/.test(w));
  if (!capitalised) return false;
  // "(NIAC)" right after "National Iranian American Council" defines an acronym; not a credit.
  if (/^\p{Lu}{2,6}$/u.test(inner.trim())) {
    const initials = before.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials.endsWith(inner.trim())) return false;
  }
  return /[.!?"\d]\s*$/.test(before.trim()) || words.length >= 2;
}

/** A caption: a line ending in a parenthesised credit with no period after it. */
function isCaptionWithCredit(line: string): boolean {
  if (!line.endsWith(')')) return false; // the pattern below needs it; spares its backtracking
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(line);
  return m !== null && m[1].length >= 20 && creditLike(m[2], m[1]);
}

// Guards rely on /i matching ASCII letters only to ASCII letters, which /iu does not promise.
for (const [, rule, guard] of LINE_RULES) if (guard && rule.ignoreCase && rule.unicode) throw new Error(`guard on /iu rule ${rule}`);

/** The kind of boilerplate a line is, or null; `lower` is the line with ASCII letters in lower case. */
function lineKind(line: string, lower: string): BoilerplateKind | null {
  if (line.length <= SHORT_LINE) {
    if (dateLine(line) !== null || WIRE_SLUG.test(line)) return 'dateline';
    for (const [kind, rule, guard] of LINE_RULES) if ((!guard || guard(line, lower)) && rule.test(line)) return kind;
  } else if (line.length < 300 && mayHoldCommentForm(line, lower) && COMMENT_FORM.test(line)) {
    return 'comments';
  }
  if (endsInParenthesis(line, lower) && PHOTO_CREDIT_AT_END.test(line)) return 'photo';
  if (line.length < 400 && isCaptionWithCredit(line)) return 'photo';
  return null;
}

/** Folded for comparing lines: lower case, letters and digits only. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Repeats of a caption near the top: same wording as a photo line, credit aside. */
function markRepeatedCaptions(lines: string[], kinds: (BoilerplateKind | null)[]): void {
  const top = Math.min(lines.length, TOP_PARAGRAPHS);
  for (let i = 0; i < top; i++) {
    if (kinds[i] !== 'photo') continue;
    const caption = fold(lines[i].replace(/\([^()]*\)\s*\.?$/, ''));
    if (caption.length < 30) continue;
    for (let j = 0; j < top; j++) {
      if (kinds[j] === null && fold(lines[j]).length >= 30 && caption.startsWith(fold(lines[j]))) kinds[j] = 'photo';
    }
  }
}

/** A comment section after most of the body takes everything after it. */
function markCommentTail(kinds: (BoilerplateKind | null)[]): void {
  const bodyBefore = (i: number): number => kinds.slice(0, i).filter((k) => k === null).length;
  const body = bodyBefore(kinds.length);
  const first = kinds.findIndex((k, i) => k === 'comments' && bodyBefore(i) >= 3 && bodyBefore(i) >= body * 0.5);
  if (first < 0) return;
  for (let i = first + 1; i < kinds.length; i++) kinds[i] ??= 'comments';
}

/**
 * fold(line) === folded, reading the line only as far as its first difference: most lines differ
 * from the headline in their first letters. Lines with non-ASCII characters before the first
 * difference are folded in full (case mapping outside ASCII is left to toLowerCase).
 */
function foldEquals(line: string, folded: string): boolean {
  let j = 0;
  let gap = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128) return fold(line) === folded;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57))) {
      gap = j > 0; // a run of other characters is one space, none at the start or end
      continue;
    }
    if (gap && folded.charCodeAt(j++) !== 32) return false;
    gap = false;
    if (folded.charCodeAt(j++) !== lower) return false;
  }
  return j === folded.length;
}

/**
 * The boilerplate of `paragraphs` of `text` for any headline: the line rules run once, and
 * the returned function gives the spans for a headline (as findBoilerplate would).
 */
export function boilerplateFinder(text: string, paragraphs: Span[]): (title: string | null) => BoilerplateSpan[] {
  const lines = paragraphs.map((p) => text.slice(p.start, p.end));
  // One lower-casing of the whole text; slices of it line up with the lines unless lower-casing
  // changed the length (only "İ" grows), and then each line is lower-cased alone.
  const lowerText = text.toLowerCase();
  const aligned = lowerText.length === text.length;
  const lineKinds = paragraphs.map((p, i) => lineKind(lines[i], aligned ? lowerText.slice(p.start, p.end) : lines[i].toLowerCase()));
  markRepeatedCaptions(lines, lineKinds);
  markCommentTail(lineKinds);
  return (title) => spansFor(paragraphs, lines, [...lineKinds], title);
}

/** Spans from the line kinds; marks a later line repeating the headline (`kinds` is changed). */
function spansFor(paragraphs: Span[], lines: string[], kinds: (BoilerplateKind | null)[], title: string | null): BoilerplateSpan[] {
  const spans: BoilerplateSpan[] = [];
  const foldedTitle = title ? fold(title) : '';
  let titleSeen = false;
  paragraphs.forEach((p, i) => {
    const isTitle = foldedTitle !== '' && kinds[i] === null && foldEquals(lines[i], foldedTitle);
    if (isTitle && titleSeen) kinds[i] = 'repeated_title';
    titleSeen ||= isTitle || kinds[i] === null;
    if (kinds[i]) spans.push({ start: p.start, end: p.end, kind: kinds[i]! });
  });
  const lead = paragraphs.findIndex((_, i) => kinds[i] === null);
  if (lead >= 0 && lead < 3) {
    const prefix = datePrefix(lines[lead]);
    if (prefix) {
      const end = paragraphs[lead].start + lines[lead].slice(0, prefix.length).trimEnd().length;
      spans.push({ start: paragraphs[lead].start, end, kind: 'dateline' });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Finds boilerplate among `paragraphs` of `text` (spans sorted by start). `title` is the
 * article's headline when known: a later line repeating it is `repeated_title` (the first
 * line holding the headline itself is not boilerplate).
 */
export function findBoilerplate(text: string, paragraphs: Span[], title: string | null): BoilerplateSpan[] {
  return boilerplateFinder(text, paragraphs)(title);
}
