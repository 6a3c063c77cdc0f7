/**
 * Bytes → string. News files come as UTF-8 (with or without BOM), UTF-16 with a BOM, or a
 * legacy single-byte encoding; the last is read as Windows-1252, a superset of ISO-8859-1's
 * printable range, so a pound sign stored as byte 0xA3 comes out as '£'.
 */
import { InputError } from '../errors.js';

/** Share of C0 control bytes (other than tab, LF, CR, FF) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.05;
/** How many bytes from the start are inspected for binary signs. */
const SNIFF_BYTES = 64 * 1024;

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('windows-1252');
/**
 * Windows-1252 characters for bytes 0x80–0x9F. Node 20's 'windows-1252' decoder returns the C1
 * controls (ISO-8859-1) for these, so curly quotes and dashes are mapped here; the five
 * undefined bytes keep their C1 code point.
 */
const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const s = latin1.decode(bytes);
  return s.replace(/[\x80-\x9f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
    return mapped === '\ufffd' ? c : mapped;
  });
}

/** True when the bytes look like binary data rather than text in a single-byte or UTF-8 encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    // Old wire formats sprinkle a few control bytes (e.g. 0x19 paragraph marks); binary has many.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > MAX_CONTROL_SHARE;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, file: string): string {
  try {
    return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new InputError(file, 'invalid UTF-16 text');
  }
}

/**
 * Decodes a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then Windows-1252.
 * Throws InputError(file, 'binary data, not text') for binary data; never anything else.
 */
export function decodeBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true, file);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false, file);
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  if (looksBinary(body)) throw new InputError(file, 'binary data, not text');
  try {
    return utf8Strict.decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
