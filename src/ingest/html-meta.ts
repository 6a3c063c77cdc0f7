/**
 * Article metadata from an HTML document: JSON-LD (schema.org NewsArticle and kin) first, then
 * Open Graph / article / twitter / plain <meta> tags, then <title> and the canonical link.
 */
import type { ArticleMeta } from '../types.js';
import { parseDate } from '../text/textmeta.js';

/** Minimal DOM surface used here (linkedom's Document satisfies it). */
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|WebPage|LiveBlogPosting|BackgroundNewsArticle)$/;

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

function asText(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object') return asText(v.name);
  return null;
}

function typesOf(node: { [k: string]: Json }): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every object inside parsed JSON-LD (arrays, @graph), breadth first, bounded. */
function objectsIn(root: Json): { [k: string]: Json }[] {
  const found: { [k: string]: Json }[] = [];
  const queue: Json[] = [root];
  while (queue.length > 0 && found.length < 500) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v);
    else if (v && typeof v === 'object') {
      found.push(v);
      if (v['@graph']) queue.push(v['@graph']);
    }
  }
  return found;
}

function fromJsonLd(doc: MetaDocument): Partial<ArticleMeta> {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  for (const script of scripts) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the <meta> tags still count
    }
    const article = objectsIn(parsed).find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)) && o.headline);
    if (!article) continue;
    const publisher = article.publisher;
    return {
      title: asText(article.headline),
      author: asText(article.author),
      outlet: publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? asText(publisher.name) : null,
      published: asText(article.datePublished),
      url: asText(article.url) ?? asText(article.mainEntityOfPage),
    };
  }
  return {};
}

function metaContent(doc: MetaDocument, names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** "Headline | Site" → "Headline": drops a short trailing site name from a <title>. */
function stripSiteSuffix(title: string, outlet: string | null): string {
  const m = /^(.{10,}?)\s+[|\-–—:]\s+([^|\-–—]{2,40})$/.exec(title);
  if (!m) return title;
  return outlet === null || m[2].trim().toLowerCase() === outlet.toLowerCase() || m[2].length <= 30 ? m[1] : title;
}

const isUrl = (s: string | null): boolean => s !== null && /^https?:\/\//i.test(s);

/** Metadata of an HTML document; fields it can't find are left out. */
export function extractHtmlMeta(doc: MetaDocument): Partial<ArticleMeta> {
  const ld = fromJsonLd(doc);
  const outlet = ld.outlet ?? metaContent(doc, ['og:site_name', 'application-name', 'publisher', 'twitter:site']);
  const metaAuthor = metaContent(doc, ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author']);
  const docTitle = doc.querySelector('title')?.textContent?.trim() || null;
  const title =
    ld.title ?? metaContent(doc, ['og:title', 'twitter:title', 'headline', 'dc.title']) ?? (docTitle && stripSiteSuffix(docTitle, outlet));
  const published =
    ld.published ??
    metaContent(doc, ['article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'sailthru.date', 'og:published_time']);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const meta: Partial<ArticleMeta> = {};
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet.replace(/^@/, '');
  const author = ld.author ?? (isUrl(metaAuthor) ? null : metaAuthor);
  if (author) meta.author = author.replace(/^by\s+/i, '');
  const date = published ? parseDate(published) : null;
  if (date) meta.published = date;
  const url = ld.url ?? canonical ?? metaContent(doc, ['og:url', 'twitter:url']);
  if (url && isUrl(url)) meta.url = url;
  return meta;
}
