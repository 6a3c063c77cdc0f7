/**
 * WARC / WARC.gz input (Common Crawl's format), read with `warcio` as a stream: one record in
 * memory at a time. Only HTTP 200 responses with an HTML content type become documents (kind
 * html), with the record's target URI and date as metadata. A record larger than the size
 * limit is skipped with an InputError; a truncated or corrupt file yields an InputError after
 * the documents read before the damage.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';

export interface WarcOptions {
  /** Largest record payload read, in bytes; larger records are skipped with an InputError. */
  maxBytes: number;
}

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** Whether a record is an HTML page fetched successfully. */
function isHtmlResponse(record: WARCRecord): boolean {
  if (record.warcType !== 'response' || !record.httpHeaders) return false;
  const status = Number(record.httpHeaders.statusCode);
  const type = record.httpHeaders.headers.get('content-type') ?? '';
  return status === 200 && HTML_TYPE.test(type);
}

/** The record's payload (HTTP body, decoded from any transfer/content encoding), or null when over the limit. */
async function payload(record: WARCRecord, max: number): Promise<Uint8Array | null> {
  if (record.warcContentLength > max * 2) return null; // compressed bodies rarely shrink 2× in WARC length terms
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * warcio stops quietly at a cut gzip member (it inflates what is there and drops the partial
 * record), so a .gz file is checked with zlib, which refuses a truncated or corrupt stream.
 * A second pass over a file the page cache holds costs little next to extracting its pages.
 */
async function gzipDamage(path: string): Promise<string | null> {
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  try {
    await pipeline(createReadStream(path), createGunzip(), sink);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Reads one WARC or WARC.gz file (gzip per record or whole-file, as warcio detects). */
export async function* readWarcFile(path: string, file: string, options: WarcOptions): AsyncGenerator<RawDocument | InputError> {
  let records = 0;
  try {
    const parser = new WARCParser(createReadStream(path));
    for await (const record of parser) {
      records++;
      if (!isHtmlResponse(record)) continue;
      const url = record.warcTargetURI ?? null;
      const source = url ?? `${file}#${records}`;
      const bytes = await payload(record, options.maxBytes);
      if (bytes === null) {
        yield new InputError(source, `WARC record larger than ${options.maxBytes} bytes (in ${file})`);
        continue;
      }
      let body: string;
      try {
        body = decodeBytes(bytes, source);
      } catch (e) {
        yield e instanceof InputError ? e : new InputError(source, (e as Error).message);
        continue;
      }
      const date = record.warcDate ?? null;
      yield { source, kind: 'html', body, meta: { ...(url ? { url } : {}), ...(date ? { published: date } : {}) } };
    }
  } catch (e) {
    return yield new InputError(file, `truncated or corrupt WARC after ${records} records (${(e as Error).message})`);
  }
  const damage = /\.gz$/i.test(path) ? await gzipDamage(path) : null;
  if (damage !== null) yield new InputError(file, `truncated or corrupt WARC.gz after ${records} records (${damage})`);
}
