/**
 * HTML → main text and metadata. Parses with linkedom (no scripts run, nothing fetched),
 * drops script/style/noscript/template, reads metadata, finds the main text with Readability
 * and falls back to the body's block text when Readability finds nothing.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { InputError } from '../errors.js';
import type { ArticleMeta } from '../types.js';
import { extractHtmlMeta, type MetaDocument } from './html-meta.js';
import { stripTagsText, tagShape } from './html-strip.js';

export interface HtmlOptions {
  /** Largest HTML accepted, in characters (UTF-16 units). Larger input is an InputError. */
  maxChars: number;
  /** Deepest element nesting given to Readability; deeper pages use the plain block walk. */
  maxDepth: number;
  /** Most elements Readability may look at before giving up (its own guard). */
  maxElements: number;
  /**
   * Deepest nesting (counted on the source) given to the DOM parser at all; its cost grows with
   * the square of depth, so deeper pages are read by the linear tag stripper instead.
   */
  maxParseDepth: number;
  /** Most tags (plus stray '<', '>', '&') given to the DOM parser; pages with more are read by the linear tag stripper. */
  maxParseTags: number;
  /**
   * Most '<', '>' and '&' in the text (outside tags) of a page given to Readability, which is
   * slow on them (100,000 '>' take it ~9 s); such pages use the block walk.
   */
  maxStrayMarkup: number;
  /**
   * Soft time bound per page, in ms. Parsing can't be interrupted, so it is checked between
   * stages: when parsing used more than half of it, Readability is skipped for the block walk.
   */
  maxMillis: number;
}

export const DEFAULT_HTML_OPTIONS: HtmlOptions = {
  maxChars: 20 * 1024 * 1024,
  maxDepth: 400,
  maxElements: 200_000,
  maxParseDepth: 2_000,
  maxParseTags: 100_000,
  maxStrayMarkup: 20_000,
  maxMillis: 10_000,
};

/** Elements whose content is never text of the page. */
const DROPPED = 'script, style, noscript, template, svg, canvas, iframe, object, embed';
/** Page chrome dropped before the fallback block walk. */
const CHROME = 'nav, aside, form, button, select, menu, dialog';
/** Elements that start a new line of text. */
const BLOCKS = new Set(
  ('p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure figcaption ' +
    'table tr td th tbody thead tfoot caption address hr br center details summary body html').split(' '),
);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Text of a subtree, one line per block element, blank lines between. Walks with an explicit
 * stack so deeply nested pages can't overflow the call stack.
 */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const stack: { node: DomNode; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    const name = node.nodeName.toLowerCase();
    if (closing) {
      if (BLOCKS.has(name)) flush();
      continue;
    }
    if (node.nodeType === 3) current += node.textContent ?? '';
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (BLOCKS.has(name)) flush();
    stack.push({ node, closing: true });
    // One read of childNodes: linkedom builds a fresh list on every access, so indexing it in
    // the loop made this quadratic in the number of children (a page of 16,000 paragraphs: 20 s).
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], closing: false });
  }
  flush();
  return lines.join('\n\n');
}

function removeAll(doc: { querySelectorAll(s: string): ArrayLike<{ remove(): void }> }, selector: string): void {
  for (const el of Array.from(doc.querySelectorAll(selector))) el.remove();
}

function readabilityText(document: unknown, opts: HtmlOptions): string {
  try {
    const reader = new Readability<DomNode>(document as Document, {
      serializer: (n) => n as unknown as DomNode,
      maxElemsToParse: opts.maxElements,
      disableJSONLD: true,
    });
    const article = reader.parse();
    return article?.content ? blockText(article.content) : '';
  } catch {
    return ''; // Readability gives up on odd pages; the block walk still reads them
  }
}

/**
 * Main text (paragraphs separated by blank lines) and metadata of an HTML page; pages too deep
 * or too big for the DOM parser are read by the linear tag stripper (no metadata). Throws
 * InputError for oversized input or when no text is found; never runs or fetches anything.
 */
export function extractHtml(html: string, source: string, options: Partial<HtmlOptions> = {}): { text: string; meta: Partial<ArticleMeta> } {
  const opts = { ...DEFAULT_HTML_OPTIONS, ...options };
  if (html.length > opts.maxChars) throw new InputError(source, `HTML larger than ${opts.maxChars} characters`);
  const shape = tagShape(html);
  // Stray '<' and '>' cost the parser like tags do (200,000 '<' take linkedom ~3 s).
  const fits = shape.depth <= opts.maxParseDepth && shape.tags + shape.strayMarkup <= opts.maxParseTags;
  const readable = shape.depth <= opts.maxDepth && shape.strayMarkup <= opts.maxStrayMarkup;
  const { text, meta } = fits ? domText(html, readable, opts) : { text: stripTagsText(html), meta: {} };
  if (!text.trim()) throw new InputError(source, 'no text found');
  return { text, meta };
}

/** Text and metadata through the DOM: Readability when the page allows, else the block walk. */
function domText(html: string, readable: boolean, opts: HtmlOptions): { text: string; meta: Partial<ArticleMeta> } {
  const started = Date.now();
  let meta: Partial<ArticleMeta> = {};
  let text = '';
  try {
    const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
    meta = extractHtmlMeta(document as unknown as MetaDocument);
    removeAll(document, DROPPED);
    const inTime = Date.now() - started <= opts.maxMillis / 2;
    // Readability clones and rescans the tree; the fallback walk needs a second copy.
    if (readable && inTime) text = readabilityText(parseHTML(document.toString()).document, opts);
    if (!text.trim()) {
      removeAll(document, CHROME);
      const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
      text = body ? blockText(body) : '';
    }
  } catch {
    text = ''; // broken markup: nothing readable
  }
  return { text, meta };
}
