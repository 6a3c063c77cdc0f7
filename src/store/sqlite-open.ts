/**
 * Opening a SQLite file as a storytrace database: checks the file before SQLite touches it,
 * validates the schema with reads only, and only then configures or creates it — so a file we
 * refuse is never modified. Every refusal is a StoreError whose one-line message names the file.
 */
import { accessSync, constants, openSync, readSync, closeSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, UserError } from '../errors.js';
import {
  APPLICATION_ID,
  MIGRATIONS,
  SCHEMA_V1,
  SCHEMA_VERSION,
  SETTING_CREATED_AT,
  SETTING_SCHEMA_VERSION,
} from './schema.js';
import { convertLegacyBuckets } from './bucket-legacy.js';

export interface SqliteOpenOptions {
  /** Open for reading only: nothing is created, configured or written; writes fail. */
  readonly?: boolean;
  /** Refuse a missing file instead of creating it (implied by readonly). */
  existing?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Opens (or creates) `file` as a storytrace database, ready for use. */
export function openSqliteDatabase(file: string, options: SqliteOpenOptions = {}): Database.Database {
  const readonly = options.readonly === true;
  if (file !== ':memory:') checkFileBeforeOpening(file, readonly, readonly || options.existing === true);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw storeErrorFrom(file, err);
  }
  try {
    prepareSchema(db, file, readonly);
    configure(db, readonly);
    return db;
  } catch (err) {
    db.close();
    throw storeErrorFrom(file, err, true);
  }
}

/** Refuses, from the file system alone, files SQLite must not be pointed at. */
function checkFileBeforeOpening(file: string, readonly: boolean, existing: boolean): void {
  const folder = dirname(resolve(file));
  const folderStat = statOrNull(folder);
  if (folderStat === null || !folderStat.isDirectory()) {
    throw new StoreError(`${file}: folder ${folder} does not exist`);
  }
  const stat = statOrNull(file);
  if (stat === null) {
    if (existing) throw new StoreError(`${file}: no such database file`);
    if (!isWritable(folder, folderStat)) throw new StoreError(`${file}: folder ${folder} is not writable`);
    return;
  }
  if (stat.isDirectory()) throw new StoreError(`${file}: is a folder, not a database file`);
  if (!stat.isFile()) throw new StoreError(`${file}: not a regular file`);
  if (!readonly && !isWritable(file, stat)) {
    throw new StoreError(`${file}: the database file is read-only; cannot write to it`);
  }
  if (stat.size > 0 && readHeader(file) !== SQLITE_MAGIC) {
    throw new StoreError(`${file}: not a storytrace database (not an SQLite file)`);
  }
}

/**
 * Writable for us. Root passes access(W_OK) on any file, so a file whose mode has no write bit
 * at all (chmod a-w) also counts as read-only: that is how users mark a database as frozen.
 */
function isWritable(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Validates an existing schema (reads only), or creates one in an empty database. */
function prepareSchema(db: Database.Database, file: string, readonly: boolean): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
  if (version === 0 && appId === 0 && tables.n === 0) {
    if (readonly) throw new StoreError(`${file}: empty database (nothing was ever added to it)`);
    createSchema(db);
    return;
  }
  if (appId !== APPLICATION_ID) {
    throw new StoreError(`${file}: not a storytrace database (an SQLite file holding other data)`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${file}: written by a newer storytrace (schema ${version}, this reads ${SCHEMA_VERSION}); upgrade storytrace`,
    );
  }
  const recorded = readSchemaSetting(db, file);
  if (version < 1 || recorded !== String(version)) {
    throw new StoreError(`${file}: not a storytrace database (unknown schema ${version}/${recorded ?? 'none'})`);
  }
  if (version < SCHEMA_VERSION) migrate(db, file, version, readonly);
}

function readSchemaSetting(db: Database.Database, file: string): string | null {
  try {
    const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(SETTING_SCHEMA_VERSION) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  } catch (err) {
    if (err instanceof Database.SqliteError && err.code === 'SQLITE_ERROR') {
      throw new StoreError(`${file}: not a storytrace database (no settings table)`);
    }
    throw err;
  }
}

function createSchema(db: Database.Database): void {
  db.transaction(() => {
    for (const ddl of SCHEMA_V1) db.exec(ddl);
    for (let v = 1; v < SCHEMA_VERSION; v++) runStep(db, v);
    const put = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    put.run(SETTING_SCHEMA_VERSION, String(SCHEMA_VERSION));
    put.run(SETTING_CREATED_AT, new Date().toISOString());
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** Steps that move data as well (after the step's DDL), by the version they upgrade from. */
const MIGRATION_CODE: Readonly<Record<number, (db: Database.Database) => void>> = {
  2: convertLegacyBuckets,
};

/** The DDL and then the code of one step, from schema v to v + 1. */
function runStep(db: Database.Database, v: number): void {
  for (const ddl of MIGRATIONS[v] ?? []) db.exec(ddl);
  MIGRATION_CODE[v]?.(db);
}

/** Upgrades an older schema step by step, in one transaction. */
function migrate(db: Database.Database, file: string, from: number, readonly: boolean): void {
  if (readonly) {
    throw new StoreError(`${file}: written by an older storytrace (schema ${from}); open it for writing once to upgrade`);
  }
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) {
      if (MIGRATIONS[v] === undefined) throw new StoreError(`${file}: no upgrade from schema ${v}`);
      runStep(db, v);
    }
    db.prepare(`UPDATE settings SET value = ? WHERE key = ?`).run(String(SCHEMA_VERSION), SETTING_SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function configure(db: Database.Database, readonly: boolean): void {
  // WAL lets readers (list, the server) run while a batch add writes; it is a file-level,
  // persistent setting, so it is only set on files we have accepted and may write.
  if (!readonly) db.pragma('journal_mode = WAL');
  // 256 MB of page cache (allocated as used): the bucket index's tail B-tree (~20 MB) and the
  // articles' indexes stay in memory during a bulk add; the 2 MB default re-reads pages.
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Maps SQLite failures to StoreError messages naming the file; anything else (a bug, a
 * constraint broken by a caller) is returned unchanged.
 */
export function storeErrorFrom(file: string, err: unknown, opening = false): unknown {
  if (err instanceof UserError || !(err instanceof Database.SqliteError)) return err;
  const why = err.message;
  const code = err.code;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError(
      opening ? `${file}: not a storytrace database (corrupt: ${why})` : `${file}: the database file is corrupt (${why})`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(`${file}: cannot write: the database is read-only (${why})`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError(`${file}: cannot open the database (${why})`);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new StoreError(`${file}: refers to an article that is not stored`);
  if (code === 'SQLITE_FULL') return new StoreError(`${file}: disk full while writing`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`${file}: the database is busy (another process is writing); try again`);
  }
  if (code.startsWith('SQLITE_IOERR')) return new StoreError(`${file}: input/output error (${why})`);
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return new StoreError(`${file}: permission denied (${why})`);
  return err;
}
