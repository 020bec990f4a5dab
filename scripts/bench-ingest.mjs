// `npm run bench:ingest`: how ingest cost grows with the database. Writes the synthetic firehose
// (scripts/firehose.mjs generateFirehose: ~5 KB news articles, 1 % launch reports, 10 % copies and rewrites of
// earlier articles; or, with --launch-only, launch reports alone) as one JSON Lines file, measures the floor
// (reading the file line by line and JSON.parse of each line, in this process), then ingests the same file
// through `Ingester` (clean, extract, group, copy detection, save) into SQLite and, when SALVO_TEST_PG is set,
// PostgreSQL, as `salvo ingest` does: cleaning and extracting in the document pool's threads, grouping, copy
// detection and saving in this one (with --in-process, all of it in this thread). At 1k, 10k, 50k and 100k
// stored it prints, over the last articles before the mark, the wall ms per article, the CPU ms per article of
// the whole process and of this thread alone, articles/s, the ratio to the floor and RSS; at the end, how many
// of the generated copies were linked. On a shared machine the wall figures carry the load; the CPU ones do
// not, and the largest of this thread's CPU, the pool threads' CPU per thread and the process's CPU per core
// bounds what an idle machine could do (the "CPU ceiling" column). A figure, not a test.
//
//   npm run bench:ingest [-- --max 100000] [--seed 7] [--launch-only] [--store sqlite|postgres|both] [--in-process]
//                        [--links FILE]   (writes the stored copy links as record numbers, to compare two runs)
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Ingester } from '../dist/src/app/ingestion.js';
import { DocumentPool } from '../dist/src/app/pool.js';
import { ownThreadClock } from '../dist/src/app/thread-cpu.js';
import { documentFromRecord } from '../dist/src/ingest/index.js';
import { SqliteStore } from '../dist/src/store/sqlite/store.js';
import { writeFirehose } from './firehose.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const MAX = Number(opt('max', 100_000));
const SEED = Number(opt('seed', 7));
const LAUNCH_ONLY = argv.includes('--launch-only');
const LINKS_FILE = opt('links', null);
const IN_PROCESS = argv.includes('--in-process');
const PG_URL = process.env.SALVO_TEST_PG ?? process.env.SALVO_BENCH_PG;
const STORES = opt('store', PG_URL ? 'both' : 'sqlite');
if (!(MAX >= 1)) throw new Error('--max must be a positive number');
if (STORES !== 'sqlite' && !PG_URL) throw new Error('set SALVO_TEST_PG=postgres://… to bench PostgreSQL');
const MARKS = [...new Set([1000, 10_000, 50_000, 100_000].filter((m) => m <= MAX).concat(MAX))].sort((a, b) => a - b);
/** Articles averaged over before each mark: enough to smooth noise, few enough to describe the database size. */
const windowOf = (mark) => Math.max(1, Math.min(1000, Math.floor(mark / 2)));

const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
const lines = (file) => createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-ingest-'));
const file = join(dir, 'firehose.jsonl');
// A long run stopped with Ctrl-C or a kill leaves no gigabyte behind (the rows printed so far are its result).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
try {
  let t = performance.now();
  const metas = await writeFirehose(file, { count: MAX, seed: SEED, launchOnly: LAUNCH_ONLY });
  const kinds = metas.reduce((m, x) => ((m[x.kind] = (m[x.kind] ?? 0) + 1), m), {});
  console.log(`${LAUNCH_ONLY ? 'launch-report stream' : 'firehose'}: ${MAX} records, ${mb(statSync(file).size)}, seed ${SEED} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The floor: the same reader, JSON.parse of every line, nothing else.
  t = performance.now();
  let parsed = 0;
  for await (const line of lines(file)) if (line) parsed += JSON.parse(line).text.length > 0 ? 1 : 0;
  const floorRate = parsed / ((performance.now() - t) / 1000);
  console.log(`floor (read + JSON.parse, this process): ${Math.round(floorRate)} articles/s\n`);

  for (const kind of STORES === 'both' ? ['sqlite', 'postgres'] : [STORES]) {
    const { store, drop } = kind === 'sqlite' ? { store: new SqliteStore(join(dir, 'bench.db')), drop: async () => {} } : await pgStore();
    try {
      await benchStore(kind, store, floorRate, metas);
    } finally {
      await store.close();
      await drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function pgStore() {
  const { Schemas } = await import('./pg-schemas.mjs');
  const { PostgresStore } = await import('../dist/src/store/postgres/store.js');
  const { url, drop } = await new Schemas(PG_URL).fresh('salvo_bench');
  return { store: await PostgresStore.open(url), drop };
}

async function benchStore(kind, store, floorRate, metas) {
  const pool = IN_PROCESS ? null : DocumentPool.forBatch(); // as `salvo ingest` makes it: one thread, more once documents wait
  try {
    await benchIngest(kind, store, floorRate, metas, pool);
  } finally {
    await pool?.close();
  }
}

/** This thread's CPU time (ms); /proc counts it in 10 ms ticks, fine over a window of a thousand articles. */
function mainCpuMs() {
  return ownThreadClock()?.cpuMs ?? NaN;
}

async function benchIngest(kind, store, floorRate, metas, pool) {
  const ingester = new Ingester(store, pool?.prepare, { batched: true }); // as salvo ingest makes it
  const idOf = new Array(metas.length).fill(null);
  let done = 0;
  let failed = 0;
  const rows = [];
  let from = null;
  const started = performance.now();
  console.log(`${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${pool ? 'cleaning and extracting in the document pool, as salvo ingest does: one thread, two once documents wait for it' : 'all in this thread'}):`);
  console.log('| stored | wall ms/article | CPU ms/article | main thread CPU ms/article | CPU ceiling articles/s | articles/s | floor articles/s | Salvo/floor | × ms at first mark | RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const onResult = (r) => {
    const i = Number(r.origin.slice('firehose:'.length));
    idOf[i] = r.articleId;
    if (r.status === 'failed') failed++;
    done++;
    const next = MARKS[rows.length];
    if (done === next - windowOf(next)) from = { wall: performance.now(), cpu: process.cpuUsage(), main: mainCpuMs() };
    if (done === next) {
      const cpu = process.cpuUsage(from.cpu);
      const n = windowOf(next);
      const wallMs = (performance.now() - from.wall) / n;
      const cpuMs = (cpu.user + cpu.system) / 1000 / n;
      const mainMs = (mainCpuMs() - from.main) / n;
      // The pool threads share the rest, and all the threads share the cores; with no pool this thread does everything.
      const threads = pool ? pool.parallelism : 0;
      const ceiling = 1000 / (threads ? Math.max(mainMs, (cpuMs - mainMs) / threads, cpuMs / availableParallelism()) : cpuMs);
      const r = { stored: next, wallMs, cpuMs, mainMs, ceiling, rss: process.memoryUsage().rss };
      rows.push(r);
      const rate = 1000 / r.wallMs;
      // Printed as reached, so a long run that is stopped still shows its curve.
      console.log(`| ${r.stored}${pool ? ` (${threads} thread${threads === 1 ? '' : 's'})` : ''} | ${r.wallMs.toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${r.mainMs.toFixed(2)} | ${r.ceiling.toFixed(0)} | ${rate.toFixed(0)} | ${floorRate.toFixed(0)} | ${(rate / floorRate).toFixed(4)} | ${(r.wallMs / rows[0].wallMs).toFixed(2)} | ${mb(r.rss)} |`);
    }
  };
  async function* items() {
    let i = 0;
    for await (const line of lines(file)) {
      if (!line) continue;
      yield { ok: true, doc: documentFromRecord(JSON.parse(line), `firehose:${i++}`) };
    }
  }
  await ingester.ingest(items(), onResult);
  const total = (performance.now() - started) / 1000;

  console.log(`${done} articles in ${total.toFixed(0)} s (${(done / total).toFixed(0)} articles/s overall), ${failed} failed`);

  // Copy links against the copies the generator made: a copy is right when linked to its source or to the
  // original its source is linked to.
  const links = new Map((await store.copyLinks()).map((l) => [l.articleId, l.originalId]));
  const tally = {};
  const copied = new Set();
  metas.forEach((m, i) => {
    if (m.of === undefined) return;
    const t = (tally[m.kind] ??= { made: 0, linked: 0 });
    t.made++;
    copied.add(idOf[i]);
    const to = links.get(idOf[i]);
    if (to !== undefined && (to === idOf[m.of] || to === links.get(idOf[m.of]))) t.linked++;
  });
  const stray = [...links.keys()].filter((id) => !copied.has(id)).length;
  if (LINKS_FILE) {
    const recordOf = new Map(idOf.map((id, i) => [id, i]));
    const lines = (await store.copyLinks()).map((l) => `${recordOf.get(l.articleId)} ${recordOf.get(l.originalId)} ${l.kind} ${l.similarity.toFixed(4)}`);
    writeFileSync(`${LINKS_FILE}.${kind}`, `${lines.sort().join('\n')}\n`);
  }
  console.log(`copy links: ${links.size} stored; ${Object.entries(tally).map(([k, t]) => `${k} ${t.linked}/${t.made}`).join(', ')} linked to their source; ${stray} on articles made as originals (an original linked to its later-published copy counts here)`);
  const counts = await store.counts();
  console.log(`stored: ${counts.articles} articles, ${counts.events} events\n`);
}
