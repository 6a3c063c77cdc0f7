/**
 * Article text and metadata are untrusted. An article full of script tags, event handlers and
 * javascript: links, stored as text and as HTML, is opened on every page that shows it; the
 * test proves nothing ran: the flag the payloads set stays unset, no dialog opens, no script
 * error or CSP report appears, and the payloads are on the page as visible text.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, EXAMPLES, launchBrowser, servedStore, type Fixture } from './helpers.js';

const skip = browserSkipReason();
const opts = { skip: skip ?? false, timeout: 60_000 };

const RUN = 'window.__pwned=1;alert(1)';
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `<a href="javascript:${RUN}">click me</a>`,
  `"><iframe src="javascript:${RUN}"></iframe>`,
  `<div style="background:url(javascript:${RUN})" onmouseover="${RUN}">hover</div>`,
];
const TITLE = `Ferry drama <script>${RUN}</script><img src=x onerror="${RUN}">`;

/** A copy of an example article with the payloads woven in, so it lands in a story. */
function hostileText(): string {
  const base = readFileSync(join(EXAMPLES, '13-ferry-coastnow-copy.txt'), 'utf8').split('\n\n');
  return [TITLE, ...base.slice(1, 3), PAYLOADS.join(' '), ...base.slice(3), `"${PAYLOADS[1]} was all we saw," said <b onclick="${RUN}">Skipper</b>.`].join('\n\n');
}

/** The same as an HTML page: raw tags (which extraction drops) and escaped ones (which become text). */
function hostileHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text.split('\n\n').slice(1).map((p) => `<p onclick="${RUN}">${esc(p)}</p><script>${RUN}</script>`);
  return `<!doctype html><html><head><title>${esc(TITLE)}</title><meta property="og:url" content="javascript:${RUN}">` +
    `<meta property="og:site_name" content="${esc('<script>' + RUN + '</script>')}"></head><body onload="${RUN}"><article><h1>${esc(TITLE)}</h1>${paras.join('')}</article></body></html>`;
}

let fx: Fixture;
let browser: BrowserContext;
let page: Page;
let dir: string;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'storytrace-hostile-'));
  const text = hostileText();
  writeFileSync(join(dir, 'hostile.jsonl'), [
    JSON.stringify({ text, title: TITLE, outlet: `<img src=x onerror="${RUN}">`, author: `<script>${RUN}</script>`, url: `javascript:${RUN}`, published: '2025-11-09' }),
    JSON.stringify({ html: hostileHtml(text), url: `javascript:${RUN}` }),
  ].join('\n') + '\n');
  fx = await servedStore([join(EXAMPLES, '12-ferry-illan-times-credited.html'), join(EXAMPLES, '13-ferry-coastnow-copy.txt'), join(dir, 'hostile.jsonl')]);
  browser = await launchBrowser(join(dir, 'profile'));
  page = await browser.newPage();
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => problems.push(`console ${m.type()}: ${m.text()}`)); // CSP reports land here too
  page.on('request', (r) => /\/x$/.test(r.url()) && problems.push(`loaded ${r.url()}`));
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await fx?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectNothingRan(where: string): Promise<void> {
  await page.waitForTimeout(150); // let any handler that would fire, fire
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, `${where}: a payload ran`);
  assert.equal(await page.locator('main script, main img[src="x"], main iframe, main svg[onload], main [onerror], main [onclick]').count(), 0, `${where}: an element was created`);
  assert.equal(await page.locator('main a[href^="javascript:" i]').count(), 0, `${where}: a javascript: link`);
  assert.deepEqual(problems, [], where);
}

test('a hostile article shown on every page runs nothing', opts, async () => {
  const list = (await (await fetch(`${fx.server.url}/api/articles`)).json()) as { articles: Array<{ id: string; source: string }> };
  const hostile = list.articles.filter((a) => a.source.includes('hostile.jsonl')).map((a) => a.id);
  const copy = list.articles.find((a) => a.source.includes('13-ferry'))!.id;
  assert.equal(hostile.length, 2);
  const stories = (await (await fetch(`${fx.server.url}/api/stories`)).json()) as { stories: Array<{ id: string }> };
  assert.ok(stories.stories.length >= 1);

  await page.goto(fx.server.url + '/#/stories');
  await page.locator('table.stories tbody tr').first().waitFor();
  await expectNothingRan('stories');
  await page.goto(`${fx.server.url}/#/story/${encodeURIComponent(hostile[0])}`);
  await page.locator('svg[data-testid=story-graph]').waitFor();
  await page.locator('svg a.node').last().hover();
  await expectNothingRan('story');
  await page.goto(`${fx.server.url}/#/articles`);
  await page.locator('table.articles tbody tr').first().waitFor();
  assert.ok((await page.locator('main').textContent())!.includes('<script>'), 'the title shows as text');
  await expectNothingRan('articles');
  for (const id of hostile) {
    await page.goto(`${fx.server.url}/#/article/${id}`);
    await page.locator('.annotated').waitFor();
    assert.ok((await page.locator('.annotated').textContent())!.includes('onerror='), 'the payloads show as text');
    await page.locator('.annotated').hover();
    await expectNothingRan(`article ${id}`);
    await page.goto(`${fx.server.url}/#/compare?a=${id}&b=${copy}`);
    await page.locator('[data-side=a] .passage').first().waitFor();
    for (const span of await page.locator('[data-side=a] span[title]').all().then((x) => x.slice(0, 8))) await span.hover();
    await expectNothingRan(`compare ${id}`);
  }
  await page.goto(`${fx.server.url}/#/trace`);
  await page.getByLabel('article to trace').fill(hostileHtml(hostileText()));
  await page.getByLabel('this is HTML').check();
  await page.getByRole('button', { name: 'Trace' }).click();
  await page.locator('table.trace tbody tr').first().waitFor();
  await expectNothingRan('trace');
  await page.goto(`${fx.server.url}/#/quotes`);
  await page.locator('.quote-group, main p.muted').first().waitFor();
  await expectNothingRan('quotes');
});
