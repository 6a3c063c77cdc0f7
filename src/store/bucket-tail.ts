/**
 * The bucket index's tail, in memory: the (key, document) pairs of the articles added since
 * the last flush, as a hash table of chains in typed arrays (~20 bytes a pair; a Map of
 * arrays would take several times that at a million pairs).
 *
 * The tail's rows in the database are one blob of keys per article (cheap to append); a
 * connection that reads the index keeps this table of them and brings it up to date before
 * each look-up (src/store/sqlite-buckets.ts).
 */

const TWO_32 = 0x1_0000_0000;
const NONE = -1;

export class TailPostings {
  private keys = new Float64Array(1024);
  private docs = new Uint32Array(1024);
  /** Next pair of the same chain, or NONE. */
  private next = new Int32Array(1024);
  /** First pair of each chain (a power of two of them), or NONE. */
  private heads = new Int32Array(2048).fill(NONE);
  private count = 0;

  /** Pairs held (repeats included). */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    this.heads.fill(NONE);
  }

  add(key: number, doc: number): void {
    if (this.count === this.keys.length) this.grow();
    if (this.count * 2 > this.heads.length) this.rehash(this.heads.length * 2);
    const i = this.count++;
    this.keys[i] = key;
    this.docs[i] = doc;
    const h = this.slot(key);
    this.next[i] = this.heads[h];
    this.heads[h] = i;
  }

  /** The distinct documents holding `key`, ascending. */
  docsOf(key: number): number[] {
    const out: number[] = [];
    for (let i = this.heads[this.slot(key)]; i !== NONE; i = this.next[i]) if (this.keys[i] === key) out.push(this.docs[i]);
    if (out.length < 2) return out;
    out.sort((x, y) => x - y);
    let m = 1;
    for (let i = 1; i < out.length; i++) if (out[i] !== out[m - 1]) out[m++] = out[i];
    out.length = m;
    return out;
  }

  private slot(key: number): number {
    const lo = key >>> 0; // key mod 2^32
    const hi = Math.floor(key / TWO_32);
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & (this.heads.length - 1);
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const keys = new Float64Array(size);
    keys.set(this.keys);
    const docs = new Uint32Array(size);
    docs.set(this.docs);
    const next = new Int32Array(size);
    next.set(this.next);
    [this.keys, this.docs, this.next] = [keys, docs, next];
  }

  private rehash(size: number): void {
    this.heads = new Int32Array(size).fill(NONE);
    for (let i = 0; i < this.count; i++) {
      const h = this.slot(this.keys[i]);
      this.next[i] = this.heads[h];
      this.heads[h] = i;
    }
  }
}
