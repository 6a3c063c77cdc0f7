/** Options of the ingest readers. */
export interface IngestOptions {
  /** Largest file (or JSON line, or stdin) read, in bytes; larger ones yield an InputError. */
  maxBytes: number;
  /** Extensions (lower case, with dot) read as plain text. */
  textExtensions: string[];
  /** Extensions read as HTML. */
  htmlExtensions: string[];
  /** Extensions read as JSON lines, one document per line. */
  jsonlExtensions: string[];
  /** Follow symbolic links met while walking folders (links given as arguments are always followed). */
  followSymlinks: boolean;
  /** Read files and folders whose names start with '.' inside folders. */
  includeHidden: boolean;
  /**
   * Inside folders, also read files with other extensions, sniffing their content. Off by
   * default: a folder of articles often holds indexes, markup and backups that are not articles.
   * Files without an extension are always sniffed; files given by name always are.
   */
  sniffUnknownInFolders: boolean;
  /** Where `-` reads from (tests pass their own stream). */
  stdin: AsyncIterable<Uint8Array | string> | null;
  /** Fetch URLs on private, loopback and link-local addresses too (`--allow-private`). */
  allowPrivate: boolean;
  /** Longest time to fetch one URL, redirects and body included, in ms. */
  fetchTimeoutMs: number;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  maxBytes: 20 * 1024 * 1024,
  textExtensions: ['.txt', '.text'],
  htmlExtensions: ['.html', '.htm', '.xhtml'],
  jsonlExtensions: ['.jsonl', '.ndjson'],
  followSymlinks: false,
  includeHidden: false,
  sniffUnknownInFolders: false,
  stdin: null,
  allowPrivate: false,
  fetchTimeoutMs: 30_000,
};
