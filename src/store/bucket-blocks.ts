/**
 * Sorted (key, document) pairs packed into blocks: the storage of the SQLite bucket index's
 * runs (src/store/sqlite-buckets.ts). Pure functions over typed arrays; no SQL here.
 *
 * A run is a sequence of blocks of at most PAIRS_PER_BLOCK pairs in (key, doc) order. A block
 * is one BLOB: the keys as float64 (exact: keys are integers below 2^43), then the documents
 * as uint32, both little-endian. One block fits one 4 KB database page, so reading it is one
 * page read, and a run of N pairs is N / 320 table rows instead of N B-tree cells.
 *
 * A run's directory holds each block's first and last key; a key's postings are found by a
 * binary search in it, without touching the blocks that cannot hold the key.
 */
import { endianness } from 'node:os';

/** Pairs per block: 12 bytes each, 3,840 bytes, under a 4 KB page's largest local payload. */
export const PAIRS_PER_BLOCK = 320;

/** Bytes of one pair in a block. */
const PAIR_BYTES = 12;

/** Decoded pairs of one block. */
export interface Block {
  keys: Float64Array;
  docs: Uint32Array;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** The blob of pairs [from, to) of keys and docs. */
export function encodeBlock(keys: Float64Array, docs: Uint32Array, from: number, to: number): Buffer {
  const n = to - from;
  const bytes = new ArrayBuffer(n * PAIR_BYTES);
  if (LITTLE_ENDIAN) {
    new Float64Array(bytes, 0, n).set(keys.subarray(from, to));
    new Uint32Array(bytes, 8 * n, n).set(docs.subarray(from, to));
  } else {
    const view = new DataView(bytes);
    for (let i = 0; i < n; i++) {
      view.setFloat64(8 * i, keys[from + i], true);
      view.setUint32(8 * n + 4 * i, docs[from + i], true);
    }
  }
  return Buffer.from(bytes);
}

/**
 * The pairs of a block blob: views on its bytes when they are 8-byte aligned (better-sqlite3
 * gives each blob its own buffer), else an aligned copy. The block shares the blob's memory.
 */
export function decodeBlock(blob: Uint8Array): Block {
  if (blob.byteLength % PAIR_BYTES !== 0) throw new Error(`bucket block of ${blob.byteLength} bytes is not whole pairs`);
  const n = blob.byteLength / PAIR_BYTES;
  if (LITTLE_ENDIAN && blob.byteOffset % 8 === 0) {
    return { keys: new Float64Array(blob.buffer, blob.byteOffset, n), docs: new Uint32Array(blob.buffer, blob.byteOffset + 8 * n, n) };
  }
  if (LITTLE_ENDIAN) {
    const bytes = new Uint8Array(blob).buffer; // an own, aligned copy (Buffer#slice would not copy)
    return { keys: new Float64Array(bytes, 0, n), docs: new Uint32Array(bytes, 8 * n, n) };
  }
  const keys = new Float64Array(n);
  const docs = new Uint32Array(n);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < n; i++) {
    keys[i] = view.getFloat64(8 * i, true);
    docs[i] = view.getUint32(8 * n + 4 * i, true);
  }
  return { keys, docs };
}

/** First and last key of every block of a run, in block order. */
export interface Directory {
  first: Float64Array;
  last: Float64Array;
}

/** The directory as one blob: the first keys, then the last keys, float64 little-endian. */
export function encodeDirectory(dir: Directory): Buffer {
  const n = dir.first.length;
  const out = Buffer.allocUnsafe(16 * n);
  for (let i = 0; i < n; i++) {
    out.writeDoubleLE(dir.first[i], 8 * i);
    out.writeDoubleLE(dir.last[i], 8 * (n + i));
  }
  return out;
}

export function decodeDirectory(blob: Uint8Array): Directory {
  if (blob.byteLength % 16 !== 0) throw new Error(`bucket run directory of ${blob.byteLength} bytes is not whole blocks`);
  const n = blob.byteLength / 16;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const first = new Float64Array(n);
  const last = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    first[i] = view.getFloat64(8 * i, true);
    last[i] = view.getFloat64(8 * (n + i), true);
  }
  return { first, last };
}

/**
 * Blocks [lo, hi) that can hold `key`: from the first block whose last key is ≥ key, while
 * the block's first key is ≤ key. Empty when no block can.
 */
export function blockRange(dir: Directory, key: number): [number, number] {
  const { first, last } = dir;
  let lo = 0;
  let hi = last.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (last[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < first.length && first[end] <= key) end++;
  return [lo, end];
}

/** Index of the first pair of `block` whose key is ≥ key. */
export function lowerBound(block: Block, key: number): number {
  const keys = block.keys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts pairs [0, n) by (key, doc) and drops repeated pairs, in place; returns how many are
 * left. Keys sort by one native numeric sort of an index packed with the key (keyOrder);
 * documents of equal keys are then put in order by insertion (few per key).
 */
export function sortUniquePairs(keys: Float64Array, docs: Uint32Array, n: number, order: Uint32Array): number {
  const k2 = keys.slice(0, n);
  const d2 = docs.slice(0, n);
  for (let i = 0; i < n; i++) {
    keys[i] = k2[order[i]];
    docs[i] = d2[order[i]];
  }
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    const d = docs[i];
    let j = i - 1;
    while (j >= 0 && keys[j] === k && docs[j] > d) {
      docs[j + 1] = docs[j];
      j--;
    }
    docs[j + 1] = d;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (m > 0 && keys[m - 1] === keys[i] && docs[m - 1] === docs[i]) continue;
    keys[m] = keys[i];
    docs[m] = docs[i];
    m++;
  }
  return m;
}
