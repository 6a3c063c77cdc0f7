/** The HTTP app: API routes, the OpenAPI document, the web UI, limits and the error handler. */
import { Hono } from 'hono/tiny'; // the small router: the UI's first page comes sooner after start
import { bodyLimit } from 'hono/body-limit';
import { timeout } from 'hono/timeout';
import { HTTPException } from 'hono/http-exception';
import type { ServerContext } from './context.js';
import { errorBody, makeErrorHandler } from './errors.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { articleRoutes } from './routes-articles.js';
import { analysisRoutes } from './routes-analysis.js';
import { storyRoutes } from './routes-stories.js';
import { defaultWebRoot, securityHeaders, staticRoutes } from './static.js';

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('/api/*', bodyLimit({
    maxSize: ctx.options.maxBodyBytes,
    onError: (c) => c.json(errorBody('too_large', `the request body is larger than ${ctx.options.maxBodyBytes} bytes`), 413),
  }));
  app.use('/api/*', timeout(ctx.options.requestTimeoutMs, () => new HTTPException(504, { message: 'the request took too long' })));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));
  app.get('/api/health', async (c) => c.json({ ok: true, articles: await ctx.store.countArticles(), backend: ctx.store.backend }));
  articleRoutes(app, ctx);
  analysisRoutes(app, ctx);
  storyRoutes(app, ctx);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 100)}`), 404));
  staticRoutes(app, ctx.options.webRoot ?? defaultWebRoot());
  app.notFound((c) => c.json(errorBody('not_found', 'not found'), 404));
  app.onError(makeErrorHandler(ctx.log));
  return app;
}
