/** Bounded-concurrency map and TTY-only progress, shared by the evaluation runners. */

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order.
 * A synchronous `fn` simply runs one item after another.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R> | R, onDone?: (done: number) => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
      onDone?.(++done);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/** A progress line on stderr, drawn only when stderr is a terminal (never pollutes logs or pipes). */
export function progressReporter(label: string, total: number, enabled: boolean): (done: number) => void {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return () => {};
  return (done) => {
    stream.write(`\r${label} ${done}/${total}`);
    if (done === total) stream.write('\n');
  };
}

/** 32-bit FNV-1a of a string: a small, stable hash for deterministic fold assignment. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
