/**
 * A filter per run of the SQLite bucket index: says, without reading the run, that it holds
 * no pair of a key. A new article's band keys are mostly in no run (its shingles are its own),
 * and a look-up otherwise reads one block per key per run, so the filter saves most block
 * reads. Pure functions over typed arrays; no SQL here.
 *
 * A split-block Bloom filter (the layout of Parquet's): blocks of eight 32-bit words; a key
 * picks one block with one hash and sets one bit in each of its eight words with a second,
 * so a test touches one 32-byte block. No false negatives; about 1–2 % false positives at
 * 10 bits a key. Sized for the run's pairs (an upper bound of its distinct keys, known before
 * the run is written).
 *
 * The bits are kept in parts of at most PART_BLOCKS blocks (a BLOB has a size limit, and one
 * huge blob is one huge read). The format name is stored with each run: a filter of a format
 * this build does not know is not used (the run is read in full), never misread.
 */
import { endianness } from 'node:os';

/** Name of this layout and hash; change it when either changes. */
export const FILTER_FORMAT = 'sbbf1';

/** Bits per pair a filter is sized for. */
export const FILTER_BITS_PER_PAIR = 10;

const WORDS_PER_BLOCK = 8;
/** Blocks per stored part: 2^20 blocks of 32 bytes, 32 MB. */
export const PART_BLOCKS = 1 << 20;

/** Odd constants, one per word of a block (the ones Parquet's filter uses). */
const SALT = new Int32Array([0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31]);

const TWO_32 = 0x1_0000_0000;

export class BucketFilter {
  /** The bits, PART_BLOCKS blocks a part (the last may be shorter). */
  readonly parts: Int32Array[];

  constructor(
    /** Blocks in all. */
    readonly blocks: number,
    parts?: Int32Array[],
  ) {
    if (!Number.isInteger(blocks) || blocks < 1) throw new Error(`a bucket filter needs ≥ 1 block, got ${blocks}`);
    const want = Math.ceil(blocks / PART_BLOCKS);
    this.parts = parts ?? Array.from({ length: want }, (_, i) => new Int32Array(WORDS_PER_BLOCK * Math.min(PART_BLOCKS, blocks - i * PART_BLOCKS)));
    if (this.parts.length !== want || this.parts.some((p, i) => p.length !== WORDS_PER_BLOCK * Math.min(PART_BLOCKS, blocks - i * PART_BLOCKS))) {
      throw new Error(`bucket filter parts do not make ${blocks} blocks`);
    }
  }

  /** A filter sized for `pairs` pairs. */
  static forPairs(pairs: number): BucketFilter {
    return new BucketFilter(Math.max(1, Math.ceil((pairs * FILTER_BITS_PER_PAIR) / (32 * WORDS_PER_BLOCK))));
  }

  add(key: number): void {
    const h = keyHash(key);
    const block = this.blockOf(h);
    const part = this.parts[Math.floor(block / PART_BLOCKS)];
    const at = (block % PART_BLOCKS) * WORDS_PER_BLOCK;
    const bits = keyBits(h);
    for (let w = 0; w < WORDS_PER_BLOCK; w++) part[at + w] |= 1 << (Math.imul(bits, SALT[w]) >>> 27);
  }

  /** False when no key equal to `key` was added; true when one was (or by chance). */
  mayHold(key: number): boolean {
    const h = keyHash(key);
    const block = this.blockOf(h);
    const part = this.parts[Math.floor(block / PART_BLOCKS)];
    const at = (block % PART_BLOCKS) * WORDS_PER_BLOCK;
    const bits = keyBits(h);
    for (let w = 0; w < WORDS_PER_BLOCK; w++) {
      if ((part[at + w] & (1 << (Math.imul(bits, SALT[w]) >>> 27))) === 0) return false;
    }
    return true;
  }

  private blockOf(h: number): number {
    // the high hash word scaled to [0, blocks): exact for any block count below 2^32
    return Math.floor(((h >>> 0) / TWO_32) * this.blocks);
  }
}

/** A 32-bit hash of a key (an integer below 2^53): its two halves mixed, MurmurHash3's finaliser. */
function keyHash(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / TWO_32) >>> 0;
  let h = Math.imul(lo, 0xcc9e2d51) ^ Math.imul(hi ^ 0x5bd1e995, 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A second hash, for the bits inside the block (independent of the block's choice). */
function keyBits(h: number): number {
  let x = Math.imul(h ^ 0x2545f491, 0x9e3779b1);
  x ^= x >>> 15;
  return Math.imul(x, 0x85ebca77) | 1;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** A part's bits as a little-endian blob (shares the part's memory on little-endian machines), and back. */
export function encodeFilterPart(part: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const out = Buffer.allocUnsafe(part.length * 4);
  for (let i = 0; i < part.length; i++) out.writeInt32LE(part[i], 4 * i);
  return out;
}

export function decodeFilterPart(blob: Uint8Array): Int32Array {
  if (blob.byteLength % (4 * WORDS_PER_BLOCK) !== 0) throw new Error(`bucket filter part of ${blob.byteLength} bytes is not whole blocks`);
  if (LITTLE_ENDIAN) return new Int32Array(new Uint8Array(blob).buffer); // an own, aligned copy
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Int32Array(blob.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(4 * i, true);
  return out;
}

/** The stored description of a filter: its format and block count ("sbbf1:1234"). */
export function filterSpec(filter: BucketFilter): string {
  return `${FILTER_FORMAT}:${filter.blocks}`;
}

/** The block count of a stored spec this build can read, or null (no filter, or another format). */
export function readableBlocks(spec: string | null): number | null {
  const m = spec === null ? null : /^([a-z0-9]+):(\d+)$/.exec(spec);
  return m && m[1] === FILTER_FORMAT ? Number(m[2]) : null;
}
