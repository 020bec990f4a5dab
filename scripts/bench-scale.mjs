// `npm run bench:scale`: Salvo on the synthetic firehose (scripts/firehose.mjs generateFirehose: ~5 KB articles,
// 1 % launch reports, 10 % copies and rewrites of earlier ones; JSON Lines files of 500 records). Measures ingest articles/s into SQLite (one process) and into PostgreSQL with one and two worker
// processes (each given half of the folder), API latency (p50/p99 of GET /api/events) with one and two
// `salvo serve` replicas on PostgreSQL under 100 connections, and the database size, extrapolated linearly from
// the measured one to 100k articles, and how soon a write through one replica is served by the other. A figure, not a test: prints a table.
// Each ingest rate is wall time from the process's start to its exit, start-up included (about a second of loading
// modules and compiling patterns per process): with 4,000 articles (the default) that is a small share; with a few
// hundred it dominates, and two workers (two start-ups for half the articles each) look slower than they run.
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test npm run bench:scale [-- articles=4000 seconds=10]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PostgresStore } from '../dist/src/store/postgres/store.js';
import { writeFirehoseHalves } from './firehose.mjs';
import { Schemas } from './pg-schemas.mjs';
import { CLI, ROOT } from './built-cli.mjs';

const PG_URL = process.env.SALVO_TEST_PG ?? process.env.SALVO_BENCH_PG;
if (!PG_URL) throw new Error('set SALVO_TEST_PG=postgres://… (a database the bench may create a schema in)');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const COUNT = Number(args.articles ?? 4000);
const SECONDS = Number(args.seconds ?? 10);
const CONNECTIONS = 100;

const run = (argv, env = {}) =>
  new Promise((res, rej) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`salvo ${argv.join(' ')} exited ${code}: ${err.slice(-500)}`))));
  });
const timed = async (fn) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

const schemas = new Schemas(PG_URL);
const schemaBytes = async (schema) =>
  Number((await schemas.admin(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind IN ('r', 'm')`))[0].b);

async function serve(url, port) {
  const child = spawn(process.execPath, [CLI, '--db', url, 'serve', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/events`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('salvo serve did not start');
}

/** autocannon on each replica at once, the connections split between them; latencies of all requests merged approximately (worst p99, mean p50). */
async function load(ports) {
  const results = await Promise.all(
    ports.map((port) => autocannon({ url: `http://127.0.0.1:${port}/api/events?limit=20`, connections: CONNECTIONS / ports.length, duration: SECONDS })),
  );
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: results.reduce((n, r) => n + r.latency.p50, 0) / results.length,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
}

/** A launch report posted to the first replica; milliseconds until the second replica's event list counts it. */
async function freshness([writer, reader]) {
  const total = async () => (await (await fetch(`http://127.0.0.1:${reader}/api/events?limit=1`)).json()).total;
  const before = await total();
  const text = 'SEOUL, April 4, 2033 — North Korea fired a ballistic missile from near Pyongyang on Tuesday morning, South Korea\'s Joint Chiefs of Staff said. The missile flew about 610 kilometers before landing in the sea.';
  const posted = await fetch(`http://127.0.0.1:${writer}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  if (!posted.ok) throw new Error(`POST /api/ingest: ${posted.status} ${await posted.text()}`);
  const written = performance.now();
  while ((await total()) === before) {
    if (performance.now() - written > 30_000) throw new Error('the second replica did not see the write within 30 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - written;
}

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-scale-'));
const rows = [];
try {
  const folders = await writeFirehoseHalves(dir, COUNT);
  const per100k = (bytes) => `${((bytes / COUNT) * 100_000 / 1e9).toFixed(2)} GB`;

  const dbFile = join(dir, 'bench.db');
  const sqliteS = await timed(() => run(['--db', dbFile, 'ingest', folders.all]));
  const sqliteBytes = ['', '-wal'].reduce((n, s) => n + (statSync(dbFile + s, { throwIfNoEntry: false })?.size ?? 0), 0);
  rows.push(['ingest, SQLite, 1 process', `${(COUNT / sqliteS).toFixed(1)} articles/s`, `${sqliteS.toFixed(1)} s`]);

  const one = await schemas.fresh('salvo_bench', { migrate: true });
  const pg1S = await timed(() => run(['--db', one.url, 'ingest', folders.all]));
  rows.push(['ingest, PostgreSQL, 1 worker', `${(COUNT / pg1S).toFixed(1)} articles/s`, `${(sqliteS / pg1S).toFixed(2)}× SQLite`]);

  const two = await schemas.fresh('salvo_bench', { migrate: true });
  const pg2S = await timed(() => Promise.all([run(['--db', two.url, 'ingest', folders.half1]), run(['--db', two.url, 'ingest', folders.half2])]));
  rows.push(['ingest, PostgreSQL, 2 workers', `${(COUNT / pg2S).toFixed(1)} articles/s`, `${(pg1S / pg2S).toFixed(2)}× 1 worker`]);
  const check = await PostgresStore.open(two.url);
  const [c1, c2] = [await (async () => { const s = await PostgresStore.open(one.url); try { return await s.counts(); } finally { await s.close(); } })(), await check.counts()];
  await check.close();
  rows.push(['stored (1 worker / 2 workers)', `${c1.articles} / ${c2.articles} articles`, `${c1.events} / ${c2.events} events`]);

  for (const replicas of [1, 2]) {
    const ports = replicas === 1 ? [18431] : [18432, 18433];
    const servers = await Promise.all(ports.map((p) => serve(one.url, p)));
    try {
      const r = await load(ports);
      rows.push([`API, ${replicas} replica${replicas > 1 ? 's' : ''}, ${CONNECTIONS} connections`, `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`, `${Math.round(r.rps)} req/s, ${r.errors} errors`]);
      if (replicas === 2) rows.push(['write on replica A seen on replica B', `${(await freshness(ports)).toFixed(0)} ms`, 'target ≤ 1000 ms']);
    } finally {
      for (const s of servers) s.kill('SIGTERM');
    }
  }

  rows.push(['size per 100k articles, SQLite', per100k(sqliteBytes), `measured ${(sqliteBytes / 1e6).toFixed(1)} MB for ${COUNT}, extrapolated`]);
  const pgBytes = await schemaBytes(one.schema);
  rows.push(['size per 100k articles, PostgreSQL', per100k(pgBytes), `measured ${(pgBytes / 1e6).toFixed(1)} MB for ${COUNT}, extrapolated`]);
} finally {
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`firehose: ${COUNT} articles of ~5 KB, 1 % launch reports, 10 % copies and rewrites\n`);
for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
