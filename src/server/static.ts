/**
 * The built web UI (dist/web by default), with strict security headers on every answer. The
 * UI is one page with hashed assets; it routes in the URL's hash, so the server needs no
 * knowledge of its pages.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono, MiddlewareHandler } from 'hono';

/**
 * Only the page's own scripts, styles and API: nothing inline, nothing from elsewhere. Article
 * text is rendered as text; this is the second wall if that ever fails.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The package root: the nearest folder above this file holding package.json (src/ or dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

const NOT_BUILT = 'storytrace: the web UI is not built. Run `npm run build` (or `npm run build:web`), then restart `storytrace serve`. The API is at /api and described at /openapi.json.\n';

async function sendFile(c: Context, root: string, path: string): Promise<Response | null> {
  const file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null; // outside the web root
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  const body = await readFile(file);
  const hashed = path.startsWith('/assets/');
  c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  return c.body(body);
}

export function staticRoutes(app: Hono, webRoot: string): void {
  const root = resolve(webRoot);
  app.get('*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/') || path.includes('\0')) return c.notFound();
    const direct = path !== '/' ? await sendFile(c, root, path) : null;
    if (direct) return direct;
    if (extname(path) !== '') return c.notFound();
    // The one page, for / and any page-like path.
    const page = await sendFile(c, root, '/index.html');
    return page ?? c.text(NOT_BUILT, 503);
  });
}
