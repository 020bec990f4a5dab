// The HTTP API, route by route, through fastify's inject (no socket): good answers, bad parameters (400 with
// the reason), unknown ids (404), write protection, body limits and security headers. Reports are the
// made-up e2e fixtures, added through the API itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, isLoopback, startProblem } from '../src/serve/app.js';
import { csvCell } from '../src/app/outputs/csv.js';
import { launchMoment } from '../src/app/launch-time.js';
import { openStore } from '../src/store/open.js';
import { ftsQuery } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import { ROOT } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'e2e');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const HOST = { host: '127.0.0.1:8080' };

let store: Store;
let app: FastifyInstance;

interface Json {
  [k: string]: unknown;
}
async function get(url: string): Promise<{ status: number; body: Json; raw: string; headers: Record<string, unknown> }> {
  const r = await app.inject({ method: 'GET', url, headers: HOST });
  let body: Json = {};
  try {
    body = r.json();
  } catch {
    body = {};
  }
  return { status: r.statusCode, body, raw: r.body, headers: r.headers };
}

/** Multipart body with the given files in the field "files". */
function multipart(files: { name: string; content: string | Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----salvotest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { ...HOST, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  store = await openStore(':memory:');
  app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
  const files = ['a-wire.txt', 'b-record.json', 'c-page.html', 'd-newsplease.json', 'e-pair.jsonl'].map((name) => ({ name, content: fixture(name) }));
  const r = await app.inject({ method: 'POST', url: '/api/ingest/files', ...multipart(files) });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toMatchObject({ stored: 6, duplicates: 0, failed: 0 });
});

afterAll(async () => {
  await app?.close();
  store?.close();
});

describe('GET /api/events', () => {
  it('lists the events newest first with their key fields', async () => {
    const r = await get('/api/events');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const events = r.body.events as Json[];
    expect(events.map((e) => e.id)).toEqual(['DPRK-2034-06-02', 'DPRK-2034-05-16']);
    expect(events[1]).toMatchObject({ dateLocal: '2034-05-16', timeLocal: '06:10', site: 'wonsan', distanceKm: 780, reports: 2 });
  });

  it('filters by year range, class, site and actor, and pages', async () => {
    expect((await get('/api/events?from=2034-06&to=2034')).body.total).toBe(1);
    expect((await get('/api/events?from=2035')).body.total).toBe(0);
    expect((await get('/api/events?site=wonsan')).body.total).toBe(1);
    expect((await get('/api/events?actor=DPRK&order=asc&limit=1')).body).toMatchObject({ total: 2, limit: 1, events: [{ id: 'DPRK-2034-05-16' }] });
    expect((await get('/api/events?offset=1')).body.events).toHaveLength(1);
    const srbm = (await get('/api/events?class=SRBM')).body.events as Json[];
    expect(srbm.map((e) => e.id)).toEqual(['DPRK-2034-06-02']);
  });

  it.each([
    ['/api/events?limit=0', /limit must be >= 1/],
    ['/api/events?limit=501', /limit must be <= 500/],
    ['/api/events?limit=ten', /limit must be integer/],
    ['/api/events?offset=-1', /offset must be >= 0/],
    ['/api/events?from=last%20year', /from must match pattern/],
    ['/api/events?class=rocket', /class must be equal to one of the allowed values/],
    ['/api/events?order=up', /order must be equal to one of the allowed values/],
    ['/api/events?colour=red', /additional properties: "colour"/],
    ['/api/events?from=2035&to=2030', /from \(2035\) is after to \(2030\)/],
  ])('400 with the reason for %s', async (url, reason) => {
    const r = await get(url);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(r.body.message).toMatch(reason);
  });
});

describe('GET /api/events/:id', () => {
  it('gives every field with value, confidence, support and the quoted sentences', async () => {
    const r = await get('/api/events/DPRK-2034-05-16');
    expect(r.status).toBe(200);
    const overview = r.body.overview as Json[];
    expect(overview.map((f) => f.field)).toContain('distance_km');
    expect(overview.find((f) => f.field === 'distance_km')).toMatchObject({ value: 780, reports: expect.any(Number), confidence: expect.any(Number) });
    const fields = r.body.fields as Record<string, { candidates: { claims: Json[] }[] }>;
    const claim = fields.distance_km.candidates[0].claims[0];
    expect(claim.sentence).toContain('travelled roughly 780 kilometers');
    expect(claim).toHaveProperty('outlet');
    expect(claim).toHaveProperty('saidBy');
    expect((r.body.articles as Json[]).length).toBe(2);
  });

  it('estimates the impact point from the site, a bearing and the distance', async () => {
    const impact = (await get('/api/events/DPRK-2034-05-16')).body.impact as Json;
    expect(impact).toMatchObject({ site: { key: 'wonsan' }, distance: { km: 780, from: 'report' } });
    const point = impact.point as { lat: number; lon: number };
    expect(point.lon).toBeGreaterThan(130); // east of Wonsan, over the East Sea
    expect((impact.region as unknown[]).length).toBeGreaterThan(4);
  });

  it('takes a unique prefix; 404 for unknown ids, 400 for malformed ones', async () => {
    expect((await get('/api/events/DPRK-2034-05')).body.id).toBe('DPRK-2034-05-16');
    const missing = await get('/api/events/DPRK-1999-01-01');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('no event with id DPRK-1999-01-01');
    const bad = await get(`/api/events/${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/params\/id must match pattern/);
  });

  it('GET /api/events/:id/history lists the versions with what changed; the event page carries them too', async () => {
    const r = await get('/api/events/DPRK-2034-05-16/history');
    expect(r.status).toBe(200);
    const versions = r.body.versions as { version: number; changes: { field: string; to: unknown }[] }[];
    expect(versions[0].version).toBe(1);
    expect(versions[0].changes.some((c) => c.field === 'dateLocal' && c.to === '2034-05-16')).toBe(true);
    expect((await get('/api/events/DPRK-2034-05-16')).body.history).toEqual(versions);
    expect((await get('/api/events/DPRK-1999-01-01/history')).status).toBe(404);
  });
});

describe('GET /api/stats', () => {
  it('counts events per year and month by class', async () => {
    const years = (await get('/api/stats')).body.counts as { period: string; class: string | null; count: number }[];
    expect(years.every((c) => c.period === '2034')).toBe(true);
    expect(years.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(years.find((c) => c.class === 'SRBM')?.count).toBe(1);
    expect(((await get('/api/stats?by=month')).body.counts as Json[]).map((c) => c.period).sort()).toEqual(['2034-05', '2034-06']);
    expect((await get('/api/stats?by=week')).status).toBe(400);
  });
});

describe('articles and search', () => {
  it('GET /api/articles pages articles newest first, launch reports or others', async () => {
    const all = await get('/api/articles');
    expect(all.body.total).toBe(6);
    expect((await get('/api/articles?launch=true')).body.total).toBe(4);
    expect((await get('/api/articles?launch=false&limit=1')).body).toMatchObject({ total: 2, articles: [expect.objectContaining({ isLaunchReport: false })] });
    expect((await get('/api/articles?launch=maybe')).status).toBe(400);
    expect((await get('/api/articles?limit=1000')).status).toBe(400);
  });

  it('GET /api/articles/:id has the text, every span and the dropped boilerplate', async () => {
    const list = (await get('/api/articles?launch=true&limit=50')).body.articles as Json[];
    const wire = list.find((a) => String(a.origin).endsWith('a-wire.txt'));
    expect(wire).toBeDefined();
    const r = await get(`/api/articles/${String(wire?.id)}`);
    expect(r.status).toBe(200);
    const text = r.body.text as string;
    const spans = r.body.spans as { field: string; part: string; start: number; end: number }[];
    const distance = spans.find((s) => s.field === 'distance_km' && s.part === 'text');
    expect(distance && text.slice(distance.start, distance.end)).toMatch(/780 kilometers/);
    expect(r.body.eventId).toBe('DPRK-2034-05-16');
    expect(Array.isArray(r.body.removed)).toBe(true);
    expect((await get(`/api/articles/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get('/api/articles/xyz')).status).toBe(400);
  });

  it('GET /api/search finds words and phrases, with matched pieces marked', async () => {
    const r = await get('/api/search?q=Hamhung');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThanOrEqual(1);
    const first = (r.body.results as { snippet: { text: string; match: boolean }[] }[])[0];
    expect(first.snippet.some((p) => p.match && /hamhung/i.test(p.text))).toBe(true);
    expect((await get('/api/search?q=%22Joint%20Chiefs%22')).body.total).toBeGreaterThan(0);
    expect((await get('/api/search?q=Wons')).body.total).toBeGreaterThan(0); // prefix
    expect((await get('/api/search?q=AND%20OR%20NEAR(%22')).status).toBe(200); // never an FTS syntax error
    expect((await get('/api/search?q=zzzqqq')).body).toMatchObject({ total: 0, estimated: false });
    expect((await get('/api/search')).body.message).toMatch(/must have required property 'q'/);
    expect((await get('/api/search?q=')).status).toBe(400);
  });

  it('ftsQuery quotes words and keeps phrases', () => {
    expect(ftsQuery('Hwasong-18 "East Sea" launch')).toBe('"Hwasong 18" "East Sea" "launch"*');
    expect(ftsQuery('*** ()')).toBeNull();
  });
});

describe('exports', () => {
  it('CSV: one row per event, the local date and time with their clock beside the UTC date and time', async () => {
    const r = await get('/api/events.csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(r.raw, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    // 06:10 KST is 21:10 UTC the day before: the UTC time stands beside the UTC date, never the local one.
    expect(rows[0]).toMatchObject({ 'date (local)': '2034-05-16', 'time (local)': '06:10', 'time zone': 'KST', 'date (UTC)': '2034-05-15', 'time (UTC)': '21:10' });
    expect((await get('/api/events.csv?limit=abc')).status).toBe(400);
  });

  it('GeoJSON has a feature per event with the impact geometry', async () => {
    const r = await get('/api/events.geojson');
    expect(r.headers['content-type']).toMatch(/geo\+json/);
    const features = r.body.features as { geometry: { type: string } | null; properties: Json }[];
    expect(features).toHaveLength(2);
    expect(features.some((f) => f.geometry?.type === 'GeometryCollection')).toBe(true);
  });

  it('Atom feed has an entry per event, and the alerts', async () => {
    const r = await get('/api/events.atom');
    expect(r.headers['content-type']).toMatch(/atom\+xml/);
    expect(r.raw.match(/<id>[^<]*\/api\/events\/[^<]*<\/id>/g)).toHaveLength(2);
    expect(r.raw.match(/<id>urn:salvo:alert:[^<]*#1<\/id>/g)).toHaveLength(2);
    expect(r.raw).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });
});

describe('reference data, status and OpenAPI', () => {
  it('GET /api/reference has the 339 CNS/NTI launches with attribution', async () => {
    const r = await get('/api/reference');
    expect((r.body.launches as unknown[]).length).toBe(339);
    expect(r.body.attribution).toMatch(/CNS.*nagix\/nk-missile-tests/);
    expect((await get('/api/reference?x=1')).status).toBe(200); // no parameters to validate: extras ignored
  });

  it('GET /api/sites and /api/status', async () => {
    expect(((await get('/api/sites')).body.sites as Json[]).find((s) => s.key === 'wonsan')).toMatchObject({ lat: expect.any(Number) });
    expect((await get('/api/status')).body).toMatchObject({ events: 2, articles: 6, writeNeedsToken: false });
  });

  it('GET /api/openapi.json describes every route; /api/docs leads to the docs page', async () => {
    const doc = (await get('/api/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/events', '/api/events/{id}', '/api/articles', '/api/articles/{id}', '/api/search', '/api/ingest', '/api/ingest/files', '/api/events.csv', '/api/events.geojson', '/api/events.atom']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    const r = await app.inject({ method: 'GET', url: '/api/docs', headers: HOST });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/#/docs');
  });

  it('unknown routes are 404 JSON; the web app answers 503 when not built', async () => {
    const r = await get('/api/nothing');
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('no such route: GET /api/nothing');
    expect((await get('/')).status).toBe(503);
  });
});

describe('POST /api/ingest', () => {
  const report =
    'North Korea fires missile northeast\n\nSEOUL, April 2, 2036 - North Korea fired a ballistic missile northeast from the Wonsan area on Wednesday, South Korea\'s Joint Chiefs of Staff said. It flew about 800 km.';

  it('stores pasted text, creates its event, and says so; the same text again is a duplicate', async () => {
    const post = () => app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: report } });
    const r = await post();
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ stored: 1, results: [{ status: 'stored', eventId: 'DPRK-2036-04-02', isLaunchReport: true }] });
    expect((await get('/api/events/DPRK-2036-04-02')).body.impact).toMatchObject({ bearing: { deg: 45, from: 'text' } });
    expect((await post()).json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await get('/api/events')).body.total).toBe(3); // cached answers follow the new data
  });

  it('takes JSON records and HTML; reports a bad record with its reason', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: '[{"text":"A drill was held."}, {"nope":1}]' } });
    expect(r.json()).toMatchObject({ stored: 1, failed: 1, results: [{ status: 'stored' }, { status: 'failed', reason: expect.stringMatching(/neither a corpus record/) }] });
    const h = await app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: '<html><body><article><p>The ministers met in Tokyo on Monday to discuss trade and fisheries.</p></article></body></html>' } });
    expect(h.statusCode).toBe(200);
  });

  it.each([
    [{}, /body must have required property 'text'/],
    [{ text: '' }, /text must NOT have fewer than 1 characters/],
    [{ text: 'x', format: 'pdf' }, /format must be equal to one of the allowed values/],
    [{ text: 'x', url: 'javascript:alert(1)' }, /url must match pattern/],
    [{ text: 'x', extra: 1 }, /additional properties: "extra"/],
  ])('400 for a bad body %j', async (payload, reason) => {
    const r = await app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(reason);
  });

  it('refuses bodies over 5 MB (413), cross-site requests (403) and wrong Host names (421)', async () => {
    const big = await app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: 'x'.repeat(5 * 1024 * 1024 + 10) } });
    expect(big.statusCode).toBe(413);
    const cross = await app.inject({ method: 'POST', url: '/api/ingest', headers: { ...HOST, origin: 'https://evil.example' }, payload: { text: report } });
    expect(cross.statusCode).toBe(403);
    const fetchSite = await app.inject({ method: 'POST', url: '/api/ingest', headers: { ...HOST, 'sec-fetch-site': 'cross-site' }, payload: { text: report } });
    expect(fetchSite.statusCode).toBe(403);
    const rebinding = await app.inject({ method: 'GET', url: '/api/events', headers: { host: 'attacker.example:8080' } });
    expect(rebinding.statusCode).toBe(421);
  });

  it('POST /api/ingest/files reports unsupported and empty files; needs multipart', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/ingest/files', ...multipart([{ name: 'notes.pdf', content: '%PDF' }, { name: 'empty.txt', content: '' }]) });
    expect(r.json()).toMatchObject({
      stored: 0,
      failed: 2,
      results: [
        { origin: 'upload:notes.pdf', reason: 'not a supported format (.pdf)' },
        { origin: 'upload:empty.txt', reason: 'empty file' },
      ],
    });
    const notMultipart = await app.inject({ method: 'POST', url: '/api/ingest/files', headers: HOST, payload: { text: 'x' } });
    expect(notMultipart.statusCode).toBe(400);
    const none = await app.inject({ method: 'POST', url: '/api/ingest/files', ...multipart([]) });
    expect(none.statusCode).toBe(400);
  });
});

describe('security headers', () => {
  it('every answer has CSP without inline scripts, nosniff, referrer policy and no framing', async () => {
    for (const url of ['/api/events', '/api/nothing', '/api/events?limit=0']) {
      const h = (await get(url)).headers;
      expect(h['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(h['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-frame-options']).toBe('DENY');
    }
  });
});

describe('beyond localhost', () => {
  it('refuses to start without SALVO_TOKEN', async () => {
    expect(startProblem('0.0.0.0', null)).toMatch(/refusing to listen on 0.0.0.0 without SALVO_TOKEN/);
    expect(startProblem('127.0.0.1', null)).toBeNull();
    await expect(buildServer({ store, host: '0.0.0.0', webRoot: null })).rejects.toThrow(/SALVO_TOKEN/);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.5')).toBe(false);
  });

  it('write routes need the bearer token; reads do not', async () => {
    const token = 'a-long-enough-test-token-1234';
    const open = await buildServer({ store, host: '0.0.0.0', token, webRoot: null });
    try {
      const h = { host: 'salvo.example:8080' };
      expect((await open.inject({ method: 'GET', url: '/api/events', headers: h })).statusCode).toBe(200);
      const none = await open.inject({ method: 'POST', url: '/api/ingest', headers: h, payload: { text: 'x' } });
      expect(none.statusCode).toBe(401);
      expect(none.json().message).toMatch(/needs the token/);
      const wrong = await open.inject({ method: 'POST', url: '/api/ingest', headers: { ...h, authorization: 'Bearer nope' }, payload: { text: 'x' } });
      expect(wrong.statusCode).toBe(401);
      const right = await open.inject({ method: 'POST', url: '/api/ingest', headers: { ...h, authorization: `Bearer ${token}` }, payload: { text: 'A quiet day in Seoul with no news at all.' } });
      expect(right.statusCode).toBe(200);
      expect((await open.inject({ method: 'GET', url: '/api/status', headers: h })).json().writeNeedsToken).toBe(true);
    } finally {
      await open.close();
    }
  });
});

describe('helpers', () => {
  it('UTC time and CSV cells', () => {
    expect(launchMoment('DPRK', '2034-05-16', '06:10')).toMatchObject({ dateUtc: '2034-05-15', timeUtc: '21:10', zone: 'KST' });
    // Stored times are on the reporting clock (KST), also in the years Pyongyang kept UTC+8:30.
    expect(launchMoment('DPRK', '2016-05-16', '06:10')).toMatchObject({ dateUtc: '2016-05-15', timeUtc: '21:10', zone: 'KST' });
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-5)).toBe('-5');
  });
});
