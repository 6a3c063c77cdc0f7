/**
 * Fuzzing the readers (extends the property tests beside the code; none repeated here): HTML
 * extraction on arbitrary strings and tag soup, metadata from random JSON-LD and <meta>, the
 * linear tag stripper on quadratic-bait input, JSON lines, encoding detection, content
 * sniffing, and prepareArticle's offsets. Seeded; each property bounded to stay fast.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractHtml } from '../../src/ingest/html.js';
import { stripTagsText } from '../../src/ingest/html-strip.js';
import { parseJsonLine } from '../../src/ingest/jsonl.js';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { sniffKind } from '../../src/ingest/read.js';
import type { Span } from '../../src/types.js';

/** Runs `f`; an InputError is an allowed answer, anything else thrown fails the property. */
function textOrInputError<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    assert.ok(e instanceof InputError, `threw ${String(e)}`);
    assert.ok(!e.message.includes('\n'), 'error messages are one line');
    return null;
  }
}

const TAG = fc.constantFrom('p', 'div', 'span', 'a', 'b', 'script', 'style', 'article', 'li', 'table', 'td', 'br', 'img', 'svg', 'title', 'template', 'X-Y');
const ATTR = fc.constantFrom('', ' class="x"', ' href="/a?b=1&c=2"', " onload='alert(1)'", ' a=<b', ' src="javascript:x"', ' style="x>y"');
const TEXT = fc.constantFrom('Hello world. ', 'The council met. ', '&amp;', '&#x1F600;', '&#0;', '&#1114112;', '&bogus;', '<', '>', '\u0000', '\ud800', 'é', '  \n\t');
/** Tag soup: open, close and self-closed tags, comments, doctype, text and stray brackets. */
const soup = fc
  .array(
    fc.oneof(
      fc.tuple(TAG, ATTR).map(([t, a]) => `<${t}${a}>`),
      TAG.map((t) => `</${t}>`),
      fc.tuple(TAG, ATTR).map(([t, a]) => `<${t}${a}/>`),
      fc.constantFrom('<!--', '-->', '<!doctype html>', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<html>', '<body>'),
      TEXT,
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('extractHtml: any string or tag soup gives text or an InputError, the same twice, without script text', () => {
  fc.assert(
    fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 200 })), (html) => {
      const first = textOrInputError(() => extractHtml(html, 'f.html'));
      const again = textOrInputError(() => extractHtml(html, 'f.html'));
      assert.deepEqual(again, first, 'deterministic');
      if (first) assert.ok(first.text.trim().length > 0);
    }),
    { seed: 101, numRuns: 150 },
  );
});

test('extractHtml: the tag-stripper path (too many tags) also gives text or an InputError', () => {
  fc.assert(
    fc.property(soup, (html) => {
      const r = textOrInputError(() => extractHtml(html, 'f.html', { maxParseTags: 0 }));
      if (r) {
        assert.ok(!/<\/?(p|div|script)\b[^>]*>/i.test(r.text), r.text);
        assert.deepEqual(r.meta, {});
      }
    }),
    { seed: 102, numRuns: 300 },
  );
});

test('metadata from random JSON-LD and <meta>: dates are ISO or absent, URLs http(s), never a throw', () => {
  const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2024-02-30', '31/12/2023', 'March 5, 2021', 'javascript:alert(1)', 'https://x.test/a'));
  const ld = fc.record({ '@type': fc.constantFrom('NewsArticle', 'Article', ['Thing', 'BlogPosting'], 5), headline: value, datePublished: value, url: value, author: fc.jsonValue({ maxDepth: 3 }), publisher: fc.jsonValue({ maxDepth: 3 }) });
  fc.assert(
    fc.property(fc.oneof(ld.map((o) => JSON.stringify(o)), fc.json({ maxDepth: 4 })), value, value, (json, date, url) => {
      const safe = (s: string) => s.replace(/</g, '&lt;').replace(/"/g, '&quot;');
      const html =
        `<html><head><script type="application/ld+json">${json.replace(/</g, '\\u003c')}</script>` +
        `<meta property="article:published_time" content="${safe(date)}"><meta property="og:url" content="${safe(url)}"></head>` +
        '<body><p>The council met on Monday and voted on the harbour plan.</p></body></html>';
      const r = textOrInputError(() => extractHtml(html, 'm.html'));
      assert.ok(r, 'a page with a paragraph always has text');
      if (r.meta.published !== undefined && r.meta.published !== null) assert.match(r.meta.published, /^\d{4}-\d{2}-\d{2}$/);
      if (r.meta.url) assert.match(r.meta.url, /^https?:\/\//i);
    }),
    { seed: 103, numRuns: 200 },
  );
});

test('the tag stripper stays linear on input built to make scanners quadratic', () => {
  const n = 200_000;
  for (const bait of ['<'.repeat(n), '<a'.repeat(n), '<!--'.repeat(n), '<script>'.repeat(n), '<p x="'.repeat(n), '&#'.repeat(n), '<div>'.repeat(n)]) {
    const started = performance.now();
    stripTagsText(bait);
    textOrInputError(() => extractHtml(bait, 'bait.html'));
    const ms = performance.now() - started;
    assert.ok(ms < 3000, `${bait.slice(0, 8)}… took ${ms.toFixed(0)} ms`);
  }
});

test('parseJsonLine: any line gives a document or an InputError naming file:line, never a throw', () => {
  const record = fc.dictionary(fc.constantFrom('text', 'html', 'title', 'url', 'author', 'published', 'outlet', 'x'), fc.jsonValue({ maxDepth: 2 }));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), record.map((r) => JSON.stringify(r)), fc.json()), (line) => {
      const r = parseJsonLine(line, 'f.jsonl:7', 1000);
      if (r instanceof InputError) {
        assert.equal(r.file, 'f.jsonl:7');
        assert.ok(!r.message.includes('\n'));
      } else {
        assert.equal(r.source, 'f.jsonl:7');
        assert.ok(r.body.trim().length > 0);
        for (const v of Object.values(r.meta)) assert.equal(typeof v, 'string');
        if (r.meta.published && /^\d{4}-\d{2}-\d{2}/.test(r.meta.published)) assert.ok(!Number.isNaN(Date.parse(r.meta.published.slice(0, 10))));
      }
    }),
    { seed: 104, numRuns: 500 },
  );
  assert.ok(parseJsonLine(JSON.stringify({ text: 'x'.repeat(2000) }), 'big.jsonl:1', 1000) instanceof InputError);
});

test('decodeBytes: UTF-16 with a BOM and odd bytes, single-byte text: a string or an InputError', () => {
  const bom = fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], []);
  fc.assert(
    fc.property(bom, fc.uint8Array({ maxLength: 200 }), (head, bytes) => {
      const s = textOrInputError(() => decodeBytes(Uint8Array.from([...head, ...bytes]), 'f.txt'));
      if (s !== null) assert.equal(typeof s, 'string');
    }),
    { seed: 105, numRuns: 500 },
  );
  // Printable single-byte text that is not UTF-8 decodes one character per byte.
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => b.map((x) => (x < 0x20 ? 0x41 : x))), (bytes) => {
      const s = decodeBytes(bytes, 'f.txt');
      let utf8 = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        utf8 = false;
      }
      if (!utf8) assert.equal(s.length, bytes.length);
    }),
    { seed: 106, numRuns: 300 },
  );
});

test('sniffKind: any text is html, jsonl or text', () => {
  fc.assert(
    fc.property(fc.oneof(soup, fc.string({ unit: 'binary' }), fc.json()), (s) => {
      assert.ok(['html', 'jsonl', 'text'].includes(sniffKind(s)));
    }),
    { seed: 107, numRuns: 300 },
  );
});

const inside = (s: Span, len: number) => 0 <= s.start && s.start < s.end && s.end <= len;
const sortedDisjoint = (spans: Span[]) => spans.every((s, i) => i === 0 || spans[i - 1].end <= s.start);

test('prepareArticle: offsets inside the text, sorted; id from the hash; preparing its own text changes nothing', () => {
  const line = fc.oneof(
    fc.constantFrom('By Jane Doe', 'Leave a Reply', 'Share this:', 'March 3, 2021', '(Photo: AP)', '© 2024 Times', 'Read more: x', ''),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.array(fc.constantFrom('The', 'council', 'met', 'Mr.', 'U.S.', 'said', '"Yes."', 'on', 'Monday.', '\u00a0', '’'), { maxLength: 30 }).map((w) => w.join(' ')),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }).map((l) => l.join('\n')), (body) => {
      const article = textOrInputError(() => prepareArticle({ source: 's.txt', kind: 'text', body, meta: {} }));
      if (!article) return;
      const n = article.text.length;
      for (const list of [article.paragraphs, article.sentences, article.boilerplate]) {
        assert.ok(list.every((s) => inside(s, n)), JSON.stringify(list));
        assert.ok(sortedDisjoint([...list].sort((a, b) => a.start - b.start)));
      }
      assert.ok(sortedDisjoint(article.sentences) && sortedDisjoint(article.paragraphs));
      assert.equal(article.id, article.contentHash.slice(0, 16));
      const again = prepareArticle({ source: 's.txt', kind: 'text', body: article.text, meta: {} });
      assert.equal(again.text, article.text, 'normalisation is idempotent through prepareArticle');
      assert.equal(again.contentHash, article.contentHash);
    }),
    { seed: 108, numRuns: 300 },
  );
});
