import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from './app.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { DEFAULT_SERVER_OPTIONS } from './options.js';
import { AnalysisGate } from './limits.js';
import { openAnalysisLock } from '../queue/analyze-lock.js';
import type { ServerContext } from './context.js';

/** The app's own routes, as OpenAPI paths ("/api/articles/{id}"), without wildcards. */
function appRoutes(): Set<string> {
  const unused = () => Promise.reject(new Error('unused'));
  const ctx = { store: {} as never, engine: unused, tracer: unused, closeTracer: unused, gate: new AnalysisGate(1), analysisLock: openAnalysisLock(''), options: DEFAULT_SERVER_OPTIONS, log: () => {} } as ServerContext;
  const app = createApp(ctx);
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.path.includes('*') || r.method === 'ALL') continue;
    out.add(`${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return out;
}

function documented(): Set<string> {
  const out = new Set<string>();
  for (const [path, ops] of Object.entries(OPENAPI_DOCUMENT.paths)) for (const method of Object.keys(ops)) out.add(`${method} ${path}`);
  return out;
}

test('every route of the app is in the OpenAPI document, and every documented route exists', () => {
  const routes = appRoutes();
  const docs = documented();
  assert.ok(routes.size >= 10, [...routes].join(', '));
  for (const r of routes) assert.ok(docs.has(r), `route not documented: ${r}`);
  for (const d of docs) assert.ok(routes.has(d), `documented but not served: ${d}`);
});

test('the OpenAPI document is 3.1 and every $ref resolves', () => {
  assert.equal(OPENAPI_DOCUMENT.openapi, '3.1.0');
  const text = JSON.stringify(OPENAPI_DOCUMENT);
  const refs = [...text.matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
  assert.ok(refs.length > 10);
  for (const ref of refs) {
    let node: unknown = OPENAPI_DOCUMENT;
    for (const part of ref.split('/')) node = (node as Record<string, unknown>)?.[part];
    assert.ok(node !== undefined, `unresolved $ref #/${ref}`);
  }
});
