// `salvo watch` against a loopback server: feeds (RSS, Atom, a sitemap), pages that fail in every way the web
// fails (slow, 60 MB, redirect loop, wrong and missing charsets, 500, a malformed feed, a feed that is down),
// state across a restart (nothing ingested twice, nothing lost), and the sources in the API. The watcher cleans
// and extracts in the document pool's thread, as `salvo watch` does, so this process's event loop (which also
// runs the loopback server) stays free to answer while the first page compiles the knowledge tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type WatchConfig } from '../src/live/config.js';
import { parseFeed } from '../src/live/feeds.js';
import { DocumentPool } from '../src/app/pool.js';
import { Watcher, type PollReport } from '../src/live/watch.js';
import { buildServer } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { huge, launchPage, rss, send, slow, startLoopback, status, type Loopback } from './helpers/loopback.js';

let srv: Loopback;
let dir: string;
let dbPath: string;
let store: Store;
let config: WatchConfig;
let logs: string[] = [];
let pool: DocumentPool;
const u = (p: string): string => `${srv.base}${p}`;
const HTML = 'text/html; charset=utf-8';

let mainItems: string[] = [];
let honourEtag = true;

beforeAll(async () => {
  pool = new DocumentPool();
  srv = await startLoopback();
  dir = mkdtempSync(join(tmpdir(), 'salvo-live-'));
  dbPath = join(dir, 'salvo.db');
  const r = srv.routes;
  r.set('/robots.txt', send('text/plain', 'User-agent: *\nDisallow: /admin\n'));
  mainItems = ['/a/launch1', '/a/wrong-charset', '/a/no-charset', '/a/slow', '/a/huge', '/a/loop', '/a/error'];
  r.set('/feeds/main.xml', (req, res) => {
    const body = rss(mainItems.map((p, i) => ({ url: u(p), guid: `main-${p}`, title: `item ${i}` })));
    const etag = `"${body.length}"`;
    if (honourEtag && req.headers['if-none-match'] === etag) res.writeHead(304).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  });
  r.set('/feeds/broken.xml', send('application/rss+xml', `<?xml version="1.0"?><rss><channel><item><title>cut</title><link>${u('/a/never')}</link>`));
  r.set('/feeds/down.xml', status(500));
  r.set('/feeds/atom.xml', (_req, res) =>
    send('application/atom+xml', `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
      <entry><id>urn:a:1</id><title>Atom item</title><link rel="alternate" href="/a/atom1"/><updated>2034-06-10T00:00:00Z</updated></entry></feed>`)(_req, res, Buffer.alloc(0)),
  );
  r.set('/sitemap.xml', send('application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${u('/a/site1')}</loc></url></urlset>`));
  r.set('/a/launch1', send(HTML, launchPage({ date: '2034-06-02', km: 410 })));
  r.set('/a/wrong-charset', send('text/html; charset=iso-8859-1', Buffer.from(launchPage({ date: '2034-06-04', extra: '<p>Kim Yo-jong’s statement — “firm response” — followed.</p>', charset: null }), 'utf8')));
  r.set('/a/no-charset', send('text/html', iconv.encode(launchPage({ date: '2034-06-05', extra: '<p>Le ministère a réagi à l’essai, « une provocation grave ».</p>', charset: null }), 'windows-1252')));
  r.set('/a/slow', slow(10_000, send(HTML, launchPage({ date: '2034-06-06' }))));
  r.set('/a/huge', huge(60 * 1024 * 1024));
  r.set('/a/loop', status(302, { location: '/a/loop2' }));
  r.set('/a/loop2', status(302, { location: '/a/loop' }));
  r.set('/a/error', status(500));
  r.set('/a/atom1', send(HTML, launchPage({ date: '2034-06-10', site: 'Wonsan' })));
  r.set('/a/site1', send(HTML, launchPage({ date: '2034-06-11', site: 'Sinpo' })));
  config = parseConfig({
    sources: [
      { url: u('/feeds/main.xml'), interval: 1 },
      { url: u('/feeds/broken.xml'), interval: 1 },
      { url: u('/feeds/down.xml'), interval: 1 },
      { url: u('/feeds/atom.xml'), kind: 'feed', interval: 1 },
      { url: u('/sitemap.xml'), kind: 'sitemap', interval: 1 },
    ],
    // Read timeouts well above what a loaded 2-core machine needs to answer a local request, and well below the
    // slow page's 10 s, so only /a/slow times out.
    fetch: { allowLoopback: true, hostDelayMs: 0, timeoutMs: 4000, totalTimeoutMs: 8000, maxBytes: 2 * 1024 * 1024 },
  });
  store = await openStore(dbPath);
});

afterAll(async () => {
  await pool?.close();
  await store?.close();
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const watcher = (): Watcher => new Watcher(store, config, { log: (l) => logs.push(l), prepare: pool.prepare });
const bySource = (reports: PollReport[], path: string): PollReport => reports.find((r) => r.source === u(path)) as PollReport;
const linesAbout = (path: string): string[] => logs.filter((l) => l.includes(`${u(path)}:`) && !/new items?, \d+ stored/.test(l));
const articleCount = async (): Promise<number> => (await store.counts()).articles;

describe('salvo watch', () => {
  it('first poll: ingests what it should and reports each failure once', async () => {
    logs = [];
    const reports = await watcher().pollOnce(0);
    const main = bySource(reports, '/feeds/main.xml');
    expect(main.error).toBeNull();
    expect(main.newItems).toBe(7);
    expect(main.stored).toBe(3);
    const failed = new Map(main.failures.map((f) => [f.url.slice(srv.base.length), f]));
    expect([...failed.keys()].sort()).toEqual(['/a/error', '/a/huge', '/a/loop', '/a/slow']);
    expect(failed.get('/a/slow')).toMatchObject({ final: false, reason: expect.stringMatching(/timed out/) });
    expect(failed.get('/a/huge')).toMatchObject({ final: true, reason: expect.stringMatching(/too large/) });
    expect(failed.get('/a/loop')).toMatchObject({ final: true, reason: expect.stringMatching(/redirect loop/) });
    expect(failed.get('/a/error')).toMatchObject({ final: false, reason: 'HTTP 500 Internal Server Error' });
    expect(bySource(reports, '/feeds/broken.xml').error).toMatch(/malformed XML/);
    expect(bySource(reports, '/feeds/down.xml').error).toBe('HTTP 500 Internal Server Error');
    expect(bySource(reports, '/feeds/atom.xml').stored).toBe(1);
    expect(bySource(reports, '/sitemap.xml').stored).toBe(1);
    expect(await articleCount()).toBe(5);
    expect(srv.hits('/a/never')).toBe(0);

    // Charsets: the wrong header and the missing one both give the right text.
    const texts = await Promise.all((await store.listArticles()).map(async (a) => (await store.getArticle(a.id))?.text ?? ''));
    expect(texts.some((t) => t.includes('Kim Yo-jong’s statement — “firm response” — followed.'))).toBe(true);
    expect(texts.some((t) => t.includes('Le ministère a réagi à l’essai, « une provocation grave ».'))).toBe(true);

    // Each failure: one log line in this poll.
    for (const p of ['/a/slow', '/a/huge', '/a/loop', '/a/error']) expect(logs.filter((l) => l.includes(u(p))), p).toHaveLength(1);
    expect(linesAbout('/feeds/broken.xml')).toHaveLength(1);
    expect(linesAbout('/feeds/down.xml')).toHaveLength(1);

    const sources = new Map((await store.listWatchSources()).map((s) => [s.url, s]));
    expect(sources.get(u('/feeds/main.xml'))).toMatchObject({ itemsSeen: 7, itemsDone: 3, itemsFailed: 2, itemsPending: 2, lastError: expect.stringMatching(/^4 items failed: /) });
    expect(sources.get(u('/feeds/broken.xml'))?.lastError).toMatch(/malformed XML/);
    expect(sources.get(u('/feeds/atom.xml'))).toMatchObject({ lastError: null, itemsSeen: 1, itemsDone: 1 });
    expect(sources.get(u('/feeds/main.xml'))?.lastPoll).toBeTruthy();
  });

  it('second poll: a conditional GET, retries of transient failures only, each failure logged once again', async () => {
    logs = [];
    const hits = { huge: srv.hits('/a/huge'), loop: srv.hits('/a/loop'), slow: srv.hits('/a/slow'), launch: srv.hits('/a/launch1') };
    const reports = await watcher().pollOnce(0);
    const main = bySource(reports, '/feeds/main.xml');
    expect(main.notModified).toBe(true);
    expect(main.failures.map((f) => f.url.slice(srv.base.length)).sort()).toEqual(['/a/error', '/a/slow']);
    expect(srv.hits('/a/huge')).toBe(hits.huge);
    expect(srv.hits('/a/loop')).toBe(hits.loop);
    expect(srv.hits('/a/slow')).toBe(hits.slow + 1);
    expect(srv.hits('/a/launch1')).toBe(hits.launch);
    for (const p of ['/a/slow', '/a/error']) expect(logs.filter((l) => l.includes(u(p))), p).toHaveLength(1);
    expect(linesAbout('/feeds/broken.xml')).toHaveLength(1);
    expect(linesAbout('/feeds/down.xml')).toHaveLength(1);
    expect(await articleCount()).toBe(5);
  });

  it('after a restart: items that come back are not ingested twice, new and recovered ones are', async () => {
    await store.close();
    store = await openStore(dbPath);
    honourEtag = false; // the feed comes back whole, old items and all
    mainItems = ['/a/launch2', ...mainItems];
    srv.routes.set('/a/launch2', send(HTML, launchPage({ date: '2034-06-20', site: 'Sunan' })));
    srv.routes.set('/a/error', send(HTML, launchPage({ date: '2034-06-21', site: 'Kusong' })));
    const before = { launch1: srv.hits('/a/launch1'), atom: srv.hits('/a/atom1'), site: srv.hits('/a/site1') };
    logs = [];
    const reports = await watcher().pollOnce(0);
    const main = bySource(reports, '/feeds/main.xml');
    expect(main.notModified).toBe(false);
    expect(main.newItems).toBe(1);
    expect(main.stored).toBe(2); // launch2 and the page that answered 500 before
    expect(srv.hits('/a/launch1')).toBe(before.launch1);
    expect(srv.hits('/a/atom1')).toBe(before.atom);
    expect(srv.hits('/a/site1')).toBe(before.site);
    expect(srv.hits('/a/launch2')).toBe(1);
    expect(await articleCount()).toBe(7);
    const again = await watcher().pollOnce(0);
    expect(bySource(again, '/feeds/main.xml').stored).toBe(0);
    expect(await articleCount()).toBe(7);
  });

  it('shows the sources in the API', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null, cache: false });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/sources', headers: { host: '127.0.0.1:8080' } });
      expect(r.statusCode).toBe(200);
      const body = r.json<{ sources: { url: string; lastPoll: string | null; lastError: string | null; itemsSeen: number }[] }>();
      expect(body.sources).toHaveLength(5);
      const main = body.sources.find((s) => s.url === u('/feeds/main.xml'));
      expect(main).toMatchObject({ itemsSeen: 8, lastPoll: expect.any(String) });
      expect(body.sources.find((s) => s.url === u('/feeds/down.xml'))?.lastError).toBe('HTTP 500 Internal Server Error');
      const bad = await app.inject({ method: 'GET', url: '/api/sources?foo=1', headers: { host: '127.0.0.1:8080' } });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe('feed parsing', () => {
  it('reads RSS guids and links, Atom alternates with xml:base, sitemaps and sitemap indexes', () => {
    const r = parseFeed('<rss><channel><item><guid>g1</guid><link>/x</link><title><![CDATA[A & B]]></title></item><item><guid isPermaLink="true">http://n.example/y</guid></item></channel></rss>', 'http://n.example/feed');
    expect(r.items).toEqual([
      { key: 'g1', url: 'http://n.example/x', title: 'A & B', published: null },
      { key: 'http://n.example/y', url: 'http://n.example/y', title: null, published: null },
    ]);
    const a = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://n.example/news/"><entry><id>e1</id><link rel="self" href="/self"/><link href="a.html"/></entry></feed>', 'http://n.example/atom');
    expect(a.items[0]).toMatchObject({ key: 'e1', url: 'http://n.example/news/a.html' });
    const si = parseFeed('<sitemapindex><sitemap><loc>/s1.xml</loc><lastmod>2034-01-01</lastmod></sitemap><sitemap><loc>/s2.xml</loc><lastmod>2034-02-01</lastmod></sitemap></sitemapindex>', 'http://n.example/');
    expect(si.sitemaps).toEqual(['http://n.example/s2.xml', 'http://n.example/s1.xml']);
    expect(() => parseFeed('<html><body>no</body></html>', 'http://n.example/')).toThrow(/not an RSS or Atom feed/);
    expect(() => parseFeed('<rss><channel><item>', 'http://n.example/')).toThrow(/malformed XML/);
  });
});

describe('a source\'s last success', () => {
  // A two-paragraph local brief that is not a launch report, written for this test.
  const BRIEF = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library hours</title><meta property="og:title" content="Library hours"></head><body>
    <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
    <article><h1>Library hours</h1><p>The central library will open an hour earlier on weekdays from next month.</p>
    <p>The council said the change follows a survey of more than two thousand readers.</p></article></body></html>`;
  let feedUp = true;
  let own: Store;
  let ownConfig: WatchConfig;

  beforeAll(async () => {
    srv.routes.set('/a/brief', send(HTML, BRIEF));
    srv.routes.set('/a/launch-brief', send(HTML, launchPage({ date: '2034-08-01', km: 380 })));
    srv.routes.set('/feeds/brief.xml', (req, res, body) => {
      if (!feedUp) return status(503)(req, res, body);
      return send('application/rss+xml', rss([{ url: u('/a/brief'), guid: 'brief' }, { url: u('/a/launch-brief'), guid: 'launch-brief' }]))(req, res, body);
    });
    ownConfig = parseConfig({ sources: [{ url: u('/feeds/brief.xml'), interval: 1 }], fetch: config.fetch });
    own = await openStore(join(dir, 'last-success.db'));
  });

  afterAll(async () => {
    await own?.close();
  });

  const source = async () => (await own.listWatchSources()).find((s) => s.url === u('/feeds/brief.xml'));

  it('is set by a successful poll (a short non-launch page is stored, not failed) and kept by a failed one', async () => {
    const first = await new Watcher(own, ownConfig, { log: () => undefined }).pollOnce(0);
    expect(first[0].error).toBeNull();
    expect(first[0].failures).toEqual([]);
    expect(first[0].stored).toBe(2);
    const launches = (await own.listArticlesPage({ limit: 10, offset: 0 })).articles.map((a) => [a.headline, a.isLaunchReport]);
    expect(launches).toContainEqual(['Library hours', false]);
    const ok = await source();
    expect(ok?.lastSuccess).not.toBeNull();
    expect(ok?.lastSuccess).toBe(ok?.lastPoll);
    expect(ok?.lastError).toBeNull();

    feedUp = false;
    await new Promise((r) => setTimeout(r, 5));
    const second = await new Watcher(own, ownConfig, { log: () => undefined }).pollOnce(0);
    expect(second[0].error).toMatch(/503/);
    const failed = await source();
    expect(failed?.lastError).toMatch(/503/);
    expect(failed?.lastPoll).not.toBe(ok?.lastPoll);
    expect(failed?.lastSuccess).toBe(ok?.lastSuccess);
  });
});
