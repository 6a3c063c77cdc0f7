/**
 * Checking and upgrading the schema of a PostgreSQL storytrace database.
 *
 * Inspection only reads, so a database we refuse (newer schema, someone else's tables) is never
 * modified. Creating and upgrading run in one transaction holding an advisory lock on the
 * schema, so several processes opening the same new database at once create it exactly once.
 */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import { SETTING_CREATED_AT, SETTING_SCHEMA_VERSION } from './schema.js';
import { MIGRATIONS_TABLE_DDL, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './postgres-schema.js';
import type { PostgresTarget } from './postgres-connect.js';

/** What a schema holds, from reads alone. */
type SchemaState =
  | { kind: 'empty' } // no such schema, or one with no tables: ours to create
  | { kind: 'foreign'; tables: number } // tables, but no schema_migrations: not ours
  | { kind: 'storytrace'; version: number };

type Queryable = Pick<pg.PoolClient, 'query'>;

async function inspect(db: Queryable, schema: string): Promise<SchemaState> {
  const found = await db.query<{ tables: string; has_migrations: boolean }>(
    `SELECT count(*) AS tables, bool_or(c.relname = 'schema_migrations') AS has_migrations
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [schema],
  );
  const tables = Number(found.rows[0]?.tables ?? 0);
  if (tables === 0) return { kind: 'empty' };
  if (found.rows[0]?.has_migrations !== true) return { kind: 'foreign', tables };
  const applied = await db.query<{ version: number | null }>(`SELECT max(version) AS version FROM schema_migrations`);
  return { kind: 'storytrace', version: applied.rows[0]?.version ?? 0 };
}

/** Refuses states this build must not touch; returns the version to upgrade from. */
function acceptedVersion(state: SchemaState, target: PostgresTarget, { readonly, existing }: SchemaAccess): number {
  const where = target.display;
  if (state.kind === 'foreign') {
    throw new StoreError(
      `${where}: not a storytrace database (schema ${target.schema} holds ${state.tables} other tables; pick another with ?schema=)`,
    );
  }
  const version = state.kind === 'empty' ? 0 : state.version;
  if (version > PG_SCHEMA_VERSION) {
    throw new StoreError(
      `${where}: written by a newer storytrace (schema ${version}, this reads ${PG_SCHEMA_VERSION}); upgrade storytrace`,
    );
  }
  if (existing && version === 0) throw new StoreError(`${where}: empty database (nothing was ever added to it)`);
  if (readonly && version < PG_SCHEMA_VERSION) {
    throw new StoreError(`${where}: written by an older storytrace (schema ${version}); open it for writing once to upgrade`);
  }
  return version;
}

/**
 * Makes the schema current or refuses it. Reads first without locking; only a database that
 * needs creating or upgrading is locked and changed, and the check is repeated under the lock.
 */
/** How a store is opened: `existing` refuses an empty database (readonly implies it). */
export interface SchemaAccess {
  readonly: boolean;
  existing: boolean;
}

export async function prepareSchema(pool: pg.Pool, target: PostgresTarget, access: SchemaAccess): Promise<void> {
  const client = await pool.connect();
  try {
    const from = acceptedVersion(await inspect(client, target.schema), target, access);
    if (from === PG_SCHEMA_VERSION) return;
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`storytrace schema ${target.schema}`]);
      const lockedFrom = acceptedVersion(await inspect(client, target.schema), target, access);
      if (lockedFrom < PG_SCHEMA_VERSION) await upgrade(client, target.schema, lockedFrom);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  } finally {
    client.release();
  }
}

/** Runs the migrations after `from` and records them; the caller holds the transaction. */
async function upgrade(client: pg.PoolClient, schema: string, from: number): Promise<void> {
  // The schema name was validated as a plain lower-case identifier (postgres-connect.ts).
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(MIGRATIONS_TABLE_DDL);
  for (const migration of PG_MIGRATIONS) {
    if (migration.version <= from) continue;
    for (const statement of migration.statements) await client.query(statement);
    await client.query(`INSERT INTO schema_migrations (version, description) VALUES ($1, $2)`, [
      migration.version,
      migration.description,
    ]);
  }
  await client.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [SETTING_SCHEMA_VERSION, String(PG_SCHEMA_VERSION)],
  );
  await client.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
    SETTING_CREATED_AT,
    new Date().toISOString(),
  ]);
}
