// A large SQLite database for the API bench (scripts/bench-api.mjs), built from the synthetic firehose
// (scripts/firehose.mjs: ~5 KB news articles, launch reports a few per launch, syndicated copies and rewrites)
// and kept on disk under the temporary folder, keyed by its arguments and the schema, so a second bench run
// reuses it. Launch reports and the copies of launch reports go through the real ingest path (Ingester:
// extraction, grouping, copy detection, history and the stored event summaries); ordinary news and its copies,
// which change no event, are cleaned and written directly through the store (`saveArticle` with an extraction
// that is no launch report and, for a copy, its copy link), which is what makes 100,000 articles take minutes.
// Needs `npm run build` first (uses dist/).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFirehose } from './firehose.mjs';

const dist = new URL('../dist/src/', import.meta.url);
const { openStore } = await import(new URL('store/open.js', dist));
const { Ingester } = await import(new URL('app/ingestion.js', dist));
const { cleanDocument } = await import(new URL('clean/index.js', dist));
const { documentFromRecord } = await import(new URL('ingest/index.js', dist));

/** Where the database for these options is kept: the options and the migrations it was written with name it. */
export function databasePath(options) {
  const migrations = readdirSync(new URL('../src/store/sqlite/migrations/', import.meta.url)).sort().join(',');
  const key = createHash('sha256').update(JSON.stringify({ ...options, migrations, builder: 1 })).digest('hex').slice(0, 16);
  return join(tmpdir(), `salvo-bench-api-${key}.db`);
}

/**
 * The database for `options` ({ articles, launchShare, reportsPerLaunch, copyShare, seed }), built when it is not
 * on disk yet (into a scratch file renamed at the end, so an interrupted build is never reused). Resolves to
 * { path, built: seconds or null when reused }.
 */
export async function benchDatabase(options, log = () => {}) {
  const path = databasePath(options);
  if (existsSync(path)) return { path, built: null };
  const scratch = `${path}.building`;
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  const t0 = Date.now();
  const store = await openStore(scratch);
  // A scratch file that is thrown away if the build stops: no fsync per article (the store's own field, bench only).
  store.db.pragma('synchronous = OFF');
  const ingester = new Ingester(store);
  const launchIds = new Map(); // firehose index → stored article id, for launch reports and their copies
  const newsIds = new Map();
  let at = Date.UTC(2031, 0, 1);
  let n = 0;
  for (const { record, meta } of generateFirehose({ count: options.articles, seed: options.seed, launchShare: options.launchShare, copyShare: options.copyShare, reportsPerLaunch: options.reportsPerLaunch })) {
    const doc = documentFromRecord(record, `firehose/${record.id}.json`, 'json');
    const index = Number(record.id.split('-').pop());
    if (meta.kind === 'launch' || (meta.kind !== 'news' && launchIds.has(meta.of))) {
      const [out] = (await ingester.ingest([{ ok: true, doc }])).results;
      if (out.status === 'failed') throw new Error(`${record.id}: ${out.reason}`);
      launchIds.set(index, out.articleId);
    } else {
      const article = cleanDocument(doc);
      const original = meta.kind === 'news' ? null : newsIds.get(meta.of);
      const copies = original ? [{ articleId: article.id, originalId: original, kind: meta.kind === 'rewrite' ? 'rewrite' : 'duplicate', similarity: 0.9, reason: `bench: ${meta.kind}` }] : [];
      const extraction = { articleId: article.id, isLaunchReport: false, reportConfidence: 0, actor: null, claims: [], fields: {}, weekday: null };
      at += 1000;
      await store.saveArticle({ article, extraction, events: [], versions: [], alerts: [], sources: { copies }, at: new Date(at).toISOString() });
      if (meta.kind === 'news') newsIds.set(index, article.id);
    }
    if (++n % 10_000 === 0) log(`  ${n} articles written (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await store.close();
  renameSync(scratch, path);
  for (const f of ['-wal', '-shm']) rmSync(`${scratch}${f}`, { force: true });
  return { path, built: (Date.now() - t0) / 1000 };
}

/**
 * A database of Korean and Japanese local news alone (scripts/cjk-news.mjs; { articles, seed }) for the bench of
 * searches in those scripts, which the firehose (English) has none of. Written directly through the store
 * (cleaned, an extraction that is no launch report), kept on disk like benchDatabase's. Resolves to { path, built }.
 */
export async function cjkBenchDatabase(options, log = () => {}) {
  const path = databasePath({ ...options, cjk: true });
  if (existsSync(path)) return { path, built: null };
  const { generateCjkNews } = await import('./cjk-news.mjs');
  const scratch = `${path}.building`;
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  const t0 = Date.now();
  const store = await openStore(scratch);
  store.db.pragma('synchronous = OFF');
  let at = Date.UTC(2031, 0, 1);
  let n = 0;
  for (const record of generateCjkNews({ count: options.articles, seed: options.seed })) {
    const article = cleanDocument(documentFromRecord(record, `cjk/${record.id}.json`, 'json'));
    const extraction = { articleId: article.id, isLaunchReport: false, reportConfidence: 0, actor: null, claims: [], fields: {}, weekday: null };
    at += 1000;
    await store.saveArticle({ article, extraction, events: [], versions: [], alerts: [], sources: {}, at: new Date(at).toISOString() });
    if (++n % 10_000 === 0) log(`  ${n} articles written (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await store.close();
  renameSync(scratch, path);
  for (const f of ['-wal', '-shm']) rmSync(`${scratch}${f}`, { force: true });
  return { path, built: (Date.now() - t0) / 1000 };
}
