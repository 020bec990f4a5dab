#!/usr/bin/env node
// Scores `salvo analyze` on a labelled corpus with the shared scorer:
//   npm run eval -- --corpus ../shared/corpus/dev [-v] [--min report_f1=0.95 ...]
// Every argument but --corpus goes to the scorer. Needs a built dist/ (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
if (at < 0 || !args[at + 1]) {
  console.error('usage: npm run eval -- --corpus DIR [scorer options]');
  process.exit(2);
}
const corpus = resolve(args[at + 1]);
const rest = args.filter((_, i) => i !== at && i !== at + 1);
const scorer = process.env.SALVO_SCORER ?? resolve(root, '../shared/eval/score.mjs');
if (!existsSync(scorer)) {
  console.log(`eval: scorer not found at ${scorer} (../shared is absent): skipping`);
  process.exit(0);
}
const started = Date.now();
const preds = execFileSync(process.execPath, [join(root, 'dist/src/main.js'), 'analyze', join(corpus, 'articles'), '--jsonl'], {
  maxBuffer: 256 * 1024 * 1024,
  encoding: 'utf8',
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const dir = mkdtempSync(join(tmpdir(), 'salvo-eval-'));
const file = join(dir, 'predictions.jsonl');
writeFileSync(file, preds);
console.log(`eval: analyze ${corpus} took ${seconds} s`);
const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--pred', file, ...rest], { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
