// `npm run bench:scale`: Salvo on the synthetic firehose (scripts/firehose.mjs generateFirehose: ~5 KB articles,
// 1 % launch reports, 10 % copies and rewrites of earlier ones; JSON Lines files of 500 records). Measures ingest articles/s into SQLite (one process) and into PostgreSQL with one and two worker
// processes (each given half of the folder), API latency (p50/p99 of GET /api/events) with one and two
// `salvo serve` replicas on PostgreSQL under 100 connections, and the database size, extrapolated linearly from
// the measured one to 100k articles, and how soon a write through one replica is served by the other. A figure, not a test: prints a table.
// Each ingest is given three figures:
// * "start to exit": articles over the wall time from the processes' start to the last one's exit. Every process
//   pays a fixed cost in it: loading modules, and each of its threads compiling the knowledge tables' patterns and
//   warming up (about 3 s of CPU per `salvo ingest` process on the firehose, against some 3 ms of worker and
//   server CPU per article: scripts/pg-ingest-profile.mjs). Two workers pay it twice, for half the articles each.
// * "steady": articles stored per second while the stored count (polled every STEADY_POLL_MS) went from
//   STEADY_FROM to STEADY_TO of the articles: start-up, warm-up and the tail (one worker done before the other)
//   left out, which is what a long-running worker sustains.
// * CPU ms per article: the ingest processes' CPU (every thread, read from /proc/<pid>/stat while they run, so
//   Linux only; "-" elsewhere) over the articles, start-up included; the PostgreSQL server's is not counted here
//   (scripts/pg-ingest-profile.mjs measures it).
// 10,000 articles by default: the two workers' fixed cost is then about a sixth of their run's CPU (a third at 4,000).
// Two workers on a two-core machine: one worker alone already keeps about 1.5-1.6 of the two cores busy (its main
// thread, its pool thread and its server backend run at once: 446 articles/s at some 3.5 ms of worker and server
// CPU each), and two need some 8 % more CPU per article than one (the second process's start-up and warm-up:
// 3.95 against 3.65 ms of worker and server CPU per article at 10,000, read by scripts/pg-query-census.mjs on a
// busy machine), so two can reach at most about 2 / 1.55 / 1.08 ≈ 1.2× one here; a saving per article speeds both
// alike. On a loaded machine two workers may look faster than that only because their threads take a larger share
// of the cores from other programs.
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test npm run bench:scale [-- articles=10000 seconds=10]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { connectionConfig } from '../dist/src/store/postgres/connection.js';
import { PostgresStore } from '../dist/src/store/postgres/store.js';
import { writeFirehoseHalves } from './firehose.mjs';
import { Schemas } from './pg-schemas.mjs';
import { CLI, ROOT } from './built-cli.mjs';

const PG_URL = process.env.SALVO_TEST_PG ?? process.env.SALVO_BENCH_PG;
if (!PG_URL) throw new Error('set SALVO_TEST_PG=postgres://… (a database the bench may create a schema in)');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const COUNT = Number(args.articles ?? 10000);
const SECONDS = Number(args.seconds ?? 10);
const CONNECTIONS = 100;
const STEADY_FROM = 0.25;
const STEADY_TO = 0.9;
const STEADY_POLL_MS = 100;

/** A process's CPU ms so far (utime + stime, every thread), or null when /proc cannot tell. */
const cpuMsOf = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // 100 clock ticks a second on Linux
  } catch {
    return null;
  }
};

/** `salvo …` run to its exit; resolves to its CPU ms (the last reading, taken every 50 ms), or null. */
const run = (argv, env = {}) =>
  new Promise((res, rej) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    let cpu = null;
    const read = setInterval(() => (cpu = cpuMsOf(child.pid) ?? cpu), 50);
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      clearInterval(read);
      if (code === 0) res(cpu);
      else rej(new Error(`salvo ${argv.join(' ')} exited ${code}: ${err.slice(-500)}`));
    });
  });

/**
 * Runs `work` while polling `count()` (articles stored so far) every STEADY_POLL_MS; resolves to the seconds from
 * start to end, the steady rate (articles/s while the count went from STEADY_FROM to STEADY_TO of COUNT) and the
 * CPU ms of the processes `work` resolves to.
 */
async function ingestRun(work, count) {
  const samples = [];
  let polling = true;
  const t0 = performance.now();
  const poller = (async () => {
    while (polling) {
      const n = await count().catch(() => 0); // the database may not hold the table yet
      samples.push([performance.now(), n]);
      await new Promise((r) => setTimeout(r, STEADY_POLL_MS));
    }
  })();
  const cpus = [].concat(await work());
  const seconds = (performance.now() - t0) / 1000;
  polling = false;
  await poller;
  const at = (share) => samples.find(([, n]) => n >= share * COUNT);
  const [a, b] = [at(STEADY_FROM), at(STEADY_TO)];
  const steady = a && b && b[0] > a[0] ? (b[1] - a[1]) / ((b[0] - a[0]) / 1000) : NaN;
  const cpuMs = cpus.every((c) => c !== null) ? cpus.reduce((x, y) => x + y, 0) : null;
  return { seconds, steady, cpuMs };
}
const sqliteCount = (file) => async () => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM articles').get().n;
  } finally {
    db.close();
  }
};
/** Polls on one connection of its own (a new connection per poll would cost the server a backend each time). */
const poll = new pg.Client(connectionConfig(PG_URL));
await poll.connect();
const pgCount = (schema) => async () => Number((await poll.query(`SELECT count(*) AS n FROM ${schema}.articles`)).rows[0].n);
/** One table row's figures for an ingest run. */
const rateCells = (r) => [
  `${(COUNT / r.seconds).toFixed(1)} /s start to exit (${r.seconds.toFixed(1)} s)`,
  `${r.steady.toFixed(1)} /s steady`,
  r.cpuMs === null ? '-' : `${(r.cpuMs / COUNT).toFixed(2)} ms CPU/article`,
];

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
  const sqlite = await ingestRun(() => run(['--db', dbFile, 'ingest', folders.all]), sqliteCount(dbFile));
  const sqliteBytes = ['', '-wal'].reduce((n, s) => n + (statSync(dbFile + s, { throwIfNoEntry: false })?.size ?? 0), 0);
  rows.push(['ingest, SQLite, 1 process', ...rateCells(sqlite), '']);

  const one = await schemas.fresh('salvo_bench', { migrate: true });
  const pg1 = await ingestRun(() => run(['--db', one.url, 'ingest', folders.all]), pgCount(one.schema));
  rows.push(['ingest, PostgreSQL, 1 worker', ...rateCells(pg1), `${(sqlite.seconds / pg1.seconds).toFixed(2)}× SQLite start to exit, ${(pg1.steady / sqlite.steady).toFixed(2)}× steady`]);

  const two = await schemas.fresh('salvo_bench', { migrate: true });
  const pg2 = await ingestRun(() => Promise.all([run(['--db', two.url, 'ingest', folders.half1]), run(['--db', two.url, 'ingest', folders.half2])]), pgCount(two.schema));
  rows.push(['ingest, PostgreSQL, 2 workers', ...rateCells(pg2), `${(pg1.seconds / pg2.seconds).toFixed(2)}× 1 worker start to exit, ${(pg2.steady / pg1.steady).toFixed(2)}× steady`]);
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
  await poll.end();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
}
const cells = Math.max(...rows.map((r) => r.length));
for (const r of rows) while (r.length < cells) r.push('');
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`firehose: ${COUNT} articles of ~5 KB, 1 % launch reports, 10 % copies and rewrites`);
console.log(`ingest rates: "start to exit" counts each process's start-up and warm-up; "steady" is articles stored per second while the stored count went from ${STEADY_FROM * 100} % to ${STEADY_TO * 100} % of them; CPU is the ingest processes' (every thread, start-up included), not the database server's\n`);
for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
