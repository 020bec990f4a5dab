#!/usr/bin/env node
// npm run bench:refresh — two ingest workers on one database over a stream of launch reports only
// (scripts/firehose.mjs generateFirehose with launchOnly: four reports per launch, 10 % copies and rewrites),
// each worker taking runs of one to three documents in turn, in one process (so the order, and the work, is the
// same in every run). Prints the time spent bringing each worker's resolver up to date with the other's writes
// (Ingester.resolver: the change read and the events read again), wall and CPU, the queries it sent (PostgreSQL:
// statements sent by pg clients, each a round trip; SQLite: statements run), and the whole ingest's time. With
// --baseline DIR (an older build's dist/ folder) the same stream runs through it too, alternating with this
// build's, for a paired before/after. --db postgres://… runs on PostgreSQL (a fresh schema per run), else on
// a temporary SQLite file.
//
// --build N: instead, ingests N launch reports with one worker (SQLite; copied to --db too when it is PostgreSQL)
// and prints what building a resolver from that store (and the copy) costs: the reads, the resolver, and making every
// event's candidate tally from its reports (src/resolve/tally.ts), which a stored tally would save.
//
// --turn N: the workers take turns of N documents each instead, so each refresh reads what N documents of the
// other worker changed (the queries of one refresh should not grow with N).
//
//   npm run bench:refresh -- [--reports 2000] [--rounds 1] [--turn 50] [--baseline /tmp/old-dist] [--db postgres://…] [--build 10000]
// Figures, not a test.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { generateFirehose } from './firehose.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const REPORTS = Number(arg('reports', '2000'));
const ROUNDS = Number(arg('rounds', '1'));
const BASELINE = arg('baseline', null);
const DB = arg('db', '');
const BUILD = Number(arg('build', '0'));
const TURN = Number(arg('turn', '0'));
const DISTS = [['this build', join(ROOT, 'dist')], ...(BASELINE ? [['baseline', resolve(BASELINE)]] : [])];
for (const [, dist] of DISTS) {
  if (!existsSync(join(dist, 'src', 'app', 'ingestion.js'))) {
    console.error(`${dist} has no built app: build it first`);
    process.exit(2);
  }
}

const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`.padStart(11);
const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-refresh-'));
const schemas = [];

/** A fresh database: a SQLite file, or a new schema of the PostgreSQL database in --db. */
async function freshLocation(name) {
  if (!DB.startsWith('postgres')) return join(dir, `${name}.db`);
  const schema = `salvo_bench_${randomBytes(4).toString('hex')}`;
  const admin = await adminClient();
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  schemas.push(schema);
  const url = new URL(DB);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A connection to the PostgreSQL database in --db, as Salvo connects (src/store/postgres/connection.ts). */
async function adminClient() {
  const pg = (await import(join(ROOT, 'node_modules/pg/lib/index.js'))).default;
  const { connectionConfig } = await import(join(ROOT, 'dist/src/store/postgres/connection.js'));
  return new pg.Client(connectionConfig(DB));
}

async function dropSchemas() {
  if (!schemas.length) return;
  const admin = await adminClient();
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
}

const records = (count) => [...generateFirehose({ count, launchOnly: true })].map((x) => x.record);
/** Which of the two workers ingests the i-th document: runs of one to three documents each, or of --turn. */
const workerOf = (i) => (TURN ? Math.floor(i / TURN) % 2 : (i * 7 + Math.floor(i / 3)) % 5 < 2 ? 0 : 1);

/**
 * Counts the queries sent while `counting.on`: pg's Client.query (every query of the pool goes through one) and
 * better-sqlite3's statement runs. Both builds load the same packages (a baseline folder links this node_modules).
 */
const counting = { on: false, queries: 0 };
async function countQueries() {
  const pg = (await import(join(ROOT, 'node_modules/pg/lib/index.js'))).default;
  const Database = (await import(join(ROOT, 'node_modules/better-sqlite3/lib/index.js'))).default;
  const db = new Database(':memory:');
  const statement = Object.getPrototypeOf(db.prepare('SELECT 1'));
  db.close();
  const wrap = (proto, name) => {
    const original = proto[name];
    proto[name] = function counted(...args) {
      if (counting.on) counting.queries++;
      return original.apply(this, args);
    };
  };
  wrap(pg.Client.prototype, 'query');
  for (const name of ['all', 'get', 'run', 'iterate']) wrap(statement, name);
}
await countQueries();

/** One run of two workers over the stream with the build in `dist`. */
async function workersRun(dist, recs) {
  const { Ingester } = await import(join(dist, 'src/app/ingestion.js'));
  const { openStore } = await import(join(dist, 'src/store/open.js'));
  const { documentFromRecord } = await import(join(dist, 'src/ingest/index.js'));
  const docs = recs.map((r) => ({ ok: true, doc: documentFromRecord(r, r.id) }));
  const location = await freshLocation('workers');
  const stores = [await openStore(location), await openStore(location)];
  const workers = stores.map((s) => new Ingester(s));
  const refresh = { calls: 0, wall: 0, cpu: 0, queries: 0, most: 0 };
  const original = Ingester.prototype.resolver;
  Ingester.prototype.resolver = async function timed(session) {
    const t = performance.now();
    const c = process.cpuUsage();
    const q = counting.queries;
    counting.on = true;
    try {
      return await original.call(this, session);
    } finally {
      counting.on = false;
      refresh.calls++;
      refresh.wall += performance.now() - t;
      refresh.cpu += cpuMs(c);
      refresh.queries += counting.queries - q;
      refresh.most = Math.max(refresh.most, counting.queries - q);
    }
  };
  const t = performance.now();
  const c = process.cpuUsage();
  let stored = 0;
  try {
    for (let i = 0; i < docs.length; i++) stored += (await workers[workerOf(i)].ingest([docs[i]])).stored;
  } finally {
    Ingester.prototype.resolver = original;
  }
  const total = { wall: performance.now() - t, cpu: cpuMs(c) };
  const events = (await stores[0].counts()).events;
  for (const s of stores) await s.close();
  if (!DB.startsWith('postgres')) rmSync(location, { force: true });
  return { refresh, total, stored, events };
}

/** Ingests `count` launch reports with one worker, then times building a resolver from the store. */
async function buildRun(count) {
  const dist = join(ROOT, 'dist');
  const { Ingester } = await import(join(dist, 'src/app/ingestion.js'));
  const { openStore } = await import(join(dist, 'src/store/open.js'));
  const { documentFromRecord } = await import(join(dist, 'src/ingest/index.js'));
  const file = join(dir, 'build.db');
  const sqlite = await openStore(file);
  const t = performance.now();
  const r = await new Ingester(sqlite).ingest(records(count).map((rec) => ({ ok: true, doc: documentFromRecord(rec, rec.id) })));
  console.log(`ingested ${r.stored} launch reports with one worker in ${fmt(performance.now() - t)}`);
  await sqlite.close();
  const locations = [['SQLite', file]];
  if (DB.startsWith('postgres')) {
    const location = await freshLocation('build');
    const { copySqliteToPostgres } = await import(join(dist, 'src/store/postgres/copy.js'));
    await copySqliteToPostgres(file, location);
    locations.push(['PostgreSQL', location]);
  }
  for (const [kind, location] of locations) {
    console.log(kind);
    const store = await openStore(location);
    await timeBuild(store);
    await store.close();
  }
}

/** Builds a resolver from `store` three times, printing each step's wall and CPU time. */
async function timeBuild(store) {
  const dist = join(ROOT, 'dist');
  const { EventResolver } = await import(join(dist, 'src/resolve/index.js'));
  const { EventTally } = await import(join(dist, 'src/resolve/tally.js'));
  const { storedReports, withReports } = await import(join(dist, 'src/app/resolver-refresh.js'));
  for (let round = 0; round < 3; round++) {
    const times = {};
    const step = async (name, fn) => {
      const w = performance.now();
      const c = process.cpuUsage();
      const out = await fn();
      times[name] = { wall: performance.now() - w, cpu: cpuMs(c) };
      return out;
    };
    const reports = await step('read launch reports and copy links', () => storedReports(store));
    const events = await step('read events', () => store.listEvents());
    const resolver = await step('make the resolver', () => new EventResolver(withReports(events, reports)));
    await step('make every event\'s tally', () => {
      for (const ev of resolver.all()) new EventTally(resolver.membersOf(ev.id));
    });
    console.log(`round ${round + 1}: ${reports.size} launch reports, ${events.length} events`);
    for (const [name, v] of Object.entries(times)) console.log(`  ${name.padEnd(36)} wall ${fmt(v.wall)}  CPU ${fmt(v.cpu)}`);
  }
}

try {
  console.log(`resolver refresh benchmark (node ${process.version}; ${DB.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}; one process)`);
  if (BUILD) {
    await buildRun(BUILD);
  } else {
    const recs = records(REPORTS);
    console.log(`${REPORTS} launch reports, two workers taking turns${TURN ? ` of ${TURN}` : ''}; time and queries in Ingester.resolver (calls), time in the whole ingest`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, dist] of round % 2 ? [...DISTS].reverse() : DISTS) {
        const r = await workersRun(dist, recs);
        console.log(
          `${name.padEnd(10)} stored ${r.stored}, ${r.events} events | refresh (${r.refresh.calls} calls): wall ${fmt(r.refresh.wall)} CPU ${fmt(r.refresh.cpu)}` +
            ` queries ${r.refresh.queries} (at most ${r.refresh.most} in one)` +
            ` | ingest: wall ${fmt(r.total.wall)} CPU ${fmt(r.total.cpu)}`,
        );
      }
    }
  }
} finally {
  await dropSchemas();
  rmSync(dir, { recursive: true, force: true });
}
