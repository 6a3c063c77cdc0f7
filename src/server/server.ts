/** Starts the one process of `storytrace serve`: the API and the web UI on one store. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { openAnalysisLock } from '../queue/analyze-lock.js';
import { openStore } from '../store/open.js';
import { createApp } from './app.js';
import { createServerContext } from './context.js';
import type { ErrorLog } from './errors.js';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from './options.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Stops listening, then closes the store. */
  close(): Promise<void>;
}

/**
 * Slow clients must send a whole request in time; idle keep-alive sockets are closed. Node checks
 * these deadlines only every `connectionsCheckingInterval` (30 s by default, set only at
 * creation), so a slow client could hold a socket up to twice the limit: check four times per limit.
 */
function slowClientLimits(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 20_000),
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
  };
}

export async function startServer(options: Partial<ServerOptions> = {}, log: ErrorLog = (l) => process.stderr.write(l + '\n')): Promise<RunningServer> {
  const o: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, ...options };
  const store = await openStore(o.db);
  const analysisLock = openAnalysisLock(o.db);
  const ctx = createServerContext(store, analysisLock, o, log);
  const app = createApp(ctx);
  const server = await new Promise<Server>((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host, serverOptions: slowClientLimits(o.requestTimeoutMs) }, () => resolveServer(s as Server));
    s.once('error', reject);
  }).catch(async (err) => {
    await analysisLock.close();
    await store.close();
    throw err;
  });
  // After the first page has had its chance: loading blocks the event loop for about a second.
  const warmUp = o.warmUpAfterMs === null ? null : setTimeout(() => void ctx.tracer().catch((e: Error) => log(`storytrace serve: warm-up failed: ${e.message}`)), o.warmUpAfterMs);
  warmUp?.unref();
  const { port } = server.address() as AddressInfo;
  const shown = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: async () => {
      if (warmUp) clearTimeout(warmUp);
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await ctx.closeTracer();
      await analysisLock.close();
      await store.close();
    },
  };
}
