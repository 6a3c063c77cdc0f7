/** JSON lines: one document per line with `text` or `html` and optional metadata fields. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import type { ArticleMeta, RawDocument } from '../types.js';
import { parseDate } from '../text/textmeta.js';

const META_FIELDS = ['url', 'title', 'outlet', 'author', 'published'] as const;

/** One JSON line → a RawDocument, or an InputError naming `file:line`. */
export function parseJsonLine(line: string, source: string, maxBytes: number): RawDocument | InputError {
  if (Buffer.byteLength(line, 'utf8') > maxBytes) return new InputError(source, `line larger than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return new InputError(source, `invalid JSON (${(e as Error).message})`);
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

/** Streams a JSON-lines file; the file may exceed maxBytes, each line may not. */
export async function* readJsonLinesFile(path: string, source: string, maxBytes: number): AsyncGenerator<RawDocument | InputError> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim()) yield parseJsonLine(line.replace(/^\uFEFF/, ''), `${source}:${n}`, maxBytes);
  }
}
