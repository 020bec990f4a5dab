// WARC archives (the format of Common Crawl's CC-NEWS): HTML responses become articles with their URL and,
// when the page names no date, the record's date; other records are passed over; big records are skipped
// without being held in memory; .warc.gz (a gzip member per record) and plain .warc both read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentPool } from '../src/app/pool.js';
import { ingestPaths } from '../src/ingest/index.js';
import { parseHttpResponse, readWarc } from '../src/ingest/warc.js';
import type { IngestItem } from '../src/types.js';
import { assertBuilt } from './helpers/cli.js';
import { launchPage } from './helpers/loopback.js';

const dir = mkdtempSync(join(tmpdir(), 'salvo-warc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(type: string, headers: Record<string, string>, block: Buffer | string): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), body, Buffer.from('\r\n\r\n')]);
}

function response(uri: string, date: string, http: string | Buffer): Buffer {
  return record('response', { 'WARC-Target-URI': uri, 'WARC-Date': date, 'WARC-Record-ID': `<urn:uuid:${Math.random()}>`, 'Content-Type': 'application/http; msgtype=response' }, http);
}

const undatedPage = launchPage({ date: '2034-07-01', km: 600 }).replace(/<meta property="article:published_time"[^>]*>/, '').replace('on 2034-07-01', 'on Tuesday');
const chunked = (s: string): string => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n0\r\n\r\n`;

const records = [
  record('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: test\r\n'),
  record('request', { 'WARC-Target-URI': 'https://news.example/a' }, 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
  response('https://news.example/a', '2034-06-02T03:00:00Z', `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${launchPage({ date: '2034-06-02', km: 410 })}`),
  response('https://news.example/logo.png', '2034-06-02T03:00:01Z', 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG'),
  response('https://news.example/gone', '2034-06-02T03:00:02Z', 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>'),
  response('https://news.example/b', '2034-07-01T08:30:00Z', `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(undatedPage)}`),
  response('https://news.example/big', '2034-06-02T03:00:03Z', `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>${'x'.repeat(300_000)}</html>`),
  response('https://news.example/menu', '2034-06-02T03:00:04Z', 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><nav>Home</nav></body></html>'),
  record('metadata', { 'WARC-Target-URI': 'https://news.example/a' }, 'fetchTimeMs: 12\r\n'),
];

async function all(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('WARC', () => {
  const gz = join(dir, 'cc-news.warc.gz');
  writeFileSync(gz, Buffer.concat(records.map((r) => gzipSync(r)))); // one gzip member per record, as Common Crawl does
  const plain = join(dir, 'plain.warc');
  writeFileSync(plain, Buffer.concat(records));

  it('takes HTML responses as articles with their URL and date, and passes over the rest', async () => {
    const items = await all(ingestPaths([gz], { maxBytes: 200_000 }));
    const docs = items.flatMap((i) => (i.ok ? [i.doc] : []));
    const failures = items.flatMap((i) => (i.ok ? [] : [i.failure]));
    expect(docs.map((d) => d.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
    expect(docs[0].published).toMatchObject({ date: '2034-06-02', via: 'meta' });
    expect(docs[1].published).toEqual({ date: '2034-07-01', instant: '2034-07-01T08:30:00Z', via: 'record' });
    expect(docs[1].text).toMatch(/600 km/);
    expect(docs[0].origin).toBe(`${gz}[3]`);
    expect(failures).toEqual([
      { origin: `${gz}[7]`, reason: 'record too large (300057 bytes > 200000 limit)' },
      { origin: `${gz}[8]`, reason: 'no article text found in the HTML page' },
    ]);
  });

  it('reads an uncompressed .warc the same way', async () => {
    const items = await all(ingestPaths([plain], { maxBytes: 200_000 }));
    expect(items.filter((i) => i.ok)).toHaveLength(2);
  });

  it('streams: a record over the limit is skipped, not kept', async () => {
    const seen: { index: number; kept: boolean }[] = [];
    for await (const r of readWarc(gz, { maxBlockBytes: 100_000 })) seen.push({ index: r.index, kept: r.block !== null });
    expect(seen).toHaveLength(records.length);
    expect(seen.filter((s) => !s.kept).map((s) => s.index)).toEqual([7]);
  });

  it('says so when the file is not a WARC', async () => {
    const bad = join(dir, 'bad.warc');
    writeFileSync(bad, 'hello\r\n');
    const items = await all(ingestPaths([bad]));
    expect(items).toEqual([{ ok: false, failure: { origin: bad, reason: 'not a WARC file (no WARC/1.x version line)' } }]);
  });

  it('parses HTTP responses, chunked or not', () => {
    const r = parseHttpResponse(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'));
    expect(r?.status).toBe(200);
    expect(r?.body.toString()).toBe('hello');
  });

  // Issue 15 item 2: a few kilobytes of brotli can stand for gigabytes; each body is unpacked to the limit only.
  it('refuses a decompression bomb in a record with a clear reason, and goes on with the next record', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const bombs = {
      br: brotliCompressSync(zeros, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip: gzipSync(zeros),
      deflate: deflateSync(zeros),
    };
    const bombRecords = Object.entries(bombs).map(([enc, body]) =>
      response(`https://news.example/${enc}`, '2034-06-02T03:00:00Z', Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: ${enc}\r\n\r\n`), body])),
    );
    expect(bombs.br.length).toBeLessThan(10_000);
    const file = join(dir, 'bombs.warc');
    writeFileSync(file, Buffer.concat([...bombRecords, records[2]]));
    const items = await all(ingestPaths([file], { maxBytes: 1024 * 1024 }));
    expect(items.filter((i) => !i.ok).map((i) => (i.ok ? '' : i.failure.reason))).toEqual(
      ['br', 'gzip', 'deflate'].map((enc) => expect.stringMatching(new RegExp(`^body too large once decompressed \\(${enc}: over the 1048576 byte limit`))),
    );
    expect(items.filter((i) => i.ok).map((i) => (i.ok ? i.doc.url : ''))).toEqual(['https://news.example/a']);
    expect(() => parseHttpResponse(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n'), bombs.br]), 4096)).toThrow(/over the 4096 byte limit/);
    // Below the file limit, a body may not unpack beyond 200 times its size (and a megabyte at least).
    const bigZeros = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(() => parseHttpResponse(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n'), bigZeros]), 100 * 1024 * 1024))
      .toThrow(new RegExp(`over the ${bigZeros.length * 200} byte limit for ${bigZeros.length} compressed bytes`));
    const small = parseHttpResponse(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n'), gzipSync('<p>hello</p>')]), 4096);
    expect(small?.body.toString()).toBe('<p>hello</p>');
  });

  // Issue 15 item 7: a plain .warc cut short must not store its last page as if it were whole.
  it('reports a truncated record instead of storing it', async () => {
    const whole = Buffer.concat([records[2], records[5]]);
    const cut = join(dir, 'cut.warc');
    writeFileSync(cut, whole.subarray(0, whole.length - 200));
    const items = await all(ingestPaths([cut], { maxBytes: 200_000 }));
    expect(items.filter((i) => i.ok)).toHaveLength(1);
    expect(items.filter((i) => !i.ok).map((i) => (i.ok ? '' : i.failure.reason))).toEqual([expect.stringMatching(/^record truncated: the file ends \d+ bytes into a record of \d+/)]);
  });

  // Issue 15 item 3: the CLI reads each record's page in the document pool, within the per-document budget.
  it('reads each page in the document pool: a record slow to read fails with the reason, the next is read', { timeout: 120_000 }, async () => {
    assertBuilt();
    // Megabytes of table rows: seconds of turning HTML into text (about 12 s on this machine's cores).
    const rows = `<html><body><table>${'<tr><td class="c">x</td><td><a href="/a">link</a></td></tr>'.repeat(50_000)}</table></body></html>`;
    const file = join(dir, 'slow-read.warc');
    writeFileSync(file, Buffer.concat([records[2], response('https://news.example/rows', '2034-06-02T03:00:05Z', `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${rows}`), records[5]]));
    const pool = new DocumentPool(2000, 1);
    try {
      const items = await all(ingestPaths([file], { maxBytes: 5_000_000, readHtml: pool.readHtml }));
      expect(items.map((i) => (i.ok ? i.doc.url : i.failure.reason))).toEqual([
        'https://news.example/a',
        'over the time budget of 2 s per document (reading it)',
        'https://news.example/b',
      ]);
    } finally {
      await pool.close();
    }
  });
});
