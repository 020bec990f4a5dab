#!/usr/bin/env node
// Benchmark of the copies module's LSH index (src/resolve/copies): builds an index of 1,000,000 MinHash
// signatures of synthetic shingle sets (seeded, so every run is the same), then times 10,000 lookups each
// of near-duplicates and of non-duplicates. Reads dist/: run `npm run build` first (`npm run bench` does).
//
//   node scripts/bench-copies.mjs [count=1000000] [queries=10000]
//
// Synthetic documents are sets of 24–40 random 32-bit shingle hashes (real articles have hundreds of
// shingles, but the signature — and so the index — does not depend on set size; small sets keep the
// signing part of the build short). Near-duplicates keep 80% of a document's shingles (J ≈ 0.67 on average;
// with so few shingles some draw J ≈ 0.4 and fall under the LSH S-curve, hence recall just under 100%) or
// its first half (J = 0.5, like a truncated copy); non-duplicates are fresh random sets.
import { performance } from 'node:perf_hooks';
import { LshIndex, signatureFromHashes } from '../dist/src/resolve/copies/index.js';
import { LSH_BANDS, LSH_ROWS } from '../dist/src/settings.js';
import { mulberry32 } from '../dist/src/resolve/copies/hash.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const QUERIES = Number(process.argv[3] ?? 10_000);
const rnd = mulberry32(0xbe4c4);
const randomSet = (size) => {
  const s = new Uint32Array(size);
  for (let i = 0; i < size; i++) s[i] = rnd();
  return s;
};

const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;
const mem = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
};
const showMem = (label, m) => console.log(`${label.padEnd(14)} rss ${mb(m.rss).padStart(8)}   heapUsed ${mb(m.heapUsed).padStart(8)}   arrayBuffers ${mb(m.arrayBuffers).padStart(8)}`);
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

console.log(`copies LSH benchmark: ${COUNT.toLocaleString('en')} signatures, ${LSH_BANDS} bands × ${LSH_ROWS} rows, ${QUERIES.toLocaleString('en')} queries per kind`);
const before = mem();
showMem('before', before);

// Build: sign and add. Every (COUNT / QUERIES)-th document's shingle set is kept to make near-duplicates.
const index = new LshIndex();
const stride = Math.max(1, Math.floor(COUNT / QUERIES));
const kept = [];
let signMs = 0;
let addMs = 0;
const t0 = performance.now();
for (let i = 0; i < COUNT; i++) {
  const set = randomSet(24 + (rnd() % 17));
  const a = performance.now();
  const sig = signatureFromHashes(set);
  const b = performance.now();
  index.add(`doc-${i}`, sig);
  addMs += performance.now() - b;
  signMs += b - a;
  if (i % stride === 0 && kept.length < QUERIES) kept.push({ id: `doc-${i}`, set });
}
const buildMs = performance.now() - t0;
const after = mem();
console.log(`build          ${(buildMs / 1000).toFixed(1)} s total: signing ${(signMs / 1000).toFixed(1)} s, index.add ${(addMs / 1000).toFixed(1)} s (${((addMs * 1000) / COUNT).toFixed(2)} µs per add)`);
showMem('after build', after);
console.log(`index arrays   ${mb(index.arrayBytes)} (${(index.arrayBytes / COUNT).toFixed(0)} bytes per signature, ids not counted); growth in rss ${mb(after.rss - before.rss)}, heap ${mb(after.heapUsed - before.heapUsed)}`);

/** Times each query alone; returns sorted per-query µs and the results. */
function timeQueries(sigs) {
  const us = new Float64Array(sigs.length);
  const results = new Array(sigs.length);
  for (let i = 0; i < sigs.length; i++) {
    const a = performance.now();
    results[i] = index.query(sigs[i]);
    us[i] = (performance.now() - a) * 1000;
  }
  us.sort();
  return { us, results };
}
const report = (label, { us }, extra) =>
  console.log(`${label.padEnd(30)} p50 ${pct(us, 50).toFixed(1).padStart(6)} µs   p99 ${pct(us, 99).toFixed(1).padStart(6)} µs   ${extra}`);

// Warm up the JIT on a few queries first.
timeQueries(Array.from({ length: 200 }, () => signatureFromHashes(randomSet(32))));

const near = kept.map(({ set }) => signatureFromHashes(set.map((v) => (rnd() % 100 < 80 ? v : rnd()))));
const nearRun = timeQueries(near);
const nearHits = nearRun.results.filter((r, i) => r.includes(kept[i].id)).length;
report('near-duplicates (J ≈ 0.67)', nearRun, `recall ${((100 * nearHits) / kept.length).toFixed(2)}%`);

const half = kept.map(({ set }) => signatureFromHashes(set.subarray(0, Math.ceil(set.length / 2))));
const halfRun = timeQueries(half);
const halfHits = halfRun.results.filter((r, i) => r.includes(kept[i].id)).length;
report('truncated copies (J ≈ 0.5)', halfRun, `recall ${((100 * halfHits) / kept.length).toFixed(2)}%`);

const fresh = Array.from({ length: QUERIES }, () => signatureFromHashes(randomSet(24 + (rnd() % 17))));
const freshRun = timeQueries(fresh);
const stray = freshRun.results.reduce((n, r) => n + r.length, 0);
report('non-duplicates', freshRun, `false candidates ${stray} in ${QUERIES} queries`);

const end = mem();
showMem('end', end);
console.log(`total          ${((performance.now() - t0) / 1000).toFixed(1)} s`);
