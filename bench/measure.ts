/** Small measuring helpers of the benchmark: timers, percentiles, sizes, id arrays. */
import { statSync } from 'node:fs';
import type { PairRelation } from '../src/types.js';

export function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** The q-quantile (0..1) of values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** What a caller sees of a relation: the fields a speed change must leave as they were. */
export const relationGist = (r: PairRelation): string =>
  JSON.stringify([r.b, r.relation, r.confidence, r.direction, r.direction_confidence, r.share_a, r.share_b, r.passages.length, r.substitutions.length]);

/**
 * CPU milliseconds of each of `versions` over `passes` passes, the versions alternating within
 * each pass, so a machine whose speed drifts slows them alike; [version][pass]. One pass of
 * each first, not counted (compilation).
 */
export function alternatingCpu(versions: ReadonlyArray<() => void>, passes: number): number[][] {
  for (const run of versions) run();
  const out = versions.map((): number[] => []);
  for (let p = 0; p < passes; p++) {
    versions.forEach((run, v) => {
      const c = process.cpuUsage();
      run();
      const used = process.cpuUsage(c);
      out[v].push((used.user + used.system) / 1000);
    });
  }
  return out;
}

/** Size in bytes of a SQLite database with its -wal and -shm files. */
export function databaseBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      total += statSync(f).size;
    } catch {
      // absent
    }
  }
  return total;
}

/** Peak resident memory of the process (all threads), bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Article ids (16 hex digits) by document number, in 8 bytes each instead of a Map entry. */
export class IdTable {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly set: Uint8Array;
  constructor(size: number) {
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.set = new Uint8Array(size);
  }
  put(i: number, id: string): void {
    this.hi[i] = parseInt(id.slice(0, 8), 16);
    this.lo[i] = parseInt(id.slice(8, 16), 16);
    this.set[i] = 1;
  }
  get(i: number): string | null {
    if (!this.set[i]) return null;
    return this.hi[i].toString(16).padStart(8, '0') + this.lo[i].toString(16).padStart(8, '0');
  }
}

/** Options of the scripts that trace new synthetic articles against a stored benchmark corpus (node:util parseArgs). */
export const STORED_CORPUS_OPTIONS = {
  /** The benchmark's SQLite store. */
  db: { type: 'string' },
  /** Documents stored: the traced articles are the ones after them. */
  docs: { type: 'string', default: '10000' },
  /** Articles traced. */
  n: { type: 'string', default: '30' },
  seed: { type: 'string', default: '1' },
} as const;
