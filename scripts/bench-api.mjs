#!/usr/bin/env node
// npm run bench:api — latency of the API on a large database (100,000 articles by default: the synthetic
// firehose of scripts/firehose.mjs, launch reports grouped into events by the real ingest path, syndicated
// copies; built once by scripts/api-database.mjs and kept under the temporary folder, keyed by its options).
// Per endpoint — the event page, the CSV of 100 events, a page of the event list, a search for a common word —
// it prints, uncached (every answer made afresh, as after each write to a watched database) and cached: one
// connection's p50/p99 (one request at a time) with the server's CPU per request, then p50/p99 and requests per
// second under `--connections` concurrent connections from autocannon in another process. Not a test: prints
// figures (wall times are inflated on a loaded machine; the CPU per request is the steadier figure).
// Then searches in Korean and Japanese on a database of such articles alone (the firehose has none:
// cjkBenchDatabase, --cjk-articles N, 0 skips it): a common and a rare word of one and of two characters, uncached.
// Options: --articles N --launch-share F --reports-per-launch N --copy-share F --seed N (the database);
//          --connections N --seconds N (the concurrent run; --connections 0 skips it) --requests N (one connection);
//          --cjk-only (the Korean and Japanese searches alone).
// Needs `npm run build` first (uses dist/).
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CONNECTIONS = arg('connections', 50);
const SECONDS = arg('seconds', 5);
const REQUESTS = arg('requests', 200);

// Client mode: the load runs in its own process, so it does not share the server's event loop.
if (process.argv[2] === '--client') {
  const [, , , base, pathsJson, connections, amountOrSeconds, by] = process.argv;
  const paths = JSON.parse(pathsJson);
  let i = 0;
  const r = await autocannon({
    url: base, connections: Number(connections), timeout: 60,
    ...(by === 'amount' ? { amount: Number(amountOrSeconds) } : { duration: Number(amountOrSeconds) }),
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  process.stdout.write(JSON.stringify({ total: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts }));
  process.exit(0);
}

const { benchDatabase, cjkBenchDatabase } = await import('./api-database.mjs');
const { buildServer } = await import('../dist/src/serve/app.js');
const { openStore } = await import('../dist/src/store/open.js');

const options = {
  articles: arg('articles', 100_000),
  launchShare: arg('launch-share', 0.02),
  reportsPerLaunch: arg('reports-per-launch', 6),
  copyShare: arg('copy-share', 0.1),
  seed: arg('seed', 7),
};
const CJK_ARTICLES = arg('cjk-articles', 100_000);
const CJK_ONLY = process.argv.includes('--cjk-only');
if (CJK_ONLY) await cjkSearches();

const db = await benchDatabase(options, console.log);
console.log(db.built === null ? `database reused: ${db.path}` : `database built in ${db.built.toFixed(0)} s: ${db.path}`);
const store = await openStore(db.path);
const counts = await store.counts();
const all = (await store.queryEvents({ limit: 100_000, offset: 0 })).events;
const reports = all.map((e) => e.event.articleIds.length).sort((a, b) => a - b);
console.log(`${counts.articles} articles, ${counts.events} events, reports per event: median ${reports[reports.length >> 1]}, max ${reports.at(-1)}, ${(await store.copyLinks()).length} copy links`);

/** The request paths of each endpoint, cycled through. */
const ids = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 200)) === 0).map((e) => e.event.id);
const csvPages = Math.max(1, Math.ceil(all.length / 100));
const ENDPOINTS = [
  { name: 'event page', paths: ids.map((id) => `/api/events/${encodeURIComponent(id)}`) },
  { name: 'CSV of 100 events', paths: Array.from({ length: csvPages }, (_, i) => `/api/events.csv?limit=100&offset=${i * 100}`) },
  { name: 'event list (50)', paths: Array.from({ length: 20 }, (_, i) => `/api/events?limit=50&offset=${(i * 50) % Math.max(50, all.length)}`) },
  { name: 'search "the"', paths: ['/api/search?q=the', '/api/search?q=the&offset=20'] },
  { name: 'search "council"', paths: ['/api/search?q=council', '/api/search?q=council&offset=20'] },
];

function client(base, paths, connections, amountOrSeconds, by) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1], '--client', base, JSON.stringify(paths), String(connections), String(amountOrSeconds), by], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out)));
  });
}

function cpuMs(u) {
  return (u.user + u.system) / 1000;
}

/**
 * Searches of one and two characters in Korean and Japanese, a word most articles hold and one few do, uncached,
 * one connection: p50/p99 and the server's CPU per request (the first page, then the second).
 */
async function cjkSearches() {
  if (CJK_ARTICLES <= 0) return;
  const cjk = await cjkBenchDatabase({ articles: CJK_ARTICLES, seed: 5 }, console.log);
  console.log(cjk.built === null ? `Korean/Japanese database reused: ${cjk.path}` : `Korean/Japanese database built in ${cjk.built.toFixed(0)} s: ${cjk.path}`);
  const cjkStore = await openStore(cjk.path);
  console.log(`${(await cjkStore.counts()).articles} Korean and Japanese articles`);
  const app = await buildServer({ store: cjkStore, host: '127.0.0.1', webRoot: null, cache: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  // 의 and 北 are in most articles, 정부 and 政府 in many; 隠 and 울릉 in about one in a thousand; the last
  // is two parts of different lengths (found through two indexes).
  for (const [name, q] of [['1 char, common "의"', '의'], ['1 char, common "北"', '北'], ['2 chars, common "정부"', '정부'], ['2 chars, common "政府"', '政府'], ['1 char, rare "隠"', '隠'], ['2 chars, rare "울릉"', '울릉'], ['1 + 5 chars "北 住民の意見"', '北 住民の意見']]) {
    const paths = [`/api/search?q=${encodeURIComponent(q)}`, `/api/search?q=${encodeURIComponent(q)}&offset=20`];
    const first = await (await fetch(`${base}${paths[0]}`)).json();
    const amount = Math.max(20, Math.floor(REQUESTS / 4));
    const before = process.cpuUsage();
    const one = await client(base, paths, 1, amount, 'amount');
    const cpu = cpuMs(process.cpuUsage(before)) / one.total;
    console.log(`  search ${name.padEnd(22)} uncached, 1 connection: ${fmt(one)}  ${cpu.toFixed(2).padStart(6)} CPU ms/request  (total ${first.total}${first.estimated ? ', estimated' : ''})${one.bad ? `  (${one.bad} failed)` : ''}`);
  }
  await app.close();
  await cjkStore.close();
  if (CJK_ONLY) process.exit(0);
}
function fmt(r) {
  return `p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms`;
}

for (const cache of [false, true]) {
  const app = await buildServer({ store, host: '127.0.0.1', webRoot: null, cache });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`\n${cache ? 'cached' : 'uncached'} (response cache ${cache ? 'on, warmed' : 'off'}):`);
  for (const ep of ENDPOINTS) {
    if (cache) await client(base, ep.paths, 1, ep.paths.length, 'amount'); // warm every path once
    const amount = Math.max(REQUESTS, ep.paths.length);
    const before = process.cpuUsage();
    const one = await client(base, ep.paths, 1, amount, 'amount');
    const cpu = cpuMs(process.cpuUsage(before)) / one.total;
    let line = `  ${ep.name.padEnd(18)} 1 connection: ${fmt(one)}  ${cpu.toFixed(2).padStart(6)} CPU ms/request`;
    if (CONNECTIONS > 0) {
      const many = await client(base, ep.paths, CONNECTIONS, SECONDS, 'duration');
      line += `  |  ${CONNECTIONS} connections: ${fmt(many)}  ${many.rps.toFixed(0).padStart(5)} req/s${many.bad ? `  (${many.bad} failed)` : ''}`;
    }
    if (one.bad) line += `  (${one.bad} failed)`;
    console.log(line);
  }
  await app.close();
}
await store.close();
await cjkSearches();
