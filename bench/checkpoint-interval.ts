/**
 * What the background WAL checkpoints of a bulk add cost (issue #6; src/store/sqlite-checkpointer.ts):
 * adds the same input into a new SQLite store once per setting, as `storytrace add` does on
 * worker threads, and prints wall time, CPU time and the bytes the process wrote to storage
 * (Linux /proc/self/io: every thread, the checkpoints' copies and syncs included).
 *
 *   node --import tsx bench/checkpoint-interval.ts --input c100k.jsonl
 *       [--settings 100:1024,5000:4096] [--rounds 1] [--workers 2] [--tmp /tmp]
 *
 * A setting is `interval ms:WAL bound MiB[:fan-in]` (the fan-in of the bucket index's run
 * merges, default its own); rounds alternate the settings, since a machine's speed drifts
 * between runs. Each line also gives the time the writing thread spent in the index's
 * maintenance (tail flushes and run merges, SqliteBucketIndex.maintain). The input is JSON
 * lines, e.g. from `node dist/bench/export-corpus.js --docs 100000 --out c100k.jsonl`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import { DEFAULT_ENGINE_OPTIONS } from '../src/engine/engine.js';
import { readInputs } from '../src/ingest/read.js';
import { ingestDocuments } from '../src/parallel/ingest.js';
import type { CheckpointerOptions } from '../src/store/sqlite-checkpointer.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { DEFAULT_BUCKET_INDEX_OPTIONS, SqliteBucketIndex } from '../src/store/sqlite-buckets.js';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    settings: { type: 'string', default: '100:1024,5000:4096' },
    rounds: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    tmp: { type: 'string', default: '/tmp' },
  },
});

applyV8Flags();

interface Setting {
  checkpointer: CheckpointerOptions;
  fanIn: number;
}

function parseSetting(spec: string): Setting {
  const [interval, bound, fanIn = DEFAULT_BUCKET_INDEX_OPTIONS.fanIn] = spec.split(':').map(Number);
  if (!(interval > 0) || !(bound > 0) || !(fanIn >= 2)) throw new Error(`--settings: expected "interval ms:WAL bound MiB[:fan-in]", got "${spec}"`);
  return { checkpointer: { intervalMs: interval, maxWalBytes: bound * 2 ** 20 }, fanIn };
}

/** Milliseconds spent in SqliteBucketIndex.maintain since the script started (wrapped here, in the benchmark only). */
let maintainMs = 0;
const maintain = SqliteBucketIndex.prototype.maintain;
SqliteBucketIndex.prototype.maintain = function timedMaintain(this: SqliteBucketIndex): void {
  const t = performance.now();
  try {
    maintain.call(this);
  } finally {
    maintainMs += performance.now() - t;
  }
};

/** Bytes this process has written to storage so far, or NaN where /proc/self/io is missing. */
function bytesWritten(): number {
  try {
    return Number(/^write_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

async function addOnce(input: string, { checkpointer, fanIn }: Setting): Promise<string> {
  const dir = mkdtempSync(join(args.tmp, 'storytrace-ckpt-'));
  try {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const written = bytesWritten();
    const maintained = maintainMs;
    const store = await SqliteStore.open(join(dir, 'add.db'), { checkpointer, buckets: { fanIn } });
    let added = 0;
    try {
      for await (const e of ingestDocuments(store, readInputs([input]), DEFAULT_ENGINE_OPTIONS, { workers: Number(args.workers) })) if (e.kind === 'added') added++;
    } finally {
      await store.close(); // the last checkpoint counts too
    }
    const used = process.cpuUsage(cpu);
    const gb = (bytesWritten() - written) / 1e9;
    return `${added} added in ${((performance.now() - t) / 1000).toFixed(1)} s, user ${(used.user / 1e6).toFixed(1)} s, system ${(used.system / 1e6).toFixed(1)} s, index maintenance ${((maintainMs - maintained) / 1000).toFixed(1)} s, ${gb.toFixed(2)} GB written`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!args.input) throw new Error('--input <file.jsonl> is required');
  const settings = args.settings.split(',').map(parseSetting);
  for (let round = 1; round <= Number(args.rounds); round++) {
    for (const s of settings) {
      const { intervalMs, maxWalBytes } = s.checkpointer;
      console.log(`round ${round}, every ${intervalMs} ms, WAL bound ${maxWalBytes / 2 ** 20} MiB, fan-in ${s.fanIn}: ${await addOnce(args.input, s)}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
