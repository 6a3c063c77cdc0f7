/**
 * Who said a quote. Looks in the quote's own sentence, with every quotation masked out so that
 * verbs and names inside quotes don't count: first right after the closing mark ("…," said X /
 * "…," X told Y / "…," according to X), then before the opening mark (X said "…" / X told Y
 * that the goal was "…"). A quote with no attribution of its own continues the speaker of the
 * quote before it in the same or the previous paragraph. Pronouns are resolved to the nearest
 * preceding named person. Descriptions ("one former senior U.S. official") are kept as written.
 */
import type { Span } from '../types.js';
import type { Quote } from './quotes.js';
import { boundaryAfter, boundaryBefore, findSpeechVerb, lastSpeechVerb, maskQuotes } from './speaker-text.js';
import { nearestPersonBefore } from './speaker-names.js';

/** A speaker phrase found in the text, with its offset. */
interface Found {
  name: string;
  at: number;
}

const LEADING_FILLER = /^(?:(?:and|but|though|although|while|as|because|when|after|before|since|so|yet|with|then|meanwhile|however|also)\s+)+/i;
const TRAILING_FILLER =
  /(?:\s+(?:also|later|then|has|had|have|was|were|is|are|reportedly|previously|once|recently|publicly|further|repeatedly|again|last\s+(?:month|week|year)|at\s+the\s+time|yesterday|today|earlier|separately|simply|flatly|emphatically))+$/i;
const SPEAKER_START = /^(?:\p{Lu}|\d|(?:a|an|the|one|two|three|several|some|many|multiple|another|other|his|her|their|its|he|she|they|we|i)\b)/u;
const PRONOUN = /^(?:he|she|him|her)$/i;

/** Words up to the first comma, bracket or sentence-ending period ("Mr." and "U.S." don't end it). */
function namePhrase(s: string): string {
  return /^(?:\s*(?:(?:\p{Lu}\p{Ll}{0,3}|\p{Lu}(?:\.\p{Lu})+)\.|[^\s,.;:()]+))+/u.exec(s)?.[0] ?? '';
}

/** Cleans a candidate speaker phrase; null when it does not look like a speaker. */
function cleanSpeaker(phrase: string, at: number): Found | null {
  let s = phrase.replace(/[\u2591"]/g, ' ');
  const lead = s.length - s.trimStart().length;
  s = s.trim();
  const filler = LEADING_FILLER.exec(s);
  const skip = filler ? filler[0].length : 0;
  s = s.slice(skip).replace(/\s+(?:who|which|that|whose)\b.*$/i, '').replace(TRAILING_FILLER, '');
  s = s.replace(/[\s,;:.(-]+$/, '').replace(/\s+/g, ' ');
  if (!s || !SPEAKER_START.test(s)) return null;
  const words = s.split(' ');
  if (words.length > 9 || /\d{4}/.test(s)) return null;
  return { name: s, at: at + lead + skip };
}

/** "X, appositive, told" → X; "In 2019, the Group, which Y led, said" → the Group; "A, B" → B. */
function subjectOf(phrase: string, at: number): Found | null {
  const segs: Span[] = [];
  let from = 0;
  for (let i = 0; i <= phrase.length; i++) {
    if (i === phrase.length || phrase[i] === ',') {
      if (phrase.slice(from, i).trim()) segs.push({ start: from, end: i });
      from = i + 1;
    }
  }
  if (segs.length === 0) return null;
  const endsWithComma = /,\s*$/.test(phrase);
  const pick = endsWithComma && segs.length >= 2 ? segs[segs.length - 2] : segs[segs.length - 1];
  const seg = phrase.slice(pick.start, pick.end);
  // "Trump began what he called": a pronoun right before the verb is the subject.
  const pronoun = /\b(he|she|they|we|I)\s*$/.exec(seg);
  if (pronoun && !endsWithComma) return { name: pronoun[1], at: at + pick.start + pronoun.index };
  return cleanSpeaker(seg, at + pick.start);
}

/** "…," said X / "…," X said / "…," according to X, in the words right after the closing mark. */
function speakerAfter(masked: string, q: Quote, sentenceEnd: number): Found | null {
  const from = q.end;
  const win = masked.slice(from, Math.min(sentenceEnd, from + 250));
  const lead = /^[\s,;:]*["'\u201d]?[\s,]*/.exec(win)![0].length;
  const rest = win.slice(lead);
  const newSentence = /[.!?]$/.test(q.text) && /^\p{Lu}/u.test(rest);
  if (newSentence && /\.$/.test(q.text)) return null;
  const according = /^according to\s+/i.exec(rest);
  if (according) return cleanSpeaker(namePhrase(rest.slice(according[0].length)), from + lead + according[0].length);
  const verb = findSpeechVerb(rest);
  if (!verb) return null;
  if (verb.index === 0) {
    // "said Mark Dubowitz, chief executive at …": the name runs to the first comma or stop.
    const name = namePhrase(rest.slice(verb.length));
    return cleanSpeaker(name, from + lead + verb.length);
  }
  const phrase = rest.slice(0, verb.index);
  const first = phrase.split(',')[0];
  if (first.trim().split(/\s+/).length > 7 || (newSentence && phrase.includes(','))) return null;
  return cleanSpeaker(phrase.includes(',') ? first : phrase, from + lead);
}

/** X said "…" / X told Y that the goal was "…": the subject of the last speech verb before the mark. */
function speakerBefore(masked: string, q: Quote, sentenceStart: number): Found | null {
  const openMark = q.start - 1;
  const win = masked.slice(sentenceStart, openMark);
  const verb = lastSpeechVerb(win);
  if (!verb) return null;
  const phrase = win.slice(0, verb.index);
  const trimmed = phrase.replace(TRAILING_FILLER, '').replace(/\s+$/, '');
  // "X, who…, was quoted … as saying" / "X believes … and stressed": the subject opens the sentence.
  if (/\b(?:and|as|quoted(?:\s+\S+){0,6}\s+as)$/i.test(trimmed)) return cleanSpeaker(phrase.split(',')[0], sentenceStart);
  return subjectOf(phrase, sentenceStart);
}

/** Previous non-short quote close enough to lend its speaker (same or previous paragraph). */
function inheritedSpeaker(text: string, quotes: Quote[], i: number): Found | null {
  for (let j = i - 1; j >= 0; j--) {
    const p = quotes[j];
    if (p.short || p.end > quotes[i].start) continue;
    const between = text.slice(p.end, quotes[i].start);
    const breaks = (between.match(/\n+/g) ?? []).length;
    if (breaks > 1 || (breaks === 1 && !/\n\s*["']?$/.test(between))) return null;
    return p.speaker ? { name: p.speaker, at: p.speakerAt ?? p.start } : null;
  }
  return null;
}

/** Fills `speaker` and `speakerAt` of each quote (quotes sorted by start), in place. */
export function attributeSpeakers(text: string, quotes: Quote[], sentences?: Span[]): void {
  const masked = maskQuotes(text, quotes);
  quotes.forEach((q, i) => {
    const start = boundaryBefore(masked, q.start - 1, sentences);
    const end = boundaryAfter(masked, q.end + 1, sentences);
    let found = speakerAfter(masked, q, end) ?? speakerBefore(masked, q, start);
    if (!found && !q.short) found = inheritedSpeaker(text, quotes, i);
    if (found && PRONOUN.test(found.name)) found = nearestPersonBefore(masked, quotes, q.start - 1);
    if (found && /^(?:they|we|i)$/i.test(found.name)) found = null;
    if (found) {
      q.speaker = found.name;
      q.speakerAt = found.at;
    }
  });
}
