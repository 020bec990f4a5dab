#!/usr/bin/env node
// Korean and Japanese searches on PostgreSQL: the database of scripts/cjk-news.mjs that bench:api searches in
// SQLite (cjkBenchDatabase, built when missing), copied into a PostgreSQL schema of its own (kept between runs,
// so an older and a newer build can be measured in turn on the same rows), then searched through the store, one
// search at a time: a common and a rare part of one, two and three or more characters. Prints per search its
// p50/p99 wall time, the CPU of this process and of the server processes serving its connections per search
// (read from /proc, so the server must run on this machine), and the total it answered. Not a test: figures.
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test npm run bench:pg-search --
//          [--schema salvo_cjk_bench] [--articles 100000] [--requests 40]   (DROP SCHEMA … CASCADE when done)
import { readFileSync } from 'node:fs';
import { cjkBenchDatabase } from './api-database.mjs';
import { copySqliteToPostgres } from '../dist/src/store/postgres/copy.js';
import { PostgresStore } from '../dist/src/store/postgres/store.js';
import { Schemas } from './pg-schemas.mjs';

const PG_URL = process.env.SALVO_TEST_PG ?? process.env.SALVO_BENCH_PG;
if (!PG_URL) throw new Error('set SALVO_TEST_PG=postgres://… (a database the bench may create a schema in)');
const option = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SCHEMA = option('schema', 'salvo_cjk_bench');
const ARTICLES = Number(option('articles', 100_000));
const REQUESTS = Number(option('requests', 40));
const APP = `salvo-bench-${process.pid}`;

if (!/^[a-z_][a-z0-9_]*$/.test(SCHEMA)) throw new Error(`--schema: a lower-case identifier, not ${SCHEMA}`);
const url = new URL(PG_URL);
url.searchParams.set('options', `-c search_path=${SCHEMA}`);
url.searchParams.set('application_name', APP);

const admin = new Schemas(PG_URL);
const present = await admin.admin(`SELECT to_regclass('${SCHEMA}.articles') IS NOT NULL AS present`);
if (!present[0].present) {
  const sqlite = await cjkBenchDatabase({ articles: ARTICLES, seed: 5 }, console.log);
  await admin.admin(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  const t0 = Date.now();
  await copySqliteToPostgres(sqlite.path, url.toString());
  await admin.admin(`ANALYZE ${SCHEMA}.articles`);
  console.log(`copied ${sqlite.path} into schema ${SCHEMA} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
// Opening applies this build's pending migrations to the kept schema.
const t0 = Date.now();
const store = await PostgresStore.open(url.toString());
console.log(`schema ${SCHEMA}: ${(await store.counts()).articles} articles (opened and migrated in ${Date.now() - t0} ms)`);

/** CPU seconds (user + system) of the server processes serving this bench's connections. */
async function serverCpu() {
  const pids = (await admin.admin(`SELECT pid FROM pg_stat_activity WHERE application_name = '${APP}'`)).map((r) => r.pid);
  const tick = 100; // USER_HZ on Linux
  return pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      return sum;
    }
  }, 0);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// 의 and 北 are in most articles, 정부 and 政府 in many, 울릉 and 隠岐 (and so 隠) in about one in a thousand.
const SEARCHES = [
  ['1 char, common "의"', '의'], ['1 char, common "北"', '北'], ['2 chars, common "정부"', '정부'], ['2 chars, common "政府"', '政府'],
  ['1 char, rare "隠"', '隠'], ['2 chars, rare "울릉"', '울릉'], ['2 chars, rare "隠岐"', '隠岐'], ['3 chars, rare "울릉도"', '울릉도'],
  ['1 + 5 chars "北 住民の意見"', '北 住民の意見'], ['1 + 2 chars "隠 住民"', '隠 住民'],
];
for (const [name, q] of SEARCHES) {
  const first = await store.searchArticles(q, { limit: 20, offset: 0 });
  const wall = [];
  const cpu0 = process.cpuUsage();
  const server0 = await serverCpu();
  for (let i = 0; i < REQUESTS; i++) {
    const t = process.hrtime.bigint();
    await store.searchArticles(q, { limit: 20, offset: (i % 2) * 20 });
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const server = ((await serverCpu()) - server0) * 1000;
  const own = process.cpuUsage(cpu0);
  wall.sort((a, b) => a - b);
  const ms = (v) => v.toFixed(1).padStart(7);
  console.log(`  ${name.padEnd(26)} p50 ${ms(percentile(wall, 50))} ms  p99 ${ms(percentile(wall, 99))} ms  CPU/search: node ${ms((own.user + own.system) / 1000 / REQUESTS)} ms, server ${ms(server / REQUESTS)} ms  (total ${first.total}${first.estimated ? ', estimated' : ''})`);
}
await store.close();
