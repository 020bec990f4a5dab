#!/usr/bin/env node
// npm run bench:api — p50/p99 latency of the event list and the event page with 10,000 events and 50,000
// articles stored, under 200 concurrent connections from autocannon on loopback. Not a test: prints figures.
// Options: --events N --articles N --connections N --seconds N --no-cache (answer every request afresh).
// Needs `npm run build` first (uses dist/).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const EVENTS = arg('events', 10_000);
const ARTICLES = arg('articles', 50_000);
const CONNECTIONS = arg('connections', 200);
const SECONDS = arg('seconds', 10);
const CACHE = !process.argv.includes('--no-cache');

// Client mode: the load runs in its own process, so it does not share the server's event loop.
if (process.argv[2] === '--client') {
  const [, , , base, mode, pathsJson] = process.argv;
  const paths = JSON.parse(pathsJson);
  let i = 0;
  const r = await autocannon({
    url: base, connections: CONNECTIONS, duration: SECONDS, timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  process.stdout.write(JSON.stringify({ mode, total: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, bad: r.non2xx + r.errors + r.timeouts }));
  process.exit(0);
}

const { buildServer } = await import('../dist/src/serve/app.js');
const { openStore } = await import('../dist/src/store/open.js');
const { saveWithHistory } = await import('../dist/src/pipeline.js');
const { FIELD_NAMES } = await import('../dist/src/types.js');

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-'));
const store = await openStore(join(dir, 'bench.db'));
const SITES = ['sunan', 'wonsan', 'sinpo', 'tonghae', 'sohae', 'hamhung'];
const CLASSES = ['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise'];

async function fill() {
  const t0 = Date.now();
  const perEvent = Math.max(1, Math.floor(ARTICLES / EVENTS));
  let n = 0;
  for (let e = 0; e < EVENTS; e++) {
    const day = new Date(Date.UTC(1990, 0, 1) + e * 86_400_000 * 1.3).toISOString().slice(0, 10);
    const id = `DPRK-${day}-${e}`;
    const articleIds = [];
    for (let k = 0; k < perEvent && n < ARTICLES; k++, n++) {
      const text = `North Korea fired ${k + 1} ballistic missiles from the ${SITES[e % SITES.length]} area on ${day}, the Joint Chiefs of Staff said.\n\nThe missiles flew about ${300 + (e % 700)} km toward the East Sea. Report ${n}.`;
      const aid = n.toString(16).padStart(64, '0');
      const sentence = text.slice(0, text.indexOf('\n'));
      const claim = (field, value, idx) => ({
        field, value, surface: String(value),
        evidence: { articleId: aid, part: 'text', span: { start: 0, end: 10 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
        attribution: 'jcs', saidBy: "South Korea's Joint Chiefs of Staff", confidence: 0.8, parser: 'bench', implied: false, idx,
      });
      const claims = [claim('date_local', day), claim('site', SITES[e % SITES.length]), claim('class', CLASSES[e % CLASSES.length]), claim('distance_km', 300 + (e % 700))];
      const article = {
        id: aid, externalId: null, origin: `bench/${n}.txt`, format: 'text', url: `https://news.example.org/${n}`, source: 'news.example.org',
        published: { date: day, instant: null, via: 'record' }, title: `Missile launch report ${n}`, text,
        paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: sentence.length }], removed: [],
      };
      const extraction = {
        articleId: aid, isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims,
        fields: Object.fromEntries(claims.map((c) => [c.field, c])), weekday: null,
      };
      articleIds.push(aid);
      const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, { value: null, candidates: [], disputed: false }]));
      claims.forEach((c, i) => {
        fields[c.field] = { value: c.value, candidates: [{ value: c.value, support: articleIds.map((a) => ({ articleId: a, claimIndex: i, confidence: 0.8 })) }], disputed: false };
      });
      const events = [{ id, actor: 'DPRK', dateLocal: day, weekday: null, articleIds: [...articleIds], fields }];
      await saveWithHistory(store, { article, extraction, events, sources: {}, at: new Date().toISOString() });
    }
  }
  return { seconds: (Date.now() - t0) / 1000, ...(await store.counts()) };
}

const filled = await fill();
console.log(`stored ${filled.events} events and ${filled.articles} articles in ${filled.seconds.toFixed(1)} s`);
const app = await buildServer({ store, host: '127.0.0.1', webRoot: null, cache: CACHE });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const sample = (await store.queryEvents({ limit: 200, offset: Math.floor(EVENTS / 3) })).events.map((e) => e.event.id);

function run(title, paths) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1], '--client', base, title, JSON.stringify(paths), '--connections', String(CONNECTIONS), '--seconds', String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const r = JSON.parse(out);
      console.log(`${title.padEnd(34)} ${String(r.total).padStart(7)} requests  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p90 ${r.p90} ms  p99 ${r.p99} ms  max ${r.max} ms${r.bad ? `  (${r.bad} failed)` : ''}`);
      resolve(r);
    });
  });
}

console.log(`${CONNECTIONS} connections, ${SECONDS} s each, response cache ${CACHE ? 'on' : 'off'}:`);
const filtered = Array.from({ length: 300 }, (_, i) => `/api/events?class=${CLASSES[i % 6]}&offset=${(i % 50) * 50}`);
const results = [
  await run('GET /api/events (first page)', ['/api/events']),
  await run('GET /api/events (300 filtered pages)', filtered),
  await run('GET /api/events/:id (200 events)', sample.map((id) => `/api/events/${encodeURIComponent(id)}`)),
];
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
const worst = Math.max(...results.map((r) => r.p99));
console.log(`worst p99: ${worst} ms`);
