/**
 * Regenerates docs/story-page.png, docs/hidden-source.png and docs/compare-view.png from examples/:
 *   node --import tsx test/e2e/screenshots.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, launchBrowser, servedStore } from './helpers.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

async function main(): Promise<void> {
  const fx = await servedStore([EXAMPLES]);
  const profile = mkdtempSync(join(tmpdir(), 'storytrace-shots-'));
  const browser = await launchBrowser(profile, { width: 1280, height: 1400 });
  try {
    const page = await browser.newPage();
    await page.goto(fx.server.url + '/');
    await page.locator('table.stories a', { hasText: /Greyhollow Dam/ }).first().click();
    await page.locator('svg[data-testid=story-graph]').waitFor();
    await page.screenshot({ path: join(DOCS, 'story-page.png') });

    // The ferry story's original is not in the corpus: its page shows the hidden source.
    await page.goto(fx.server.url + '/');
    await page.locator('table.stories a', { hasText: /ferry/i }).first().click();
    await page.locator('svg[data-testid=story-graph]').waitFor();
    const seg = page.locator('.hidden-text .annotated .seg').first();
    await seg.waitFor();
    await seg.hover();
    await page.screenshot({ path: join(DOCS, 'hidden-source.png') });

    const list = (await (await fetch(`${fx.server.url}/api/articles`)).json()) as { articles: Array<{ id: string; source: string }> };
    const id = (part: string) => list.articles.find((a) => a.source.includes(part))!.id;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${fx.server.url}/#/compare?a=${id('01-greyhollow')}&b=${id('04-newsflare')}`);
    const sub = page.locator('[data-side=b] .sub').nth(4);
    await sub.waitFor();
    await sub.hover();
    await page.locator('.tooltip').waitFor();
    await page.screenshot({ path: join(DOCS, 'compare-view.png') });
  } finally {
    await browser.close();
    await fx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
