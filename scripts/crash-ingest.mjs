// Crash test (issue 15): `salvo ingest` killed with SIGKILL at random moments, again and again, then run to the
// end; the database must pass SQLite's integrity check and `salvo db check`, and hold the same event table (and
// copy links and version counts) as a clean ingest of the same files. Each kill comes 0 to --max-delay-ms after
// the run has stored its first article. Articles come from
// scripts/writers-corpus.mjs (launch reports, undated follow-ups and local news); the kill delays are drawn from a
// seeded generator, so a run is repeatable in its choices (not in where the kills land).
//
// As a command (npm run test:crash): node scripts/crash-ingest.mjs [--kills 30] [--articles 300] [--undated 20]
//   [--max-delay-ms 1500] [--seed 1] [--cli dist/src/main.js]
// Prints the figures as JSON and exits 1 when anything differs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { salvoProcess, tableKey, tableOf } from './concurrency.mjs';
import { writeCorpus } from './writers-corpus.mjs';
import { rng } from './seeded-random.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};


/** Articles stored so far (0 before the file exists or while it cannot be read). */
function storedCount(file) {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) AS n FROM articles').get().n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Copy links and version counts per event, which a crash must not change either. */
function sidesOf(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify([
      db.prepare('SELECT article_id, original_id, kind, similarity, reason FROM copy_links ORDER BY article_id').all(),
      db.prepare('SELECT event_id, count(*) AS n, max(version) AS last FROM event_versions GROUP BY event_id ORDER BY event_id').all(),
      db.prepare('SELECT count(*) AS n FROM alerts').get().n,
    ]);
  } finally {
    db.close();
  }
}

const cli = resolve(arg('cli', join(ROOT, 'dist/src/main.js')));
const wanted = Number(arg('kills', '30'));
const maxDelay = Number(arg('max-delay-ms', '1500'));
const pick = rng(Number(arg('seed', '1')));
const dir = mkdtempSync(join(tmpdir(), 'salvo-crash-'));
const log = (m) => process.stderr.write(`${m}\n`);
try {
  const input = join(dir, 'articles');
  const names = writeCorpus(input, { articles: Number(arg('articles', '300')), launchShare: 0.5, undated: Number(arg('undated', '20')) });
  const clean = join(dir, 'clean.db');
  const t0 = Date.now();
  const alone = await salvoProcess(cli, ['--db', clean, 'ingest', input]).done;
  if (alone.code !== 0) throw new Error(`clean ingest failed: ${alone.stderr}`);
  log(`clean ingest of ${names.length} articles: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const crashed = join(dir, 'crashed.db');
  let kills = 0;
  let runs = 0;
  let finishedEarly = 0;
  const storedAtKill = [];
  while (kills < wanted) {
    runs++;
    const before = storedCount(crashed);
    const run = salvoProcess(cli, ['--db', crashed, 'ingest', input]);
    let exited = false;
    run.done.then(() => (exited = true));
    // Start-up (loading modules, reading the folder) takes a while on a busy machine: the clock starts when
    // this run has stored its first article, so every kill lands while articles are being written.
    while (!exited && storedCount(crashed) <= before) await new Promise((r) => setTimeout(r, 20));
    const delay = Math.floor(pick() * maxDelay);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
    const r = await run.done;
    clearTimeout(timer);
    if (r.signal === 'SIGKILL') {
      kills++;
      storedAtKill.push(storedCount(crashed));
      continue;
    }
    if (r.code !== 0) throw new Error(`ingest run ${runs} failed: ${r.stderr}`);
    // The whole input was stored before the kill came: start over, so every kill lands during an ingest.
    finishedEarly++;
    rmSync(crashed, { force: true });
    rmSync(`${crashed}-wal`, { force: true });
    rmSync(`${crashed}-shm`, { force: true });
  }
  const resume = await salvoProcess(cli, ['--db', crashed, 'ingest', input]).done;
  if (resume.code !== 0) throw new Error(`resumed ingest failed: ${resume.stderr}`);
  const check = await salvoProcess(cli, ['--db', crashed, 'db', 'check']).done;
  const a = tableOf(clean);
  const b = tableOf(crashed);
  const summary = {
    articles: names.length,
    kills,
    runs: runs + 1,
    restartsAfterAFullIngest: finishedEarly,
    articlesStoredAtEachKill: storedAtKill,
    resumed: resume.stderr.trim().split('\n').pop(),
    clean: { articles: a.articles, launchReports: a.launchReports, events: a.events.length },
    crashed: { articles: b.articles, launchReports: b.launchReports, events: b.events.length, noEvent: b.noEvent, severalEvents: b.severalEvents, integrity: b.integrity },
    dbCheckExitCode: check.code,
    sameEventTable: tableKey(a) === tableKey(b),
    sameCopyLinksAndVersions: sidesOf(clean) === sidesOf(crashed),
  };
  summary.ok = summary.sameEventTable && summary.sameCopyLinksAndVersions && b.integrity === 'ok' && check.code === 0 && a.articles === b.articles;
  console.log(JSON.stringify(summary, null, 2));
  process.exitCode = summary.ok ? 0 : 1;
} finally {
  if (process.argv.includes('--keep')) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
