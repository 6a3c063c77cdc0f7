/**
 * For queue and deployment tests: finds a PostgreSQL server (STORYTRACE_PG_URL, else the local
 * defaults .ci/setup-postgres.sh makes) and hands out fresh schemas, dropped by `dropAll`.
 * Used by the store, queue and deployment tests: no server means skip, except under CI=true.
 */
import pg from 'pg';

const LOCAL_DEFAULTS = [
  'postgres://postgres:storytrace@127.0.0.1:5432/storytrace_test',
  'postgres://postgres@127.0.0.1:5432/postgres',
];
export const PG_SKIP_MESSAGE = 'skipped: no PostgreSQL server reachable; set STORYTRACE_PG_URL';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function findPgServer(): Promise<string | null> {
  const fromEnv = process.env.STORYTRACE_PG_URL;
  if (fromEnv !== undefined && fromEnv !== '') return (await answers(fromEnv)) ? fromEnv : null;
  for (const url of LOCAL_DEFAULTS) if (await answers(url)) return url;
  return null;
}

/** The failure to report when no server answers under CI=true (null: skipping is fine). */
export function missingServerFailure(): string | null {
  if (process.env.CI !== 'true') return null;
  return `no PostgreSQL server reachable (tried ${process.env.STORYTRACE_PG_URL ?? LOCAL_DEFAULTS.join(', ')}); run .ci/setup-postgres.sh`;
}

export class TestSchemas {
  private readonly admin: pg.Pool;
  private readonly created: string[] = [];
  private counter = 0;
  private readonly tag = `st_test_${process.pid}_${Date.now().toString(36)}`;

  constructor(private readonly baseUrl: string) {
    this.admin = new pg.Pool({ connectionString: baseUrl, max: 2 });
  }

  /** A new schema name and the URL pointing a store or queue at it. */
  fresh(label = 'q'): { schema: string; url: string } {
    const schema = `${this.tag}_${label}${++this.counter}`;
    this.created.push(schema);
    const url = new URL(this.baseUrl);
    url.searchParams.set('schema', schema);
    return { schema, url: url.toString() };
  }

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.admin.query<R>(sql, params);
  }

  async dropAll(): Promise<void> {
    for (const schema of this.created) await this.admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await this.admin.end();
  }
}
