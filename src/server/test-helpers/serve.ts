/** An in-process server on a temp store and a free loopback port, for the API tests. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../server.js';
import type { ServerOptions } from '../options.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export interface TestServer {
  url: string;
  dir: string;
  logged: string[];
  server: RunningServer;
  close(): Promise<void>;
}

export async function testServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-api-'));
  const webRoot = join(dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  const logged: string[] = [];
  const server = await startServer({ db: join(dir, 'store.db'), port: 0, webRoot, ...options }, (l) => logged.push(l));
  return {
    url: server.url,
    dir,
    logged,
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch + JSON; returns status, headers and the parsed body. */
export async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const { json, ...rest } = init;
  const req: RequestInit = json === undefined ? rest : { ...rest, method: rest.method ?? 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...(rest.headers ?? {}) } };
  const res = await fetch(url, req);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, headers: res.headers, body };
}
