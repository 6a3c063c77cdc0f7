/**
 * Shared by the browser tests: an analysed store of examples/ served in-process, and Debian's
 * Chromium driven by playwright-core. Without /usr/bin/chromium the tests skip locally; under
 * CI=true they fail instead, so a missing browser never passes silently.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createEngine } from '../../src/engine/engine.js';
import { ingestPaths } from '../../src/engine/ingest.js';
import { analyzeStore } from '../../src/engine/analyze-store.js';
import { openStore } from '../../src/store/open.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { defaultWebRoot } from '../../src/server/static.js';

export const CHROMIUM = '/usr/bin/chromium';
export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** Why the browser tests cannot run here, or null when they can. Throws under CI. */
export function browserSkipReason(): string | null {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} is absent (install it: bash .ci/setup-chromium.sh)`);
  if (!existsSync(join(defaultWebRoot(), 'index.html'))) missing.push('the web UI is not built (npm run build:web)');
  if (missing.length === 0) return null;
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${missing.join('; ')}`);
  return `skipped: ${missing.join('; ')}`;
}

/** Chromium with a fresh profile folder (removed by the caller), no network chatter, no sandbox (root in CI). */
export async function launchBrowser(profileDir: string, viewport = { width: 1400, height: 1000 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

export interface Fixture {
  server: RunningServer;
  dir: string;
  close(): Promise<void>;
}

/** A fresh store in a temp folder, filled with `paths` and analysed, served on a free port. */
export async function servedStore(paths: string[]): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-e2e-'));
  const db = join(dir, 'store.db');
  const store = await openStore(db);
  const engine = createEngine();
  for await (const e of ingestPaths(store, paths, engine)) if (e.kind === 'error') throw new Error(e.message);
  await analyzeStore(engine, store);
  await store.close();
  const server = await startServer({ db, port: 0, host: '127.0.0.1' }, () => {});
  return {
    server,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
