#!/usr/bin/env node
// Scores `salvo analyze` on a labelled corpus with the shared scorers: the per-article predictions with
// score.mjs, and the event table (what ingesting the corpus stores) with score-events.mjs.
//   npm run eval -- --corpus ../shared/corpus/dev [-v] [--min report_f1=0.95 ...] [--events-min found=0.95 ...]
// --events-min floors go to the event scorer, every other argument to the per-article scorer. Needs a built
// dist/ (npm run build). The exit code is non-zero when either scorer reports a floor missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let corpus = null;
const rest = [];
const eventsArgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--corpus') corpus = args[++i];
  else if (args[i] === '--events-min') eventsArgs.push('--min', args[++i]);
  else rest.push(args[i]);
}
if (!corpus) {
  console.error('usage: npm run eval -- --corpus DIR [scorer options] [--events-min KEY=VALUE ...]');
  process.exit(2);
}
corpus = resolve(corpus);
if (rest.includes('-v') || rest.includes('--verbose')) eventsArgs.push('-v');
const scorer = process.env.SALVO_SCORER ?? resolve(root, '../shared/eval/score.mjs');
const eventScorer = process.env.SALVO_EVENT_SCORER ?? resolve(dirname(scorer), 'score-events.mjs');
if (!existsSync(scorer)) {
  console.log(`eval: scorer not found at ${scorer} (../shared is absent): skipping`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'salvo-eval-'));
const file = join(dir, 'predictions.jsonl');
const eventsFile = join(dir, 'events.jsonl');
const started = Date.now();
const preds = execFileSync(process.execPath, [join(root, 'dist/src/main.js'), 'analyze', join(corpus, 'articles'), '--jsonl', '--events', eventsFile], {
  maxBuffer: 256 * 1024 * 1024,
  encoding: 'utf8',
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
writeFileSync(file, preds);
console.log(`eval: analyze ${corpus} took ${seconds} s`);
const perArticle = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--pred', file, ...rest], { stdio: 'inherit' });
let events = { status: 0 };
if (existsSync(eventScorer)) {
  console.log('eval: event table');
  events = spawnSync(process.execPath, [eventScorer, '--corpus', corpus, '--events', eventsFile, ...eventsArgs], { stdio: 'inherit' });
} else {
  console.log(`eval: event scorer not found at ${eventScorer}: event table not scored`);
}
rmSync(dir, { recursive: true, force: true });
process.exit(perArticle.status || events.status || 0);
