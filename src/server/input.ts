/**
 * Request bodies → RawDocuments. One article as JSON ({text|html, title?, outlet?, author?,
 * published?, url?}), a JSON array of them, JSON lines, a plain text or HTML body, or files in
 * a multipart form. Each document is checked by the same rules as a JSON line from a file, so
 * the API and `storytrace add` accept exactly the same fields.
 */
import type { Context } from 'hono';
import { InputError, UserError } from '../errors.js';
// Light modules only: ingest/index.js would load HTML extraction at startup (see lazy.ts).
import { decodeBytes } from '../ingest/decode.js';
import { DEFAULT_INGEST_OPTIONS } from '../ingest/options.js';
import { sniffKind } from '../ingest/read.js';
import { jsonLinesFromText, parseJsonLine } from '../ingest/jsonl.js';
import type { RawDocument } from '../types.js';
import { badRequest } from './errors.js';

export type ParsedItem = RawDocument | InputError;

const MAX_DOC_BYTES = DEFAULT_INGEST_OPTIONS.maxBytes;

/** One JSON value (an object from a request) → a RawDocument, by the JSON-lines rules. */
export function documentFromJson(value: unknown, source: string): ParsedItem {
  return parseJsonLine(JSON.stringify(value ?? null), source, MAX_DOC_BYTES);
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
}

/** A file of a multipart upload: its kind from its name, else from its content. */
async function fromUpload(file: File): Promise<ParsedItem[]> {
  const source = `upload:${file.name || 'file'}`;
  let text: string;
  try {
    text = decodeBytes(new Uint8Array(await file.arrayBuffer()), source);
  } catch (e) {
    return [e instanceof InputError ? e : new InputError(source, 'cannot decode the file')];
  }
  const ext = (/\.[^.]+$/.exec(file.name.toLowerCase()) ?? [''])[0];
  const o = DEFAULT_INGEST_OPTIONS;
  const kind = o.jsonlExtensions.includes(ext) ? 'jsonl' : o.htmlExtensions.includes(ext) ? 'html' : o.textExtensions.includes(ext) ? 'text' : sniffKind(text);
  if (kind === 'jsonl') return [...jsonLinesFromText(text, source, MAX_DOC_BYTES)];
  return [{ source, kind, body: text, meta: {} }];
}

async function fromMultipart(c: Context): Promise<ParsedItem[]> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw badRequest('the multipart body cannot be parsed');
  }
  const out: ParsedItem[] = [];
  for (const [, value] of form.entries()) {
    if (typeof value === 'string') continue; // plain fields carry no article
    out.push(...(await fromUpload(value)));
  }
  if (out.length === 0) throw badRequest('the form holds no file');
  return out;
}

/** Every document of a POST /api/articles body, in order; bad ones as InputErrors. */
export async function documentsFromRequest(c: Context): Promise<ParsedItem[]> {
  const type = mediaType(c);
  if (type === 'multipart/form-data') return fromMultipart(c);
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') {
    return [...jsonLinesFromText(await c.req.text(), 'request', MAX_DOC_BYTES)];
  }
  if (type === 'text/plain' || type === 'text/html') {
    return [{ source: 'request', kind: type === 'text/html' ? 'html' : 'text', body: await c.req.text(), meta: {} }];
  }
  if (type === 'application/json' || type === '') {
    const value = await jsonBody(c);
    const list = Array.isArray(value) ? value : [value];
    return list.map((v, i) => documentFromJson(v, Array.isArray(value) ? `request[${i}]` : 'request'));
  }
  throw new UserError('unsupported_media_type', `cannot read a ${type} body; send JSON, JSON lines, text, HTML or a multipart form`);
}

/** The one document of a trace request (JSON {text|html,…}, or a text/HTML body). */
export async function oneDocumentFromRequest(c: Context): Promise<RawDocument> {
  const type = mediaType(c);
  const item =
    type === 'text/plain' || type === 'text/html'
      ? ({ source: 'request', kind: type === 'text/html' ? 'html' : 'text', body: await c.req.text(), meta: {} } as RawDocument)
      : documentFromJson(await jsonBody(c), 'request');
  if (item instanceof InputError) throw badRequest(item.message);
  return item;
}
