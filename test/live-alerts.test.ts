// Alerts end to end on loopback: a feed item makes a new event, a later item changes a value; a webhook
// receiver gets exactly one signed alert for each, a receiver that fails twice gets it on the third try,
// nothing is sent twice (not on a later poll, not after a restart), and the Atom feed carries the same entries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/live/alerts.js';
import { parseConfig, type WatchConfig } from '../src/live/config.js';
import { Watcher } from '../src/live/watch.js';
import { buildServer } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { AlertPayload, Store } from '../src/store/store.js';
import { launchPage, rss, send, startLoopback, type Loopback } from './helpers/loopback.js';

const SECRET = 'test-secret-one';
const FLAKY_SECRET = 'test-secret-two';
let srv: Loopback;
let dir: string;
let store: Store;
let config: WatchConfig;
let items: string[] = [];
const received: { hook: string; body: string; signature: string | undefined; attempt: string | undefined }[] = [];
let flakyCalls = 0;

const pageB = `<!doctype html><html><head><meta charset="utf-8"><title>Japan says North Korean missile flew 780 km</title>
<meta property="article:published_time" content="2034-08-01T15:00:00+09:00"></head><body><article>
<h1>Japan says North Korean missile flew 780 km</h1>
<p>The ballistic missile that North Korea fired from the Wonsan area on 2034-08-01 flew about 780 km, Japan's Ministry of Defense said in an update on Tuesday afternoon.</p>
<p>Tokyo lodged a protest through diplomatic channels in Beijing, the ministry added, calling the launch a threat to regional peace.</p>
</article></body></html>`;

beforeAll(async () => {
  srv = await startLoopback();
  dir = mkdtempSync(join(tmpdir(), 'salvo-alerts-'));
  store = await openStore(join(dir, 'salvo.db'));
  srv.routes.set('/robots.txt', send('text/plain', 'User-agent: *\nAllow: /\n'));
  srv.routes.set('/feed.xml', (req, res, body) => send('application/rss+xml', rss(items.map((p) => ({ url: `${srv.base}${p}`, guid: p }))))(req, res, body));
  srv.routes.set('/a/first', send('text/html; charset=utf-8', launchPage({ date: '2034-08-01', site: 'Wonsan', count: 'a ballistic missile' })));
  srv.routes.set('/a/update', send('text/html; charset=utf-8', pageB));
  srv.routes.set('/hook', (req, res, body) => {
    received.push({ hook: 'hook', body: body.toString('utf8'), signature: req.headers['x-salvo-signature'] as string | undefined, attempt: req.headers['x-salvo-attempt'] as string | undefined });
    res.writeHead(204).end();
  });
  srv.routes.set('/flaky', (req, res, body) => {
    flakyCalls++;
    if (flakyCalls % 3 !== 0) {
      res.writeHead(500).end();
      return;
    }
    received.push({ hook: 'flaky', body: body.toString('utf8'), signature: req.headers['x-salvo-signature'] as string | undefined, attempt: req.headers['x-salvo-attempt'] as string | undefined });
    res.writeHead(200).end('ok');
  });
  config = parseConfig({
    sources: [{ url: `${srv.base}/feed.xml`, interval: 1 }],
    webhooks: [{ url: `${srv.base}/hook`, secret: SECRET }, { url: `${srv.base}/flaky`, secretEnv: 'FLAKY_SECRET' }],
    fetch: { allowLoopback: true, hostDelayMs: 0, timeoutMs: 2000 },
    alerts: { backoffMs: 50, maxAttempts: 5, timeoutMs: 2000 },
  }, { FLAKY_SECRET });
});

afterAll(async () => {
  await store?.close();
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const watcher = (): Watcher => new Watcher(store, config, { log: () => {} });
const payloads = (hook: string): AlertPayload[] => received.filter((r) => r.hook === hook).map((r) => JSON.parse(r.body) as AlertPayload);

describe('alerts', () => {
  it('one signed alert for a new event; a receiver failing twice gets it on the third try', async () => {
    items = ['/a/first'];
    await watcher().pollOnce(5000);
    const got = payloads('hook');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'new-event', eventId: 'DPRK-2034-08-01', version: 1 });
    expect(got[0].title).toMatch(/^New event: DPRK launch on 2034-08-01/);
    expect(got[0].event.fields.site).toBeTruthy();
    const r = received.find((x) => x.hook === 'hook');
    expect(r && verifySignature(r.body, SECRET, r.signature)).toBe(true);
    expect(r && verifySignature(r.body, 'wrong-secret', r.signature)).toBe(false);

    expect(flakyCalls).toBe(3);
    const flaky = received.filter((x) => x.hook === 'flaky');
    expect(flaky).toHaveLength(1);
    expect(flaky[0].attempt).toBe('3');
    expect(verifySignature(flaky[0].body, FLAKY_SECRET, flaky[0].signature)).toBe(true);
    expect(await store.listDeliveries(`${srv.base}/flaky`)).toEqual([
      expect.objectContaining({ alertId: 'DPRK-2034-08-01#1', status: 'delivered', attempts: 3, lastError: null }),
    ]);
  });

  it('one alert for a change, and nothing twice: not on the next poll, not after a restart', async () => {
    items = ['/a/update', '/a/first'];
    await watcher().pollOnce(5000);
    const got = payloads('hook');
    expect(got.map((p) => p.kind)).toEqual(['new-event', 'field-changed']);
    expect(got[1]).toMatchObject({ eventId: 'DPRK-2034-08-01', version: 2 });
    expect(got[1].changes.map((c) => c.field)).toContain('distance_km');
    expect(got[1].changes.find((c) => c.field === 'distance_km')?.to).toBe(780);
    expect(payloads('flaky').map((p) => p.id)).toEqual(got.map((p) => p.id));

    const before = received.length;
    await watcher().pollOnce(5000);
    await store.close();
    store = await openStore(join(dir, 'salvo.db'));
    await watcher().pollOnce(5000);
    expect(received.length).toBe(before);
    expect((await store.listDeliveries()).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('the Atom feed carries the same alerts', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null, cache: false });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/events.atom', headers: { host: '127.0.0.1:8080' } });
      expect(r.statusCode).toBe(200);
      for (const p of payloads('hook')) {
        expect(r.body).toContain(`<id>urn:salvo:alert:${p.id}</id>`);
        expect(r.body).toContain(`<category term="${p.kind}"/>`);
      }
      expect(r.body.match(/<entry>/g)?.length).toBe(3); // two alerts, one event
    } finally {
      await app.close();
    }
  });
});

describe('alert delivery', () => {
  it('overlapping delivery runs send nothing twice', async () => {
    items = ['/a/third', '/a/update', '/a/first'];
    srv.routes.set('/a/third', send('text/html; charset=utf-8', launchPage({ date: '2034-08-20', site: 'Sunan' })));
    const w = watcher();
    const before = received.filter((r) => r.hook === 'hook').length;
    await w.pollSource((await store.listWatchSources())[0]);
    await w.alerts.enqueue();
    await Promise.all([w.alerts.deliverDue(), w.alerts.deliverDue(), w.deliverAlerts()]);
    expect(received.filter((r) => r.hook === 'hook').length).toBe(before + 1);
  });
});
