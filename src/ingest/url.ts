/**
 * URL input: `storytrace add https://…`. One page is fetched with fetch (undici, the library
 * behind Node's own fetch) and nothing it references. Guarded for use on untrusted URLs: only
 * http(s); one deadline for the whole fetch (redirects and body) and one for connecting; a
 * body size limit enforced while streaming; at most a few redirects, each checked again;
 * text/html and text/plain only; and no private, loopback, link-local, unique-local or
 * unspecified addresses unless allowed. Host names are resolved by our own lookup, which checks
 * every address and hands the connection only checked ones, so a DNS answer that changes
 * between check and connect (rebinding) can't slip through.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';

export interface UrlOptions {
  /** Fetch from private, loopback, link-local, unique-local and unspecified addresses too. */
  allowPrivate: boolean;
  /** Longest wait for a TCP (and TLS) connection, in ms. */
  connectTimeoutMs: number;
  /** Longest time for the whole fetch (every redirect, headers and body), in ms. */
  fetchTimeoutMs: number;
  /** Largest body read, in bytes; the download stops as soon as it is passed. */
  maxBytes: number;
  /** Most redirects followed. */
  maxRedirects: number;
  /** Which addresses count as private (a seam for tests, which only have loopback). */
  isPrivateAddress: (address: string) => boolean;
  /** Host name resolution, with dns.lookup's signature and `all: true` (a seam for tests). */
  resolve: (host: string) => Promise<LookupAddress[]>;
}

/**
 * Ranges never fetched unless allowed: RFC 1918, loopback, link-local, CGNAT, unique-local,
 * multicast, reserved. Two lists: a BlockList also matches IPv4 addresses against IPv6 rules as
 * mapped addresses, so one list holding ::ffff:0:0/96 would refuse every IPv4 address.
 */
const PRIVATE_V4 = new BlockList();
const PRIVATE_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE_V4.addSubnet(net, prefix, 'ipv4');
// IPv4-mapped addresses (::ffff:a.b.c.d) are refused whole: a public site never resolves to one.
for (const [net, prefix] of [['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['fe80::', 10], ['fc00::', 7], ['ff00::', 8]] as const) {
  PRIVATE_V6.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses storytrace must not fetch from by default. Anything unparsable counts as private. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE_V4.check(address, 'ipv4');
  return family === 6 ? PRIVATE_V6.check(address, 'ipv6') : true;
}

const resolveAll = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

export const DEFAULT_URL_OPTIONS: UrlOptions = {
  allowPrivate: false,
  connectTimeoutMs: 10_000,
  fetchTimeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  isPrivateAddress,
  resolve: resolveAll,
};

/** Refusal of an address; carried through undici's "fetch failed" as the cause. */
class RefusedAddress extends Error {}

const ACCEPTED_TYPES = new Set(['text/html', 'text/plain']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` given to every connection: resolves, refuses the host if any address is
 * private, and returns only the checked addresses (net.connect then connects to those).
 */
function guardedLookup(opts: UrlOptions) {
  return (host: string, options: { all?: boolean }, callback: LookupCallback): void => {
    opts.resolve(host).then(
      (addresses) => {
        const bad = opts.allowPrivate ? undefined : addresses.find((a) => opts.isPrivateAddress(a.address));
        if (bad) return callback(new RefusedAddress(`${host} resolves to ${bad.address}, a private address (allow with --allow-private)`), '');
        if (addresses.length === 0) return callback(new RefusedAddress(`${host} has no address`), '');
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(new RefusedAddress(`cannot resolve ${host} (${err.code ?? err.message})`), ''),
    );
  };
}

/** Scheme and literal-address checks (literal IPs never go through lookup). */
function checkTarget(url: URL, opts: UrlOptions): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedAddress(`only http and https URLs are fetched, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !opts.allowPrivate && opts.isPrivateAddress(host)) {
    throw new RefusedAddress(`${host} is a private address (allow with --allow-private)`);
  }
}

/** Reads the body, stopping (and cancelling the download) once it passes maxBytes. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new RefusedAddress(`response larger than ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new RefusedAddress(`response larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Follows redirects by hand so that each target is checked before it is requested. */
async function fetchChecked(start: URL, opts: UrlOptions, agent: Agent, signal: AbortSignal): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hops = 0; ; hops++) {
    checkTarget(url, opts);
    const response = await fetch(url, { dispatcher: agent, redirect: 'manual', signal, headers: { accept: 'text/html, text/plain;q=0.9' } });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return { response, url };
    await response.body?.cancel().catch(() => undefined);
    if (hops >= opts.maxRedirects) throw new RefusedAddress(`more than ${opts.maxRedirects} redirects`);
    url = new URL(location, url);
  }
}

/** Decodes with the declared charset when there is one we know, else by sniffing. */
function decodeBody(bytes: Uint8Array, contentType: string, source: string): string {
  const charset = /;\s*charset="?([\w.:-]+)/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // unknown label: sniff instead
    }
  }
  return decodeBytes(bytes, source);
}

async function fetchDocument(source: string, opts: UrlOptions, agent: Agent, signal: AbortSignal): Promise<RawDocument> {
  let start: URL;
  try {
    start = new URL(source);
  } catch {
    throw new RefusedAddress('not a valid URL');
  }
  const { response, url } = await fetchChecked(start, opts, agent, signal);
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new RefusedAddress(`HTTP ${response.status}${url.href === start.href ? '' : ` from ${url.href}`}`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(mediaType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new RefusedAddress(`content type ${mediaType || '(none)'} is not text/html or text/plain`);
  }
  const body = decodeBody(await readLimited(response, opts.maxBytes), contentType, source);
  return { source, kind: mediaType === 'text/html' ? 'html' : 'text', body, meta: { url: url.href } };
}

/** The first refusal or network error in a chain of causes ("fetch failed" hides the real one). */
function explain(err: unknown, opts: UrlOptions, timedOut: boolean): string {
  if (timedOut) return `timed out after ${opts.fetchTimeoutMs} ms`;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof RefusedAddress) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return `could not connect within ${opts.connectTimeoutMs} ms`;
    if (code && !e.cause) return `${code}: ${e.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Fetches one page as a RawDocument (html or text) whose meta.url is the final URL. Every
 * failure is an InputError naming the URL; nothing else is thrown.
 */
export async function fetchUrl(source: string, options: Partial<UrlOptions> = {}): Promise<RawDocument> {
  const opts: UrlOptions = { ...DEFAULT_URL_OPTIONS, ...options };
  const agent = new Agent({ connect: { timeout: opts.connectTimeoutMs, lookup: guardedLookup(opts) as never }, maxRedirections: 0 });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.fetchTimeoutMs);
  try {
    return await fetchDocument(source, opts, agent, controller.signal);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(source, explain(err, opts, controller.signal.aborted));
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => undefined);
  }
}
