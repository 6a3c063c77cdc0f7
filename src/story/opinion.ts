/**
 * Opinion cues: does a sentence carry the writer's own judgement rather than report? Blogs that
 * excerpt a report often add such sentences ("But many suspect that officials were simply
 * suckered…"), and they are what a trace should show as added material. Text inside quote marks
 * is removed first: a source's opinion, quoted, is reporting.
 */
import { EVALUATIVE_WORDS, HEDGES, INTENSIFIERS, type WeightedPattern } from './opinion-lexicon.js';

export interface OpinionOptions {
  /** Sentences scoring at least this are opinion. */
  threshold: number;
}

export const DEFAULT_OPINION_OPTIONS: OpinionOptions = { threshold: 1 };

/** The sentence with quoted stretches blanked (double quotes; single quotes at word boundaries). */
export function stripQuoted(sentence: string): string {
  let s = sentence;
  // An odd mark: a sentence cut out of a longer quote. A first mark glued to the word before it
  // closes a quote begun earlier; otherwise the quote runs on past the sentence's end.
  if ((s.match(/"/g) ?? []).length % 2 === 1) {
    const first = s.indexOf('"');
    const closes = first > 0 && /\S/.test(s[first - 1]) && /^(?:\s|$|[,.;:!?)])/.test(s.slice(first + 1, first + 2));
    if (closes) s = ' '.repeat(first + 1) + s.slice(first + 1);
    else {
      const last = s.lastIndexOf('"');
      s = s.slice(0, last) + ' '.repeat(s.length - last);
    }
  }
  s = s.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length));
  return s.replace(/(^|[\s(])'[^'\n]+'(?=[\s,.;:!?)]|$)/g, (m, lead: string) => lead + ' '.repeat(m.length - lead.length));
}

/** "should resign", "must be held", "ought to": a judgement; "should the president be…" is a condition. */
const MODAL = /\b(should|ought\s+to|must)(?:\s+(?:not|never|also|really|surely|clearly|now|finally|simply))?\s+(?!(?:the|a|an|he|she|it|they|we|you|there|this|that|his|her|their|its|any|anyone)\b)[a-z]+/gi;
const WEAK_MODAL = /\b(?:needs?|has|have)\s+to\s+(?:be\s+)?(?:stop|end|change|held|accountable|answer|go|resign)\b/gi;
/** First person of the writer (capital "US" is the country; "World War I" is no pronoun). */
const FIRST_PERSON = /\b(?:(?<!War\s)I|[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]e|[Mm]y|[Oo]urselves|[Mm]yself)\b/g;

function addMatches(s: string, patterns: readonly WeightedPattern[], cues: string[]): number {
  let score = 0;
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(s); m; m = p.re.exec(s)) {
      score += p.weight;
      cues.push(`${p.label}:${m[0].toLowerCase().replace(/\s+/g, ' ')}`);
    }
  }
  return score;
}

/** Opinion score of a sentence and the cues behind it ("evaluative:simply", "hedge:many suspect"). */
export function opinionCues(sentence: string): { score: number; cues: string[] } {
  const s = stripQuoted(sentence);
  const cues: string[] = [];
  let score = addMatches(s, EVALUATIVE_WORDS, cues) + addMatches(s, HEDGES, cues) + addMatches(s, INTENSIFIERS, cues);
  for (const m of s.matchAll(MODAL)) {
    score += 1;
    cues.push(`modal:${m[1].toLowerCase()}`);
  }
  for (const m of s.matchAll(WEAK_MODAL)) {
    score += 0.5;
    cues.push(`modal:${m[0].toLowerCase()}`);
  }
  for (const m of s.matchAll(FIRST_PERSON)) {
    score += 1;
    cues.push(`first_person:${m[0].toLowerCase()}`);
  }
  const trimmed = s.trim();
  if (/\?\s*$/.test(trimmed)) {
    score += 1;
    cues.push('question');
  }
  if (/!/.test(trimmed)) {
    score += 1;
    cues.push('exclamation');
  }
  return { score, cues };
}

/** True when the sentence carries the writer's opinion or evaluation. */
export function isOpinion(sentence: string, options: Partial<OpinionOptions> = {}): boolean {
  const opts = { ...DEFAULT_OPINION_OPTIONS, ...options };
  return opinionCues(sentence).score >= opts.threshold;
}
