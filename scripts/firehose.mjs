// A synthetic news firehose for load tests: plain-text articles of about 5 KB (headline, dateline, body), of
// which a given share are launch reports. Everything is written here from word lists and sentence patterns
// (no corpus text); a seeded generator makes the same articles for the same arguments. Launch reports come in
// groups of `reportsPerLaunch` articles about one launch (different outlets and filler), launches 40 days apart,
// so the expected event count is known: ceil(launch reports / reportsPerLaunch).
//
// As a command: node scripts/firehose.mjs <folder> [count=2000] [launchShare=0.01]  (writes <folder>/NNNNNN.txt)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CITIES = ['SEOUL', 'TOKYO', 'BERLIN', 'LISBON', 'OTTAWA', 'NAIROBI', 'LIMA', 'OSLO', 'MANILA', 'CAIRO'];
const TOWNS = ['Riverton', 'Maplewood', 'Eastbridge', 'Harborview', 'Millbrook', 'Stonefield', 'Clearwater', 'Ashford'];
const TOPICS = ['school meals', 'road repairs', 'a new library', 'bus timetables', 'park lighting', 'water pipes', 'flood barriers', 'bike lanes'];
const GROUPS = ['the council', 'local traders', 'a residents association', 'the regional board', 'farmers', 'the teachers union'];
const VERBS = ['approved', 'debated', 'postponed', 'questioned', 'welcomed', 'criticised', 'reviewed'];
const ADJ = ['modest', 'long-awaited', 'contested', 'expensive', 'overdue', 'ambitious', 'cautious'];
const SITES = ['Wonsan', 'Sunan', 'Sinpo', 'Tongchang-ri', 'Kusong', 'Hamhung'];
const OUTLETS = ['harbor-times.example', 'daily-ledger.example', 'metro-wire.example', 'north-post.example', 'evening-star.example'];

/** A small seeded generator (mulberry32), so runs are repeatable. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dateline = (city, d) => `${city}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} -`;

/** One paragraph of local news, none of it about weapons. */
function fillerParagraph(pick, town) {
  const n = 2 + Math.floor(pick() * 40);
  return [
    `${cap(pickOf(pick, GROUPS))} ${pickOf(pick, VERBS)} a ${pickOf(pick, ADJ)} plan for ${pickOf(pick, TOPICS)} in ${town}, which would cost about ${n} million over four years.`,
    `Supporters said the plan for ${pickOf(pick, TOPICS)} was ${pickOf(pick, ADJ)}, while ${pickOf(pick, GROUPS)} asked for a public hearing before any vote.`,
    `A spokesperson for ${pickOf(pick, GROUPS)} said the figures would be published next month and that ${n * 10} households had written in.`,
  ].join(' ');
}
const pickOf = (pick, list) => list[Math.floor(pick() * list.length)];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** Paragraphs of filler until the text reaches `bytes`. */
function fill(pick, town, head, bytes) {
  const paras = [...head];
  while (paras.join('\n\n').length < bytes) paras.push(fillerParagraph(pick, town));
  return paras.join('\n\n');
}

/**
 * `count` articles ({ name, text }), `launchShare` of them launch reports (at least one when the share is
 * above zero), spread evenly through the stream.
 */
export function generateArticles({ count, launchShare = 0.01, reportsPerLaunch = 4, seed = 7, bytes = 5000 }) {
  const pick = rng(seed);
  const launches = launchShare > 0 ? Math.max(1, Math.round(count * launchShare)) : 0;
  const every = launches ? Math.floor(count / launches) : Infinity;
  const start = Date.UTC(2031, 0, 10);
  const out = [];
  let launchReports = 0;
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(6, '0')}.txt`;
    const town = pickOf(pick, TOWNS);
    if (launches && i % every === 0 && launchReports < launches) {
      const launch = Math.floor(launchReports / reportsPerLaunch);
      const d = new Date(start + launch * 40 * 86_400_000);
      const site = SITES[launch % SITES.length];
      const km = 300 + ((launch * 137) % 900);
      const outlet = OUTLETS[launchReports % OUTLETS.length];
      const head = [
        `North Korea fires ballistic missile from ${site}, military says`,
        `${dateline('SEOUL', d)} North Korea fired a ballistic missile from the ${site} area on ${WEEKDAYS[d.getUTCDay()]} morning, South Korea's Joint Chiefs of Staff said.`,
        `The missile flew about ${km} kilometers before it came down in the sea, the Joint Chiefs of Staff said, adding that the launch was being analysed (report ${launchReports + 1} from ${outlet}).`,
      ];
      out.push({ name, text: fill(pick, town, head, bytes), launch });
      launchReports++;
    } else {
      const d = new Date(start + Math.floor(pick() * 900) * 86_400_000);
      const head = [`${cap(pickOf(pick, GROUPS))} ${pickOf(pick, VERBS)} plan for ${pickOf(pick, TOPICS)} in ${town}`, `${dateline(pickOf(pick, CITIES), d)} ${fillerParagraph(pick, town)}`];
      out.push({ name, text: fill(pick, town, head, bytes), launch: null });
    }
  }
  return out;
}

/** Writes the articles as text files into `dir`; returns them. */
export function writeArticles(dir, options) {
  mkdirSync(dir, { recursive: true });
  const articles = generateArticles(options);
  for (const a of articles) writeFileSync(join(dir, a.name), a.text);
  return articles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count = '2000', share = '0.01'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node scripts/firehose.mjs <folder> [count] [launchShare]');
  const written = writeArticles(dir, { count: Number(count), launchShare: Number(share) });
  const launches = new Set(written.filter((a) => a.launch !== null).map((a) => a.launch)).size;
  console.log(`${written.length} articles in ${dir}, ${written.filter((a) => a.launch !== null).length} launch reports of ${launches} launches`);
}
