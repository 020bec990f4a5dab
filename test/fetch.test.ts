// Fetching over HTTP from a loopback server: timeouts, size limits, redirects, content types, charsets,
// conditional GET, per-host delay, robots.txt, the user agent and the refusal of private addresses.
import iconv from 'iconv-lite';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem, decodeBody, Fetcher, FetchError, fetchDocument } from '../src/ingest/fetch.js';
import { matches, Robots } from '../src/ingest/robots.js';
import { huge, launchPage, send, slow, startLoopback, status, type Loopback } from './helpers/loopback.js';

let srv: Loopback;
const opts = { allowLoopback: true, hostDelayMs: 0, connectTimeoutMs: 300, readTimeoutMs: 300, totalTimeoutMs: 3000 };

beforeAll(async () => {
  srv = await startLoopback();
  const r = srv.routes;
  r.set('/robots.txt', send('text/plain', 'User-agent: *\nDisallow: /private\nAllow: /private/ok\n\nUser-agent: otherbot\nDisallow: /\n'));
  r.set('/page', send('text/html; charset=utf-8', launchPage({ date: '2034-06-02', km: 410 })));
  r.set('/slow', slow(5000, send('text/html', '<p>late</p>')));
  r.set('/huge', huge(60 * 1024 * 1024));
  r.set('/huge-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(60 * 1024 * 1024) });
    res.write('<html>');
  });
  r.set('/loop-a', status(302, { location: '/loop-b' }));
  r.set('/loop-b', status(301, { location: '/loop-a' }));
  for (let i = 0; i < 7; i++) r.set(`/chain/${i}`, status(307, { location: `/chain/${i + 1}` }));
  r.set('/chain/7', send('text/html; charset=utf-8', launchPage({ date: '2034-06-03' })));
  r.set('/wrong-charset', send('text/html; charset=iso-8859-1', Buffer.from(launchPage({ date: '2034-06-04', extra: '<p>Kim Yo-jong’s statement — “firm response”.</p>', charset: null }), 'utf8')));
  r.set('/no-charset', send('text/html', iconv.encode(launchPage({ date: '2034-06-05', extra: '<p>Le ministère a réagi à l’essai, déclarant « une provocation grave » à Séoul.</p>', charset: null }), 'windows-1252')));
  r.set('/bogus-charset', send('text/html; charset=x-no-such-charset', Buffer.from(launchPage({ date: '2034-06-06', extra: '<p>Café — naïve</p>' }), 'utf8')));
  r.set('/500', status(500));
  r.set('/image', send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])));
  r.set('/etag', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 02 Jun 2034 00:00:00 GMT' }).end('<?xml version="1.0"?><rss><channel></channel></rss>');
  });
  r.set('/private/x', send('text/html', '<p>secret</p>'));
  r.set('/private/ok', send('text/html; charset=utf-8', launchPage({ date: '2034-06-07' })));
  const bomb = brotliCompressSync(Buffer.alloc(40 * 1024 * 1024), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
  r.set('/bomb', send('text/html', bomb, { 'content-encoding': 'br' }));
  r.set('/to-private', (req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '';
    res.writeHead(302, { location: target }).end();
  });
  r.set('/gzip', (_req, res) => {
    import('node:zlib').then(({ gzipSync }) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(launchPage({ date: '2034-06-08' })));
    }).catch(() => res.destroy());
  });
});

afterAll(async () => {
  await srv?.close();
});

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('Fetcher', () => {
  it('fetches a page, with a clear user agent, and reads it as an article', async () => {
    const f = new Fetcher(opts);
    const item = await fetchDocument(f, `${srv.base}/page`);
    expect(item.ok).toBe(true);
    if (item.ok) {
      expect(item.doc.url).toBe(`${srv.base}/page`);
      expect(item.doc.text).toMatch(/410 km/);
      expect(item.doc.published?.date).toBe('2034-06-02');
    }
    const ua = srv.requests.find((r) => r.path === '/page')?.headers['user-agent'];
    expect(ua).toMatch(/^Salvo\/\d+\.\d+\.\d+ \(.*robots\.txt/);
  });

  // How soon it gives up is a target of `npm run bench:limits`.
  it('times out on a slow page', async () => {
    const e = await failure(new Fetcher(opts).fetch(`${srv.base}/slow`, { expect: 'html' }));
    expect(e.message).toMatch(/timed out/);
    expect(e.transient).toBe(true);
  });

  it('stops reading a 60 MB page at the size limit, and refuses a declared one at once', async () => {
    const f = new Fetcher({ ...opts, maxBytes: 2 * 1024 * 1024 });
    const e = await failure(f.fetch(`${srv.base}/huge`, { expect: 'html' }));
    expect(e.message).toMatch(/too large/);
    expect(e.transient).toBe(false);
    const d = await failure(f.fetch(`${srv.base}/huge-declared`, { expect: 'html' }));
    expect(d.message).toMatch(/too large \(62914560 bytes/);
  });

  it('follows up to 5 redirects, refuses more and refuses loops', async () => {
    const f = new Fetcher(opts);
    const loop = await failure(f.fetch(`${srv.base}/loop-a`, { expect: 'html' }));
    expect(loop.message).toMatch(/redirect loop/);
    const many = await failure(f.fetch(`${srv.base}/chain/0`, { expect: 'html' }));
    expect(many.message).toMatch(/too many redirects/);
    const ok = await f.fetch(`${srv.base}/chain/2`, { expect: 'html' });
    expect(ok.status === 'ok' && ok.url).toBe(`${srv.base}/chain/7`);
  });

  it('decodes wrong, missing and unknown charsets', async () => {
    const f = new Fetcher(opts);
    const wrong = await f.fetch(`${srv.base}/wrong-charset`, { expect: 'html' });
    expect(wrong.status === 'ok' && wrong.text).toContain('Kim Yo-jong’s statement — “firm response”');
    const none = await f.fetch(`${srv.base}/no-charset`, { expect: 'html' });
    expect(none.status === 'ok' && none.text).toContain('Le ministère a réagi à l’essai, déclarant « une provocation grave » à Séoul.');
    const bogus = await f.fetch(`${srv.base}/bogus-charset`, { expect: 'html' });
    expect(bogus.status === 'ok' && bogus.text).toContain('Café — naïve');
    expect(decodeBody(iconv.encode('Séoul', 'latin1'), 'iso-8859-1', true).text).toBe('Séoul');
  });

  it('reports HTTP errors and wrong content types', async () => {
    const f = new Fetcher(opts);
    const e500 = await failure(f.fetch(`${srv.base}/500`, { expect: 'html' }));
    expect(e500.message).toBe('HTTP 500 Internal Server Error');
    expect(e500.transient).toBe(true);
    const e404 = await failure(f.fetch(`${srv.base}/nothing-here`, { expect: 'html' }));
    expect(e404.transient).toBe(false);
    const img = await failure(f.fetch(`${srv.base}/image`, { expect: 'html' }));
    expect(img.message).toMatch(/not an HTML page \(content-type image\/png\)/);
    const g = await f.fetch(`${srv.base}/gzip`, { expect: 'html' });
    expect(g.status === 'ok' && g.text).toContain('2034-06-08');
  });

  it('makes conditional GETs with ETag and Last-Modified', async () => {
    const f = new Fetcher(opts);
    const first = await f.fetch(`${srv.base}/etag`, { expect: 'feed' });
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toBe('"v1"');
    const again = await f.fetch(`${srv.base}/etag`, { expect: 'feed', etag: first.etag, lastModified: first.lastModified });
    expect(again.status).toBe('not-modified');
    const last = srv.requests.filter((r) => r.path === '/etag').at(-1);
    expect(last?.headers['if-modified-since']).toBe('Tue, 02 Jun 2034 00:00:00 GMT');
  });

  it('obeys robots.txt and fetches it once', async () => {
    const f = new Fetcher(opts);
    const before = srv.hits('/robots.txt');
    const e = await failure(f.fetch(`${srv.base}/private/x`, { expect: 'html' }));
    expect(e.message).toMatch(/disallowed by .*robots\.txt/);
    expect(srv.hits('/private/x')).toBe(0);
    expect((await f.fetch(`${srv.base}/private/ok`, { expect: 'html' })).status).toBe('ok');
    expect(srv.hits('/robots.txt') - before).toBe(1);
  });

  it('waits between requests to one host', async () => {
    const f = new Fetcher({ ...opts, hostDelayMs: 150 });
    const start = srv.requests.length;
    await f.fetch(`${srv.base}/page`, { expect: 'html' });
    await f.fetch(`${srv.base}/page`, { expect: 'html' });
    const times = srv.requests.slice(start).map((r) => r.at); // robots.txt, page, page
    expect(times).toHaveLength(3);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(140);
  });

  it('refuses loopback, private and link-local addresses unless allowed', async () => {
    const strict = new Fetcher({ ...opts, allowLoopback: false });
    const e = await failure(strict.fetch(`${srv.base}/page`, { expect: 'html' }));
    expect(e.message).toMatch(/loopback address/);
    const byName = await failure(strict.fetch(srv.base.replace('127.0.0.1', 'localhost') + '/page', { expect: 'html' }));
    expect(byName.message).toMatch(/refused: localhost resolves to address .* loopback/);
    expect(addressProblem('10.1.2.3', {})).toMatch(/private/);
    expect(addressProblem('172.20.0.1', {})).toMatch(/private/);
    expect(addressProblem('192.168.1.1', {})).toMatch(/private/);
    expect(addressProblem('169.254.169.254', {})).toMatch(/link-local/);
    expect(addressProblem('fe80::1', {})).toMatch(/link-local/);
    expect(addressProblem('::ffff:127.0.0.1', {})).toMatch(/loopback/);
    expect(addressProblem('0.0.0.0', { allowPrivate: true })).toMatch(/not a public/);
    expect(addressProblem('8.8.8.8', {})).toBeNull();
    expect(addressProblem('10.1.2.3', { allowPrivate: true })).toBeNull();
    const scheme = await failure(strict.fetch('file:///etc/passwd', { expect: 'html' }));
    expect(scheme.message).toMatch(/only http and https/);
  });
});

describe('robots.txt', () => {
  it('picks the group, the longest match and Allow on ties, with wildcards', () => {
    const r = Robots.parse('# c\nUser-agent: Salvo\nUser-agent: other\nDisallow: /news/*.pdf$\nDisallow: /tmp\nAllow: /tmp/public\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n');
    expect(r.isAllowed('/news/a.html', 'salvo')).toBe(true);
    expect(r.isAllowed('/news/a.pdf', 'salvo')).toBe(false);
    expect(r.isAllowed('/news/a.pdf?x=1', 'salvo')).toBe(true);
    expect(r.isAllowed('/tmp/x', 'salvo')).toBe(false);
    expect(r.isAllowed('/tmp/public/x', 'salvo')).toBe(true);
    expect(r.isAllowed('/anything', 'somebot')).toBe(false);
    expect(r.crawlDelay('salvo')).toBe(2);
    expect(Robots.parse('User-agent: *\nDisallow:\n').isAllowed('/x', 'salvo')).toBe(true);
    expect(matches('/a%2fb', '/a%2Fb')).toBe(true);
  });
});

// Issue 15 items 2 and 7: a compressed page is unpacked to the limit only; an unreachable site or robots.txt
// is reported as such, not as a robots.txt refusal; IPv6 forms that lead to IPv4 are judged by that address.
describe('Fetcher limits and reasons', () => {
  it('stops unpacking a brotli bomb at the size limit', async () => {
    const f = new Fetcher({ ...opts, maxBytes: 2 * 1024 * 1024 });
    const e = await failure(f.fetch(`${srv.base}/bomb`, { expect: 'html' }));
    expect(e.message).toMatch(/too large \(over the 2097152 byte limit\)/);
  });

  it('says a host is unreachable, not that robots.txt disallows it', async () => {
    const closed = await startLoopback();
    const base = closed.base;
    await closed.close();
    const e = await failure(new Fetcher(opts).fetch(`${base}/page`, { expect: 'html' }));
    expect(e.message).toMatch(/unreachable .*connection refused/);
    expect(e.message).not.toMatch(/disallowed/);
    expect(e.transient).toBe(true);
  });

  it('says robots.txt answered 5xx, fetches nothing, and reads it again next time', async () => {
    const down = await startLoopback();
    try {
      down.routes.set('/robots.txt', status(503));
      down.routes.set('/page', send('text/html; charset=utf-8', launchPage({ date: '2034-06-02' })));
      const f = new Fetcher(opts);
      const e = await failure(f.fetch(`${down.base}/page`, { expect: 'html' }));
      expect(e.message).toMatch(/robots\.txt answered HTTP 503/);
      expect(down.hits('/page')).toBe(0);
      down.routes.set('/robots.txt', status(404));
      expect((await f.fetch(`${down.base}/page`, { expect: 'html' })).status).toBe('ok');
    } finally {
      await down.close();
    }
  });

  it('refuses NAT64, 6to4 and IPv4-compatible forms of refused addresses, and special-purpose ranges', () => {
    for (const ip of ['64:ff9b::127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::', '::127.0.0.1', '::7f00:1', '::ffff:7f00:1']) {
      expect(addressProblem(ip, {}), ip).toMatch(/127\.0\.0\.1 is a loopback address/);
    }
    expect(addressProblem('2002:a9fe:a9fe::1', {})).toMatch(/169\.254\.169\.254 is a private or link-local/);
    expect(addressProblem('64:ff9b::10.0.0.1', {})).toMatch(/private/);
    for (const ip of ['198.18.0.1', '198.19.255.254', '192.0.2.1', '203.0.113.9', '2001:db8::1', '2001:0:4136:e378::1', '64:ff9b:1::1']) {
      expect(addressProblem(ip, { allowPrivate: true }), ip).toMatch(/not a public web address/);
    }
    for (const ip of ['64:ff9b::8.8.8.8', '2002:808:808::1', '2606:4700:4700::1111', '198.20.0.1']) expect(addressProblem(ip, {}), ip).toBeNull();
  });

  it('refuses redirects into private, link-local and special addresses in any notation (SSRF)', async () => {
    const f = new Fetcher(opts); // loopback allowed for the test server; nothing else is
    for (const to of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://0x0a000001/', 'http://167772161/', 'http://[::ffff:a00:1]/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[fd00::1]/', 'http://0.0.0.0/', 'http://198.18.0.1/']) {
      const e = await failure(f.fetch(`${srv.base}/to-private?to=${encodeURIComponent(to)}`, { expect: 'html' }));
      expect(e.message, to).toMatch(/^refused: address .* (private or link-local|not a public web address)/);
    }
  });
});
