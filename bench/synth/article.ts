/**
 * Synthetic news articles: a story (people, an organisation, a place, topic words) told in
 * sentences built from a small grammar over the Zipfian vocabulary, with quotes and numbers.
 */
import { FUNCTION, mix, pick, rng, zipf, type Rand, type Vocabulary } from './words.js';

/** A sentence: plain words, or a quote with its speaker. */
export interface Sentence {
  words: string[];
  /** Set for a quote: rendered `"words," said speaker.` */
  speaker?: string;
}

export interface SynthArticle {
  title: string;
  paragraphs: Sentence[][];
}

/** What an event's reports share: its actors, place and topic words. */
export interface Story {
  people: string[];
  org: string;
  place: string;
  topic: string[];
}

export interface Writer {
  vocab: Vocabulary;
  story(seed: number): Story;
  /** A fresh article of about `words` words about `story`. */
  article(story: Story, seed: number, words: number): SynthArticle;
  sentence(story: Story, r: Rand): Sentence;
}

export function makeWriter(vocab: Vocabulary): Writer {
  const noun = zipf(vocab.nouns.length, 1.05);
  const verb = zipf(vocab.verbs.length, 1.1);
  const base = zipf(vocab.baseVerbs.length, 1.1);
  const adj = zipf(vocab.adjectives.length, 1.1);
  const last = zipf(vocab.lastNames.length, 0.9);
  const first = zipf(vocab.firstNames.length, 0.9);
  const place = zipf(vocab.places.length, 0.9);

  const story = (seed: number): Story => {
    const r = rng(mix(seed, 0x5702));
    const people = Array.from({ length: 2 + Math.floor(r() * 3) }, () => `${vocab.firstNames[first(r)]} ${vocab.lastNames[last(r)]}`);
    const org = `${pick(r, vocab.orgWords)} of ${vocab.places[place(r)]}`;
    const topic = Array.from({ length: 6 }, () => vocab.nouns[200 + Math.floor(r() * 20000)]);
    return { people, org, place: vocab.places[place(r)], topic };
  };

  const nounPhrase = (s: Story, r: Rand): string[] => {
    const x = r();
    if (x < 0.12) return pick(r, s.people).split(' ');
    if (x < 0.18) return ['the', ...s.org.split(' ')];
    if (x < 0.22) return [s.place];
    const head = r() < 0.2 ? pick(r, s.topic) : vocab.nouns[noun(r)];
    const out = [pick(r, FUNCTION.det)];
    if (r() < 0.3) out.push(vocab.adjectives[adj(r)]);
    out.push(head);
    if (r() < 0.2) out.push('of', 'the', vocab.nouns[noun(r)]);
    return out;
  };

  const clause = (s: Story, r: Rand): string[] => {
    const out = [...nounPhrase(s, r), vocab.verbs[verb(r)]];
    if (r() < 0.45) out.push('that', ...nounPhrase(s, r), pick(r, FUNCTION.aux), vocab.baseVerbs[base(r)]);
    out.push(...nounPhrase(s, r));
    if (r() < 0.6) out.push(pick(r, FUNCTION.prep), ...nounPhrase(s, r));
    if (r() < 0.15) out.push('by', String(2 + Math.floor(r() * 60)), 'percent');
    else if (r() < 0.1) out.push('in', String(1990 + Math.floor(r() * 35)));
    return out;
  };

  const sentence = (s: Story, r: Rand): Sentence => {
    if (r() < 0.12) return { words: clause(s, r), speaker: pick(r, s.people) };
    const words = clause(s, r);
    if (r() < 0.3) words.push(pick(r, FUNCTION.conj), pick(r, FUNCTION.pron), ...clause(s, r).slice(1));
    return { words };
  };

  const article = (s: Story, seed: number, words: number): SynthArticle => {
    const r = rng(mix(seed, 0xa271));
    const paragraphs: Sentence[][] = [];
    let left = words;
    while (left > 0) {
      const para: Sentence[] = [];
      const n = 1 + Math.floor(r() * 4);
      for (let i = 0; i < n && left > 0; i++) {
        const sent = sentence(s, r);
        para.push(sent);
        left -= sent.words.length + (sent.speaker ? 3 : 0);
      }
      paragraphs.push(para);
    }
    const title = [...nounPhrase(s, r), vocab.verbs[verb(r)], ...nounPhrase(s, r)].join(' ');
    return { title: title.charAt(0).toUpperCase() + title.slice(1), paragraphs };
  };

  return { vocab, story, article, sentence };
}

/** Article lengths: log-uniform between 300 and 1,500 words (news runs short more often than long). */
export function articleWords(r: Rand): number {
  return Math.round(300 * Math.pow(5, r()));
}

function renderSentence(s: Sentence): string {
  const text = s.words.join(' ');
  if (s.speaker) return `"${text.charAt(0).toUpperCase()}${text.slice(1)}," said ${s.speaker}.`;
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** Title line, blank line, paragraphs separated by blank lines. */
export function renderArticle(a: SynthArticle): string {
  return `${a.title}\n\n${a.paragraphs.map((p) => p.map(renderSentence).join(' ')).join('\n\n')}\n`;
}

/** Words of an article (for size statistics). */
export function countWords(a: SynthArticle): number {
  return a.paragraphs.reduce((n, p) => n + p.reduce((m, s) => m + s.words.length + (s.speaker ? 3 : 0), 0), 0);
}
