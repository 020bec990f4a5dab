// Two `salvo ingest` processes on one PostgreSQL database, over the same reports in opposite orders, ROUNDS
// times: prints per round the articles and events stored and the reports their event holds (expected: every
// report once, one event). Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test node scripts/pg-workers.mjs [rounds]
// (after `npm run build`). Each round uses a schema of its own, dropped after.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectionConfig } from '../dist/src/store/postgres/connection.js';
import { PostgresStore } from '../dist/src/store/postgres/store.js';
import { CLI, ROOT } from './built-cli.mjs';

const url = process.env.SALVO_TEST_PG;
if (!url) throw new Error('set SALVO_TEST_PG=postgres://…');
const rounds = Number(process.argv[2] ?? 20);
const REPORTS = 24;

const dir = mkdtempSync(join(tmpdir(), 'salvo-workers-'));
const [headline, ...body] = readFileSync(join(ROOT, 'test', 'fixtures', 'e2e', 'a-wire.txt'), 'utf8').split('\n\n');
for (const f of ['forward', 'backward']) mkdirSync(join(dir, f));
for (let i = 1; i <= REPORTS; i++) {
  const text = [`${headline} (update ${i})`, ...body, `Update ${i} of the story.`].join('\n\n');
  writeFileSync(join(dir, 'forward', `${String(i).padStart(2, '0')}.txt`), text);
  writeFileSync(join(dir, 'backward', `${String(REPORTS + 1 - i).padStart(2, '0')}.txt`), text);
}

const run = (args) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    child.on('close', done);
  });

const admin = new pg.Client(connectionConfig(url));
await admin.connect();
let bad = 0;
for (let round = 1; round <= rounds; round++) {
  const schema = `salvo_workers_${process.pid}_${round}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  await (await PostgresStore.open(u.toString())).close();
  const codes = await Promise.all([run(['--db', u.toString(), 'ingest', join(dir, 'forward')]), run(['--db', u.toString(), 'ingest', join(dir, 'backward')])]);
  const store = await PostgresStore.open(u.toString());
  const counts = await store.counts();
  const grouped = (await store.listEvents()).flatMap((e) => e.articleIds).length;
  await store.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  const ok = counts.articles === REPORTS && counts.events === 1 && grouped === REPORTS && codes.every((c) => c === 0);
  if (!ok) bad++;
  console.log(`round ${round}: exit ${codes.join('/')}, articles ${counts.articles}, events ${counts.events}, reports in events ${grouped}${ok ? '' : '  WRONG'}`);
}
await admin.end();
rmSync(dir, { recursive: true, force: true });
console.log(`${rounds - bad}/${rounds} rounds right`);
process.exitCode = bad ? 1 : 0;
