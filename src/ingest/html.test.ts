import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractHtml } from './html.js';
import { InputError } from '../errors.js';

const PARA = (n: number): string =>
  `<p>Paragraph ${n} of the story says that the harbour authority approved the new bridge after a long debate, ` +
  `and that engineers expect the work to take <b>three</b> years, with traffic diverted during the summer months.</p>`;

const PAGE = `<!doctype html><html><head>
<title>Harbour bridge approved | Coast Herald</title>
<meta property="og:title" content="Harbour bridge approved (og)">
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2022-05-03T10:15:00Z">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://coast.example/bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Harbour bridge approved","author":[{"@type":"Person","name":"Jane Roe"},{"name":"Sam Poe"}],
  "publisher":{"@type":"Organization","name":"Coast Herald"},"datePublished":"2022-05-03T10:15:00Z"}]}</script>
<script>document.write('EVIL SCRIPT TEXT')</script><style>p { color: red }</style>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge approved</h1>${[1, 2, 3, 4, 5].map(PARA).join('\n')}
<noscript>Enable JavaScript</noscript><template><p>TEMPLATE TEXT</p></template></article>
<footer>Copyright 2022 Coast Herald</footer></body></html>`;

test('main text by Readability with paragraph breaks; scripts, styles, templates gone', () => {
  const { text } = extractHtml(PAGE, 'page.html');
  const paras = text.split('\n\n');
  assert.ok(paras.filter((p) => p.startsWith('Paragraph')).length === 5, text);
  assert.match(text, /take three years/);
  for (const bad of ['EVIL SCRIPT', 'color: red', 'TEMPLATE TEXT', 'Enable JavaScript', 'Home News']) assert.ok(!text.includes(bad), bad);
});

test('metadata from JSON-LD first', () => {
  const { meta } = extractHtml(PAGE, 'page.html');
  assert.deepEqual(meta, {
    title: 'Harbour bridge approved',
    outlet: 'Coast Herald',
    author: 'Jane Roe, Sam Poe',
    published: '2022-05-03',
    url: 'https://coast.example/bridge',
  });
});

test('metadata from <meta> and <title> when there is no JSON-LD; broken JSON-LD ignored', () => {
  const html = `<html><head><title>Short note - Valley Post</title><meta name="date" content="March 4, 2021">
    <meta name="twitter:site" content="@valleypost"><script type="application/ld+json">{broken</script></head>
    <body><div>First block of text.</div><div>Second <i>block</i>.<br>After a break.</div></body></html>`;
  const { text, meta } = extractHtml(html, 'n.html');
  assert.equal(text, 'First block of text.\n\nSecond block.\n\nAfter a break.');
  assert.deepEqual(meta, { title: 'Short note', outlet: 'valleypost', published: '2021-03-04' });
});

test('fragments, broken markup and empty pages', () => {
  assert.equal(extractHtml('<p>Just a <b>fragment', 'f.html').text, 'Just a fragment');
  assert.throws(() => extractHtml('<html><body><script>x()</script></body></html>', 'e.html'), {
    name: 'InputError',
    message: 'e.html: no text found',
  });
  assert.throws(() => extractHtml('<p>too big</p>', 'big.html', { maxChars: 5 }), InputError);
});

test('deep nesting does not overflow', () => {
  const depth = 5000;
  const html = '<div>'.repeat(depth) + 'deep text here' + '</div>'.repeat(depth);
  assert.equal(extractHtml(html, 'deep.html').text, 'deep text here');
});

test('property: any input gives text or InputError', () => {
  const piece = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<script>', '</script>', 'Hello world. ', '<', '>', '&amp;', '<!--', '-->', '<br/>', '<a href="x">', '"', '<style>');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (html) => {
      try {
        assert.equal(typeof extractHtml(html, 'x').text, 'string');
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
      }
    }),
    { numRuns: 100 },
  );
});
