#!/usr/bin/env node
// Knowledge-matcher speed: every table matched against a fresh 2,000-character text, averaged over 200 runs.
// Target: well under a millisecond per text (the extractor matches every sentence of every article).
//
//   npm run bench:knowledge
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const k = await import(join(root, 'dist/src/knowledge/index.js'));
const TARGET_MS = 1;

k.loadKnowledge();
const para = 'Officials in the capital said the object flew for several minutes before it came down at sea, and analysts compared it with designs shown last year. ';
const base = para.repeat(Math.ceil(2000 / para.length)).slice(0, 2000);
const finders = [k.findSites, k.findMissiles, k.findClassPhrases, k.findAgencies, k.findActors, k.findSeas, k.findEez];
const run = (i) => {
  const text = `${base}${i}`; // a new string each time, so no cache helps
  for (const f of finders) f(text);
};
for (let i = 0; i < 20; i++) run(i);
const n = 200;
const t0 = performance.now();
for (let i = 0; i < n; i++) run(i);
const ms = (performance.now() - t0) / n;
console.log(`knowledge: ${ms.toFixed(3)} ms per 2,000-character text (target < ${TARGET_MS} ms)`);
if (ms >= TARGET_MS) process.exitCode = 1;
