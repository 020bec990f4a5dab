#!/usr/bin/env node
// Fuzzing the pipeline: mutated reports (slices of the shared corpora's articles and of the HTML benchmark pages,
// cut, spliced, repeated, salted with hostile fragments, and wrapped as plain text, HTML, JSON or JSON Lines) go
// through ingest → clean → extract → resolve, one child process per core. Falls back to the repo's own fixtures
// when ../shared is absent. Counts exceptions (a throw, or a failure reading "unexpected error") and times every
// input in CPU time (the process's user + system time): on a shared machine wall time measures the neighbours.
//
//   node scripts/fuzz.mjs [--inputs 100000] [--seed N] [--threads N] [--max-ms 1000] [--json]   (--max-ms: CPU ms)
//   npm run fuzz   (the full run: 100,000 inputs)
//
// Needs a built dist/. Exit code 1 when an input threw, or took longer than --max-ms (when given). Inputs that threw
// or were over the limit are written to fuzz-failures/ for replay.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { rng } from './seeded-random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');


function files(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, test) : test(e.name) ? [p] : [];
  });
}

/** The seed texts: corpus article records and HTML pages (shared ones, else the repo's fixtures). */
function loadSeeds() {
  const corpusDirs = existsSync(join(shared, 'corpus'))
    ? readdirSync(join(shared, 'corpus')).map((c) => join(shared, 'corpus', c, 'articles'))
    : readdirSync(join(root, 'test')).filter((d) => d.startsWith('corpus')).map((d) => join(root, 'test', d, 'articles'));
  const records = corpusDirs.flatMap((d) => files(d, (n) => n.endsWith('.json'))).map((p) => JSON.parse(readFileSync(p, 'utf8')));
  const htmlDir = join(shared, 'bench', 'article-extraction', 'html');
  const pages = existsSync(htmlDir)
    ? files(htmlDir, (n) => n.endsWith('.html.gz')).map((p) => gunzipSync(readFileSync(p)).toString('utf8'))
    : files(join(root, 'test', 'fixtures'), (n) => n.endsWith('.html')).map((p) => readFileSync(p, 'utf8'));
  return { records, pages };
}

// Fragments that once broke something or sit on a parser's edge.
const SALT = [
  'February 29, 2023', 'April 31', '2023年2月29日', '2023년 2월 30일', 'on the 31st', '31/04/2023', 'Juche 112',
  'KN-23 ', 'KN-23s', 'Hwasong-18', 'Mr. ', 'Gen. ', 'a.m. ', 'U.S. ', '(', ')', '((', '"', '“', '」と述べた。', '다."라고',
  '\n', '\n\n', 'a\n', '\u0000', '\uFEFF', '\uD800', '\u202E', '🚀', '　', '\t', '<div>', '</div>', '<table><tr><td>', '<script>',
  '<p>', '&amp;', '&#0;', '<!--', ']]>', '{"text":', '[', ']', '},{', '\\', '\\u0000', 'SEOUL, March 9 (Yonhap) -- ',
  '23:59 KST', '25:61', '8:10 a.m. (2310 GMT', 'Privacy Policy', 'Read more:', 'Advertisement', '© 2024', 'Image caption,',
  '1,000,000,000 km', '-5 missiles', '0.0001 km', '99999999999999999999', 'NaN', 'undefined', '__proto__', 'constructor',
];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function slice(r, text, max) {
  if (text.length <= max) return text;
  const start = Math.floor(r() * (text.length - max));
  return text.slice(start, start + Math.floor(max * (0.2 + 0.8 * r())));
}

/** One mutation of a text. */
function mutate(r, text, seeds) {
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 9)) {
    case 0: return text.slice(0, at) + pick(r, SALT) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + Math.floor(r() * 200));
    case 2: { const piece = text.slice(at, at + 1 + Math.floor(r() * 80)); return text.slice(0, at) + piece.repeat(2 + Math.floor(r() * 30)) + text.slice(at); }
    case 3: { const other = String(pick(r, seeds.records).text ?? ''); return text.slice(0, at) + slice(r, other, 300) + text.slice(at); }
    case 4: return text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x10000)) + text.slice(at + 1);
    case 5: return text.toUpperCase();
    case 6: return text.replace(/\n+/g, r() < 0.5 ? ' ' : '\n\n\n');
    case 7: return text.replace(/\d+/g, (d) => (r() < 0.3 ? String(Number(d) * 7 + 1) : d));
    default: return text.split(/(?<=[.!?。])\s*/).reverse().join(' ');
  }
}

/** One fuzz input: a paste for documentsFromPaste. */
function makeInput(r, seeds) {
  const kind = r();
  if (kind < 0.02 && seeds.pages.length) {
    let html = slice(r, pick(r, seeds.pages), 6000);
    for (let i = Math.floor(r() * 4); i > 0; i--) html = mutate(r, html, seeds);
    return { text: html, format: r() < 0.5 ? 'html' : 'auto' };
  }
  const rec = pick(r, seeds.records);
  const size = r();
  let text = slice(r, String(rec.text ?? ''), size < 0.7 ? 300 : size < 0.95 ? 1000 : 3000);
  for (let i = Math.floor(r() * 5); i > 0; i--) text = mutate(r, text, seeds);
  if (kind < 0.2) return { text: JSON.stringify({ ...rec, text, title: r() < 0.8 ? rec.title : mutate(r, String(rec.title ?? ''), seeds) }), format: 'auto' };
  if (kind < 0.25) return { text: [rec, { ...rec, id: `${rec.id}-b`, text }].map((x) => JSON.stringify(x)).join('\n'), format: 'jsonl' };
  if (kind < 0.3) return { text: JSON.stringify([{ text }, { text: mutate(r, text, seeds) }, {}]), format: 'json' };
  if (kind < 0.6) return { text, title: rec.title ?? undefined, published: r() < 0.8 ? rec.published ?? undefined : '2023-02-29', source: rec.source ?? undefined, format: 'text' };
  return { text: r() < 0.5 ? `${rec.title ?? ''}\n\n${text}` : text, format: 'auto' };
}

async function workerMain() {
  const { seed, count, maxMs } = await new Promise((got) => process.once('message', got));
  const dist = (p) => pathToFileURL(join(root, 'dist', 'src', p)).href;
  const { documentsFromPaste } = await import(dist('app/paste.js'));
  const { cleanDocument } = await import(dist('clean/index.js'));
  const { extractArticle } = await import(dist('extract/index.js'));
  const { EventResolver } = await import(dist('resolve/index.js'));
  const seeds = loadSeeds();
  const r = rng(seed);
  // Warm-up: each language's tables and parsers compile on first use; that is start-up, not an input's time.
  const warm = [/[\uAC00-\uD7AF]/, /[\u3040-\u30FF]/, /^[\x00-\x7F]*$/].flatMap((script) => seeds.records.filter((x) => script.test(String(x.text))).slice(0, 3));
  for (const paste of [...warm.map((x) => ({ text: String(x.text) })), ...seeds.pages.slice(0, 3).map((text) => ({ text, format: 'html' }))]) {
    for (const it of documentsFromPaste(paste, 'warm-up')) if (it.ok) extractArticle(cleanDocument(it.doc));
  }
  const times = new Float64Array(count);
  const walls = new Float64Array(count);
  const bad = [];
  let resolver = new EventResolver();
  for (let i = 0; i < count; i++) {
    const input = makeInput(r, seeds);
    // A fresh resolver now and then: its events grow with every report, and the fuzz is about each input.
    if (i % 200 === 0) resolver = new EventResolver();
    const t = performance.now();
    const cpu = process.cpuUsage();
    let error = null;
    try {
      for (const it of documentsFromPaste(input, `fuzz:${seed}:${i}`)) {
        if (!it.ok) {
          if (/unexpected error/i.test(it.failure.reason)) error = it.failure.reason;
          continue;
        }
        const article = cleanDocument(it.doc);
        const extraction = extractArticle(article);
        resolver.add({ extraction, published: article.published?.date ?? null, source: article.source });
      }
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err);
    }
    const used = process.cpuUsage(cpu);
    times[i] = (used.user + used.system) / 1000;
    walls[i] = performance.now() - t;
    if (error !== null || (maxMs && times[i] > maxMs)) bad.push({ index: i, ms: times[i], error, input });
  }
  process.send({ times: [...times], walls: [...walls], bad }, () => process.exit(0));
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const inputs = Number(opt('--inputs', '100000'));
  const seed = Number(opt('--seed', String(Date.now() % 1_000_000)));
  const threads = Math.max(1, Number(opt('--threads', String(availableParallelism()))));
  const maxMs = Number(opt('--max-ms', '0'));
  const asJson = args.includes('--json');
  if (!existsSync(join(root, 'dist', 'src', 'app', 'ingestion.js'))) {
    console.error('fuzz: build first (npm run build)');
    process.exit(2);
  }
  const started = performance.now();
  const per = Math.ceil(inputs / threads);
  const results = await Promise.all(
    Array.from({ length: threads }, (_, w) => new Promise((done, fail) => {
      const child = fork(fileURLToPath(import.meta.url), ['--child'], { serialization: 'advanced' });
      child.send({ seed: seed * 97 + w, count: Math.min(per, inputs - w * per), maxMs });
      child.once('message', done);
      child.once('error', fail);
      child.once('exit', (code) => code !== 0 && fail(new Error(`fuzz: a child process exited with ${code}`)));
    })),
  );
  const times = Float64Array.from(results.flatMap((x) => x.times)).sort();
  const walls = Float64Array.from(results.flatMap((x) => x.walls)).sort();
  const bad = results.flatMap((x) => x.bad);
  const exceptions = bad.filter((b) => b.error !== null);
  const overTime = bad.filter((b) => b.error === null);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const summary = {
    inputs: times.length,
    seed,
    threads,
    exceptions: exceptions.length,
    overLimit: maxMs ? bad.filter((b) => b.ms > maxMs).length : null,
    slowestMs: Number(times[times.length - 1].toFixed(1)),
    slowestWallMs: Number(walls[walls.length - 1].toFixed(1)),
    p99Ms: Number(q(0.99).toFixed(1)),
    p50Ms: Number(q(0.5).toFixed(1)),
    meanMs: Number((times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)),
    wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  if (bad.length) {
    const dir = join(root, 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    for (const b of bad.slice(0, 50)) writeFileSync(join(dir, `${seed}-${b.index}-${Math.round(b.ms)}ms.json`), JSON.stringify(b, null, 1));
  }
  if (asJson) console.log(JSON.stringify(summary));
  else {
    console.log(`fuzz: ${summary.inputs} inputs (seed ${seed}, ${threads} processes) in ${summary.wallSeconds} s`);
    console.log(`fuzz: exceptions ${summary.exceptions}; CPU time per input: slowest ${summary.slowestMs} ms, p99 ${summary.p99Ms} ms, median ${summary.p50Ms} ms, mean ${summary.meanMs} ms${maxMs ? `; over ${maxMs} ms: ${summary.overLimit}` : ''} (slowest wall time ${summary.slowestWallMs} ms)`);
    for (const e of exceptions.slice(0, 5)) console.log(`fuzz: exception at input ${e.index}: ${String(e.error).split('\n')[0]}`);
    if (bad.length) console.log(`fuzz: ${Math.min(bad.length, 50)} failing inputs written to fuzz-failures/`);
  }
  process.exit(exceptions.length > 0 || overTime.length > 0 ? 1 : 0);
}

if (process.argv.includes('--child')) await workerMain();
else await main();
