// Many writers on one SQLite database (issue 15): `salvo serve`, two `salvo ingest` processes reading the same
// articles in opposite orders, and API clients posting the same articles and reading events, all at once. Then
// the database must hold every launch report in exactly one event, and the same events (ids, dates, reports) as
// one process ingesting the same files alone. test/concurrency.test.ts runs a short round; this command a longer one.
//
// As a command: node scripts/concurrency.mjs [--articles 400] [--undated 20] [--clients 20] [--cli dist/src/main.js]
// Prints the figures as JSON and exits 1 when the invariant or the comparison fails.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { writeCorpus } from './writers-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A child `salvo` process; resolves with its exit code and output. */
export function salvoProcess(cli, args, { onStderr } = {}) {
  const env = { ...process.env };
  delete env.SALVO_DB;
  delete env.SALVO_TOKEN;
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    onStderr?.(stderr);
  });
  const done = new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** What a database holds, read directly: articles, launch reports, events with their members, broken memberships. */
export function tableOf(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql) => db.prepare(sql).get().n;
    const members = new Map();
    for (const r of db.prepare('SELECT event_id, article_id FROM event_articles ORDER BY event_id, article_id').all()) {
      members.set(r.event_id, [...(members.get(r.event_id) ?? []), r.article_id]);
    }
    const events = db.prepare('SELECT id, actor, date_local, weekday, fields, reference FROM events ORDER BY id').all().map((e) => ({ ...e, articles: members.get(e.id) ?? [] }));
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      launchReports: count('SELECT count(*) AS n FROM extractions WHERE is_launch_report = 1'),
      events,
      noEvent: count(`SELECT count(*) AS n FROM extractions x WHERE x.is_launch_report = 1
        AND NOT EXISTS (SELECT 1 FROM event_articles ea WHERE ea.article_id = x.article_id)`),
      severalEvents: count('SELECT count(*) AS n FROM (SELECT article_id FROM event_articles GROUP BY article_id HAVING count(*) > 1)'),
      copyLinks: count('SELECT count(*) AS n FROM copy_links'),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** The event table as compared between two databases: everything but update times. */
export const tableKey = (t) => JSON.stringify(t.events);

/**
 * The events' membership and dates: which reports each event holds. The fields may differ between ingest orders
 * where copy detection, which keeps the first-stored of two near-duplicates as the original, links other pairs.
 */
export const membershipKey = (t) => JSON.stringify(t.events.map((e) => [e.id, e.actor, e.date_local, e.articles]));

/** One run; resolves with its figures. `dir` is removed afterwards unless `keep`. */
export async function concurrencyRun({ cli = join(ROOT, 'dist/src/main.js'), articles = 60, undated = 4, clients = 6, keep = false, log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'salvo-concurrency-'));
  try {
    const names = writeCorpus(join(dir, 'all'), { articles, launchShare: 0.5, undated });
    mkdirSync(join(dir, 'reversed'));
    const texts = names.map((n) => readFileSync(join(dir, 'all', n), 'utf8'));
    // The same files named in the opposite order, so the two ingests start at opposite ends.
    names.forEach((n, i) => writeFileSync(join(dir, 'reversed', names[names.length - 1 - i]), texts[i]));

    const base = join(dir, 'alone.db');
    const alone = await salvoProcess(cli, ['--db', base, 'ingest', join(dir, 'all')]).done;
    if (alone.code !== 0) throw new Error(`ingest alone failed: ${alone.stderr}`);
    log(`one process: ${alone.stderr.trim().split('\n').pop()}`);

    const shared = join(dir, 'shared.db');
    let url = null;
    const server = salvoProcess(cli, ['--db', shared, 'serve', '--port', '0'], { onStderr: (s) => (url ??= /serving (http:\/\/\S+?) /.exec(s)?.[1] ?? null) });
    const started = Date.now();
    while (!url) {
      if (Date.now() - started > 60_000 || server.child.exitCode !== null) throw new Error('salvo serve did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    log(`serving ${url}`);
    const t0 = Date.now();
    const ingests = [salvoProcess(cli, ['--db', shared, 'ingest', join(dir, 'all')]).done, salvoProcess(cli, ['--db', shared, 'ingest', join(dir, 'reversed')]).done];
    let finished = false;
    const api = { posts: 0, gets: 0, failures: 0, stored: 0 };
    const client = async (k) => {
      let i = k;
      while (!finished) {
        i = (i * 7 + 13) % texts.length; // a fixed walk through the articles, different per client
        try {
          const post = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: texts[i], format: 'text' }) });
          const body = await post.json();
          api.posts++;
          if (!post.ok || body.failed) api.failures++;
          api.stored += body.stored ?? 0;
          const get = await fetch(`${url}/api/events?limit=5`);
          await get.arrayBuffer();
          api.gets++;
          if (!get.ok) api.failures++;
        } catch {
          api.failures++;
        }
      }
    };
    const running = Array.from({ length: clients }, (_, k) => client(k + 1));
    const cliRuns = await Promise.all(ingests);
    finished = true;
    await Promise.all(running);
    const seconds = (Date.now() - t0) / 1000;
    server.child.kill('SIGTERM');
    await server.done;
    const one = tableOf(base);
    const many = tableOf(shared);
    const summary = {
      seconds: Math.round(seconds * 10) / 10,
      cliExitCodes: cliRuns.map((r) => r.code),
      cliSummaries: cliRuns.map((r) => r.stderr.trim().split('\n').pop()),
      api,
      alone: { articles: one.articles, launchReports: one.launchReports, events: one.events.length, noEvent: one.noEvent, severalEvents: one.severalEvents },
      shared: { articles: many.articles, launchReports: many.launchReports, events: many.events.length, noEvent: many.noEvent, severalEvents: many.severalEvents, integrity: many.integrity },
      sameMembership: membershipKey(one) === membershipKey(many),
      sameEventTable: tableKey(one) === tableKey(many),
      copyLinks: [one.copyLinks, many.copyLinks],
    };
    summary.ok = summary.sameMembership && many.noEvent === 0 && many.severalEvents === 0 && many.articles === one.articles && many.integrity === 'ok';
    return summary;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const summary = await concurrencyRun({
    cli: resolve(arg('cli', join(ROOT, 'dist/src/main.js'))),
    articles: Number(arg('articles', '400')),
    undated: Number(arg('undated', '20')),
    clients: Number(arg('clients', '20')),
    keep: process.argv.includes('--keep'),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  console.log(JSON.stringify(summary, null, 2));
  process.exitCode = summary.ok ? 0 : 1;
}
