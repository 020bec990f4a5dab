#!/usr/bin/env node
// npm run bench:analyze — `salvo analyze`'s speed beside the floor, measured in one process on the same files:
// a firehose of ~5 KB news articles in JSON Lines (1 % launch reports), the same without launch reports (the
// prefilter's path alone) and a stream of launch reports only (scripts/analyze-firehose.mjs). Per file it prints articles/s for
//   - the floor: reading the file and JSON.parse of each line;
//   - Intl.Segmenter splitting every text into sentences (after the same read and parse);
//   - Salvo: the analyze pipeline (stream read, prefilter, clean, extract, and the events of the launch reports);
// and Salvo's ratio to the floor, all in articles per CPU second (the machine may be shared). Then `salvo analyze`
// as a command on the firehose (output thrown away) with its peak RSS; --rss-count N also on an N-article firehose. Figures, not a test: targets ≥ 4,000 firehose articles/s (≥ 0.25 × the floor),
// ≥ 1,000 launch reports/s, peak RSS ≤ 300 MB at 100k articles.
//
//   npm run bench:analyze -- [--count 10000] [--reports 2000] [--rss-count 0]   (reads dist/: build first)
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeFirehoseJsonl } from './analyze-firehose.mjs';
import { CLI, ROOT, requireBuilt } from './built-cli.mjs';

requireBuilt();
const { ingestPaths } = await import(join(ROOT, 'dist/src/ingest/index.js'));
const { Analyzer } = await import(join(ROOT, 'dist/src/pipeline.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const COUNT = arg('count', 10000);
const REPORTS = arg('reports', 2000);
const RSS_COUNT = arg('rss-count', 0);

const rate = (n, ms) => Math.round((n / ms) * 1000);
/** CPU milliseconds (user + system) of this process since `from`: on a busy machine wall time says little. */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const fmt = (n) => n.toLocaleString('en');

/** Lines of a file, read as a stream. */
async function* lines(file) {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line !== '') yield line;
}

async function floor(file) {
  const t = process.cpuUsage();
  let n = 0;
  for await (const line of lines(file)) if (JSON.parse(line)) n++;
  return { n, ms: cpuMs(t) };
}

async function segmenter(file) {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const t = process.cpuUsage();
  let n = 0;
  let sentences = 0;
  for await (const line of lines(file)) {
    const r = JSON.parse(line);
    for (const _ of seg.segment(`${r.title}\n${r.text}`)) sentences++;
    n++;
  }
  return { n, ms: cpuMs(t), sentences };
}

async function salvo(file) {
  const t = process.cpuUsage();
  const analyzer = new Analyzer();
  let n = 0;
  let out = 0;
  for await (const item of ingestPaths([file])) {
    if (!item.ok) continue;
    const r = analyzer.add(item.doc);
    if (r.ok) n++;
    if (r.ok && r.prediction) out += JSON.stringify(r.prediction).length;
  }
  for (const p of analyzer.finish()) out += JSON.stringify(p).length;
  return { n, ms: cpuMs(t), out };
}

/** `salvo analyze <file>` as a command: CPU time and peak RSS (GNU time), output thrown away. */
function command(file) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, CLI, 'analyze', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const [user, system, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms: (user + system) * 1000, rssMb: Math.round(kb / 1024), status: r.status };
}

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-analyze-'));
try {
  const firehose = join(dir, 'firehose.jsonl');
  const quiet = join(dir, 'quiet.jsonl');
  const launches = join(dir, 'launches.jsonl');
  await writeFirehoseJsonl(firehose, { count: COUNT, launchShare: 0.01 });
  await writeFirehoseJsonl(quiet, { count: COUNT, launchShare: 0 });
  await writeFirehoseJsonl(launches, { count: REPORTS, launchShare: 1 });
  console.log(`analyze benchmark (node ${process.version}; one process; articles per CPU second, user + system)`);
  const files = [
    [`firehose, ${fmt(COUNT)} articles, 1 % launch reports`, firehose],
    // The same news without its launch reports: the prefilter's path alone (the reports' share is the line below).
    [`firehose without launch reports, ${fmt(COUNT)} articles`, quiet],
    [`launch reports only, ${fmt(REPORTS)}`, launches],
  ];
  for (const [name, file] of files) {
    await salvo(file); // warm-up: tables compiled, code optimised
    const f = await floor(file);
    const s = await segmenter(file);
    const a = await salvo(file);
    console.log(`\n${name}`);
    console.log(`  floor: read + JSON.parse       ${fmt(rate(f.n, f.ms)).padStart(8)} articles/s`);
    console.log(`  read + parse + Intl.Segmenter  ${fmt(rate(s.n, s.ms)).padStart(8)} articles/s (${fmt(s.sentences)} sentences)`);
    console.log(`  salvo analyze pipeline         ${fmt(rate(a.n, a.ms)).padStart(8)} articles/s  = ${(f.ms / a.ms).toFixed(2)} × the floor, ${(s.ms / a.ms).toFixed(2)} × the segmenter`);
  }
  const c = command(firehose);
  console.log(`\nsalvo analyze (command) on the firehose: ${fmt(rate(COUNT, c.ms))} articles/s, peak RSS ${c.rssMb} MB${c.status ? ` (exit ${c.status})` : ''}`);
  if (RSS_COUNT > 0) {
    const big = join(dir, 'firehose-big.jsonl');
    rmSync(firehose);
    rmSync(quiet);
    await writeFirehoseJsonl(big, { count: RSS_COUNT, launchShare: 0.01 });
    const b = command(big);
    console.log(`salvo analyze (command) on ${fmt(RSS_COUNT)} articles: ${fmt(rate(RSS_COUNT, b.ms))} articles/s, peak RSS ${b.rssMb} MB${b.status ? ` (exit ${b.status})` : ''}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
