#!/usr/bin/env node
// HTML article-extraction benchmark: Salvo's extractor and Readability.js over linkedom on the same 181 pages
// of ../shared/bench/article-extraction (scrapinghub/article-extraction-benchmark), in one process, scored
// with the benchmark's own metric (score.mjs, re-implemented below line for line).
//
//   npm run bench:html [-- --bench DIR] [--worst N] [--only salvo] [--out FILE.json]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const benchDir = resolve(opt('--bench', join(root, '..', 'shared', 'bench', 'article-extraction')));
if (!existsSync(join(benchDir, 'ground-truth.json'))) {
  console.log(`bench:html skipped: no benchmark at ${benchDir} (it lives in ../shared/bench/article-extraction)`);
  process.exit(0);
}
const worst = Number(opt('--worst', '0'));
const only = opt('--only', null);
const outFile = opt('--out', null);

const { extractHtml } = await import(join(root, 'dist/src/ingest/extract-html/index.js'));
const { decodeBytes } = await import(join(root, 'dist/src/ingest/bytes.js'));
const { Readability } = await import('@mozilla/readability');
const { parseHTML } = await import('linkedom');

// ---- the benchmark's metric, as in score.mjs ----
const tokenize = (t) => (t || '').match(/[\p{L}\p{N}\p{M}_]+/gu) || [];
function shingles(text, n = 4) {
  const tok = tokenize(text), out = new Map();
  for (let i = 0; i < Math.max(1, tok.length - n + 1); i++) {
    const s = tok.slice(i, i + n);
    if (!s.length) continue;
    const k = s.join('\u0001');
    out.set(k, (out.get(k) || 0) + 1);
  }
  return out;
}
function match(t, p) {
  const a = shingles(t), b = shingles(p);
  let tp = 0, fp = 0, fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) || 0, y = b.get(k) || 0;
    tp += Math.min(x, y); fp += Math.max(0, y - x); fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}
const prec = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const rec = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
function score(truth, pred) {
  const keys = Object.keys(truth);
  const m = keys.map((k) => match(truth[k].articleBody, pred[k]?.articleBody || ''));
  const p = mean(m.filter(([tp, fp]) => tp + fp > 0).map(prec));
  const r = mean(m.filter(([tp, , fn]) => tp + fn > 0).map(rec));
  const acc = mean(keys.map((k) => Number(tokenize(truth[k].articleBody).join(' ') === tokenize(pred[k]?.articleBody || '').join(' '))));
  const perPage = Object.fromEntries(keys.map((k, i) => [k, { p: prec(m[i]), r: rec(m[i]) }]));
  return { f1: (2 * p * r) / (p + r), p, r, acc, perPage };
}

// ---- pages ----
const truth = JSON.parse(readFileSync(join(benchDir, 'ground-truth.json'), 'utf8'));
const ids = readdirSync(join(benchDir, 'html')).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -8)).sort();
const pages = ids.map((id) => ({ id, html: decodeBytes(gunzipSync(readFileSync(join(benchDir, 'html', `${id}.html.gz`))), { html: true }), url: truth[id]?.url ?? null }));
const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

function run(name, fn) {
  for (const page of pages.slice(0, 15)) { try { fn(page); } catch { /* warm-up */ } }
  const pred = {};
  const times = [];
  let errors = 0;
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  for (const page of pages) {
    const t = performance.now();
    try {
      pred[page.id] = { articleBody: fn(page) };
    } catch (err) {
      errors++;
      pred[page.id] = { articleBody: '' };
      if (errors <= 5) console.log(`  ${name} threw on ${page.id}: ${err?.message ?? err}`);
    }
    times.push([performance.now() - t, page.id]);
  }
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => b[0] - a[0]);
  return { name, pred, seconds, rate: pages.length / seconds, errors, slowest: times[0], peakRss: process.resourceUsage().maxRSS * 1024, rssBefore };
}

const meta = [];
const salvo = run('salvo', (page) => {
  const out = extractHtml(page.html, { url: null });
  meta.push(out);
  return out.text;
});
const results = [salvo];
if (only !== 'salvo') {
  results.push(run('readability+linkedom', (page) => {
    const { document } = parseHTML(page.html);
    return new Readability(document).parse()?.textContent ?? '';
  }));
}

console.log(`HTML article extraction, ${pages.length} pages of ${benchDir} (metric: score.mjs, 4-gram shingle F1)`);
for (const r of results) {
  const s = score(truth, r.pred);
  r.score = s;
  console.log(
    `${r.name.padEnd(22)} F1 ${s.f1.toFixed(3)}  precision ${s.p.toFixed(3)}  recall ${s.r.toFixed(3)}  accuracy ${s.acc.toFixed(3)}  ` +
      `${r.rate.toFixed(1)} pages/s  errors ${r.errors}  slowest ${r.slowest[0].toFixed(0)} ms  peak RSS ${mb(r.peakRss)}`,
  );
}
if (results.length > 1) console.log(`throughput ratio salvo / readability+linkedom: ${(results[0].rate / results[1].rate).toFixed(2)}x`);
console.log(`peak RSS after salvo's pass: ${mb(salvo.peakRss)} (the process holds all ${pages.length} pages decoded in memory)`);

const vias = {};
for (const m of meta.slice(-pages.length)) vias[m.via] = (vias[m.via] ?? 0) + 1;
const last = meta.slice(-pages.length);
const pubVia = {};
for (const m of last) if (m.published) pubVia[m.published.via] = (pubVia[m.published.via] ?? 0) + 1;
console.log(
  `metadata (pages of ${pages.length}): title ${last.filter((m) => m.title).length}, ` +
    `date ${last.filter((m) => m.published).length} (${Object.entries(pubVia).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
    `canonical URL ${last.filter((m) => m.url).length}, outlet name ${last.filter((m) => m.siteName).length}, language ${last.filter((m) => m.language).length}`,
);
console.log(`body found by: ${Object.entries(vias).map(([k, v]) => `${k} ${v}`).join(', ')}`);

if (worst > 0) {
  const s = salvo.score.perPage;
  const rows = Object.entries(s).map(([id, v]) => ({ id, ...v, f: (2 * v.p * v.r) / (v.p + v.r || 1), via: last[ids.indexOf(id)]?.via }));
  rows.sort((a, b) => a.f - b.f);
  for (const row of rows.slice(0, worst)) console.log(`  ${row.id.slice(0, 12)} F ${row.f.toFixed(3)} P ${row.p.toFixed(3)} R ${row.r.toFixed(3)} via ${row.via}  ${truth[row.id].url}`);
}
if (outFile) writeFileSync(outFile, JSON.stringify(salvo.pred));
