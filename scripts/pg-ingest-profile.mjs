// Where PostgreSQL ingest spends its time, in figures that do not depend on how busy the machine is: round
// trips (queries) per article, CPU ms per article in the worker process and in its PostgreSQL backends, and
// how often a worker waits on a lock (pg_locks sampled while two workers run). The firehose of bench:scale,
// ingested into SQLite (one process), PostgreSQL with one worker and with two workers (half the folder each).
// And each process's fixed cost (loading modules; each thread compiling the knowledge tables' patterns and warming up)
// apart from its cost per article: one worker ingests the first half of the folder, then (into a fresh schema) all
// of it; the second half's CPU over its articles is the marginal cost, and what the first half cost beyond that
// the fixed one. Two workers pay the fixed cost twice.
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test node scripts/pg-ingest-profile.mjs [articles=500]
// (after `npm run build`; the server must run on this machine for its CPU to be read).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectionConfig } from '../dist/src/store/postgres/connection.js';
import { writeFirehoseHalves } from './firehose.mjs';
import { Schemas } from './pg-schemas.mjs';
import { CLI, ROOT } from './built-cli.mjs';

const CENSUS = join(ROOT, 'scripts', 'pg-query-census.mjs');
const PG_URL = process.env.SALVO_TEST_PG;
if (!PG_URL) throw new Error('set SALVO_TEST_PG=postgres://…');
const COUNT = Number(Object.fromEntries(process.argv.slice(2).map((a) => a.split('='))).articles ?? 500);
const APP = `salvo-profile-${randomBytes(3).toString('hex')}`;

const dir = mkdtempSync(join(tmpdir(), 'salvo-pg-profile-'));
const schemas = new Schemas(PG_URL);
const admin = new pg.Client(connectionConfig(PG_URL)); // samples locks while the workers run
await admin.connect();

/** One `salvo ingest` under the census; resolves to its figures and wall time. */
function ingest(db, folder, tag) {
  const file = join(dir, `${tag}.json`);
  const started = performance.now();
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', CENSUS, CLI, '--db', db, 'ingest', folder], {
      stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SALVO_QUERY_CENSUS: file, PGAPPNAME: APP },
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? res({ ...JSON.parse(readFileSync(file, 'utf8')), seconds: (performance.now() - started) / 1000 }) : rej(new Error(`exit ${code}: ${err.slice(-400)}`))));
  });
}

/** Samples, every 20 ms until stopped, how many of this profile's backends wait on a lock, and on which kind. */
function sampleLocks() {
  const waits = new Map();
  let samples = 0;
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const { rows } = await admin.query(
        `SELECT l.locktype, count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE NOT l.granted AND a.application_name = $1 GROUP BY 1`, [APP]);
      samples++;
      for (const r of rows) waits.set(r.locktype, (waits.get(r.locktype) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    stop = true;
    await done;
    return { samples, waits: Object.fromEntries(waits) };
  };
}

const perArticle = (r, n) => ({
  'round trips/article': (r.queries / n).toFixed(2),
  'worker CPU ms/article': (r.workerCpuMs / n).toFixed(1),
  '… main thread': r.mainThreadCpuMs === null ? '-' : (r.mainThreadCpuMs / n).toFixed(1),
  'server CPU ms/article': (r.serverCpuMs / n).toFixed(1),
  'articles/s (wall, noisy)': (n / r.seconds).toFixed(1),
});

try {
  const folders = await writeFirehoseHalves(dir, COUNT);
  const table = {};
  table['SQLite, 1 process'] = perArticle(await ingest(join(dir, 'bench.db'), folders.all, 'sqlite'), COUNT);
  const one = await ingest((await schemas.fresh('salvo_profile', { migrate: true })).url, folders.all, 'pg1');
  table['PostgreSQL, 1 worker'] = perArticle(one, COUNT);
  const two = (await schemas.fresh('salvo_profile', { migrate: true })).url;
  const stop = sampleLocks();
  const started = performance.now();
  const [a, b] = await Promise.all([ingest(two, folders.half1, 'pg2a'), ingest(two, folders.half2, 'pg2b')]);
  const wall = (performance.now() - started) / 1000;
  const locks = await stop();
  const sum = { queries: a.queries + b.queries, workerCpuMs: a.workerCpuMs + b.workerCpuMs, mainThreadCpuMs: a.mainThreadCpuMs + b.mainThreadCpuMs, serverCpuMs: a.serverCpuMs + b.serverCpuMs, seconds: wall };
  table['PostgreSQL, 2 workers'] = perArticle(sum, COUNT);
  const half = await ingest((await schemas.fresh('salvo_profile', { migrate: true })).url, folders.half1, 'pg1half');
  const halfCount = Math.ceil(COUNT / 2);
  const split = (key) => {
    const marginal = (one[key] - half[key]) / (COUNT - halfCount);
    return { 'fixed CPU s/process': ((half[key] - marginal * halfCount) / 1000).toFixed(2), 'marginal CPU ms/article': marginal.toFixed(2) };
  };
  const costs = { 'worker, every thread': split('workerCpuMs'), 'worker, main thread': split('mainThreadCpuMs'), 'server backends': split('serverCpuMs') };
  console.log(`firehose: ${COUNT} articles\n`);
  console.table(table);
  console.log(`\none worker's CPU split by ingesting ${halfCount} articles, then all ${COUNT}: fixed per process, and per article after that`);
  console.table(costs);
  console.log('\nqueries of the 1-worker run, by kind:', one.kinds);
  console.log(`\nlock waits while 2 workers ran: ${JSON.stringify(locks.waits)} waiting backends over ${locks.samples} samples (20 ms apart)`);
} finally {
  await schemas.dropAll();
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
