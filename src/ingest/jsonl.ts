/** JSON lines: one document per line with `text` or `html` and optional metadata fields. */
import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import type { ArticleMeta, RawDocument } from '../types.js';
import { parseDate } from '../text/textmeta.js';
import { looksBinary } from './decode.js';

const META_FIELDS = ['url', 'title', 'outlet', 'author', 'published'] as const;

/** One JSON line → a RawDocument, or an InputError naming `file:line`. */
export function parseJsonLine(line: string, source: string, maxBytes: number): RawDocument | InputError {
  if (Buffer.byteLength(line, 'utf8') > maxBytes) return new InputError(source, `line larger than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return new InputError(source, `invalid JSON (${(e as Error).message.replace(/\s+/g, ' ')})`); // V8 quotes the line: keep one line
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return new InputError(source, 'not a JSON object');
  const record = value as Record<string, unknown>;
  const html = typeof record.html === 'string' && record.html.trim() ? record.html : null;
  const text = typeof record.text === 'string' && record.text.trim() ? record.text : null;
  if (html === null && text === null) return new InputError(source, 'no "text" or "html" field');
  const meta: Partial<ArticleMeta> = {};
  for (const field of META_FIELDS) {
    const v = record[field];
    if (typeof v === 'string' && v.trim()) meta[field] = v.trim();
    else if (v !== undefined && v !== null) return new InputError(source, `"${field}" is not a string`);
  }
  if (meta.published) meta.published = parseDate(meta.published) ?? meta.published;
  return text !== null ? { source, kind: 'text', body: text, meta } : { source, kind: 'html', body: html!, meta };
}

/** Parses JSON-lines text held in memory (stdin); blank lines are skipped. */
export function* jsonLinesFromText(text: string, file: string, maxBytes: number): Generator<RawDocument | InputError> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim()) yield parseJsonLine(lines[i], `${file}:${i + 1}`, maxBytes);
  }
}

/**
 * Lines of a file, split on bytes so that no line longer than maxBytes is ever held whole: the
 * bytes of such a line are dropped as they arrive and it comes out as null. (readline would
 * first build the whole line, so one 5 GB line would exhaust memory before the size check.)
 */
async function* boundedLines(path: string, maxBytes: number): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let pending = false; // bytes of a line seen since the last newline
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; ) {
      const nl = chunk.indexOf(0x0a, at);
      const end = nl < 0 ? chunk.length : nl;
      pending = pending || end > at;
      size += end - at;
      if (size > maxBytes) [oversized, parts] = [true, []];
      else if (end > at) parts.push(chunk.subarray(at, end));
      if (nl < 0) break;
      yield oversized ? null : Buffer.concat(parts);
      [parts, size, oversized, pending] = [[], 0, false, false];
      at = nl + 1;
    }
  }
  if (pending) yield oversized ? null : Buffer.concat(parts);
}

/** Streams a JSON-lines file; the file may exceed maxBytes, each line may not. */
export async function* readJsonLinesFile(path: string, source: string, maxBytes: number): AsyncGenerator<RawDocument | InputError> {
  let n = 0;
  for await (const bytes of boundedLines(path, maxBytes)) {
    n++;
    if (bytes === null) {
      yield new InputError(`${source}:${n}`, `line larger than ${maxBytes} bytes`);
      continue;
    }
    // A binary file would give one "invalid JSON" per stray newline: refuse it once.
    if (n === 1 && looksBinary(bytes.subarray(0, 4096))) return yield new InputError(source, 'binary data, not text');
    const line = bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (line.trim()) yield parseJsonLine(line, `${source}:${n}`, maxBytes);
  }
}
