/**
 * The real UI in headless Chromium on the example corpus: stories list → story (graph drawn),
 * compare (hover a substitution, linked passages), paste a text → its trace, quotes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, EXAMPLES, launchBrowser, servedStore, type Fixture } from './helpers.js';

const skip = browserSkipReason();
if (skip) console.log(`# browser tests ${skip}`);
const opts = { skip: skip ?? false, timeout: 60_000 };

let fx: Fixture;
let browser: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  fx = await servedStore([EXAMPLES]);
  profile = mkdtempSync(join(tmpdir(), 'storytrace-chromium-'));
  browser = await launchBrowser(profile);
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await fx?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function articleId(sourcePart: string): Promise<string> {
  const list = (await (await fetch(`${fx.server.url}/api/articles`)).json()) as { articles: Array<{ id: string; source: string }> };
  return list.articles.find((a) => a.source.includes(sourcePart))!.id;
}

test('stories list → story page with the derivation graph drawn, timeline, hidden source and credit', opts, async () => {
  // The story with a hidden source if the analysis found one (examples/ has two), else the largest.
  const { stories } = (await (await fetch(`${fx.server.url}/api/stories`)).json()) as { stories: Array<{ id: string; title: string; hidden_source: unknown }> };
  const story = stories.find((s) => s.hidden_source) ?? stories[0];
  await page.goto(fx.server.url + '/');
  const rows = page.locator('table.stories tbody tr');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 2);
  await page.locator(`table.stories a[href="#/story/${story.id}"]`).click();
  const graph = page.locator('svg[data-testid=story-graph]');
  await graph.waitFor();
  assert.ok((await graph.locator('a.node').count()) >= 3, 'nodes');
  assert.ok((await graph.locator('path.edge').count()) >= 2, 'edges');
  assert.ok((await page.locator('.graph-legend .legend-item').count()) >= 3);
  assert.ok((await page.locator('ol.timeline li').count()) >= 3);
  if (story.hidden_source) {
    assert.equal(await graph.locator('a.node.hidden_source').count(), 1);
    await page.locator('.hidden-text .annotated .seg').nth(2).hover();
    assert.match((await page.locator('.provenance').textContent()) ?? '', /Carried by:/);
  }
  assert.ok((await page.locator('table.credits .flag').count()) >= 1, 'an uncredited copy is flagged');
  assert.deepEqual(problems, []);
});

test('compare: hovering a substitution shows the other text\'s word; clicking a passage lights up both sides', opts, async () => {
  const [a, b] = [await articleId('01-greyhollow'), await articleId('04-newsflare')];
  await page.goto(`${fx.server.url}/#/compare?a=${a}&b=${b}`);
  const sub = page.locator('[data-side=b] .sub').nth(2);
  await sub.waitFor();
  const word = (await sub.textContent())!;
  await sub.hover();
  const tip = (await page.locator('.tooltip').textContent())!;
  const other = /“(.+)”/.exec(tip)?.[1];
  assert.ok(other, tip);
  assert.notEqual(other.toLowerCase(), word.toLowerCase());
  assert.ok((await page.locator('[data-side=a]').textContent())!.includes(other), `${other} is in text A`);
  await page.locator('[data-side=a] .passage').first().click();
  assert.ok((await page.locator('[data-side=b] .passage.active').count()) > 0);
  assert.ok((await page.locator('[data-side=a] .bp, [data-side=b] .bp').count()) > 0, 'boilerplate is greyed');
  assert.deepEqual(problems, []);
});

test('trace: paste a text, get related stored articles strongest first, and open a compare', opts, async () => {
  const text = readFileSync(join(EXAMPLES, '13-ferry-coastnow-copy.txt'), 'utf8').replace(/Saturday/g, 'Sunday');
  await page.goto(`${fx.server.url}/#/trace`);
  await page.getByLabel('article to trace').fill(text);
  await page.getByRole('button', { name: 'Trace' }).click();
  const rows = page.locator('table.trace tbody tr');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 2);
  assert.match((await rows.first().locator('.badge').textContent())!, /duplicate|spun|excerpt|abridged|rewrite/);
  await rows.first().getByRole('link', { name: 'compare' }).click();
  await page.locator('[data-side=a] .passage').first().waitFor();
  assert.deepEqual(problems, []);
});

test('quotes page: quotes with speakers and the outlets that carried them', opts, async () => {
  await page.goto(`${fx.server.url}/#/quotes`);
  await page.locator('.quote-group').first().waitFor();
  assert.ok((await page.locator('.quote-group').count()) >= 3);
  assert.ok((await page.locator('.occurrence').count()) >= 6);
  assert.deepEqual(problems, []);
});
