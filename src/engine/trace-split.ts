/**
 * How a trace splits its candidates over shards (src/engine/trace.ts): by text length, on top of
 * what each shard is busy with, at the pace its set of shards has shown. Only the split
 * depends on these, never the answer.
 */
import type { Article } from '../types.js';

export const textLength = (articles: readonly Article[]): number => articles.reduce((n, a) => n + a.text.length, 0);

/**
 * Candidates over `n` shards, balanced by text length (the cost of analysing and aligning one),
 * on top of the `loads` the shards already have.
 */
export function splitByLength(articles: readonly Article[], n: number, loads: readonly number[] = []): Article[][] {
  const parts: Article[][] = Array.from({ length: n }, () => []);
  const load = Array.from({ length: n }, (_, i) => loads[i] ?? 0);
  const order = [...articles].sort((x, y) => y.text.length - x.text.length || (x.id < y.id ? -1 : 1));
  for (const a of order) {
    const i = load.indexOf(Math.min(...load));
    parts[i].push(a);
    load[i] += a.text.length;
  }
  return parts;
}

/**
 * How long this set of shards' fingerprint look-ups take and how fast they compare text,
 * averaged over its recent traces: what the thread doing the look-up should leave to the
 * others. Only the split of the work depends on it, never the answer.
 */
export class TracePace {
  private queryMs = 0;
  private charsPerMs = 0;

  /** Characters of candidate text the other shards can compare while the look-up runs. */
  expectedQueryChars(): number {
    return this.queryMs * this.charsPerMs;
  }

  /** One trace: its fingerprint look-up, the shards' work (analysis + alignment, ms) and the candidates compared. */
  record(queryMs: number, workMs: number, compared: readonly Article[]): void {
    const blend = (old: number, now: number) => (old === 0 ? now : old * (1 - PACE_WEIGHT) + now * PACE_WEIGHT);
    this.queryMs = blend(this.queryMs, queryMs);
    if (workMs > 0 && compared.length > 0) this.charsPerMs = blend(this.charsPerMs, textLength(compared) / workMs);
  }
}

/** Weight of the latest trace in the pace's running averages. */
const PACE_WEIGHT = 0.2;

const paces = new WeakMap<object, TracePace>();

/** The pace of a set of shards (the array object: a tracer keeps one). */
export function paceOf(shards: object): TracePace {
  let pace = paces.get(shards);
  if (!pace) paces.set(shards, (pace = new TracePace()));
  return pace;
}
