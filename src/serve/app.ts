// `salvo serve`: the web app and the HTTP API over one store, in one Node process (fastify).
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { allSites, referenceLaunches } from '../extract/knowledge.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { EventFilter, Store } from '../store/store.js';
import { FIELD_NAMES, type LaunchEvent } from '../types.js';
import { eventsAtom, eventsCsv, eventsGeoJson, CSV_COLUMNS } from './exports.js';
import { referenceImpact } from './impact.js';
import { documentsFromPaste, documentsFromUploads, Ingester, type PastedReport } from './ingest.js';
import {
  articleIdParams,
  articleListQuery,
  articleSummarySchema,
  errorSchema,
  eventIdParams,
  eventListQuery,
  eventSummarySchema,
  exportQuery,
  ingestBody,
  ingestResultSchema,
  searchQuery,
  statsQuery,
  type JsonSchema,
} from './schemas.js';
import { articlePage, eventPage, eventSummary, searchHit } from './views.js';
import { sourcesQuery, sourcesResponse, sourceView } from '../live/schemas.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** Largest request body: a pasted report, or all the files of one upload together. */
export const BODY_LIMIT = 5 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');
/** Alerts carried by the Atom feed beside the events (newest first). */
export const ATOM_ALERTS = 100;

const REFERENCE_ATTRIBUTION =
  'Reference launches: CNS North Korea Missile Test Database (James Martin Center for Nonproliferation Studies, for the Nuclear Threat Initiative), via nagix/nk-missile-tests (Apache-2.0). Facts only; see data/NOTICE.md.';

export interface ServeOptions {
  store: Store;
  /** The address the server listens on; decides whether write routes need the token. */
  host: string;
  /** SALVO_TOKEN: required (as `Authorization: Bearer …`) on write routes when the host is not loopback. */
  token?: string | null;
  /** The built web app (index.html and assets); null serves the API alone. */
  webRoot?: string | null;
  logger?: boolean;
  /** Cache GET answers until the stored data changes (default true). */
  cache?: boolean;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Why the server must not start with these settings, or null. */
export function startProblem(host: string, token: string | null | undefined): string | null {
  if (!isLoopback(host) && !token) {
    return `refusing to listen on ${host} without SALVO_TOKEN set: beyond localhost, adding reports needs a token (set SALVO_TOKEN, or use --host 127.0.0.1)`;
  }
  if (token !== null && token !== undefined && token.length < 16 && !isLoopback(host)) {
    return 'SALVO_TOKEN is too short: use at least 16 characters';
  }
  return null;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 421: 'Misdirected Request', 500: 'Internal Server Error',
};

// script-src 'self' forbids inline scripts; inline style attributes are not used (styles set from script via CSSOM are allowed).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Answers kept until the stored data changes; bounded in count. */
class ResponseCache {
  private version = '';
  private readonly entries = new Map<string, string>();
  constructor(private readonly max = 2000) {}
  get(key: string, version: string): string | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    return this.entries.get(key);
  }
  set(key: string, value: string): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}

interface RouteDoc {
  summary: string;
  description?: string;
  tags: string[];
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  headers?: JsonSchema;
  /** Response body schemas by status code, with the media type when it is not JSON. */
  responses: Record<number, { description: string; schema?: JsonSchema; type?: string }>;
  consumes?: string[];
  write?: boolean;
}

type Query = Record<string, unknown>;

/** YYYY or YYYY-MM as the first or last day it covers. */
function dateBound(v: unknown, end: boolean): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\d{4}$/.test(v)) return end ? `${v}-12-31` : `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return end ? `${v}-31` : `${v}-01`;
  return v;
}

function eventFilter(q: Query): EventFilter {
  const s = (k: string): string | undefined => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  const from = dateBound(q.from, false);
  const to = dateBound(q.to, true);
  if (from && to && from > to) throw new HttpError(400, `querystring: from (${String(q.from)}) is after to (${String(q.to)})`);
  return { from, to, class: s('class'), site: s('site'), actor: s('actor') };
}

export async function buildServer(opts: ServeOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const loopback = isLoopback(opts.host);
  const token = opts.token ?? null;
  const needToken = !loopback;
  const problem = startProblem(opts.host, token);
  if (problem) throw new Error(problem);
  const cache = opts.cache === false ? null : new ResponseCache();
  const ingester = new Ingester(store);
  const webRoot = opts.webRoot === undefined ? WEB_ROOT : opts.webRoot;

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Unknown parameters are an error (not silently dropped); numbers and booleans in query strings are coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    return503OnClosing: true,
  });

  const openapi: { paths: Record<string, Record<string, unknown>> } = { paths: {} };

  function route(
    method: 'GET' | 'POST',
    url: string,
    doc: RouteDoc,
    handler: (req: FastifyRequest, reply: FastifyReply) => unknown,
  ): void {
    const schema: Record<string, unknown> = {};
    if (doc.params) schema.params = doc.params;
    if (doc.querystring) schema.querystring = doc.querystring;
    if (doc.body) schema.body = doc.body;
    if (doc.headers) schema.headers = doc.headers;
    app.route({
      method,
      url,
      schema,
      onRequest: doc.write ? checkWrite : undefined,
      handler: async (req, reply) => handler(req, reply),
    });
    // The OpenAPI operation for the same route.
    const parameters: Record<string, unknown>[] = [];
    for (const [where, s] of [['path', doc.params], ['query', doc.querystring]] as const) {
      const props = (s?.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((s?.required as string[] | undefined) ?? []);
      for (const [name, p] of Object.entries(props)) {
        const { description, ...rest } = p;
        parameters.push({ name, in: where, required: where === 'path' || required.has(name), description, schema: rest });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [code, r] of Object.entries(doc.responses)) {
      responses[code] = { description: r.description, content: { [r.type ?? 'application/json']: { schema: r.schema ?? { type: 'string' } } } };
    }
    for (const [code, d] of [[400, 'Bad parameters: the message says which and why'], [500, 'Internal error']] as const) {
      responses[code] ??= { description: d, content: { 'application/json': { schema: errorSchema } } };
    }
    if (doc.write) {
      responses[401] = { description: 'Token missing or wrong (when the server listens beyond localhost)', content: { 'application/json': { schema: errorSchema } } };
      responses[403] = { description: 'Cross-site request refused', content: { 'application/json': { schema: errorSchema } } };
      responses[413] = { description: `Body over ${BODY_LIMIT / 1024 / 1024} MB`, content: { 'application/json': { schema: errorSchema } } };
    }
    const op: Record<string, unknown> = { summary: doc.summary, description: doc.description, tags: doc.tags, parameters, responses };
    if (doc.body || doc.consumes) {
      op.requestBody = {
        required: true,
        content: doc.consumes
          ? Object.fromEntries(doc.consumes.map((c) => [c, { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } }]))
          : { 'application/json': { schema: doc.body } },
      };
    }
    if (doc.write) op.security = needToken ? [{ bearer: [] }] : [];
    const path = url.replace(/:(\w+)/g, '{$1}');
    (openapi.paths[path] ??= {})[method.toLowerCase()] = op;
  }

  /** Write routes: the token beyond localhost, and never a request sent by another site's page. */
  async function checkWrite(req: FastifyRequest): Promise<void> {
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, 'cross-site requests may not add reports');
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.headers.host) throw new HttpError(403, `requests from ${origin} may not add reports`);
    }
    if (!needToken) return;
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const given = Buffer.from(m?.[1] ?? '');
    const want = Buffer.from(token ?? '');
    if (!m || given.length !== want.length || !timingSafeEqual(given, want)) {
      throw new HttpError(401, m ? 'wrong token' : 'adding reports needs the token: send Authorization: Bearer <SALVO_TOKEN>');
    }
  }

  async function cachedJson(req: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>, type = 'application/json; charset=utf-8'): Promise<string> {
    reply.type(type);
    if (!cache) return stringify(await compute());
    const version = await store.dataVersion();
    const hit = cache.get(req.url, version);
    if (hit !== undefined) return hit;
    const body = stringify(await compute());
    cache.set(req.url, body);
    return body;
  }
  const stringify = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

  // ---- every response: security headers; on loopback, only loopback Host names (no DNS rebinding) ----
  app.addHook('onRequest', async (req) => {
    if (!loopback) return;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!isLoopback(host)) throw new HttpError(421, `unexpected Host header ${JSON.stringify(req.headers.host ?? '')}: this server answers to localhost only`);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: { params?: Record<string, unknown> }[]; validationContext?: string }, req, reply) => {
    let status = err.statusCode ?? 500;
    let message = err.message;
    if (err.validation) {
      status = 400;
      const extra = err.validation[0]?.params?.additionalProperty;
      if (typeof extra === 'string') message = `${message}: ${JSON.stringify(extra)} (known: ${Object.keys(((req.routeOptions.schema?.querystring ?? req.routeOptions.schema?.body ?? {}) as JsonSchema).properties ?? {}).join(', ')})`;
    }
    if (status >= 500) {
      req.log.error(err);
      message = 'internal error';
    }
    void reply.code(status).type('application/json; charset=utf-8').send({ statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).type('application/json; charset=utf-8').send({ statusCode: 404, error: 'Not Found', message: `no such route: ${req.method} ${req.url.split('?')[0]}` });
  });

  await app.register(fastifyMultipart, {
    limits: { fileSize: BODY_LIMIT, files: MAX_UPLOAD_FILES, fields: 10, fieldSize: 1024, parts: MAX_UPLOAD_FILES + 10, headerPairs: 100 },
  });

  // ---- API: events ---------------------------------------------------------------------------------------
  const listOf = (schema: JsonSchema, key: string): JsonSchema => ({
    type: 'object',
    properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, [key]: { type: 'array', items: schema } },
  });

  route('GET', '/api/events', {
    summary: 'Launch events, newest first, filtered and paged',
    tags: ['events'],
    querystring: eventListQuery,
    responses: { 200: { description: 'One page of events and the number that match', schema: listOf(eventSummarySchema, 'events') } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const q = req.query as Query;
      const limit = q.limit as number;
      const offset = q.offset as number;
      const page = await store.queryEvents({ ...eventFilter(q), order: q.order as 'asc' | 'desc', limit, offset });
      return { total: page.total, limit, offset, events: page.events.map(eventSummary) };
    }),
  );

  // An event by id or unique prefix, else a 404 with the id named.
  const eventOr404 = async (params: unknown): Promise<LaunchEvent> => {
    const { id } = params as { id: string };
    const ev = (await store.getEvent(id)) ?? (await store.findEvent(id));
    if (!ev) throw new HttpError(404, `no event with id ${id}`);
    return ev;
  };

  route('GET', '/api/events/:id', {
    summary: 'One event: every field with its value, confidence, support, claims and quoted sentences; the estimated impact',
    tags: ['events'],
    params: eventIdParams,
    responses: { 200: { description: 'The event', schema: { type: 'object' } }, 404: { description: 'No such event', schema: errorSchema } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => eventPage(store, await eventOr404(req.params))),
  );

  route('GET', '/api/events/:id/history', {
    summary: 'Every version of one event: what changed, when, and which report changed it',
    tags: ['events'],
    params: eventIdParams,
    responses: { 200: { description: 'The versions, oldest first', schema: { type: 'object' } }, 404: { description: 'No such event', schema: errorSchema } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const ev = await eventOr404(req.params);
      return { id: ev.id, versions: await store.eventHistory(ev.id) };
    }),
  );

  route('GET', '/api/stats', {
    summary: 'Dated events counted per year or month and class (for the chart)',
    tags: ['events'],
    querystring: statsQuery,
    responses: { 200: { description: 'Counts', schema: { type: 'object' } } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const q = req.query as Query;
      return { by: q.by, counts: await store.countEventsBy(eventFilter(q), q.by as 'year' | 'month') };
    }),
  );

  const exportDoc = (what: string, type: string): RouteDoc => ({
    summary: `Events as ${what} (same filters as /api/events; oldest first)`,
    tags: ['exports'],
    querystring: exportQuery,
    responses: { 200: { description: what, type, schema: { type: 'string' } } },
  });
  const exported = async (q: Query) => (await store.queryEvents({ ...eventFilter(q), order: q.order as 'asc' | 'desc', limit: q.limit as number, offset: q.offset as number })).events;
  const baseUrl = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? `${opts.host}`}`;

  route('GET', '/api/events.csv', { ...exportDoc(`CSV, columns after the CNS database: ${CSV_COLUMNS.join(', ')}`, 'text/csv'), description: 'Latitude and longitude are the launch site\'s.' }, (req, reply) => {
    reply.header('content-disposition', 'attachment; filename="salvo-events.csv"');
    return cachedJson(req, reply, async () => eventsCsv(store, await exported(req.query as Query)), 'text/csv; charset=utf-8');
  });
  route('GET', '/api/events.geojson', exportDoc('GeoJSON: per event the impact point, launch site, flight path and uncertainty area', 'application/geo+json'), (req, reply) =>
    cachedJson(req, reply, async () => eventsGeoJson(store, await exported(req.query as Query), baseUrl(req)), 'application/geo+json; charset=utf-8'),
  );
  route('GET', '/api/events.atom', { ...exportDoc('an Atom feed', 'application/atom+xml'), description: `Also carries the newest ${ATOM_ALERTS} alerts (new event, changed value, new disagreement), as sent to webhooks by \`salvo watch\`.` }, (req, reply) =>
    cachedJson(req, reply, async () => eventsAtom(store, await exported(req.query as Query), baseUrl(req), await store.listAlerts({ limit: ATOM_ALERTS, newestFirst: true })), 'application/atom+xml; charset=utf-8'),
  );

  // ---- API: sources watched by `salvo watch` (issue 7) -----------------------------------------------------
  route('GET', '/api/sources', {
    summary: 'The feeds and sitemaps `salvo watch` polls: last poll, last error, items seen',
    tags: ['live'],
    querystring: sourcesQuery,
    responses: { 200: { description: 'The sources, active ones first', schema: sourcesResponse } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const all = (req.query as Query).all === true;
      return { sources: (await store.listWatchSources()).filter((s) => all || s.active).map(sourceView) };
    }),
  );

  // ---- API: articles and search --------------------------------------------------------------------------
  route('GET', '/api/articles', {
    summary: 'Stored articles, newest first, paged',
    tags: ['articles'],
    querystring: articleListQuery,
    responses: { 200: { description: 'One page of articles', schema: listOf(articleSummarySchema, 'articles') } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const q = req.query as Query;
      const page = await store.listArticlesPage({ limit: q.limit as number, offset: q.offset as number, launch: q.launch as boolean | undefined });
      return { total: page.total, limit: q.limit, offset: q.offset, articles: page.articles };
    }),
  );

  route('GET', '/api/articles/:id', {
    summary: 'One article: cleaned text, every extracted span with its field, the blocks dropped as boilerplate',
    tags: ['articles'],
    params: articleIdParams,
    responses: { 200: { description: 'The article', schema: { type: 'object' } }, 404: { description: 'No such article', schema: errorSchema } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const { id } = req.params as { id: string };
      const a = await store.getArticle(id);
      if (!a) throw new HttpError(404, `no article with id ${id}`);
      return articlePage(store, a);
    }),
  );

  route('GET', '/api/search', {
    summary: 'Full-text search over article titles and texts',
    tags: ['articles'],
    querystring: searchQuery,
    responses: { 200: { description: 'Matching articles, best first, with a snippet cut into plain and matched pieces', schema: { type: 'object' } } },
  }, (req, reply) =>
    cachedJson(req, reply, async () => {
      const q = req.query as Query;
      const found = await store.searchArticles(q.q as string, { limit: q.limit as number, offset: q.offset as number });
      return { q: q.q, total: found.total, limit: q.limit, offset: q.offset, results: found.hits.map(searchHit) };
    }),
  );

  // ---- API: adding reports ------------------------------------------------------------------------------------
  route('POST', '/api/ingest', {
    summary: 'Add a report: pasted text, an HTML page or JSON records; stored and grouped into events like `salvo ingest`',
    tags: ['ingest'],
    body: ingestBody,
    write: true,
    responses: { 200: { description: 'What became of each document', schema: ingestResultSchema } },
  }, async (req) => {
    const body = req.body as PastedReport;
    return ingester.ingest(documentsFromPaste(body, 'browser:paste'));
  });

  route('POST', '/api/ingest/files', {
    summary: `Add report files (multipart/form-data, up to ${MAX_UPLOAD_FILES} files of ${BODY_LIMIT / 1024 / 1024} MB); formats as for \`salvo ingest\``,
    tags: ['ingest'],
    headers: { type: 'object', properties: { 'content-type': { type: 'string', pattern: '^multipart/form-data' } }, required: ['content-type'] },
    consumes: ['multipart/form-data'],
    write: true,
    responses: { 200: { description: 'What became of each document', schema: ingestResultSchema } },
  }, async (req) => {
    if (!req.isMultipart()) throw new HttpError(415, 'send the files as multipart/form-data');
    const files: { name: string; bytes: Uint8Array }[] = [];
    let total = 0;
    try {
      for await (const part of req.files()) {
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > BODY_LIMIT) throw new HttpError(413, `uploads over ${BODY_LIMIT / 1024 / 1024} MB in all are refused`);
        files.push({ name: part.filename || 'upload', bytes });
      }
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const e = err as Error & { statusCode?: number; code?: string };
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `a file is over the ${BODY_LIMIT / 1024 / 1024} MB limit`);
      if (e.code === 'FST_FILES_LIMIT') throw new HttpError(413, `at most ${MAX_UPLOAD_FILES} files at once`);
      throw new HttpError(400, `could not read the upload: ${e.message}`);
    }
    if (files.length === 0) throw new HttpError(400, 'no file in the upload (send them in a field named "files")');
    return ingester.ingest(documentsFromUploads(files));
  });

  // ---- API: reference data, status, description --------------------------------------------------------------
  const reference = {
    attribution: REFERENCE_ATTRIBUTION,
    launches: referenceLaunches().map((r) => ({ ...r, impact: referenceImpact(r) })),
  };
  const referenceJson = JSON.stringify(reference);
  route('GET', '/api/reference', {
    summary: 'Past North Korean missile flights from the CNS/NTI database (bundled reference list, facts only)',
    tags: ['reference'],
    responses: { 200: { description: 'The reference launches, with an impact point where site, bearing and distance are known', schema: { type: 'object' } } },
  }, (_req, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return referenceJson;
  });
  const sitesJson = JSON.stringify({
    attribution: 'Site names and coordinates: CNS/NTI North Korea Missile Test Database via nagix/nk-missile-tests (Apache-2.0).',
    sites: allSites().map((s) => ({ key: s.key, name: s.name, lat: s.lat, lon: s.lon })),
  });
  route('GET', '/api/sites', {
    summary: 'Launch sites with coordinates',
    tags: ['reference'],
    responses: { 200: { description: 'Sites', schema: { type: 'object' } } },
  }, (_req, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return sitesJson;
  });
  route('GET', '/api/status', {
    summary: 'Counts, the data version (changes whenever the stored data does) and whether adding reports needs a token',
    tags: ['meta'],
    responses: { 200: { description: 'Status', schema: { type: 'object', properties: { version: { type: 'string' }, events: { type: 'integer' }, articles: { type: 'integer' }, writeNeedsToken: { type: 'boolean' } } } } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { version: await store.dataVersion(), ...(await store.counts()), writeNeedsToken: needToken, fields: FIELD_NAMES };
  });

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Salvo API',
      version: '1',
      description: 'Missile launch events read from news reports, with the sentences that state each value. JSON under /api/; errors are {statusCode, error, message}.',
      license: { name: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SALVO_TOKEN; required on write routes when the server listens beyond localhost' } } },
    paths: openapi.paths,
  };
  route('GET', '/api/openapi.json', {
    summary: 'This API described as OpenAPI 3.1',
    tags: ['meta'],
    responses: { 200: { description: 'The OpenAPI document', schema: { type: 'object' } } },
  }, () => document);
  route('GET', '/api/docs', {
    summary: 'The API documentation page (in the web app)',
    tags: ['meta'],
    responses: { 302: { description: 'Redirect to /#/docs', type: 'text/plain' } },
  }, (_req, reply) => reply.redirect('/#/docs'));

  // ---- the web app -----------------------------------------------------------------------------------------
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      setHeaders: (res, path) => {
        res.header('cache-control', path.endsWith('index.html') ? 'no-cache' : /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      },
    });
  } else {
    app.get('/', { schema: {} }, (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`. The API is at /api/.'),
    );
  }
  return app;
}
