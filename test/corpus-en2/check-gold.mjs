#!/usr/bin/env node
// Checks the shape of this corpus: every gold line parses, every article has exactly one gold line with the
// same id, and every label uses the fields and values of ../shared/corpus/FORMAT.md.
//   node test/corpus-en2/check-gold.mjs [corpus dir] [reference dir]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(process.argv[2] ?? here);
const reference = resolve(process.argv[3] ?? join(here, '../../../shared/reference'));
const problems = [];
const fail = (id, msg) => problems.push(`${id}: ${msg}`);

const sites = new Set(Object.keys(JSON.parse(readFileSync(join(reference, 'facilities.json'), 'utf8')).facilities));
const cnsDates = new Set(JSON.parse(readFileSync(join(reference, 'tests.json'), 'utf8')).timeBins.flatMap((b) => b.data.map((t) => t.date)));
const CLASSES = new Set(['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise', 'MLRS', 'SLV', 'ballistic']);
const LANDINGS = new Set(['sea-of-japan', 'yellow-sea', 'pacific-ocean', 'land']);
const GOLD_KEYS = ['id', 'is_launch_report', 'actor', 'event', 'cns_ref', 'notes', 'event_key'];
const EVENT_KEYS = ['date_local', 'time_local', 'site', 'site_text', 'count_min', 'count_exact', 'class', 'name',
  'distance_km', 'apogee_km', 'landing', 'eez'];
const ARTICLE_KEYS = ['id', 'url', 'source', 'published', 'title', 'text'];

const isDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const CHECKS = {
  date_local: isDate,
  time_local: (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
  site: (v) => sites.has(v),
  site_text: (v) => typeof v === 'string',
  count_min: (v) => Number.isInteger(v) && v >= 1,
  count_exact: (v) => typeof v === 'boolean',
  class: (v) => CLASSES.has(v),
  name: (v) => typeof v === 'string' && v.length > 0,
  distance_km: (v) => typeof v === 'number' && v > 0,
  apogee_km: (v) => typeof v === 'number' && v > 0,
  landing: (v) => LANDINGS.has(v),
  eez: (v) => v === 'inside' || v === 'outside',
};

const articles = new Map();
for (const file of readdirSync(join(corpus, 'articles')).filter((f) => f.endsWith('.json'))) {
  const a = JSON.parse(readFileSync(join(corpus, 'articles', file), 'utf8'));
  if (a.id !== file.slice(0, -5)) fail(file, `id ${a.id} does not match the file name`);
  if (JSON.stringify(Object.keys(a)) !== JSON.stringify(ARTICLE_KEYS)) fail(a.id, `article keys ${Object.keys(a)}`);
  if (a.published !== null && !isDate(a.published)) fail(a.id, `published ${a.published}`);
  if (typeof a.text !== 'string' || a.text.length < 100) fail(a.id, 'text missing or too short');
  articles.set(a.id, a);
}

const seen = new Set();
readFileSync(join(corpus, 'gold.jsonl'), 'utf8').split('\n').forEach((line, n) => {
  if (!line.trim()) return;
  let g;
  try { g = JSON.parse(line); } catch (e) { fail(`line ${n + 1}`, e.message); return; }
  if (seen.has(g.id)) fail(g.id, 'duplicate gold line');
  seen.add(g.id);
  const article = articles.get(g.id);
  if (!article) fail(g.id, 'gold line without an article');
  if (JSON.stringify(Object.keys(g)) !== JSON.stringify(GOLD_KEYS)) fail(g.id, `gold keys ${Object.keys(g)}`);
  if (typeof g.notes !== 'string' || !g.notes) fail(g.id, 'notes missing');
  if (!g.is_launch_report) {
    if (g.actor !== null || g.event !== null || g.event_key !== null || g.cns_ref !== null) fail(g.id, 'a non-launch label must have null actor/event/event_key/cns_ref');
    return;
  }
  if (typeof g.actor !== 'string') fail(g.id, 'actor missing');
  if (!g.event || JSON.stringify(Object.keys(g.event)) !== JSON.stringify(EVENT_KEYS)) { fail(g.id, 'event keys'); return; }
  for (const k of EVENT_KEYS) {
    const values = Array.isArray(g.event[k]) ? g.event[k] : [g.event[k]];
    for (const v of values) if (v !== null && !CHECKS[k](v)) fail(g.id, `${k} has an invalid value ${JSON.stringify(v)}`);
  }
  const st = g.event.site_text;
  if (article && typeof st === 'string' && !article.text.includes(st)) fail(g.id, `site_text not in text: ${st}`);
  const m = /^([A-Za-z]+)\/(\d{4}-\d{2}-\d{2})$/.exec(g.event_key ?? '');
  if (!m || m[1] !== g.actor || !isDate(m[2])) fail(g.id, `event_key ${g.event_key}`);
  if (g.actor === 'DPRK' ? !cnsDates.has(g.cns_ref) : g.cns_ref !== null) fail(g.id, `cns_ref ${g.cns_ref}`);
});
for (const id of articles.keys()) if (!seen.has(id)) fail(id, 'article without a gold line');

const launches = readFileSync(join(corpus, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const reports = launches.filter((g) => g.is_launch_report);
console.log(`${articles.size} articles, ${seen.size} gold lines, ${reports.length} launch reports, ` +
  `${new Set(reports.map((g) => g.event_key)).size} events, ${launches.length - reports.length} non-launch`);
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log('gold shape OK');
