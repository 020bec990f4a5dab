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
import { rng } from './seeded-random.mjs';

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

// ---- the firehose for bench:ingest and bench:scale ------------------------------------------------------------
// generateFirehose: JSON records ({ id, title, text, published, source, url, language }) of ordinary news with a
// vocabulary large enough that two independent articles share almost no 5-word run (so they are not
// near-duplicates of each other), `launchShare` launch reports in varied phrasings (each launch told by
// `reportsPerLaunch` outlets in their own words), and `copyShare` syndicated copies (new headline, byline and
// copyright line), truncated and extended copies and rewrites of earlier articles. Each record comes with what it
// is (`meta`), so a bench can check the copy links found against the ones made.

const SYLLABLES = 'ka ren do mi sal ver tan lo bri es mon ar pel quin ro sa te vin dal mor nes gar ul fen ho lin ba ster wick na li zo pra cel tor'.split(' ');
const FIRST_NAMES = 'Ana Ben Carla David Elena Farid Grace Hiro Ines Jonas Karin Luis Maya Nadia Omar Petra Quentin Rosa Sven Tara Umar Vera Walter Yuki Zofia Aiko Bruno Chloe Dmitri Emeka Freya Gustav Hana Ivan Jamal Leila Marco Nora Oskar Priya'.split(' ');
const ROLES = 'spokesperson, director, chair, treasurer, analyst, economist, professor, coach, curator, planner, inspector, manager, editor, researcher, deputy mayor, head of finance, union representative, chief executive, board member, lead engineer'.split(', ');
const ORG_KINDS = 'Council, Board, Institute, Association, Authority, Trust, Cooperative, Foundation, Chamber of Commerce, Transit Agency, Water Utility, Health Service, Arts Centre, University, Football Club, Library Service, Housing Group, Farmers Union, Port Authority, Tourism Office'.split(', ');
const TOPIC_NOUNS = {
  economy: 'budget tax rate wage price market loan mortgage inflation export import tariff bond pension subsidy deficit surplus forecast investment revenue payroll lease rent dividend credit'.split(' '),
  transport: 'bridge tunnel railway timetable platform junction highway bus tram ferry terminal depot bypass roundabout cycle-path parking toll fare signal crossing viaduct runway harbour lane freight'.split(' '),
  health: 'clinic hospital ward vaccine nurse waiting-list pharmacy screening therapy diagnosis ambulance surgery practice outbreak prescription midwife dentist hospice trial treatment'.split(' '),
  culture: 'museum gallery festival concert exhibition theatre orchestra novel poet film premiere choir sculpture archive mural library opera ballet quartet painting manuscript'.split(' '),
  sport: 'match league season stadium striker goalkeeper tournament final coach transfer derby fixture relegation trophy marathon regatta squad referee penalty championship'.split(' '),
  weather: 'storm rainfall drought heatwave frost flood gale snowfall forecast temperature humidity sea-level reservoir levee tide thunderstorm fog harvest'.split(' '),
  education: 'school curriculum exam pupil teacher campus lecture scholarship tuition classroom graduate syllabus headteacher kindergarten timetable dormitory semester enrolment'.split(' '),
  technology: 'app software network broadband data-centre server update chip startup platform battery sensor robot algorithm satellite-dish website printer charger'.split(' '),
  housing: 'apartment tenant landlord estate planning-permit renovation neighbourhood zoning plot shelter developer block terrace cottage warehouse conversion'.split(' '),
};
const TOPICS_ALL = Object.keys(TOPIC_NOUNS);
const ADJECTIVES = 'modest long-awaited contested expensive overdue ambitious cautious unexpected gradual sharp steady temporary permanent regional national local private public seasonal fragile robust generous narrow broad quiet crowded rural urban coastal northern southern eastern western annual monthly weekly historic modern rising falling stable controversial popular unpopular costly affordable revised preliminary final detailed vague complex simple'.split(' ');
const VERBS_PAST = 'approved debated postponed questioned welcomed criticised reviewed delayed expanded reduced cancelled extended announced rejected endorsed audited funded renamed restored reopened closed merged surveyed inspected relocated doubled halved capped'.split(' ');
const VERBS_BASE = 'approve debate postpone question welcome review delay expand reduce cancel extend announce reject endorse audit fund rename restore reopen close merge survey inspect relocate double halve cap'.split(' ');
const ADVERBS = 'sharply slightly quietly openly briefly narrowly widely largely partly steadily suddenly formally'.split(' ');
const PREPS = 'in near outside across around beyond along'.split(' ');
const TIMES = ['next month', 'by the end of the year', 'before the summer', 'within weeks', 'after the holidays', 'this quarter', 'next spring', 'by autumn', 'over two years', 'in the coming days'];
const SYNONYMS = { said: 'stated', approved: 'backed', debated: 'discussed', criticised: 'attacked', expensive: 'costly', modest: 'small', announced: 'unveiled', reduced: 'cut', sharply: 'steeply', would: 'will', about: 'around', residents: 'locals', officials: 'authorities', plan: 'proposal', new: 'fresh', large: 'big', project: 'scheme' };
const COUNT_WORDS = ['a', 'two', 'three', 'four'];
const CLASSES = ['short-range ballistic missile', 'ballistic missile', 'cruise missile', 'intermediate-range ballistic missile', 'intercontinental ballistic missile'];
const LAUNCH_SITES = ['Wonsan', 'Sunan', 'Sinpo', 'Tongchang-ri', 'Kusong', 'Hamhung', 'Pyongsong', 'Jangyon'];
const NEWS_OUTLETS = ['harbor-times.example', 'daily-ledger.example', 'metro-wire.example', 'north-post.example', 'evening-star.example', 'coast-herald.example', 'valley-courier.example', 'capital-report.example', 'morning-bulletin.example', 'river-gazette.example'];

/** What a rewrite puts for a word: a synonym, or the next word of the same list. */
const REWORD = new Map([
  ...[ADJECTIVES, VERBS_PAST, VERBS_BASE, ADVERBS].flatMap((list) => list.map((w, i) => [w, list[(i + 1) % list.length]])),
  ...Object.entries(SYNONYMS),
]);

/** A pseudo-word of 2–3 syllables, capitalised: the surnames and place names that make the vocabulary large. */
const coin = (pick) => cap(Array.from({ length: 2 + Math.floor(pick() * 2) }, () => pickOf(pick, SYLLABLES)).join(''));

/** Everything a generated story is about: its topic, place, people and organisations. */
function storyContext(pick) {
  const topic = pickOf(pick, TOPICS_ALL);
  const place = coin(pick) + pickOf(pick, ['', 'ton', 'ville', 'burg', ' Bay', 'field', ' Heights']);
  const people = Array.from({ length: 4 }, () => `${pickOf(pick, FIRST_NAMES)} ${coin(pick)}`);
  const orgs = Array.from({ length: 3 }, () => `the ${place} ${pickOf(pick, ORG_KINDS)}`);
  return { topic, place, people, orgs, nouns: TOPIC_NOUNS[topic] };
}

const num = (pick, lo, hi) => lo + Math.floor(pick() * (hi - lo));

/** One sentence of ordinary news about the story: every two or three words a fresh choice. */
function newsSentence(pick, c) {
  const n = () => pickOf(pick, c.nouns);
  const a = () => pickOf(pick, ADJECTIVES);
  const person = () => pickOf(pick, c.people);
  const org = () => pickOf(pick, c.orgs);
  const other = () => coin(pick);
  // In a launch report's background paragraphs no weekday or month, which would read as the launch's date.
  const day = () => (c.noDates ? pickOf(pick, ['the next session', 'a later date', 'the weekend']) : pickOf(pick, WEEKDAYS));
  const month = () => (c.noDates ? pickOf(pick, ['the period', 'the last season', 'the spring term']) : pickOf(pick, MONTHS));
  switch (Math.floor(pick() * 12)) {
    case 0: return `${person()}, ${pickOf(pick, ROLES)} at ${org()}, said the ${a()} ${n()} would ${pickOf(pick, VERBS_BASE)} ${num(pick, 2, 900)} ${n()} projects ${pickOf(pick, PREPS)} ${c.place} ${pickOf(pick, TIMES)}.`;
    case 1: return `The ${n()} ${pickOf(pick, VERBS_PAST)} ${pickOf(pick, ADVERBS)} after ${org()} ${pickOf(pick, VERBS_PAST)} a ${a()} ${n()} on ${day()}.`;
    case 2: return `According to ${org()}, ${num(pick, 12, 9800)} ${n()} cases were ${pickOf(pick, VERBS_PAST)} in ${other()} during ${month()}, up ${num(pick, 1, 40)}.${num(pick, 0, 10)} percent from ${num(pick, 2012, 2030)}.`;
    case 3: return `"We ${pickOf(pick, VERBS_PAST)} the ${a()} ${n()} because the ${n()} in ${other()} was ${a()}," ${person()} told reporters.`;
    case 4: return `Critics, including ${person()} and ${pickOf(pick, FIRST_NAMES)} ${other()}, argued that the ${a()} ${n()} could ${pickOf(pick, VERBS_BASE)} the ${n()} for ${num(pick, 3, 600)} households.`;
    case 5: return `${cap(org())} has ${pickOf(pick, VERBS_PAST)} ${num(pick, 2, 90)} ${a()} ${n()} schemes since ${month()} ${num(pick, 2015, 2031)}, at a cost of ${num(pick, 1, 99)}.${num(pick, 1, 9)} million.`;
    case 6: return `In ${other()}, ${pickOf(pick, ['residents', 'shop owners', 'commuters', 'parents', 'volunteers', 'farmers', 'students'])} ${pickOf(pick, VERBS_PAST)} the ${n()} and asked ${org()} for a ${a()} ${n()} by ${day()}.`;
    case 7: return `A ${a()} report by ${person()} found that ${num(pick, 5, 95)} percent of ${n()} users in ${c.place} wanted a ${a()} ${n()}.`;
    case 8: return `The ${n()} near ${other()} ${pickOf(pick, ['Street', 'Road', 'Square', 'Park', 'Market', 'Quay'])} will be ${pickOf(pick, VERBS_PAST)} ${pickOf(pick, TIMES)}, ${person()} confirmed.`;
    case 9: return `${person()} ${pickOf(pick, ['noted', 'added', 'warned', 'recalled', 'insisted'])} that ${org()} had ${pickOf(pick, VERBS_PAST)} a ${a()} ${n()} ${num(pick, 2, 30)} years ago.`;
    case 10: return c.topic === 'technology' || c.topic === 'economy'
      ? `${other()} ${pickOf(pick, ['Systems', 'Labs', 'Holdings', 'Works'])} launched a ${a()} ${n()} for ${num(pick, 20, 900)} customers in ${c.place}.`
      : `Figures for ${month()} showed ${num(pick, 100, 99999)} ${n()} visits, ${pickOf(pick, ['up', 'down'])} from ${num(pick, 100, 99999)} a year earlier.`;
    default: return `Meetings with ${org()} and ${org().replace(/^the /, '')} are planned ${c.noDates ? 'soon' : `for ${day()} ${num(pick, 1, 29)} ${month()}`}, when the ${a()} ${n()} is due.`;
  }
}

/** A paragraph of 3–5 news sentences. */
const newsParagraph = (pick, c) => Array.from({ length: 3 + Math.floor(pick() * 3) }, () => newsSentence(pick, c)).join(' ');

/** Paragraphs until the text reaches `bytes`. */
function fillNews(pick, c, head, bytes) {
  const paras = [...head];
  let size = paras.reduce((n, p) => n + p.length + 2, 0);
  while (size < bytes) {
    const p = newsParagraph(pick, c);
    paras.push(p);
    size += p.length + 2;
  }
  return paras;
}

const isoDate = (d) => d.toISOString().slice(0, 10);
const datelineOf = (city, d, outlet) => `${city}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} (${outlet.split('.')[0].split('-').map(cap).join(' ')}) -`;

/** A launch as the generator knows it: the facts every report of it tells in its own words. */
function launchFacts(pick, n, start) {
  const d = new Date(start + n * 9 * 86_400_000);
  const count = 1 + Math.floor(pick() * 3);
  return {
    n, date: d, count, cls: pickOf(pick, CLASSES), site: pickOf(pick, LAUNCH_SITES),
    km: num(pick, 200, 1100), apogee: num(pick, 40, 900), time: `${String(num(pick, 5, 11)).padStart(2, '0')}:${String(num(pick, 0, 60)).padStart(2, '0')}`,
  };
}

/** One outlet's report of a launch: headline, lead and details in one of several phrasings, then local news. */
function launchReport(pick, f, outlet, bytes) {
  const s = f.count > 1 ? 's' : '';
  const cw = COUNT_WORDS[f.count - 1];
  const wd = WEEKDAYS[f.date.getUTCDay()];
  const headline = pickOf(pick, [
    `North Korea fires ${cw} ${f.cls}${s} from ${f.site}, military says`,
    `N. Korea launches ${cw} ${f.cls}${s} toward East Sea`,
    `Pyongyang test-fires ${cw} missile${s} into the sea off its east coast`,
    `North Korean missile${s} fly ${f.km} km before splashing down, Seoul says`,
    `North Korea fires ${f.cls}${s} in latest test, JCS says`,
  ]);
  const dl = datelineOf('SEOUL', f.date, outlet);
  const lead = pickOf(pick, [
    `${dl} North Korea fired ${cw} ${f.cls}${s} from the ${f.site} area on ${wd} morning, South Korea's Joint Chiefs of Staff said.`,
    `${dl} North Korea launched ${cw} ${f.cls}${s} toward the East Sea at around ${f.time} on ${wd}, the South Korean military said.`,
    `${dl} Pyongyang fired ${cw} missile${s} from near ${f.site} early on ${wd}, according to Seoul's Joint Chiefs of Staff.`,
  ]);
  const details = [
    pickOf(pick, [
      `The missile${s} flew about ${f.km} kilometers at a maximum altitude of ${f.apogee} km, the JCS said.`,
      `The JCS said the missile${s} travelled roughly ${f.km} km and reached an altitude of about ${f.apogee} km.`,
      `Flying some ${f.km} kilometres, the missile${s} peaked at around ${f.apogee} km, officials said.`,
    ]),
    pickOf(pick, [
      `The launch was detected at ${f.time} local time, military officials said.`,
      `South Korean and US intelligence authorities were analysing the launch detected at ${f.time}, the military added.`,
      `Officials said the launch from ${f.site} took place at ${f.time}.`,
    ]),
    pickOf(pick, [
      "Japan's defence ministry said the missile appeared to have landed outside its exclusive economic zone.",
      'Tokyo said the missile fell into the sea and no damage to ships or aircraft was reported.',
      'The missile came down in the East Sea, also known as the Sea of Japan, the military said.',
    ]),
  ];
  if (pick() < 0.5) details.reverse();
  const c = { ...storyContext(pick), noDates: true };
  return { title: headline, paras: fillNews(pick, c, [lead, details.join(' ')], bytes) };
}

/** An ordinary article: headline, dateline and news paragraphs. */
function newsArticle(pick, d, bytes) {
  const c = storyContext(pick);
  const title = `${cap(pickOf(pick, c.orgs))} ${pickOf(pick, VERBS_PAST)} ${pickOf(pick, ADJECTIVES)} ${pickOf(pick, c.nouns)} plan for ${c.place}`;
  const lead = `${datelineOf(c.place.toUpperCase(), d, pickOf(pick, NEWS_OUTLETS))} ${newsSentence(pick, c)} ${newsSentence(pick, c)}`;
  return { title, paras: fillNews(pick, c, [lead], bytes) };
}

/** A sentence reworded (synonyms, the next adjective or verb in the lists) outside its quotation marks. */
const reworded = (sentence) =>
  sentence.split(/("[^"]*")/).map((part, i) => (i % 2 ? part : part.split(' ').map((w) => REWORD.get(w) ?? w).join(' '))).join('');

/**
 * A story as another outlet re-edits it, the way the re-edited wire stories in the corpora look (a Reuters
 * story as a Japanese site ran it; two Korean outlets' versions of one report): the story keeps its source's
 * order, the paragraphs cut go mostly from the end (stories are written to be cut from the bottom), a share
 * of the sentences is reworded (heavier in some rewrites than in others), direct quotes stay word for word,
 * and now and then the editor moves one paragraph up to follow the lead. Its own `pick`, so how a rewrite is
 * made does not shift the rest of the stream.
 */
function reedited(pick, paras) {
  const share = 0.6 + 0.4 * pick(); // of the sentences reworded
  const edit = (p, first) =>
    p.split(/(?<=[.!?"]) (?=[A-Z"])/).map((x, i) => (i === 0 && first) || pick() < share ? reworded(x) : x).join(' ');
  const body = paras.slice(1).filter((_, i, all) => i < 2 || pick() > 0.7 * (i / all.length));
  if (body.length > 2 && pick() < 0.3) body.unshift(...body.splice(2 + Math.floor(pick() * (body.length - 2)), 1));
  return [edit(paras[0], true), ...body.map((p) => edit(p, false))];
}

/** A copy of an earlier article as another outlet runs it (see generateFirehose for the kinds). */
function copyOf(pick, orig, kind) {
  const byline = `By ${pickOf(pick, FIRST_NAMES)} ${coin(pick)}`;
  const tail = `Copyright ${num(pick, 2030, 2040)} ${coin(pick)} Media. All rights reserved.`;
  let paras = orig.paras;
  if (kind === 'truncated') paras = paras.slice(0, Math.max(2, Math.ceil(paras.length / 2)));
  if (kind === 'extended') {
    const c = storyContext(pick);
    paras = [...paras, newsParagraph(pick, c), newsParagraph(pick, c)];
  }
  if (kind === 'rewrite') paras = reedited(rng(Math.floor(pick() * 2 ** 32)), paras);
  const title = kind === 'rewrite' ? orig.title.split(' ').map((w) => REWORD.get(w) ?? w).join(' ') : pick() < 0.5 ? orig.title : `${orig.title} (${coin(pick)} wire)`;
  return { title, paras: [byline, ...paras, tail] };
}

/**
 * `count` records, in stream order. Kinds (meta.kind): 'news', 'launch' (a report of launch meta.launch),
 * 'copy' (syndicated: same body with a byline and copyright line), 'truncated' (its first half), 'extended'
 * (two local paragraphs added) and 'rewrite' (re-edited: see `reedited`), the last four of the
 * earlier record meta.of, mostly a recent one. With `launchOnly`, every original is a launch report.
 */
export function* generateFirehose({ count, seed = 7, launchShare = 0.01, copyShare = 0.1, reportsPerLaunch = 4, bytes = 5000, launchOnly = false }) {
  const pick = rng(seed);
  const start = Date.UTC(2031, 0, 10);
  const recent = []; // the last originals and launch reports, for copies to copy
  let launchReports = 0;
  let facts = null;
  for (let i = 0; i < count; i++) {
    let art;
    let meta;
    let published;
    const r = pick();
    if (i > 0 && r < copyShare && recent.length > 0) {
      const o = recent[recent.length - 1 - Math.floor(pick() * pick() * recent.length)];
      const k = pick();
      const kind = k < 0.6 ? 'copy' : k < 0.75 ? 'truncated' : k < 0.85 ? 'extended' : 'rewrite';
      art = copyOf(pick, o.art, kind);
      meta = { kind, of: o.index, launch: o.meta.launch };
      published = isoDate(new Date(Date.parse(o.published) + Math.floor(pick() * 2) * 86_400_000));
    } else if (launchOnly || r < copyShare + launchShare) {
      if (launchReports % reportsPerLaunch === 0) facts = launchFacts(pick, launchReports / reportsPerLaunch, start);
      const outlet = NEWS_OUTLETS[launchReports % NEWS_OUTLETS.length];
      art = launchReport(pick, facts, outlet, bytes);
      meta = { kind: 'launch', launch: facts.n };
      published = isoDate(facts.date);
      launchReports++;
    } else {
      const d = new Date(start + Math.floor(pick() * 3000) * 86_400_000);
      art = newsArticle(pick, d, bytes);
      meta = { kind: 'news', launch: null };
      published = isoDate(d);
    }
    const source = pickOf(pick, NEWS_OUTLETS);
    if (meta.kind === 'news' || meta.kind === 'launch') {
      recent.push({ index: i, art, meta, published });
      if (recent.length > 5000) recent.shift();
    }
    const id = `fh-${seed}-${i}`;
    yield {
      record: { id, title: art.title, text: art.paras.join('\n\n'), published, source, url: `https://${source}/${published.replaceAll('-', '/')}/${id}`, language: 'en' },
      meta,
    };
  }
}

/** Writes generateFirehose's records as JSON Lines to `file`; returns their metas. */
export async function writeFirehose(file, options) {
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(file);
  const metas = [];
  for (const { record, meta } of generateFirehose(options)) {
    metas.push(meta);
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((res, rej) => out.end((err) => (err ? rej(err) : res())));
  return metas;
}

/**
 * Writes `count` firehose records into three folders of JSON Lines files of 500 records under `dir`: `all`, and
 * `half1` and `half2` splitting them, for one worker process or two; returns the folders' paths.
 */
export async function writeFirehoseHalves(dir, count) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const records = [...generateFirehose({ count })].map((r) => JSON.stringify(r.record));
  const half = Math.ceil(count / 2);
  const folders = { all: records, half1: records.slice(0, half), half2: records.slice(half) };
  for (const [folder, part] of Object.entries(folders)) {
    mkdirSync(join(dir, folder));
    for (let i = 0; i < part.length; i += 500) writeFileSync(join(dir, folder, `${String(i).padStart(6, '0')}.jsonl`), `${part.slice(i, i + 500).join('\n')}\n`);
  }
  return { all: join(dir, 'all'), half1: join(dir, 'half1'), half2: join(dir, 'half2') };
}
