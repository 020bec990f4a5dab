// Sums V8 .cpuprofile files (as `node --cpu-prof --cpu-prof-dir=DIR …` writes them, one per thread) into the top
// functions by self time and by inclusive time, and, with --per N, the ingest stages' inclusive time per article
// over N articles. The profiler samples wall-clock time: on a loaded machine a thread that is waiting or has lost
// its core is charged to the function it was in (a commit's fsync, a postMessage that woke another thread), so
// read the figures beside the bench's CPU ones.
//
//   node scripts/cpuprofile-top.mjs DIR/*.cpuprofile [--top 25] [--per 5000]
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const TOP = opt('top', 25);
const PER = opt('per', 0);
const files = argv.filter((a, i) => a.endsWith('.cpuprofile') && !['--top', '--per'].includes(argv[i - 1]));
if (!files.length) throw new Error('usage: cpuprofile-top.mjs FILE.cpuprofile… [--top 25] [--per ARTICLES]');

const self = new Map();
const inclusive = new Map();
let total = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
const nameOf = ({ callFrame: c }) => `${c.functionName || '(anonymous)'} ${c.url.replace(/^.*\/(dist|node_modules|scripts)\//, '$1/')}:${c.lineNumber + 1}`;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const time = new Map();
  profile.samples.forEach((id, i) => add(time, id, profile.timeDeltas[i] ?? 0));
  for (const [id, us] of time) {
    total += us;
    add(self, nameOf(byId.get(id)), us);
    // A function on the stack twice (recursion) counts once.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(nameOf(byId.get(at)));
    for (const name of seen) add(inclusive, name, us);
  }
}

const ms = (us) => (us / 1000).toFixed(0).padStart(8);
for (const [title, map] of [['self', self], ['inclusive', inclusive]]) {
  console.log(`\n${title} time, top ${TOP} (all samples: ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name.length > 160 ? `${name.slice(0, 157)}…` : name}`);
  }
}

// Ingest stages by the functions that run them (inclusive: a stage's callees count in it).
const STAGES = [
  ['reading (bench reader, JSON.parse, documentFromRecord)', ['items', 'documentFromRecord']],
  ['cleaning (cleanDocument, all)', ['cleanDocument']],
  ['  line cleaning (cleanLines)', ['cleanLines']],
  ['  sentence segmentation (splitSentences)', ['splitSentences']],
  ['  article id (sha256)', ['articleId']],
  ['language detection (detectLanguage)', ['detectLanguage']],
  ['extraction (extractArticle, all)', ['extractArticle']],
  ['  prefilter (mayReportLaunch)', ['mayReportLaunch']],
  ['copy detection (findCopies, all)', ['findCopies']],
  ['  shingling (copyShingles)', ['copyShingles']],
  ['  MinHash signature (signatureFromHashes; inlined calls count in findCopies)', ['signatureFromHashes']],
  ['  LSH query (queryRanked)', ['queryRanked']],
  ['  candidate checks (decide)', ['decide']],
  ['store: saveArticle (rows, SQLite, FTS; wall, with the commit)', ['saveArticle']],
  ['  row building (articleToRow, extractionToRows)', ['articleToRow', 'extractionToRows']],
  ['store: changesSince', ['changesSince']],
  ['store: hasArticle', ['hasArticle']],
  ['garbage collector', ['(garbage collector)']],
];
if (PER > 0) {
  console.log(`\ningest stages, inclusive ms per article over ${PER}`);
  for (const [label, names] of STAGES) {
    let us = 0;
    for (const [name, v] of inclusive) if (names.some((n) => name.startsWith(`${n} `))) us += v;
    console.log(`${(us / 1000 / PER).toFixed(3).padStart(8)}  ${label}`);
  }
}
