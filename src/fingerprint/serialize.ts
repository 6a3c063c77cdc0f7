import { UserError } from '../errors.js';
import type { Fingerprint, Sketch } from './index.js';
import { assertCompatible, paramsKey, parseParamsKey, SKETCH_KINDS, type IndexParams } from './params.js';

/**
 * Binary form of a Fingerprint (little-endian):
 *   "STFP" | format u8 | key length u16 | params key (ASCII) | exact hash 8 bytes | words u32 |
 *   sketch count u8 | per sketch: kind u8 | distinct shingles u32 | bins u16 | bins × u32
 * The header carries the params key, so a blob built with other parameters is refused on read.
 */

const MAGIC = [0x53, 0x54, 0x46, 0x50];
const FORMAT = 1;

export function encodeFingerprint(fp: Fingerprint): Uint8Array {
  const key = new TextEncoder().encode(fp.params);
  let size = 4 + 1 + 2 + key.length + 8 + 4 + 1;
  for (const s of fp.sketches) size += 1 + 4 + 2 + s.bins.length * 4;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let at = 4;
  view.setUint8(at, FORMAT);
  view.setUint16(at + 1, key.length, true);
  out.set(key, at + 3);
  at += 3 + key.length;
  view.setUint32(at, parseInt(fp.exactHash.slice(0, 8), 16), true);
  view.setUint32(at + 4, parseInt(fp.exactHash.slice(8, 16), 16), true);
  view.setUint32(at + 8, fp.words, true);
  view.setUint8(at + 12, fp.sketches.length);
  at += 13;
  for (const s of fp.sketches) {
    view.setUint8(at, SKETCH_KINDS.indexOf(s.kind));
    view.setUint32(at + 1, s.shingles, true);
    view.setUint16(at + 5, s.bins.length, true);
    at += 7;
    for (let i = 0; i < s.bins.length; i++, at += 4) view.setUint32(at, s.bins[i], true);
  }
  return out;
}

/**
 * Reads a blob written by encodeFingerprint. With `wanted`, refuses (UserError naming the
 * differing parameter) a fingerprint built with other parameters.
 */
export function decodeFingerprint(data: Uint8Array, wanted?: IndexParams): Fingerprint {
  const bad = (problem: string): never => {
    throw new UserError('bad_fingerprint', `unreadable fingerprint: ${problem}`);
  };
  if (data.length < 20 || MAGIC.some((b, i) => data[i] !== b)) bad('no STFP header');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint8(4) !== FORMAT) bad(`format ${view.getUint8(4)} (this version reads ${FORMAT})`);
  const keyLength = view.getUint16(5, true);
  let at = 7;
  if (at + keyLength + 13 > data.length) bad('truncated header');
  const params = new TextDecoder().decode(data.subarray(at, at + keyLength));
  if (wanted) assertCompatible(parseParamsKey(params), wanted);
  at += keyLength;
  const hex = (v: number): string => v.toString(16).padStart(8, '0');
  const exactHash = hex(view.getUint32(at, true)) + hex(view.getUint32(at + 4, true));
  const words = view.getUint32(at + 8, true);
  const count = view.getUint8(at + 12);
  at += 13;
  const sketches: Sketch[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 7 > data.length) bad('truncated sketch header');
    const kind = SKETCH_KINDS[view.getUint8(at)] ?? bad(`sketch kind ${view.getUint8(at)}`);
    const shingles = view.getUint32(at + 1, true);
    const bins = new Uint32Array(view.getUint16(at + 5, true));
    at += 7;
    if (at + bins.length * 4 > data.length) bad('truncated sketch');
    for (let i = 0; i < bins.length; i++, at += 4) bins[i] = view.getUint32(at, true);
    sketches.push({ kind, shingles, bins });
  }
  if (at !== data.length) bad(`${data.length - at} trailing bytes`);
  return { params, exactHash, words, sketches };
}

/** paramsKey re-exported for callers that store the key beside blobs. */
export { paramsKey };
