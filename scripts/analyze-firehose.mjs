// The firehose of scripts/firehose.mjs as JSON Lines, for `npm run bench:analyze`: one corpus-format record per
// article ({id, url, source, published, title, text}), the headline as the title and the dateline's day as the
// publication date. Written in slices so a 100k-article file never sits in memory; launch reports keep the
// generator's spacing. With launchShare 1 every article is a launch report (the launch-report stream).
//
// As a command: node scripts/analyze-firehose.mjs <file.jsonl> [count=10000] [launchShare=0.01] [seed=7]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './firehose.mjs';

const SLICE = 2000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATELINE = new RegExp(String.raw`\b(${MONTHS.join('|')}) (\d{1,2}), (\d{4}) -`);

/** The record of one generated article (its text: headline, blank line, body). */
function record(a, i) {
  const [title, ...rest] = a.text.split('\n\n');
  const m = DATELINE.exec(a.text);
  const published = m ? `${m[3]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}` : null;
  return { id: `fh-${i}`, url: `https://news.example/${i}`, source: 'news.example', published, title, text: rest.join('\n\n') };
}

/** Writes `count` articles to `file` as JSON Lines; resolves to the number of launch reports written. */
export async function writeFirehoseJsonl(file, { count, launchShare = 0.01, seed = 7 }) {
  const out = createWriteStream(file);
  let reports = 0;
  for (let start = 0, slice = 0; start < count; start += SLICE, slice++) {
    const n = Math.min(SLICE, count - start);
    const articles = generateArticles({ count: n, launchShare, seed: seed + slice });
    let chunk = '';
    articles.forEach((a, j) => {
      if (a.launch !== null) reports++;
      chunk += `${JSON.stringify(record(a, start + j))}\n`;
    });
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return reports;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, count = '10000', share = '0.01', seed = '7'] = process.argv.slice(2);
  if (!file) throw new Error('usage: node scripts/analyze-firehose.mjs <file.jsonl> [count] [launchShare] [seed]');
  const reports = await writeFirehoseJsonl(file, { count: Number(count), launchShare: Number(share), seed: Number(seed) });
  console.log(`${count} articles in ${file}, ${reports} launch reports`);
}
