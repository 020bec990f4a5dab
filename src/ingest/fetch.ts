// Fetching web pages and feeds politely and defensively, with node:http(s) (no other network library):
// - only http(s); the host is resolved first and private, loopback and link-local addresses are refused unless
//   allowed (the check is made on the address actually connected to, so DNS rebinding cannot slip past it);
// - a connect timeout, a read (idle) timeout and an overall deadline; a size limit on the decoded body;
// - at most 5 redirects, each hop checked like the first; gzip, deflate and brotli bodies;
// - content-type checks (an article must be HTML or text, a feed XML), the charset from the header, the page
//   or detection (a header that names a legacy charset loses to bytes that are valid UTF-8);
// - conditional GET (ETag / Last-Modified), a delay between requests to one host, robots.txt obeyed, and a
//   user agent that says who is asking.
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import iconv from 'iconv-lite';
import type { IngestItem } from '../types.js';
import { decodeBytes, resolveCharset } from './bytes.js';
import { IngestError } from './errors.js';
import { readHtmlHere, type ReadHtml } from './read-html.js';
import { documentFromText } from './text.js';
import { Robots } from './robots.js';
import { addressProblem, type AddressOptions } from './addresses.js';
import { FETCH_DEFAULTS, HOST_DELAY_CACHE_HOSTS, MAX_CRAWL_DELAY_S, ROBOTS_CACHE_HOSTS, ROBOTS_MAX_BYTES, ROBOTS_TTL_MS } from '../settings.js';

export const SALVO_VERSION = '0.1.0';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'salvo';
export const DEFAULT_USER_AGENT = `Salvo/${SALVO_VERSION} (missile-launch news monitor; obeys robots.txt)`;

export interface FetchOptions extends AddressOptions {
  /** Sent as User-Agent; `contact` (an address or URL) is added in parentheses when given. */
  userAgent?: string;
  contact?: string;
  /** Time to set up the connection (DNS, TCP, TLS). Default 10 s. */
  connectTimeoutMs?: number;
  /** Longest silence while waiting for the answer or its body. Default 20 s. */
  readTimeoutMs?: number;
  /** Deadline for the whole fetch, redirects included. Default 60 s. */
  totalTimeoutMs?: number;
  /** Largest body, after decompression. Default 20 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Least time between two requests to one host. Default 1000 ms; a robots.txt Crawl-delay can raise it. */
  hostDelayMs?: number;
  /** Obey robots.txt (default true). */
  robots?: boolean;
}

export type Expect = 'html' | 'feed' | 'text';

export interface FetchRequest {
  /** What the body must be: an article page ('html', also plain text), a feed or sitemap ('feed'), anything textual ('text'). */
  expect: Expect;
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | {
      status: 'ok';
      /** The URL after redirects. */
      url: string;
      httpStatus: number;
      contentType: string | null;
      /** The charset used to decode the body. */
      charset: string;
      bytes: Buffer;
      text: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified'; url: string; etag: string | null; lastModified: string | null };

/** A fetch that failed; `transient` says whether trying again later may help (timeouts, 5xx, 429, network). */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

// ---- addresses (see addresses.ts) ----------------------------------------------------------------------

export { addressProblem };

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that drops refused addresses, and fails when none is left. */
function guardedLookup(opts: FetchOptions) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const problems: string[] = [];
      const ok = addresses.filter((a) => {
        const p = addressProblem(a.address, opts);
        if (p) problems.push(p);
        return p === null;
      });
      if (ok.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`refused: ${hostname} resolves to ${problems[0] ?? 'no address'}`);
        e.code = 'ESALVOREFUSED';
        return callback(e, '');
      }
      if (options.all) callback(null, ok);
      else callback(null, ok[0].address, ok[0].family);
    });
  };
}

// ---- per-host delay --------------------------------------------------------------------------------------

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Spaces requests to one host at least `delay` ms apart, in the order they asked. */
export class HostLimiter {
  private readonly next = new Map<string, number>();
  async wait(host: string, delayMs: number): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, slot + delayMs);
    if (this.next.size > HOST_DELAY_CACHE_HOSTS) this.next.delete(this.next.keys().next().value as string);
    await sleep(slot - now);
  }
}

// ---- content types and charsets --------------------------------------------------------------------------

function parseContentType(header: string | undefined): { type: string | null; charset: string | null } {
  if (!header) return { type: null, charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase() || null, charset };
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)$/;
const FEED_TYPES = /^(application|text)\/((rss|atom|rdf)\+)?xml$|^application\/(rss|atom)\+xml$|^text\/plain$|^application\/octet-stream$|^text\/html$/;

function typeProblem(type: string | null, expect: Expect, head: string): string | null {
  if (expect === 'text') return type === null || /^text\/|xml|json/.test(type) ? null : `not text (content-type ${type})`;
  if (expect === 'html') {
    if (type === null) return /^\s*</.test(head) ? null : 'no content-type and the body does not look like HTML';
    return HTML_TYPES.test(type) ? null : `not an HTML page (content-type ${type})`;
  }
  // Feeds are often served with odd types; what matters is that the body is XML.
  if (type !== null && !FEED_TYPES.test(type)) return `not a feed or sitemap (content-type ${type})`;
  return /^\s*(<\?xml|<rss|<feed|<rdf:RDF|<urlset|<sitemapindex|<!--)/i.test(head.replace(/^\uFEFF/, '')) ? null : 'not a feed or sitemap (the body is not XML)';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Body bytes → text. A BOM wins; bytes that are valid UTF-8 with non-ASCII in them are UTF-8 whatever a header
 * says (servers often default to ISO-8859-1); else the header's charset when it is one we know; else the
 * page's own declaration, strict UTF-8, or a detected legacy charset (see decodeBytes).
 */
export function decodeBody(bytes: Buffer, headerCharset: string | null, html: boolean): { text: string; charset: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom || utf16) return { text: decodeBytes(bytes, { html }), charset: bom ? 'utf-8' : 'utf-16' };
  let utf8: string | null = null;
  try {
    utf8 = strictUtf8.decode(bytes);
  } catch {
    utf8 = null;
  }
  const ascii = !bytes.some((b) => b >= 0x80);
  if (utf8 !== null && !ascii) return { text: utf8, charset: 'utf-8' };
  const charset = headerCharset && !/^utf-?8$/i.test(headerCharset) ? resolveCharset(headerCharset) : null;
  if (charset) return { text: iconv.decode(bytes, charset), charset };
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  return { text: decodeBytes(bytes, { html }), charset: 'detected' };
}

// ---- one request -----------------------------------------------------------------------------------------

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface RawRequest {
  url: URL;
  headers: Record<string, string>;
  maxBytes: number;
  deadline: number;
}

/** One GET without redirects; the body is read only for 2xx answers. */
function request(req: RawRequest, opts: FetchOptions): Promise<RawResponse> {
  const connectTimeout = opts.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs;
  const readTimeout = opts.readTimeoutMs ?? FETCH_DEFAULTS.readTimeoutMs;
  return new Promise<RawResponse>((resolve, reject) => {
    const { url } = req;
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const done = (err: Error | null, res?: RawResponse): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        r.destroy();
        reject(err);
      } else resolve(res as RawResponse);
    };
    const r = lib.request(url, {
      method: 'GET',
      headers: req.headers,
      agent: false,
      lookup: guardedLookup(opts) as unknown as typeof dnsLookup,
    });
    const left = req.deadline - Date.now();
    timers.push(setTimeout(() => done(new FetchError(`timed out (no complete answer within ${Math.round((opts.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs) / 1000)} s)`, true)), Math.max(1, left)));
    const connectTimer = setTimeout(() => done(new FetchError(`timed out connecting (${connectTimeout} ms)`, true)), connectTimeout);
    timers.push(connectTimer);
    r.on('socket', (socket) => {
      const connected = (): void => {
        clearTimeout(connectTimer);
        socket.setTimeout(readTimeout, () => done(new FetchError(`timed out reading (nothing for ${readTimeout} ms)`, true)));
      };
      if (!socket.connecting) connected();
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    r.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ESALVOREFUSED') done(new FetchError(err.message, false));
      else done(new FetchError(networkReason(err), true));
    });
    r.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        res.resume();
        done(null, { status, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      const length = Number(res.headers['content-length']);
      if (Number.isFinite(length) && length > req.maxBytes && !res.headers['content-encoding']) {
        done(new FetchError(`too large (${length} bytes > ${req.maxBytes} limit)`, false));
        return;
      }
      let stream: Readable = res;
      const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(createInflate());
      else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
      else if (encoding !== '' && encoding !== 'identity') {
        done(new FetchError(`unsupported content-encoding ${encoding}`, false));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBytes) {
          done(new FetchError(`too large (over the ${req.maxBytes} byte limit)`, false));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (err: Error) => done(new FetchError(`could not read the body: ${err.message}`, true)));
      res.on('aborted', () => done(new FetchError('connection closed before the body was complete', true)));
      stream.on('end', () => done(null, { status, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    r.end();
  });
}

function networkReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found (${err.code})`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return `network error: ${err.message}`;
  }
}

const header = (h: http.IncomingHttpHeaders, name: string): string | null => {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

function httpProblem(status: number, headers: http.IncomingHttpHeaders): FetchError {
  const transient = status >= 500 || status === 408 || status === 429;
  const retry = header(headers, 'retry-after');
  return new FetchError(`HTTP ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}${retry ? ` (retry after ${retry})` : ''}`, transient);
}

// ---- the fetcher -----------------------------------------------------------------------------------------

/** Fetches with one set of options, one per-host delay and one robots.txt cache (keep one per process). */
export class Fetcher {
  readonly limiter = new HostLimiter();
  private readonly robots = new Map<string, { robots: Robots; until: number }>();
  readonly userAgent: string;

  constructor(readonly opts: FetchOptions = {}) {
    const ua = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.userAgent = opts.contact ? `${ua} (${opts.contact})` : ua;
  }

  private checkUrl(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https addresses can be fetched (${url.protocol})`, false);
    if (url.username || url.password) throw new FetchError('addresses with a user name or password are refused', false);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const p = addressProblem(host, this.opts);
      if (p) throw new FetchError(`refused: ${p}`, false);
    }
  }

  private hostDelay(robots: Robots | null): number {
    const base = this.opts.hostDelayMs ?? FETCH_DEFAULTS.hostDelayMs;
    const crawl = robots?.crawlDelay(ROBOTS_TOKEN);
    return crawl === null || crawl === undefined ? base : Math.max(base, Math.min(crawl, MAX_CRAWL_DELAY_S) * 1000);
  }

  /**
   * The robots.txt rules of the URL's origin, fetched once an hour. When robots.txt cannot be read (the host is
   * unreachable, it answers 5xx) nothing may be fetched (RFC 9309 §2.3.1.4): that throws a transient FetchError
   * naming the real cause, and nothing is cached, so a later try reads robots.txt again.
   */
  async robotsFor(url: URL, deadline: number): Promise<Robots> {
    const key = url.origin;
    const cached = this.robots.get(key);
    if (cached && cached.until > Date.now()) return cached.robots;
    let robots: Robots;
    let res: RawResponse | null = null;
    try {
      let target = new URL('/robots.txt', url);
      for (let hop = 0; hop <= FETCH_DEFAULTS.maxRedirects; hop++) {
        this.checkUrl(target);
        await this.limiter.wait(target.host, this.opts.hostDelayMs ?? FETCH_DEFAULTS.hostDelayMs);
        res = await request({ url: target, headers: { 'user-agent': this.userAgent, accept: 'text/plain' }, maxBytes: ROBOTS_MAX_BYTES, deadline }, this.opts);
        const loc = header(res.headers, 'location');
        if (res.status >= 300 && res.status < 400 && loc) target = new URL(loc, target);
        else break;
      }
    } catch (err) {
      if (err instanceof FetchError && !err.transient) throw err;
      throw new FetchError(`${url.origin} unreachable (robots.txt could not be read: ${err instanceof Error ? err.message : String(err)})`, true);
    }
    // RFC 9309 §2.3.1: 4xx means no rules; 5xx means "assume complete disallow" until it can be read.
    if (!res || (res.status >= 300 && res.status < 400)) robots = Robots.allowAll();
    else if (res.status >= 200 && res.status < 300) robots = Robots.parse(res.body.toString('utf8'));
    else if (res.status >= 400 && res.status < 500) robots = Robots.allowAll();
    else throw new FetchError(`${url.origin}/robots.txt answered HTTP ${res.status}: nothing is fetched from the site until it can be read`, true);
    this.robots.set(key, { robots, until: Date.now() + ROBOTS_TTL_MS });
    if (this.robots.size > ROBOTS_CACHE_HOSTS) this.robots.delete(this.robots.keys().next().value as string);
    return robots;
  }

  /** GET a URL, following redirects; throws FetchError with a reason a person can act on. */
  async fetch(address: string, req: FetchRequest): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new FetchError(`not a valid address: ${address}`, false);
    }
    const deadline = Date.now() + (this.opts.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs);
    const maxBytes = this.opts.maxBytes ?? FETCH_DEFAULTS.maxBytes;
    const maxRedirects = this.opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      this.checkUrl(url);
      const robots = this.opts.robots === false ? null : await this.robotsFor(url, deadline);
      if (robots && !robots.isAllowed(url.pathname + url.search, ROBOTS_TOKEN)) {
        throw new FetchError(`disallowed by ${url.origin}/robots.txt`, false);
      }
      await this.limiter.wait(url.host, this.hostDelay(robots));
      if (Date.now() >= deadline) throw new FetchError('timed out waiting for a turn at the host', true);
      const headers: Record<string, string> = {
        'user-agent': this.userAgent,
        accept: req.expect === 'feed' ? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' : 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (hop === 0 && req.etag) headers['if-none-match'] = req.etag;
      if (hop === 0 && req.lastModified) headers['if-modified-since'] = req.lastModified;
      visited.add(url.href);
      const res = await request({ url, headers, maxBytes, deadline }, this.opts);
      const etag = header(res.headers, 'etag');
      const lastModified = header(res.headers, 'last-modified');
      if (res.status === 304) return { status: 'not-modified', url: url.href, etag: etag ?? req.etag ?? null, lastModified: lastModified ?? req.lastModified ?? null };
      if ([301, 302, 303, 307, 308].includes(res.status)) {
        const loc = header(res.headers, 'location');
        if (!loc) throw new FetchError(`HTTP ${res.status} redirect without a Location`, false);
        const next = new URL(loc, url);
        if (visited.has(next.href)) throw new FetchError(`redirect loop (${next.href} again)`, false);
        if (hop + 1 > maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`, false);
        url = next;
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw httpProblem(res.status, res.headers);
      const ct = parseContentType(header(res.headers, 'content-type') ?? undefined);
      const head = res.body.subarray(0, 512).toString('latin1');
      const problem = typeProblem(ct.type, req.expect, head);
      if (problem) throw new FetchError(problem, false);
      const decoded = decodeBody(res.body, ct.charset, req.expect === 'html');
      return {
        status: 'ok',
        url: url.href,
        httpStatus: res.status,
        contentType: ct.type,
        charset: decoded.charset,
        bytes: res.body,
        text: decoded.text,
        etag,
        lastModified,
      };
    }
  }
}

// ---- a fetched page as a document ------------------------------------------------------------------------

/**
 * An article page fetched and read like an HTML file, by `readHtml` (plain text pages like a .txt file). The origin is the
 * address as given; the document's url is the page's canonical address, else the address after redirects.
 */
export async function fetchDocument(fetcher: Fetcher, address: string, readHtml: ReadHtml = readHtmlHere): Promise<IngestItem> {
  try {
    const res = await fetcher.fetch(address, { expect: 'html' });
    if (res.status !== 'ok') throw new FetchError('not modified', false);
    const doc = res.contentType === 'text/plain' && !/^\s*</.test(res.text) ? { ...documentFromText(res.text, address), url: res.url, source: new URL(res.url).hostname } : await readHtml(res.text, address, res.url);
    return { ok: true, doc: { ...doc, url: doc.url ?? res.url } };
  } catch (err) {
    const reason = err instanceof FetchError || err instanceof IngestError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, failure: { origin: address, reason } };
  }
}

/** True for what `salvo ingest` should fetch rather than read from disk. */
export const isWebAddress = (s: string): boolean => /^https?:\/\//i.test(s);
