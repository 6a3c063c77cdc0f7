/**
 * WAL checkpoints on a thread of their own during bulk writes.
 *
 * In WAL mode a commit appends its pages to the -wal file, and every ~4 MB SQLite's automatic
 * checkpoint copies them into the database file and syncs it, inside the committing call. In
 * a large `add` that copy is mostly random page writes (the id and hash indexes) and was the
 * biggest single cost of the writing thread at 1 M articles (bench/RESULTS.md, "1 M a fourth
 * time": 4.4 s of its 15.5 s per 20,000 articles). So while a bulk add
 * runs, the writer's connection stops checkpointing and a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block the writer) every `intervalMs`. The
 * WAL starts again from its beginning at the first commit after a checkpoint that copied
 * everything; if the worker falls behind and the WAL keeps growing past `maxWalBytes`, the
 * writer checkpoints in line, as SQLite would have, so the -wal file stays bounded.
 *
 * Nothing about durability changes: a checkpoint only copies pages already committed to the
 * WAL, and a process that dies leaves a WAL that the next open replays.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface CheckpointerOptions {
  /** Milliseconds between two background checkpoints. */
  intervalMs: number;
  /** WAL size past which the writer checkpoints itself after a commit. */
  maxWalBytes: number;
}

/**
 * A checkpoint copies each page once however many commits since the last one wrote it, and
 * syncs the files: every 5 s rather than every 0.1 s, an add writes a quarter to two fifths
 * fewer bytes (bench/RESULTS.md, session 15). Checkpoints seconds apart overlap the writer's
 * commits, so the WAL seldom starts again from its beginning and grows until the writer's own
 * checkpoint at `maxWalBytes`; with 1 GiB that took the writer 3 s of a 100 k add, with 4 GiB
 * (the size a merge of big index runs gives the WAL at 1 M anyway) none. The next open replays
 * what a crash leaves in the WAL.
 */
export const DEFAULT_CHECKPOINTER_OPTIONS: CheckpointerOptions = { intervalMs: 5000, maxWalBytes: 4 * 2 ** 30 };

/**
 * The worker's whole program, plain CommonJS so that it runs unchanged from the compiled
 * store and from the TypeScript sources (tests): it needs only the SQLite driver.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next tick */ } };
let timer = null;
const tick = () => { checkpoint(); timer = setTimeout(tick, workerData.intervalMs); };
parentPort.on('message', () => {
  clearTimeout(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
tick();
`;

export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly walFile: string;
  /** WAL size seen after the previous commit. */
  private lastWalBytes = 0;
  /** The writer's automatic-checkpoint setting (pages) before we turned it off. */
  private readonly autoCheckpoint: number;

  /** Turns off `db`'s automatic checkpoint and starts the worker on `file`. */
  constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly o: CheckpointerOptions = DEFAULT_CHECKPOINTER_OPTIONS,
  ) {
    this.walFile = `${file}-wal`;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: o.intervalMs } });
    this.worker.unref(); // never what keeps a process alive
    this.autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma('wal_autocheckpoint = 0');
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => resolve());
      // A worker that cannot open the file leaves checkpoints to the writer.
      this.worker.once('error', () => this.restoreAutoCheckpoint());
    });
  }

  /**
   * After a commit: checkpoints in line when the WAL is past the bound and still growing. The
   * file never shrinks (a merge of big runs is one transaction and leaves it large), so its
   * size alone says nothing; but a WAL the worker keeps up with restarts from its beginning
   * and stops growing.
   */
  afterCommit(): void {
    let size = 0;
    try {
      size = statSync(this.walFile).size;
    } catch {
      return; // no WAL file (yet): nothing to copy
    }
    const growing = size > this.lastWalBytes;
    this.lastWalBytes = size;
    if (growing && size > this.o.maxWalBytes) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Stops the worker (after its last checkpoint) and gives checkpoints back to SQLite. */
  async stop(): Promise<void> {
    this.worker.ref(); // an unreferenced worker would let the process end while we wait
    this.worker.postMessage('stop');
    await this.exited;
    this.restoreAutoCheckpoint();
  }

  private restoreAutoCheckpoint(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.autoCheckpoint}`);
  }
}
