// Input for the write-path tests and scripts (test/concurrency.test.ts, scripts/concurrency.mjs,
// scripts/crash-ingest.mjs): short articles from the firehose generator (scripts/firehose.mjs: launch reports in
// groups about one launch, and local news), plus, when asked, undated follow-ups of some launches (no date in
// the text) that join their launch's event by site and distance. Seeded, so a run is repeatable.
//
// As a command: node scripts/writers-corpus.mjs <folder> [articles=120] [launchShare=0.5] [undated=0]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './firehose.mjs';

const SITES = ['Wonsan', 'Sunan', 'Sinpo', 'Tongchang-ri', 'Kusong', 'Hamhung']; // as in firehose.mjs

/**
 * Writes `articles` firehose articles (about `bytes` long, `launchShare` of them launch reports, four per launch)
 * and `undated` undated follow-ups as text files NNNNNN.txt into `dir`; returns their names in order.
 */
export function writeCorpus(dir, { articles = 120, launchShare = 0.5, undated = 0, seed = 11, bytes = 700 } = {}) {
  mkdirSync(dir, { recursive: true });
  const out = generateArticles({ count: articles, launchShare, reportsPerLaunch: 4, seed, bytes });
  // The firehose's launch n is from SITES[n % 6] over 300 + (n * 137) % 900 km; a follow-up says the same. Only
  // launches no other one resembles get follow-ups (same site, distances within 20 %), so where a follow-up
  // belongs does not depend on the order reports arrive in.
  const siteOf = (n) => SITES[n % SITES.length];
  const kmOf = (n) => 300 + ((n * 137) % 900);
  const all = [...new Set(out.filter((a) => a.launch !== null).map((a) => a.launch))];
  const alike = (n, m) => siteOf(n) === siteOf(m) && Math.abs(kmOf(n) - kmOf(m)) / Math.max(kmOf(n), kmOf(m)) <= 0.2;
  const launches = all.filter((n) => !all.some((m) => m !== n && alike(n, m)));
  for (let i = 0; i < undated && launches.length; i++) {
    const launch = launches[i % launches.length];
    const site = siteOf(launch);
    const km = kmOf(launch);
    const text =
      `More details on the North Korean missile test\n\n` +
      `North Korea fired a ballistic missile from the ${site} area, the Joint Chiefs of Staff said in a follow-up briefing (note ${i + 1}).\n\n` +
      `The missile flew about ${km} kilometers before it came down in the sea, according to the military.`;
    // Placed after the reports of its launch, among the other articles.
    out.push({ name: '', text, launch });
  }
  const names = [];
  out.forEach((a, i) => {
    const name = `${String(i).padStart(6, '0')}.txt`;
    writeFileSync(join(dir, name), a.text);
    names.push(name);
  });
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, articles = '120', share = '0.5', undated = '0'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node scripts/writers-corpus.mjs <folder> [articles] [launchShare] [undated]');
  const names = writeCorpus(dir, { articles: Number(articles), launchShare: Number(share), undated: Number(undated) });
  console.log(`${names.length} articles in ${dir}`);
}
