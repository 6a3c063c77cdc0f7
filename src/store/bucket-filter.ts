/**
 * A filter per run of the SQLite bucket index: says, without reading a block, that the block
 * holds no pair of a key. A new article's band keys are mostly in no run (its shingles are its
 * own), and a look-up otherwise reads one block per key per run, so the filter saves most
 * block reads. Pure functions over typed arrays; no SQL here.
 *
 * One small split-block Bloom filter per block of the run (the layout of Parquet's filter:
 * filter blocks of eight 32-bit words; a key picks one filter block of its run block's section
 * with one hash and sets one bit in each of the eight words with a second). Keyed by the run
 * block, not by a hash over the whole filter, so that writing a run, which sees its pairs in
 * order, fills the filter front to back: a filter of hundreds of megabytes filled at random
 * had cost a cache miss per key, about two minutes of a 1 M add (bench/RESULTS.md). About 1–2 % false
 * positives at SECTION_BLOCKS (13) filter blocks per run block of up to 320 pairs, ≈ 10 bits
 * a pair.
 *
 * The bits are kept in parts of PART_RUN_BLOCKS run blocks (a BLOB has a size limit, and one
 * huge blob is one huge read). The format name is stored with each run: a filter of a format
 * this build does not know is not used (the run is read in full), never misread.
 */
import { endianness } from 'node:os';

/** Name of this layout and hash; change it when either changes. */
export const FILTER_FORMAT = 'bbf2';

/** Filter blocks (of 256 bits) per run block: 13 × 256 bits for ≤ 320 pairs, ≈ 10 bits a pair. */
const SECTION_BLOCKS = 13;
const WORDS_PER_BLOCK = 8;
const SECTION_WORDS = SECTION_BLOCKS * WORDS_PER_BLOCK;
/** Run blocks per stored part: 2^16 run blocks, 27 MB of filter. */
export const PART_RUN_BLOCKS = 1 << 16;

/** Odd constants, one per word of a filter block (the ones Parquet's filter uses). */
const SALT = new Int32Array([0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31]);

const TWO_32 = 0x1_0000_0000;

export class BucketFilter {
  /** The bits, PART_RUN_BLOCKS run blocks a part (the last may be shorter). */
  private readonly parts: Int32Array[];

  /** `parts`: as stored (see `stored`); none for a new filter, which grows as blocks are added. */
  constructor(parts: Int32Array[] = []) {
    if (parts.some((p, i) => p.length % SECTION_WORDS !== 0 || (i < parts.length - 1 && p.length !== PART_RUN_BLOCKS * SECTION_WORDS))) {
      throw new Error('bucket filter parts are not whole run blocks');
    }
    this.parts = parts;
  }

  /** Records that run block `block` holds `key`. Blocks are added in any order. */
  add(block: number, key: number): void {
    const part = Math.floor(block / PART_RUN_BLOCKS);
    const h = keyHash(key);
    const at = this.wordOf(block, h);
    let words = this.parts[part];
    if (words === undefined || words.length < at + WORDS_PER_BLOCK) words = this.room(part, at + WORDS_PER_BLOCK);
    const bits = keyBits(h);
    for (let w = 0; w < WORDS_PER_BLOCK; w++) words[at + w] |= 1 << (Math.imul(bits, SALT[w]) >>> 27);
  }

  /** False when `key` was never added for run block `block`; true when it was (or by chance). */
  mayHold(block: number, key: number): boolean {
    const words = this.parts[Math.floor(block / PART_RUN_BLOCKS)];
    const h = keyHash(key);
    const at = this.wordOf(block, h);
    if (words === undefined || at >= words.length) return true; // not covered: read the block
    const bits = keyBits(h);
    for (let w = 0; w < WORDS_PER_BLOCK; w++) {
      if ((words[at + w] & (1 << (Math.imul(bits, SALT[w]) >>> 27))) === 0) return false;
    }
    return true;
  }

  /** The parts to store for a run of `blocks` blocks: whole parts, the last cut to what the run has. */
  stored(blocks: number): Int32Array[] {
    const out: Int32Array[] = [];
    for (let first = 0; first < blocks; first += PART_RUN_BLOCKS) {
      const n = Math.min(PART_RUN_BLOCKS, blocks - first) * SECTION_WORDS;
      const part = this.parts[first / PART_RUN_BLOCKS];
      if (part?.length === n) out.push(part);
      else {
        const whole = new Int32Array(n);
        if (part) whole.set(part.subarray(0, Math.min(n, part.length)));
        out.push(whole);
      }
    }
    return out;
  }

  /** Part `part`, grown (doubling, up to a whole part) to hold `words` words. */
  private room(part: number, words: number): Int32Array {
    while (this.parts.length <= part) this.parts.push(new Int32Array(0));
    const have = this.parts[part];
    if (have.length >= words) return have;
    const grown = new Int32Array(Math.min(PART_RUN_BLOCKS * SECTION_WORDS, Math.max(words, 2 * have.length, 64 * SECTION_WORDS)));
    grown.set(have);
    this.parts[part] = grown;
    return grown;
  }

  /** First word of the filter block of `key` (hash h) in run block `block`'s section, within its part. */
  private wordOf(block: number, h: number): number {
    const sub = Math.imul(h >>> 16, SECTION_BLOCKS) >>> 16; // the high bits scaled to [0, SECTION_BLOCKS)
    return (block % PART_RUN_BLOCKS) * SECTION_WORDS + sub * WORDS_PER_BLOCK;
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

/** A second hash, for the bits inside the filter block (independent of the block's choice). */
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
  if (blob.byteLength % (4 * SECTION_WORDS) !== 0) throw new Error(`bucket filter part of ${blob.byteLength} bytes is not whole run blocks`);
  if (LITTLE_ENDIAN) return new Int32Array(new Uint8Array(blob).buffer); // an own, aligned copy
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Int32Array(blob.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(4 * i, true);
  return out;
}

/** True when a stored filter spec names this build's format (null: the run has no filter). */
export function readableFilter(spec: string | null): boolean {
  return spec === FILTER_FORMAT;
}
