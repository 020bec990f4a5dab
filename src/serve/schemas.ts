// JSON Schemas of the API's parameters, bodies and answers. Fastify validates requests against them (every
// route has one) and /api/openapi.json is built from the same objects.
import { MISSILE_CLASSES } from '../knowledge/index.js';

export type JsonSchema = Record<string, unknown>;

export const DATE_OR_YEAR = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const eventFilterProperties = {
  from: { type: 'string', pattern: DATE_OR_YEAR, description: 'Earliest launch date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).' },
  to: { type: 'string', pattern: DATE_OR_YEAR, description: 'Latest launch date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive).' },
  class: { type: 'string', enum: [...MISSILE_CLASSES], description: 'Missile class.' },
  site: { type: 'string', pattern: '^[a-z0-9-]{1,64}$', description: 'Launch site key (see /api/sites).' },
  actor: { type: 'string', minLength: 1, maxLength: 64, description: 'Who launched ("DPRK").' },
} as const;

const paging = (max: number, dflt: number) => ({
  limit: { type: 'integer', minimum: 1, maximum: max, default: dflt, description: `Page size (1–${max}).` },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0, description: 'Items to skip.' },
});

export const eventListQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc', description: 'By launch date; undated events last.' },
    ...paging(500, 50),
  },
};

export const exportQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilterProperties,
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    ...paging(20_000, 20_000),
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
    ...paging(500, 50),
  },
};

export const searchQuery: JsonSchema = {
  type: 'object',
  required: ['q'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 500, description: 'Words to find (all of them); "quoted phrases" kept together.' },
    ...paging(100, 20),
  },
};

export const ingestBody: JsonSchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 5_000_000, description: 'The report: plain text, an HTML page, or JSON records.' },
    format: { type: 'string', enum: ['auto', 'text', 'html', 'json', 'jsonl'], default: 'auto' },
    title: { type: 'string', maxLength: 1000 },
    url: { type: 'string', maxLength: 2000, pattern: '^https?://' },
    source: { type: 'string', maxLength: 200 },
    published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
  },
};

export const errorSchema: JsonSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
};

const nullable = (type: string): JsonSchema => ({ type: [type, 'null'] });

export const eventSummarySchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    actor: nullable('string'),
    dateLocal: nullable('string'),
    weekday: nullable('integer'),
    timeLocal: nullable('string'),
    site: nullable('string'),
    siteName: nullable('string'),
    class: nullable('string'),
    name: nullable('string'),
    count: { type: 'string' },
    distanceKm: nullable('number'),
    apogeeKm: nullable('number'),
    landing: nullable('string'),
    eez: nullable('string'),
    reports: { type: 'integer' },
    disputed: { type: 'array', items: { type: 'string' } },
    flags: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' } } },
    },
    updatedAt: { type: 'string' },
  },
};

export const articleSummarySchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    origin: { type: 'string' },
    url: nullable('string'),
    source: nullable('string'),
    published: nullable('string'),
    title: nullable('string'),
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
          reason: nullable('string'),
        },
      },
    },
  },
};
