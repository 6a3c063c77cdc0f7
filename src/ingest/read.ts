/**
 * Readers: paths (files, folders, `-` for stdin) → RawDocuments. Errors are yielded, not
 * thrown, so one bad file never stops a batch. Folders are walked in sorted order.
 */
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { jsonLinesFromText, readJsonLinesFile } from './jsonl.js';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from './options.js';

type Item = RawDocument | InputError;

const URL_ARG = /^[a-z][a-z0-9+.-]*:\/\//i;
const WARC = /\.warc(?:\.gz)?$/i;

/** html, jsonl or text, judged from the content of a file without a telling extension. */
export function sniffKind(text: string): 'html' | 'jsonl' | 'text' {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype )?html)/i.test(head)) return 'html';
  if ((head.match(/<\/?(?:p|div|span|a|br|article|section|h[1-6])\b[^>]*>/gi) ?? []).length >= 3) return 'html';
  const firstLine = head.split('\n', 1)[0].trim();
  if (firstLine.startsWith('{') && firstLine.endsWith('}')) {
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      // not JSON after all
    }
  }
  return 'text';
}

function* fromText(text: string, source: string, kind: 'html' | 'jsonl' | 'text', opts: IngestOptions): Generator<Item> {
  if (kind === 'jsonl') yield* jsonLinesFromText(text, source, opts.maxBytes);
  else yield { source, kind, body: text, meta: {} };
}

async function* readFileAt(path: string, source: string, opts: IngestOptions, size: number): AsyncGenerator<Item> {
  const ext = extname(path).toLowerCase();
  if (WARC.test(path)) return yield* (await import('./warc.js')).readWarcFile(path, source, { maxBytes: opts.maxBytes });
  if (opts.jsonlExtensions.includes(ext)) return yield* readJsonLinesFile(path, source, opts.maxBytes);
  if (size > opts.maxBytes) return yield new InputError(source, `file larger than ${opts.maxBytes} bytes`);
  let text: string;
  try {
    text = decodeBytes(await readFile(path), source);
  } catch (e) {
    return yield e instanceof InputError ? e : new InputError(source, (e as Error).message);
  }
  const kind = opts.htmlExtensions.includes(ext) ? 'html' : opts.textExtensions.includes(ext) ? 'text' : sniffKind(text);
  yield* fromText(text, source, kind, opts);
}

function known(name: string, opts: IngestOptions): boolean {
  const ext = extname(name).toLowerCase();
  return ext === '' || WARC.test(name) || opts.sniffUnknownInFolders || [...opts.textExtensions, ...opts.htmlExtensions, ...opts.jsonlExtensions].includes(ext);
}

async function* walkFolder(dir: string, opts: IngestOptions, seen: Set<string>): AsyncGenerator<Item> {
  const real = await realpath(dir);
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    if (name.startsWith('.') && !opts.includeHidden) continue;
    const path = join(dir, name);
    const link = await lstat(path);
    if (link.isSymbolicLink() && !opts.followSymlinks) continue;
    const info = link.isSymbolicLink() ? await stat(path).catch(() => null) : link;
    if (!info) continue;
    if (info.isDirectory()) yield* walkFolder(path, opts, seen);
    else if (info.isFile() && known(name, opts)) yield* readFileAt(path, path, opts, info.size);
  }
}

async function readStdin(opts: IngestOptions): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of opts.stdin ?? process.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.length;
    if (size > opts.maxBytes) throw new InputError('-', `standard input larger than ${opts.maxBytes} bytes`);
    chunks.push(buf);
  }
  return decodeBytes(Buffer.concat(chunks), '-');
}

async function* readPath(arg: string, opts: IngestOptions): AsyncGenerator<Item> {
  if (URL_ARG.test(arg)) {
    const { fetchUrl } = await import('./url.js'); // loaded only when a URL is given
    return yield await fetchUrl(arg, { allowPrivate: opts.allowPrivate, fetchTimeoutMs: opts.fetchTimeoutMs, maxBytes: opts.maxBytes });
  }
  if (arg === '-') {
    try {
      const text = await readStdin(opts);
      return yield* fromText(text, '-', sniffKind(text), opts);
    } catch (e) {
      return yield e instanceof InputError ? e : new InputError('-', (e as Error).message);
    }
  }
  const source = join(arg);
  const info = await stat(arg).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    const problem = info.code === 'ENOENT' ? 'no such file or directory' : info.code === 'EACCES' ? 'permission denied' : info.message;
    return yield new InputError(source, problem);
  }
  if (info.isDirectory()) yield* walkFolder(source, opts, new Set());
  else if (info.isFile()) yield* readFileAt(arg, source, opts, info.size);
  else yield new InputError(source, 'not a regular file or folder');
}

/**
 * Reads every path in order: files (.txt/.text as text, .html/.htm/.xhtml as HTML, .jsonl/
 * .ndjson one document per line, others sniffed), folders recursively (sorted; hidden entries
 * and, by default, symlinks and unknown extensions skipped), `-` for stdin. Yields InputErrors
 * for what can't be read and goes on.
 */
export async function* readInputs(paths: string[], options: Partial<IngestOptions> = {}): AsyncGenerator<RawDocument | InputError> {
  const opts: IngestOptions = { ...DEFAULT_INGEST_OPTIONS, ...options };
  for (const arg of paths) {
    try {
      yield* readPath(arg, opts);
    } catch (e) {
      // IO failing halfway (a folder vanishing, a read error): report it on this path, go on.
      yield e instanceof InputError ? e : new InputError(join(arg), (e as Error).message);
    }
  }
}
