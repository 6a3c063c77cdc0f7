/**
 * PostgresStore against a real server. The server is STORYTRACE_PG_URL when set, else the first
 * of a few local defaults that answers within a second (the one .ci/setup-postgres.sh makes
 * first). Every store gets a fresh schema (`?schema=`), dropped afterwards. Without a server the
 * suite skips, except under CI=true, where an unreachable server is a failure.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { StoreError } from '../errors.js';
import { makeTestArticle, runStoreContract } from './contract.js';
import { openStore } from './open.js';
import { parsePostgresSpec } from './postgres-connect.js';
import { PG_SCHEMA_VERSION } from './postgres-schema.js';
import { PostgresStore } from './postgres.js';
import { findPgServer, missingServerFailure, PG_SKIP_MESSAGE } from '../test-helpers/postgres.js';

const serverUrl = await findPgServer();

/** Specs that need no server: parsing and connection failures. */
describe('PostgreSQL specs and connection errors', () => {
  test('a spec is shown without its password, with its schema', () => {
    const target = parsePostgresSpec('postgres://ann:s3cret@db.example:5433/news?schema=st_one&sslmode=disable');
    assert.equal(target.schema, 'st_one');
    assert.ok(!target.display.includes('s3cret'), target.display);
    assert.match(target.display, /^postgres:\/\/ann@db\.example:5433\/news\?.*schema=st_one/);
    assert.ok(!target.connectionString.includes('schema='));
    assert.equal(parsePostgresSpec('postgresql://h/db').schema, 'public');
  });

  test('a schema name that is not a plain lower-case identifier is refused', () => {
    assert.throws(() => parsePostgresSpec('postgres://h/db?schema=x;drop'), StoreError);
    assert.throws(() => parsePostgresSpec('postgres://h/db?schema=Upper'), /lower-case/);
  });

  test('an unreachable server is a one-line StoreError naming the database, not the password', async () => {
    const spec = 'postgres://ann:s3cret@127.0.0.1:1/news';
    await assert.rejects(PostgresStore.open(spec, { connectTimeoutMs: 2000 }), (e: unknown) => {
      assert.ok(e instanceof StoreError, String(e));
      assert.match(e.message, /^postgres:\/\/ann@127\.0\.0\.1:1\/news: cannot connect to the server/);
      assert.ok(!e.message.includes('s3cret') && !e.message.includes('\n'), e.message);
      return true;
    });
  });
});

if (serverUrl === null) {
  if (process.env.CI === 'true') {
    test('PostgreSQL server is reachable (required under CI=true)', () => {
      assert.fail(missingServerFailure() ?? 'no PostgreSQL server reachable');
    });
  } else {
    test('PostgreSQL store', (t) => t.skip(PG_SKIP_MESSAGE));
  }
} else {
  serverTests(serverUrl);
}

function serverTests(baseUrl: string): void {
  const admin = new pg.Pool({ connectionString: baseUrl, max: 2 });
  const runTag = `st_test_${process.pid}_${Date.now().toString(36)}`;
  const created: string[] = [];
  let counter = 0;

  /** A new schema name (not yet created) and the URL that points a store at it. */
  const freshSchema = (): { schema: string; url: string } => {
    const schema = `${runTag}_${++counter}`;
    created.push(schema);
    const url = new URL(baseUrl);
    url.searchParams.set('schema', schema);
    return { schema, url: url.toString() };
  };
  const dropSchema = async (schema: string) => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  };
  after(async () => {
    for (const schema of created) await dropSchema(schema);
    await admin.end();
  });

  // The contract runs in one schema created for this run and emptied after each test:
  // creating a schema (30-odd DDL statements) per test would cost a second each on a server
  // that syncs to disk. Creation itself is covered by the tests below.
  const contract = freshSchema();
  runStoreContract('postgres', () => PostgresStore.open(contract.url), () => emptySchema(admin, contract.schema));

  describe('PostgresStore on a server', () => {
    schemaTests(admin, freshSchema);
    concurrencyTests(freshSchema);
  });
}

type FreshSchema = () => { schema: string; url: string };

/** Back to what a new store holds: no rows but the schema's own settings. */
async function emptySchema(admin: pg.Pool, schema: string): Promise<void> {
  await admin.query(
    `DELETE FROM ${schema}.stories; DELETE FROM ${schema}.relations; DELETE FROM ${schema}.buckets;
     DELETE FROM ${schema}.fingerprints; DELETE FROM ${schema}.articles;
     DELETE FROM ${schema}.settings WHERE key NOT IN ('schema_version', 'created_at')`,
  );
}

/** Everything an open might change, to prove a refusal changed nothing. */
async function snapshot(admin: pg.Pool, schema: string): Promise<string> {
  const tables = await admin.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 1`,
    [schema],
  );
  const rows: unknown[] = [tables.rows];
  for (const table of ['schema_migrations', 'settings', 'articles']) {
    if (tables.rows.some((r) => r.relname === table)) {
      rows.push((await admin.query(`SELECT * FROM ${schema}.${table} ORDER BY 1`)).rows);
    }
  }
  return JSON.stringify(rows);
}

function refusesWith(display: string, why: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof StoreError, `expected StoreError, got ${String(e)}`);
    assert.ok(e.message.startsWith(display + ':'), e.message);
    assert.match(e.message, why);
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  };
}

function schemaTests(admin: pg.Pool, freshSchema: FreshSchema): void {
  test('openStore routes postgres URLs here; data and schema version persist across opens', async () => {
    const { url } = freshSchema();
    const store = await openStore(url);
    assert.equal(store.backend, 'postgres');
    await store.addArticle(makeTestArticle(7, { published: '2020-02-02' }));
    await store.close();
    const again = await openStore(url, { readonly: true });
    assert.equal((await again.getArticle(makeTestArticle(7).id))?.published, '2020-02-02');
    assert.equal(await again.getSetting('schema_version'), String(PG_SCHEMA_VERSION));
    await again.close();
  });

  test('refuses a database written by a newer storytrace, without changing it', async () => {
    const { schema, url } = freshSchema();
    const store = await PostgresStore.open(url);
    await store.addArticle(makeTestArticle(1));
    await store.close();
    const future = PG_SCHEMA_VERSION + 1;
    await admin.query(`INSERT INTO ${schema}.schema_migrations (version, description) VALUES ($1, 'from the future')`, [future]);
    const before = await snapshot(admin, schema);
    const display = parsePostgresSpec(url).display;
    const newer = new RegExp(`written by a newer storytrace \\(schema ${future}, this reads ${PG_SCHEMA_VERSION}\\)`);
    await assert.rejects(PostgresStore.open(url), refusesWith(display, newer));
    await assert.rejects(openStore(url, { readonly: true }), refusesWith(display, newer));
    assert.equal(await snapshot(admin, schema), before);
  });

  test('refuses a schema holding other tables, without changing it', async () => {
    const { schema, url } = freshSchema();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(`CREATE TABLE ${schema}.customers (id integer PRIMARY KEY, name text)`);
    const before = await snapshot(admin, schema);
    await assert.rejects(PostgresStore.open(url), refusesWith(parsePostgresSpec(url).display, /not a storytrace database/));
    assert.equal(await snapshot(admin, schema), before);
  });

  test('read-only: an empty database is refused and left empty; writes to a stored one fail', async () => {
    const { schema, url } = freshSchema();
    const display = parsePostgresSpec(url).display;
    await assert.rejects(PostgresStore.open(url, { readonly: true }), refusesWith(display, /empty database/));
    assert.equal(await snapshot(admin, schema), JSON.stringify([[]]));
    await (await PostgresStore.open(url)).close();
    const reader = await PostgresStore.open(url, { readonly: true });
    await assert.rejects(reader.addArticle(makeTestArticle(1)), refusesWith(display, /read-only/));
    assert.equal(await reader.countArticles(), 0);
    await reader.close();
  });

  test('existing only: an empty database is refused and left empty; a created one opens for writing', async () => {
    const { schema, url } = freshSchema();
    const display = parsePostgresSpec(url).display;
    await assert.rejects(PostgresStore.open(url, { existing: true }), refusesWith(display, /empty database/));
    assert.equal(await snapshot(admin, schema), JSON.stringify([[]]));
    await (await PostgresStore.open(url)).close();
    const store = await PostgresStore.open(url, { existing: true });
    await store.addArticle(makeTestArticle(1));
    assert.equal(await store.countArticles(), 1);
    await store.close();
  });
}

function concurrencyTests(freshSchema: FreshSchema): void {
  test('two stores opening a new database and adding the same articles at once store one copy each', async () => {
    const { url } = freshSchema();
    const [one, two] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      const articles = Array.from({ length: 20 }, (_, i) => makeTestArticle(i + 1));
      const results = await Promise.all(articles.flatMap((a) => [one.addArticle(a), two.addArticle(a)]));
      for (let i = 0; i < articles.length; i++) {
        const pair = [results[2 * i], results[2 * i + 1]].map((r) => r?.status).sort();
        assert.deepEqual(pair, ['added', 'duplicate'], `article ${i + 1}`);
      }
      assert.equal(await one.countArticles(), articles.length);
      const copy = makeTestArticle(99, { contentHash: articles[0]?.contentHash });
      assert.deepEqual(await two.addArticle(copy), { id: copy.id, status: 'duplicate', duplicateOf: articles[0]?.id });
    } finally {
      await one.close();
      await two.close();
    }
  });
}
