/**
 * Person names for pronoun resolution: "he added" takes the nearest preceding named person,
 * either a named speaker of an earlier quote or a person name compromise finds outside quotes.
 */
import { nlp } from './nlp.js';
import type { Quote } from './quotes.js';

export interface NamedAt {
  name: string;
  at: number;
}

/** Capitalised words that compromise sometimes glues to the front of a name. */
const NOT_NAME_START = /^(?:(?:Then|But|And|So|As|When|While|After|Before|Meanwhile|However|Still|Yet|Also|Both|Former|Now)\s+)+/;

/** A speaker phrase that names someone ("Mark Dubowitz", "Mr. Kerry"), not a description. */
export function isNamedPerson(s: string): boolean {
  return /^\p{Lu}/u.test(s) && !/^(?:The|A|An|One|Two|Several|Some|Many|Multiple|Another|Other|His|Her|Their|Its)\b/.test(s);
}

const peopleCache = new Map<string, NamedAt[]>();

/** Person names in the (masked) text with their offsets, via compromise; cached for the last text. */
export function personMentions(masked: string): NamedAt[] {
  const hit = peopleCache.get(masked);
  if (hit) return hit;
  const found: NamedAt[] = [];
  const people = nlp(masked).people().json({ offset: true }) as Array<{ text: string; offset: { start: number } }>;
  for (const p of people) {
    const lead = NOT_NAME_START.exec(p.text)?.[0].length ?? 0;
    const name = p.text.slice(lead).replace(/(?:'s)?[^\p{L}.]*$/u, '');
    if (name && /^\p{Lu}/u.test(name) && !name.includes('\u2591')) found.push({ name, at: p.offset.start + lead });
  }
  peopleCache.clear();
  peopleCache.set(masked, found);
  return found;
}

/** The named person mentioned last before `pos`: an earlier quote's speaker or a name in the text. */
export function nearestPersonBefore(masked: string, quotes: readonly Quote[], pos: number): NamedAt | null {
  let best: NamedAt | null = null;
  for (const q of quotes) {
    if (q.speaker && q.speakerAt !== undefined && q.speakerAt < pos && isNamedPerson(q.speaker)) {
      if (!best || q.speakerAt > best.at) best = { name: q.speaker, at: q.speakerAt };
    }
  }
  for (const p of personMentions(masked)) if (p.at < pos && (!best || p.at > best.at)) best = p;
  return best;
}
