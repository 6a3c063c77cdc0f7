/** `storytrace serve`: the HTTP API and the web UI on one store, in one process. */
import { InvalidArgumentError, type Command } from 'commander';
import { writeLine, type CliContext, type RegisterCommand } from '../context.js';

interface ServeFlags {
  port: number;
  host: string;
  traceThreads: number;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0-65535)');
  return n;
}

function threadCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError('expected a thread count (0-256; 0: one per core)');
  return n;
}

export const registerServe: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json) and the web UI on the store, until interrupted')
    .option('--port <n>', 'TCP port (0: any free port)', portNumber, 8080)
    .option('--host <address>', 'address to bind; the API has no login, so keep it on loopback unless a proxy guards it', '127.0.0.1')
    .option('--trace-threads <n>', 'threads one trace uses, its own included (0: one per core; 1: no worker threads)', threadCount, 0)
    .action((flags: ServeFlags) => serveUntilStopped(ctx, flags));
};

async function serveUntilStopped(ctx: CliContext, flags: ServeFlags): Promise<void> {
  const server = await (await import('../../server/server.js')).startServer({ db: ctx.dbSpec(), port: flags.port, host: flags.host, traceThreads: flags.traceThreads }, (line) => writeLine(ctx.io.stderr, line));
  writeLine(ctx.io.stdout, `storytrace: serving ${await shownSpec(ctx.dbSpec())} at ${server.url}/ (API: ${server.url}/openapi.json); Ctrl-C stops`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The database as it may be printed: a PostgreSQL URL without its password. */
async function shownSpec(spec: string): Promise<string> {
  if (!/^postgres(ql)?:\/\//i.test(spec)) return spec;
  const { parsePostgresSpec } = await import('../../store/postgres-connect.js');
  return parsePostgresSpec(spec).display;
}
