// Checks the shape of labelled corpus folders (articles/*.json + gold.jsonl, as described in
// ../shared/corpus/FORMAT.md): every article parses and carries the expected keys, every article has exactly one
// gold line and every gold line an article, and labelled values use the normalized vocabulary.
// It never looks at what an extractor produces. Usage: node scripts/check-corpus-shape.mjs <folder> [<folder> …]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';

const ARTICLE_KEYS = ['id', 'url', 'source', 'published', 'title', 'text'];
const GOLD_KEYS = ['id', 'is_launch_report', 'actor', 'event', 'cns_ref', 'event_key', 'notes'];
const EVENT_KEYS = ['date_local', 'time_local', 'site', 'site_text', 'count_min', 'count_exact', 'class', 'name',
  'distance_km', 'apogee_km', 'landing', 'eez'];
const CLASSES = ['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise', 'MLRS', 'SLV', 'ballistic'];
const LANDINGS = ['sea-of-japan', 'yellow-sea', 'pacific-ocean', 'land'];
const EEZ = ['inside', 'outside'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const facilitiesPath = new URL('../../shared/reference/facilities.json', import.meta.url);
const siteKeys = existsSync(facilitiesPath)
  ? new Set(Object.keys(JSON.parse(readFileSync(facilitiesPath, 'utf8')).facilities))
  : null;

/** True when the record has exactly the expected keys, in any order. */
const sameKeys = (record, expected) =>
  Object.keys(record).length === expected.length && expected.every((k) => Object.hasOwn(record, k));

/** A label value may be a single value or a list of acceptable values; returns the list. */
const alternatives = (value) => (Array.isArray(value) ? value : [value]);

function checkValues(problems, where, value, ok) {
  for (const v of alternatives(value)) if (v !== null && !ok(v)) problems.push(`${where}: bad value ${JSON.stringify(v)}`);
}

function checkEvent(problems, id, event) {
  // site_text is documentation for the reader and is not scored; the seeds omit it.
  const missing = EVENT_KEYS.filter((k) => k !== 'site_text' && !Object.hasOwn(event, k));
  const unknown = Object.keys(event).filter((k) => !EVENT_KEYS.includes(k));
  if (missing.length + unknown.length > 0) problems.push(`${id}: event keys missing [${missing}] unknown [${unknown}]`);
  checkValues(problems, `${id}.date_local`, event.date_local, (v) => DATE.test(v));
  checkValues(problems, `${id}.time_local`, event.time_local, (v) => TIME.test(v));
  checkValues(problems, `${id}.site`, event.site, (v) => siteKeys === null || siteKeys.has(v));
  checkValues(problems, `${id}.count_min`, event.count_min, (v) => Number.isInteger(v) && v > 0);
  checkValues(problems, `${id}.count_exact`, event.count_exact, (v) => typeof v === 'boolean');
  checkValues(problems, `${id}.class`, event.class, (v) => CLASSES.includes(v));
  checkValues(problems, `${id}.name`, event.name, (v) => typeof v === 'string' && /^[\x20-\x7e]+$/.test(v));
  checkValues(problems, `${id}.distance_km`, event.distance_km, (v) => typeof v === 'number' && v > 0);
  checkValues(problems, `${id}.apogee_km`, event.apogee_km, (v) => typeof v === 'number' && v > 0);
  checkValues(problems, `${id}.landing`, event.landing, (v) => LANDINGS.includes(v));
  checkValues(problems, `${id}.eez`, event.eez, (v) => EEZ.includes(v));
}

function checkFolder(folder) {
  const problems = [];
  const articleIds = new Set();
  for (const file of readdirSync(join(folder, 'articles')).filter((f) => f.endsWith('.json'))) {
    const article = JSON.parse(readFileSync(join(folder, 'articles', file), 'utf8'));
    if (!sameKeys(article, ARTICLE_KEYS)) problems.push(`${file}: article keys ${Object.keys(article).join()}`);
    if (article.id !== basename(file, '.json')) problems.push(`${file}: id ${article.id} differs from the file name`);
    if (article.published !== null && !DATE.test(article.published)) problems.push(`${file}: published ${article.published}`);
    if (typeof article.text !== 'string' || article.text.trim() === '') problems.push(`${file}: empty text`);
    articleIds.add(article.id);
  }
  const goldIds = new Set();
  let launches = 0;
  const lines = readFileSync(join(folder, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const gold = JSON.parse(line);
    if (!sameKeys(gold, GOLD_KEYS)) problems.push(`${gold.id}: gold keys ${Object.keys(gold).join()}`);
    if (goldIds.has(gold.id)) problems.push(`${gold.id}: two gold lines`);
    goldIds.add(gold.id);
    if (!articleIds.has(gold.id)) problems.push(`${gold.id}: gold line without article`);
    if (gold.is_launch_report) {
      launches += 1;
      if (!gold.actor || !gold.event || !gold.event_key) problems.push(`${gold.id}: launch report without actor/event/event_key`);
      if (gold.event) checkEvent(problems, gold.id, gold.event);
      if (gold.event_key && !/^[^/]+\/\d{4}-\d{2}-\d{2}$/.test(gold.event_key)) problems.push(`${gold.id}: event_key ${gold.event_key}`);
    } else if (gold.actor !== null || gold.event !== null || gold.event_key !== null) {
      problems.push(`${gold.id}: negative with actor/event/event_key`);
    }
    if (typeof gold.notes !== 'string' || gold.notes === '') problems.push(`${gold.id}: no notes`);
  }
  for (const id of articleIds) if (!goldIds.has(id)) problems.push(`${id}: article without gold line`);
  console.log(`${folder}: ${articleIds.size} articles, ${lines.length} gold lines, ${launches} launch reports, ` +
    `${lines.length - launches} negatives, ${problems.length} problems`);
  for (const p of problems) console.log(`  ${p}`);
  return problems.length;
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node scripts/check-corpus-shape.mjs <folder> [<folder> …]');
  process.exit(2);
}
const total = folders.reduce((n, f) => n + checkFolder(f), 0);
process.exit(total === 0 ? 0 : 1);
