// `kill -9` of a watcher in the middle of a job, ROUNDS times, on PostgreSQL. Per round, in a schema of its
// own (dropped after): a loopback server lists ITEMS launch pages in a feed; watcher A starts, and the moment
// it asks for the middle page (which never answers A) it is killed with SIGKILL; watcher B starts and must
// take over A's leased jobs once their lease (LEASE_MS) ran out and finish. Prints one line per round:
//   stored articles, events, fetch jobs done, fetches of the page A died on, most fetches of any other page,
//   attempts of the job A died in, and ok (every item stored once, each other page fetched once, A's job done
//   once, by B).
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test node scripts/pg-watch-kill.mjs [rounds=20]  (after a build)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresStore } from '../dist/src/store/postgres/store.js';
import { CLI, ROOT } from './built-cli.mjs';
import { Schemas } from './pg-schemas.mjs';

const PG_URL = process.env.SALVO_TEST_PG;
if (!PG_URL) throw new Error('set SALVO_TEST_PG=postgres://…');
const ROUNDS = Number(process.argv[2] ?? 20);
const ITEMS = 5;
const STUCK = 2; // the item A dies on (0-based)
const LEASE_MS = 1500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A launch page of our own wording, one launch per item (40 days apart, so each is its own event). */
function page(i) {
  const d = new Date(Date.UTC(2033, 0, 5) + i * 40 * 86_400_000).toISOString().slice(0, 10);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Missile launch ${i}</title>
<meta property="article:published_time" content="${d}T09:00:00+09:00"></head><body><article><h1>North Korea launches a missile (${i})</h1>
<p>North Korea launched a ballistic missile from the Sinpo area on ${d}, South Korea's Joint Chiefs of Staff said.</p>
<p>The missile flew about ${400 + i * 10} km before falling into the sea, officials added.</p></article></body></html>`;
}

async function server() {
  const hits = new Map();
  let onStuck = () => undefined;
  const srv = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>t${i}</title><link>${base}/a/${i}</link><guid>item-${i}</guid></item>`).reverse();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>${items.join('')}</channel></rss>`);
      return;
    }
    const m = /^\/a\/(\d+)$/.exec(path);
    if (!m) return void res.writeHead(404).end();
    // The stuck page never answers its first caller (A, killed meanwhile); later calls get the page.
    if (Number(m[1]) === STUCK && hits.get(path) === 1) return void onStuck();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${srv.address().port}`;
  return { base, hits, whenStuck: new Promise((r) => (onStuck = r)), close: () => (srv.closeAllConnections(), new Promise((r) => srv.close(r))) };
}

const schemas = new Schemas(PG_URL);

const watcher = (url, config) => spawn(process.execPath, [CLI, '--db', url, 'watch', '--config', config], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });

export async function round() {
  const srv = await server();
  const { url, drop } = await schemas.fresh('salvo_kill');
  const dir = mkdtempSync(join(tmpdir(), 'salvo-kill-'));
  const config = join(dir, 'salvo.config.json');
  writeFileSync(config, JSON.stringify({
    sources: [{ url: `${srv.base}/feed.xml`, interval: 0.2 }],
    fetch: { allowLoopback: true, hostDelayMs: 0, timeoutMs: 30_000, robots: false },
    jobs: { leaseMs: LEASE_MS, retryBackoffMs: 200 },
  }));
  await (await PostgresStore.open(url)).close(); // schema migrated before the workers start, as `salvo db migrate` would
  const a = watcher(url, config);
  let b = null;
  const store = await PostgresStore.open(url);
  try {
    let timer;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('A never reached the stuck page')), 30_000)));
    await Promise.race([srv.whenStuck, late]).finally(() => clearTimeout(timer));
    a.kill('SIGKILL');
    b = watcher(url, config);
    const until = Date.now() + 60_000;
    while ((await store.counts()).articles < ITEMS && Date.now() < until) await sleep(100);
    await sleep(500); // anything B would still (wrongly) do twice happens now
    const counts = await store.counts();
    const jobs = (await store.rawTransaction((tx) => tx.query("SELECT key, status, attempts FROM jobs WHERE kind = 'fetch' ORDER BY key"))).rows;
    const items = await store.listWatchSources();
    const stuckHits = srv.hits.get(`/a/${STUCK}`) ?? 0;
    const otherHits = Math.max(...Array.from({ length: ITEMS }, (_, i) => (i === STUCK ? 0 : (srv.hits.get(`/a/${i}`) ?? 0))));
    const stuckJob = jobs.find((j) => j.key.endsWith(`item-${STUCK}`));
    const done = jobs.filter((j) => j.status === 'done').length;
    const ok = counts.articles === ITEMS && counts.events === ITEMS && done === ITEMS && jobs.length === ITEMS && stuckHits === 2 && otherHits === 1 && stuckJob?.attempts === 2 && items[0].itemsDone === ITEMS;
    return { articles: counts.articles, events: counts.events, jobsDone: done, stuckFetches: stuckHits, otherFetchesMax: otherHits, stuckJobAttempts: stuckJob?.attempts ?? 0, ok };
  } finally {
    a.kill('SIGKILL');
    if (b) {
      b.kill('SIGTERM');
      await new Promise((r) => (b.exitCode !== null ? r() : b.once('exit', r)));
    }
    await store.close();
    await srv.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let good = 0;
  for (let i = 1; i <= ROUNDS; i++) {
    const r = await round();
    if (r.ok) good++;
    console.log(`round ${i}: articles ${r.articles}, events ${r.events}, fetch jobs done ${r.jobsDone}, fetches of the page A died on ${r.stuckFetches}, most fetches of another page ${r.otherFetchesMax}, attempts of A's job ${r.stuckJobAttempts}: ${r.ok ? 'ok' : 'WRONG'}`);
  }
  console.log(`${good}/${ROUNDS} rounds ok`);
  process.exitCode = good === ROUNDS ? 0 : 1;
}
