// WARC files (ISO 28500; Common Crawl's CC-NEWS is published in this format), read as a stream: one record
// at a time is held in memory, records over the size limit are skipped without being buffered, and .warc.gz
// files (gzip member per record, or one member for all) are unpacked on the fly.
//
// A record: a version line (`WARC/1.0`), headers, a blank line, `Content-Length` bytes of block, CRLF CRLF.
// Articles are `response` records whose block is an HTTP response with status 2xx and an HTML content type;
// the page's URL is WARC-Target-URI and, when the page itself names no publication date, WARC-Date is used.
import { createReadStream } from 'node:fs';
import { gunzipSync, createGunzip, inflateSync, brotliDecompressSync, type ZlibOptions } from 'node:zlib';
import type { IngestItem } from '../types.js';
import { decodeBody } from './fetch.js';
import { IngestError } from './errors.js';
import { readHtmlHere, type ReadHtml } from './read-html.js';
import { DECOMPRESSED_FLOOR_BYTES, MAX_DECOMPRESSION_RATIO, MAX_FILE_BYTES, MAX_WARC_HEADER_LINE } from '../settings.js';

export interface WarcRecord {
  /** WARC header names in lower case. */
  headers: Map<string, string>;
  type: string;
  targetUri: string | null;
  date: string | null;
  /** The record block, or null when it was over the size limit and skipped. */
  block: Buffer | null;
  length: number;
  /** 1-based position of the record in the file. */
  index: number;
}

/** Reads lines and byte runs from a stream of chunks, holding only what has not been consumed yet. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }

  /** The next line without its CRLF or LF; null at the end of the stream. */
  async line(): Promise<string | null> {
    for (;;) {
      const i = this.buf.indexOf(0x0a);
      if (i >= 0) {
        const end = i > 0 && this.buf[i - 1] === 0x0d ? i - 1 : i;
        const s = this.buf.subarray(0, end).toString('utf8');
        this.buf = this.buf.subarray(i + 1);
        return s;
      }
      if (this.buf.length > MAX_WARC_HEADER_LINE) throw new IngestError('not a WARC file (header line too long)');
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        const s = this.buf.toString('utf8');
        this.buf = Buffer.alloc(0);
        return s;
      }
    }
  }

  /** Exactly n bytes (fewer at a truncated end). */
  async take(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let need = n;
    for (;;) {
      const part = this.buf.subarray(0, need);
      parts.push(part);
      this.buf = this.buf.subarray(part.length);
      need -= part.length;
      if (need === 0 || !(await this.fillRaw())) break;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /** Drops n bytes without keeping them. */
  async skip(n: number): Promise<number> {
    let need = n;
    for (;;) {
      const k = Math.min(need, this.buf.length);
      this.buf = this.buf.subarray(k);
      need -= k;
      if (need === 0 || !(await this.fillRaw())) break;
    }
    return n - need;
  }

  // Replaces the (empty) buffer with the next chunk, without concatenating.
  private async fillRaw(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = next.value;
    return true;
  }
}

/** The records of a WARC file, in order. `maxBlockBytes`: larger blocks are skipped (block = null). */
export async function* readWarc(path: string, opts: { maxBlockBytes: number }): AsyncGenerator<WarcRecord> {
  const gz = /\.gz$/i.test(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const stream = gz ? file.pipe(createGunzip()) : file;
  file.on('error', (err) => stream.destroy(err));
  const reader = new ByteReader(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  let index = 0;
  try {
    for (;;) {
      let version = await reader.line();
      while (version !== null && version.trim() === '') version = await reader.line();
      if (version === null) return;
      if (!/^WARC\/\d/.test(version)) {
        throw new IngestError(index === 0 ? 'not a WARC file (no WARC/1.x version line)' : `record ${index + 1}: no WARC version line (file damaged?)`);
      }
      index++;
      const headers = new Map<string, string>();
      for (;;) {
        const l = await reader.line();
        if (l === null || l === '') break;
        const c = l.indexOf(':');
        if (c > 0) headers.set(l.slice(0, c).trim().toLowerCase(), l.slice(c + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      if (!Number.isInteger(length) || length < 0) throw new IngestError(`record ${index}: missing or bad Content-Length`);
      let block: Buffer | null = null;
      if (length <= opts.maxBlockBytes) block = await reader.take(length);
      else await reader.skip(length);
      yield {
        headers,
        type: (headers.get('warc-type') ?? '').toLowerCase(),
        targetUri: headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null,
        date: headers.get('warc-date') ?? null,
        block,
        length,
        index,
      };
    }
  } finally {
    file.destroy();
  }
}

const DECOMPRESS: Record<string, (buf: Buffer, opts: ZlibOptions) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * An HTTP response message split into status, headers and body (chunked and compressed bodies undone). A
 * compressed body is unpacked to at most `maxBodyBytes`, and to at most MAX_DECOMPRESSION_RATIO times its own
 * size (a few kilobytes of brotli can stand for gigabytes): beyond that an IngestError says so.
 */
export function parseHttpResponse(block: Buffer, maxBodyBytes: number = MAX_FILE_BYTES): { status: number; headers: Map<string, string>; body: Buffer } | null {
  let end = block.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = block.indexOf('\n\n');
    sep = 2;
  }
  if (end < 0) return null;
  const lines = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const c = l.indexOf(':');
    if (c > 0) headers.set(l.slice(0, c).trim().toLowerCase(), l.slice(c + 1).trim());
  }
  let body = block.subarray(end + sep);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const enc = (headers.get('content-encoding') ?? '').toLowerCase();
  const decompress = Object.hasOwn(DECOMPRESS, enc) ? DECOMPRESS[enc] : undefined;
  if (decompress) {
    const limit = Math.min(maxBodyBytes, Math.max(DECOMPRESSED_FLOOR_BYTES, body.length * MAX_DECOMPRESSION_RATIO));
    try {
      body = decompress(body, { maxOutputLength: limit });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new IngestError(`body too large once decompressed (${enc}: over the ${limit} byte limit for ${body.length} compressed bytes)`);
      }
      // Crawlers often store the body already decoded but keep the header: use the bytes as they are.
    }
  }
  return { status: Number(m[1]), headers, body };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = parseInt(body.subarray(pos, eol).toString('latin1').split(';')[0].trim(), 16);
    if (!Number.isFinite(size)) return body; // not really chunked
    if (size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;

/**
 * The articles in a WARC file: one document per HTML response, one failure per response that is over the
 * size limit or has no article text. Other records (requests, metadata, images, redirects) are passed over.
 * Each page is read into a document by `readHtml` (default: in this thread).
 */
export async function* documentsFromWarc(path: string, maxBytes: number, readHtml: ReadHtml = readHtmlHere): AsyncGenerator<IngestItem> {
  let articles = 0;
  try {
    for await (const rec of readWarc(path, { maxBlockBytes: maxBytes })) {
      if (rec.type !== 'response') continue;
      if (!/application\/http/i.test(rec.headers.get('content-type') ?? 'application/http')) continue;
      const origin = `${path}[${rec.index}]`;
      if (rec.block === null) {
        yield { ok: false, failure: { origin, reason: `record too large (${rec.length} bytes > ${maxBytes} limit)` } };
        continue;
      }
      if (rec.block.length < rec.length) {
        yield { ok: false, failure: { origin, reason: `record truncated: the file ends ${rec.block.length} bytes into a record of ${rec.length} (an interrupted download?)` } };
        continue;
      }
      let res: ReturnType<typeof parseHttpResponse>;
      try {
        res = parseHttpResponse(rec.block, maxBytes);
      } catch (err) {
        yield { ok: false, failure: { origin, reason: err instanceof IngestError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}` } };
        continue;
      }
      if (!res || res.status < 200 || res.status >= 300) continue;
      const ct = res.headers.get('content-type') ?? '';
      if (!HTML_TYPE.test(ct)) continue;
      articles++;
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(ct)?.[1]?.toLowerCase() ?? null;
      try {
        const text = decodeBody(res.body, charset, true).text;
        const doc = await readHtml(text, origin, rec.targetUri);
        if (!doc.published && rec.date) {
          const date = /^\d{4}-\d{2}-\d{2}/.exec(rec.date)?.[0];
          if (date) doc.published = { date, instant: rec.date, via: 'record' };
        }
        yield { ok: true, doc: { ...doc, url: doc.url ?? rec.targetUri } };
      } catch (err) {
        yield { ok: false, failure: { origin, reason: err instanceof IngestError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}` } };
      }
    }
  } catch (err) {
    const reason = err instanceof IngestError ? err.message : `cannot read the WARC file: ${err instanceof Error ? err.message : String(err)}`;
    yield { ok: false, failure: { origin: path, reason } };
    return;
  }
  if (articles === 0) yield { ok: false, failure: { origin: path, reason: 'no HTML responses in the WARC file' } };
}

/** True for .warc and .warc.gz paths. */
export const isWarcPath = (p: string): boolean => /\.warc(\.gz)?$/i.test(p);
