// JSON Schemas of the API's parameters, bodies and answers. Fastify validates requests against them (every
// route has one) and /api/openapi.json is built from the same objects.
import { CSV_COLUMN_SETS } from '../app/outputs/csv.js';
import { TIMELINE_SORTS } from '../app/timeline.js';
import { MISSILE_CLASSES } from '../knowledge/index.js';
import { LANGUAGES } from '../types.js';
import { ACTOR_MAX_CHARS, API_MAX_OFFSET, API_PAGE, BODY_LIMIT, PASTE_LIMITS, SEARCH_MAX_CHARS } from '../settings.js';

export type JsonSchema = Record<string, unknown>;

const nullable = (type: string): JsonSchema => ({ type: [type, 'null'] });

export const DATE_OR_YEAR = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const eventFilterProperties = {
  from: { type: 'string', pattern: DATE_OR_YEAR, description: 'Earliest launch date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).' },
  to: { type: 'string', pattern: DATE_OR_YEAR, description: 'Latest launch date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).' },
  class: { type: 'string', enum: [...MISSILE_CLASSES], description: 'Missile class.' },
  site: { type: 'string', pattern: '^[a-z0-9-]{1,64}$', description: 'Launch site key (see /api/sites).' },
  actor: { type: 'string', minLength: 1, maxLength: ACTOR_MAX_CHARS, description: 'Who launched ("DPRK").' },
  language: { type: 'string', enum: [...LANGUAGES], description: 'Only events with at least one report in this language (ISO 639-1).' },
} as const;

const paging = (page: { max: number; default: number }) => ({
  limit: { type: 'integer', minimum: 1, maximum: page.max, default: page.default, description: `Page size (1–${page.max}).` },
  offset: { type: 'integer', minimum: 0, maximum: API_MAX_OFFSET, default: 0, description: 'Items to skip.' },
});

export const eventListQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc', description: 'By launch date; undated events last.' },
    ...paging(API_PAGE.events),
  },
};

export const exportQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    ...paging(API_PAGE.export),
    columns: { type: 'string', enum: [...CSV_COLUMN_SETS], description: 'The CSV column set: salvo (default) or cns (the CNS database\'s column names and order). CSV only.' },
  },
};

export const statsQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    by: { type: 'string', enum: ['year', 'month'], default: 'year' },
  },
};

const timelineSource = { type: 'string', enum: ['all', 'news', 'reference'], default: 'all', description: 'all rows; news: launch days with news reports (matched to the reference list or not); reference: days in the reference list.' };

export const timelineQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    source: timelineSource,
    q: { type: 'string', maxLength: SEARCH_MAX_CHARS, description: 'Words every row must contain (actor, class, missile, site, landing, outcome, id, date, time, report languages), any case.' },
    sort: { type: 'string', enum: [...TIMELINE_SORTS], default: 'date', description: 'Column to sort by; rows without a value go last.' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
    ...paging(API_PAGE.timeline),
  },
};

export const timelineCountsQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    source: timelineSource,
    by: { type: 'string', enum: ['year', 'month'], default: 'year' },
  },
};

const moment: JsonSchema = {
  type: 'object',
  description: 'When: the local date and time on the named clock (KST for Korea, the reporting clock), and the same moment in UTC (null unless the time is known).',
  properties: {
    dateLocal: nullable('string'), timeLocal: nullable('string'), zone: { type: 'string', description: 'Name of the clock: KST, PDT, …' },
    timeZone: { type: 'string', description: 'IANA zone of that clock' }, utcOffset: nullable('string'), dateUtc: nullable('string'), timeUtc: nullable('string'),
    text: { type: ['string', 'null'], description: 'For display: "08:10 KST (23:10 UTC, 7 May)"' },
  },
};

const flightSchema: JsonSchema = {
  type: 'object',
  properties: {
    dateUtc: { type: 'string', description: 'As the list dates it (UTC; a month only for some early tests)' }, timeUtc: nullable('string'),
    launch: { ...moment, description: 'The same moment on the Korean reporting clock (KST); without a time, the UTC date as it is' }, missileName: nullable('string'), class: nullable('string'), siteName: nullable('string'),
    landingName: nullable('string'), distanceKm: nullable('number'), apogeeKm: nullable('number'), outcome: { type: ['string', 'null'], enum: ['success', 'failure', null] },
  },
};

export const launchDaySchema: JsonSchema = {
  type: 'object',
  description: 'One launch day: a news event and the reference flights it lines up with, or a reference day alone, or a news event alone.',
  properties: {
    id: { type: 'string', description: 'The event id, or "reference-<KST date>" for a reference day no stored event matches' },
    eventId: nullable('string'),
    actor: nullable('string'),
    date: { type: ['string', 'null'], description: 'Local date on the clock named in launch.zone (a month, YYYY-MM, for early reference flights dated no closer)' },
    launch: { ...moment, description: 'When, on the named clock and in UTC: the event\'s moment as its reports tell it; a reference day\'s, its first timed flight\'s (each flight has its own under flights[].launch)' },
    kind: { type: 'string', enum: ['news', 'reference', 'both'], description: 'news: not in the reference list; reference: no stored report; both: a news event matched to reference flights' },
    dateInferred: { type: 'boolean', description: 'The event took its date from the reference list' },
    class: nullable('string'),
    missiles: { type: 'array', items: { type: 'string' } },
    siteName: nullable('string'),
    landingName: nullable('string'),
    count: { type: ['integer', 'null'], description: 'Missiles fired: the event\'s count, else the reference flights' },
    countExact: nullable('boolean'),
    distanceKm: nullable('number'),
    apogeeKm: nullable('number'),
    outcome: { type: ['string', 'null'], enum: ['success', 'failure', 'mixed', null], description: 'From the reference list' },
    reports: { type: 'integer' },
    languages: { type: 'array', items: { type: 'string' } },
    disputed: { type: 'array', items: { type: 'string' } },
    flights: { type: 'array', items: flightSchema },
  },
};

export const periodCountSchema: JsonSchema = {
  type: 'object',
  properties: {
    period: { type: 'string', description: 'YYYY or YYYY-MM of the launch day, on its local clock' },
    class: nullable('string'),
    launchDays: { type: 'integer', description: 'Launch days; a news event and its reference flights count once' },
    referenceDays: { type: 'integer', description: 'Of those, days in the reference list (North Korean launches only)' },
    referenceFlights: { type: 'integer', description: 'Reference flights (missiles) on those days' },
    newsOnlyDays: { type: 'integer', description: 'Of those, days only news reports tell' },
    missiles: { type: 'integer', description: 'Missiles launched on those days, each once: the reference flights, else the number reported (at least one)' },
  },
};

export const citationQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['json', 'text', 'bibtex', 'csl'], default: 'json', description: 'json: all three forms; text, bibtex, csl: that one as a file' } },
};

export const EVENT_ID = '^[A-Za-z0-9][A-Za-z0-9 ._:()-]{0,127}$';
export const ARTICLE_ID = '^[0-9a-f]{64}$';

export const eventIdParams: JsonSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: EVENT_ID, description: 'Event id ("DPRK-2031-03-03"), or a unique prefix of one.' } },
};

export const articleIdParams: JsonSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: ARTICLE_ID, description: 'Article id: the 64 hex digits of its content hash.' } },
};

export const articleListQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    launch: { type: 'boolean', description: 'Only launch reports (true) or only other articles (false).' },
    language: { type: 'string', enum: [...LANGUAGES], description: 'Only articles written in this language (ISO 639-1).' },
    ...paging(API_PAGE.articles),
  },
};

export const searchQuery: JsonSchema = {
  type: 'object',
  required: ['q'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: SEARCH_MAX_CHARS, description: 'Words to find (all of them); "quoted phrases" kept together.' },
    ...paging(API_PAGE.search),
  },
};

export const ingestBody: JsonSchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: BODY_LIMIT, description: 'The report: plain text, an HTML page, or JSON records.' },
    format: { type: 'string', enum: ['auto', 'text', 'html', 'json', 'jsonl'], default: 'auto' },
    title: { type: 'string', maxLength: PASTE_LIMITS.title },
    url: { type: 'string', maxLength: PASTE_LIMITS.url, pattern: '^https?://[^\\s]+$', description: 'Where the report was published (http or https); kept as its source link.' },
    source: { type: 'string', maxLength: PASTE_LIMITS.source },
    published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Publication date, YYYY-MM-DD: weekday words ("on Friday") and datelines without a year are read against it.' },
  },
};

export const errorSchema: JsonSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
};


export const eventSummarySchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    actor: nullable('string'),
    dateLocal: nullable('string'),
    weekday: nullable('integer'),
    site: nullable('string'),
    siteName: nullable('string'),
    class: nullable('string'),
    name: nullable('string'),
    timeLocal: { type: ['string', 'null'], description: 'HH:MM on the clock named in launch.zone' },
    count: { type: 'string', description: 'As people say it: "2", "≥2" (countMin and countExact as data)' },
    countMin: nullable('integer'),
    countExact: nullable('boolean'),
    distanceKm: nullable('number'),
    apogeeKm: nullable('number'),
    landing: { type: ['string', 'null'], description: 'Key: sea-of-japan, yellow-sea, pacific-ocean, land' },
    landingName: { type: ['string', 'null'], description: 'For display: "Sea of Japan (East Sea)"' },
    eez: nullable('string'),
    launch: moment,
    reports: { type: 'integer' },
    languages: { type: 'array', items: { type: 'string', enum: [...LANGUAGES] }, description: 'The languages its reports are written in.' },
    disputed: { type: 'array', items: { type: 'string' } },
    flags: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' } } },
    },
    updatedAt: { type: 'string' },
    referenceDateKst: { type: ['string', 'null'], description: 'The Korean-time (KST) day of the matching reference-list flights, if the event matches the reference list.' },
    referenceFlights: { type: 'integer', description: 'How many reference-list flights that day holds (0 when none match).' },
    timeZone: { type: ['string', 'null'], description: "The IANA time zone of the launching country's local time (the clock of dateLocal and timeLocal)." },
  },
};

export const articleSummarySchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    origin: { type: 'string', description: 'Where it came from: a web address, browser:paste, upload:<name>, or a file name (no server folders)' },
    url: nullable('string'),
    source: { type: ['string', 'null'], description: 'The outlet (its domain, without a port)' },
    published: nullable('string'),
    title: { type: ['string', 'null'], description: 'The title as stored (null for many corpus records)' },
    headline: { type: 'string', description: 'How to name it: the title, else the first line of its text' },
    language: { type: 'string', enum: [...LANGUAGES], description: 'The language the article is written in (ISO 639-1).' },
    isLaunchReport: { type: 'boolean' },
    eventId: nullable('string'),
    ingestedAt: { type: 'string' },
  },
};

export const ingestResultSchema: JsonSchema = {
  type: 'object',
  properties: {
    stored: { type: 'integer' },
    duplicates: { type: 'integer' },
    failed: { type: 'integer' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          origin: { type: 'string' },
          status: { type: 'string', enum: ['stored', 'duplicate', 'failed'] },
          articleId: nullable('string'),
          eventId: nullable('string'),
          isLaunchReport: nullable('boolean'),
          title: nullable('string'),
          headline: { type: ['string', 'null'], description: 'How to name it: the title, else the first line of its text' },
          reason: nullable('string'),
        },
      },
    },
  },
};
