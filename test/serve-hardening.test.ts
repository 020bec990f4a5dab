// Issue 15 items 5 and 7 on the server: requests that trickle in are cut, connections are capped, one Host header
// per request, no white-space token, the token compared by digest (its length does not decide anything), wrong
// tokens throttled per client, upload limits named right, the answer cache bounded in bytes and stored short
// fields bounded. What held under attack stays tested: cross-site writes, DNS rebinding, path traversal.
import * as crypto from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer, startProblem } from '../src/serve/app.js';
import { ResponseCache } from '../src/serve/plugins/cache.js';
import { FailureCounter } from '../src/serve/plugins/auth.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

const HOST = { host: '127.0.0.1:8080' };
const TOKEN = 'a-long-enough-test-token-1234';
let store: Store;

beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(async () => {
  await store?.close();
});

/** A raw connection to a listening server; `closed` resolves with what the server sent before closing. */
function rawSocket(port: number): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let got = '';
  socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(got)));
  return { socket, closed };
}

async function listening(opts: Parameters<typeof buildServer>[0]): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildServer(opts);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([p, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))]);

describe('connections', () => {
  it('cuts a request whose body trickles in, answering 408', async () => {
    const { app, port } = await listening({ store, host: '127.0.0.1', webRoot: null, limits: { requestTimeoutMs: 1000 } });
    try {
      const { socket, closed } = rawSocket(port);
      socket.write('POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": "');
      const slow = setInterval(() => socket.write('a'), 200);
      const answer = await within(closed, 5000);
      clearInterval(slow);
      socket.destroy();
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await app.close();
    }
  });

  it('closes connections beyond the cap at once and keeps serving the others', async () => {
    const { app, port } = await listening({ store, host: '127.0.0.1', webRoot: null, limits: { maxConnections: 3 } });
    const open: Socket[] = [];
    try {
      const first = [rawSocket(port), rawSocket(port), rawSocket(port)];
      for (const s of first) {
        open.push(s.socket);
        await new Promise((r) => s.socket.once('connect', r));
        s.socket.write('GET /api/status HTTP/1.1\r\nHost: localhost\r\n'); // headers not finished: the connection stays
      }
      await new Promise((r) => setTimeout(r, 100));
      const extra = rawSocket(port);
      open.push(extra.socket);
      expect(await within(extra.closed, 3000)).toBe('');
      first[0].socket.write('\r\n');
      await new Promise((r) => setTimeout(r, 300));
      first[0].socket.end();
      expect(await within(first[0].closed, 3000)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      for (const s of open) s.destroy();
      await app.close();
    }
  });

  it('refuses a request with two Host headers', async () => {
    const { app, port } = await listening({ store, host: '127.0.0.1', webRoot: null });
    try {
      const { socket, closed } = rawSocket(port);
      socket.end('GET /api/status HTTP/1.1\r\nHost: localhost\r\nHost: attacker.example\r\nConnection: close\r\n\r\n');
      const answer = await within(closed, 3000);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toMatch(/2 Host headers in one request/);
    } finally {
      await app.close();
    }
  });
});

describe('the token', () => {
  it('refuses a token with white space in it, on any address', () => {
    expect(startProblem('0.0.0.0', ' '.repeat(20))).toMatch(/white space/);
    expect(startProblem('0.0.0.0', `${TOKEN}\n`)).toMatch(/white space/);
    expect(startProblem('127.0.0.1', 'two words')).toMatch(/white space/);
    expect(startProblem('0.0.0.0', TOKEN)).toBeNull();
  });

  it('compares digests of equal length, whatever the length of the token sent', async () => {
    const app = await buildServer({ store, host: '0.0.0.0', token: TOKEN, webRoot: null });
    try {
      const spy = vi.mocked(crypto.timingSafeEqual);
      spy.mockClear();
      const r = await app.inject({ method: 'POST', url: '/api/ingest', headers: { host: 'salvo.example', authorization: 'Bearer abc' }, payload: { text: 'x' } });
      expect(r.statusCode).toBe(401);
      expect(spy).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0] as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
    } finally {
      await app.close();
    }
  });

  it('throttles wrong tokens per client address: 429 with Retry-After, other clients unaffected', async () => {
    const app = await buildServer({ store, host: '0.0.0.0', token: TOKEN, webRoot: null });
    try {
      const post = (authorization: string, remoteAddress = '203.0.113.7') =>
        app.inject({ method: 'POST', url: '/api/ingest', remoteAddress, headers: { host: 'salvo.example', authorization }, payload: { text: 'A quiet day in Seoul with no news.' } });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await post(`Bearer guess-${i}`)).statusCode);
      expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
      const locked = await post(`Bearer ${TOKEN}`);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.json().message).toMatch(/too many wrong tokens/);
      expect((await post(`Bearer ${TOKEN}`, '198.51.100.4')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('forgets a client after the window and bounds the clients it remembers', () => {
    const c = new FailureCounter(2, 1000, 3);
    c.fail('a', 0);
    c.fail('a', 10);
    expect(c.blockedFor('a', 20)).toBe(980);
    expect(c.blockedFor('a', 1000)).toBe(0);
    for (const k of ['b', 'c', 'd', 'e']) {
      c.fail(k, 0);
      c.fail(k, 0);
    }
    expect(c.blockedFor('b', 1)).toBe(0); // forgotten: only the three latest clients are remembered
    expect(c.blockedFor('e', 1)).toBe(999);
  });
});

describe('uploads', () => {
  it('21 files are refused as too many files, not as a file over the size limit', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
    try {
      const boundary = '----salvohardening';
      const parts = Array.from({ length: 21 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="f${i}.txt"\r\nContent-Type: text/plain\r\n\r\nreport ${i}\r\n`);
      const r = await app.inject({
        method: 'POST', url: '/api/ingest/files', headers: { ...HOST, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `${parts.join('')}--${boundary}--\r\n`,
      });
      expect(r.statusCode).toBe(413);
      expect(r.json().message).toBe('at most 20 files at once');
    } finally {
      await app.close();
    }
  });
});

describe('decompression bombs', () => {
  it('an uploaded WARC whose record unpacks to gigabytes is refused record by record; the server keeps answering', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
    try {
      const bomb = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
      const http = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n'), bomb]);
      const rec = Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/x\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`), http, Buffer.from('\r\n\r\n')]);
      const boundary = '----salvobomb';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bomb.warc"\r\nContent-Type: application/warc\r\n\r\n`),
        Buffer.concat(Array.from({ length: 50 }, () => rec)),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...HOST, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(r.statusCode, r.body).toBe(200);
      const reasons = (r.json().results as { reason: string }[]).map((x) => x.reason);
      expect(reasons.filter((x) => /^body too large once decompressed \(br: over the 1048576 byte limit/.test(x))).toHaveLength(50);
      expect((await app.inject({ method: 'GET', url: '/api/status', headers: HOST })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('bounded memory and fields', () => {
  it('the answer cache stays within its byte budget under endless new URLs', () => {
    const cache = new ResponseCache(64 * 1024, 2000);
    const body = 'x'.repeat(1000);
    for (let i = 0; i < 2000; i++) {
      cache.get(`/api/events?q=${i}`, 'v1');
      cache.set(`/api/events?q=${i}`, 'v1', { body, headers: { 'content-type': 'application/json' } });
    }
    expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.size).toBeLessThan(40);
    expect(cache.get('/api/events?q=1999', 'v1')?.body).toBe(body);
    expect(cache.get('/api/events?q=0', 'v1')).toBeUndefined();
    cache.set('/api/export', 'v1', { body: 'y'.repeat(10_000), headers: {} }); // over a quarter of the budget
    expect(cache.get('/api/export', 'v1')).toBeUndefined();
    cache.get('/x', 'v2'); // the data changed: everything goes
    expect(cache.bytes).toBe(0);
  });

  it('stores a record with a 200 KB title and a 5 KB address with both bounded', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
    try {
      const record = { title: 'T'.repeat(200_000), url: `https://news.example/${'p'.repeat(5000)}`, source: 's'.repeat(1000), text: 'North Korea fired a ballistic missile into the sea on Monday, the Joint Chiefs of Staff in Seoul said. It flew about 400 km.' };
      const boundary = '----salvofields';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="r.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(record)}\r\n--${boundary}--\r\n`;
      const r = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: { ...HOST, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(r.statusCode, r.body).toBe(200);
      const id = r.json().results[0].articleId as string;
      const article = await store.getArticle(id);
      expect(article?.title?.length).toBe(1000);
      expect(article?.title?.endsWith('…')).toBe(true);
      expect(article?.url).toBeNull();
      expect(article?.source?.length).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('what held under attack', () => {
  it('static files: no path traversal in any encoding', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'salvo-web-'));
    mkdirSync(join(root, 'web'));
    writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: join(root, 'web') });
    try {
      for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt', '/%252e%252e/secret.txt', '/....//secret.txt']) {
        const r = await app.inject({ method: 'GET', url: path, headers: HOST });
        expect(r.body, path).not.toContain('TOP-SECRET-CONTENT');
      }
    } finally {
      await app.close();
    }
  });
});
