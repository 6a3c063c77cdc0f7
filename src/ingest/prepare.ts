/**
 * RawDocument → Article: main text from HTML, normalisation, paragraphs, boilerplate set
 * apart, headline and date from the text when the container did not say, sentences of the
 * body, content hash and id.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Article, ArticleMeta, BoilerplateSpan, RawDocument, Span } from '../types.js';
import { boilerplateFinder } from '../text/boilerplate.js';
import { cleanPlainText, normalizeText } from '../text/normalize.js';
import { sentencesOf, splitParagraphs } from '../text/segment.js';
import { guessPublished, guessTitle, headerByline, headerDate } from '../text/textmeta.js';
import { DEFAULT_HTML_OPTIONS, extractHtml, type HtmlOptions } from './html.js';

export interface PrepareOptions {
  /** Options of HTML main-text extraction. */
  html: HtmlOptions;
}

export const DEFAULT_PREPARE_OPTIONS: PrepareOptions = { html: DEFAULT_HTML_OPTIONS };

const META_KEYS = ['title', 'outlet', 'author', 'published', 'url'] as const;

/** The text of `text` outside the spans (sorted), paragraph by paragraph. */
export function bodyText(text: string, paragraphs: Span[], boilerplate: Span[]): string {
  const parts: string[] = [];
  for (const p of paragraphs) {
    let at = p.start;
    for (const b of boilerplate) {
      if (b.end <= at || b.start >= p.end) continue;
      if (b.start > at) parts.push(text.slice(at, b.start));
      at = Math.max(at, b.end);
    }
    if (at < p.end) parts.push(text.slice(at, p.end));
  }
  return parts.join('\n');
}

/** sha256 (hex) of the body, lower-cased, whitespace collapsed: equal for texts differing only in those. */
export function contentHashOf(body: string): string {
  return createHash('sha256').update(collapseSpace(body.toLowerCase()).trim()).digest('hex');
}

/**
 * s.replace(/\s+/g, ' '), faster for a body whose only spacing is single spaces and the line
 * feeds between paragraphs: those become spaces, and the full replacement runs only when some
 * other whitespace or two in a row remain.
 */
function collapseSpace(s: string): string {
  const t = s.replaceAll('\n', ' ');
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/**
 * contentHashOf for a body cut from cleanPlainText output, whose only whitespace characters
 * are spaces and line feeds (normalizeText replaces or removes every other): spacing needs
 * collapsing only where two spaces or line feeds meet.
 */
function hashOfCleanBody(body: string): string {
  let t = body.toLowerCase().replaceAll('\n', ' ');
  if (t.includes('  ')) t = t.replace(/\s+/g, ' ');
  return createHash('sha256').update(t.trim()).digest('hex');
}

/** Merges metadata, earlier sources winning; strings are normalised like the text. */
function mergeMeta(...sources: Partial<ArticleMeta>[]): ArticleMeta {
  const meta: ArticleMeta = { title: null, outlet: null, author: null, published: null, url: null };
  for (const key of META_KEYS) {
    for (const source of sources) {
      const v = source[key];
      if (typeof v === 'string' && v.trim()) {
        meta[key] = key === 'url' ? v.trim() : normalizeText(v).replace(/\s+/g, ' ');
        break;
      }
    }
  }
  return meta;
}

/**
 * Cleans and segments one document. Container metadata (JSONL fields, then HTML meta) wins
 * over guesses from the text. Throws InputError when no article text is left.
 */
export function prepareArticle(raw: RawDocument, options: Partial<PrepareOptions> = {}): Article {
  const opts: PrepareOptions = { ...DEFAULT_PREPARE_OPTIONS, ...options };
  let body = raw.body;
  let pageMeta: Partial<ArticleMeta> = {};
  if (raw.kind === 'html') ({ text: body, meta: pageMeta } = extractHtml(raw.body, raw.source, opts.html));
  const text = cleanPlainText(body);
  const paragraphs = splitParagraphs(text);
  const known = mergeMeta(raw.meta, pageMeta);
  // Rules first without a headline, to find the headline among the lines that are not furniture.
  const boilerplateFor = boilerplateFinder(text, paragraphs);
  const title = known.title ?? guessTitle(text, paragraphs, boilerplateFor(null));
  const boilerplate: BoilerplateSpan[] = boilerplateFor(title);
  const datelines = boilerplate.filter((b) => b.kind === 'dateline');
  const byline = headerByline(text, paragraphs);
  const guessed = { title, published: guessPublished(text, datelines) ?? headerDate(text, paragraphs, boilerplate.filter((b) => b.kind === 'photo')), ...byline };
  const meta = mergeMeta(known, guessed);
  const main = bodyText(text, paragraphs, boilerplate);
  if (!main.trim()) throw new InputError(raw.source, 'no article text found');
  const contentHash = hashOfCleanBody(main);
  const sentences = sentencesOf(text, paragraphs, boilerplate);
  return { id: contentHash.slice(0, 16), source: raw.source, ...meta, text, contentHash, boilerplate, paragraphs, sentences };
}
