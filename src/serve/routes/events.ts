// /api/events: the event list (filtered, paged), one event with its evidence, its history, and the counts
// per year or month for the chart.
import { eventSummary, timelineFacts } from '../../app/event-view.js';
import { citationOf } from '../../app/citation.js';
import { historyView } from '../../app/labels.js';
import type { LaunchEvent } from '../../types.js';
import { HttpError } from '../plugins/errors.js';
import { citationQuery, errorSchema, eventIdParams, eventListQuery, eventSummarySchema, statsQuery, type JsonSchema } from '../schemas.js';
import { eventPage } from '../views.js';
import { eventFilter, type Query, type Routes } from './context.js';
import { routeSchema } from './doc.js';

export const listOf = (schema: JsonSchema, key: string): JsonSchema => ({
  type: 'object',
  properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, [key]: { type: 'array', items: schema } },
});

export const eventRoutes: Routes = (app, { store, host, needToken }) => {
  // An event by id or unique prefix, else a 404 with the id named.
  const eventOr404 = async (params: unknown): Promise<LaunchEvent> => {
    const { id } = params as { id: string };
    const ev = (await store.getEvent(id)) ?? (await store.findEvent(id));
    if (!ev) throw new HttpError(404, `no event with id ${id}`);
    return ev;
  };

  app.get('/api/events', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'listEvents',
      summary: 'Launch events, newest first, filtered and paged',
      tags: ['events'],
      querystring: eventListQuery,
      responses: { 200: { description: 'One page of events and the number that match', schema: listOf(eventSummarySchema, 'events') } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    const limit = q.limit as number;
    const offset = q.offset as number;
    const page = await store.queryEvents({ ...eventFilter(q), order: q.order as 'asc' | 'desc', limit, offset });
    return { total: page.total, limit, offset, events: page.events.map((e) => ({ ...eventSummary(e), ...timelineFacts(e.event) })) };
  });

  app.get('/api/events/:id', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'getEvent',
      summary: 'One event: every field with its value, confidence, support, claims and quoted sentences; the estimated impact',
      tags: ['events'],
      params: eventIdParams,
      responses: { 200: { description: 'The event', schema: { type: 'object' } }, 404: { description: 'No such event', schema: errorSchema } },
    }, needToken),
  }, async (req) => eventPage(store, await eventOr404(req.params)));

  app.get('/api/events/:id/download', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'downloadEvent',
      summary: 'One event as a JSON file to save: the same document as /api/events/{id}',
      tags: ['events'],
      params: eventIdParams,
      responses: { 200: { description: 'The event (Content-Disposition: attachment)', schema: { type: 'object' } }, 404: { description: 'No such event', schema: errorSchema } },
    }, needToken),
  }, async (req, reply) => {
    const ev = await eventOr404(req.params);
    reply.header('content-disposition', `attachment; filename="salvo-event-${ev.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.json"`);
    return eventPage(store, ev);
  });

  app.get('/api/events/:id/citation', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'citeEvent',
      summary: 'How to cite one event: text, BibTeX and CSL-JSON together (format=json), or one of them as a file to save',
      tags: ['events'],
      params: eventIdParams,
      querystring: citationQuery,
      responses: {
        200: { description: 'The citation: {text, bibtex, csl} for format=json; else the one form (text/plain, application/x-bibtex, application/vnd.citationstyles.csl+json)', schema: { type: 'object', properties: { text: { type: 'string' }, bibtex: { type: 'string' }, csl: { type: 'object', additionalProperties: true } } } },
        404: { description: 'No such event', schema: errorSchema },
      },
    }, needToken),
  }, async (req, reply) => {
    const ev = await eventOr404(req.params);
    // Updated: the newest version's time (the record as cited).
    const updatedAt = (await store.eventHistory(ev.id)).at(-1)?.createdAt ?? new Date().toISOString();
    const base = `${req.protocol}://${req.headers.host ?? host}`;
    const outlets = [];
    for (const id of ev.articleIds) outlets.push((await store.getArticle(id))?.source ?? null);
    const c = citationOf({ summary: eventSummary({ event: ev, updatedAt, languages: [] }), url: `${base}/#/event/${encodeURIComponent(ev.id)}`, accessed: new Date().toISOString().slice(0, 10), outlets });
    const format = (req.query as Query).format;
    if (format === 'json') return c;
    const file = `salvo-event-${ev.id.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    const [body, type, ext] = format === 'bibtex' ? [c.bibtex, 'application/x-bibtex', 'bib'] : format === 'csl' ? [JSON.stringify([c.csl], null, 2), 'application/vnd.citationstyles.csl+json', 'json'] : [c.text, 'text/plain', 'txt'];
    reply.type(`${type}; charset=utf-8`).header('content-disposition', `attachment; filename="${file}.${ext}"`);
    return `${body}\n`;
  });

  app.get('/api/events/:id/history', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'getEventHistory',
      summary: 'Every version of one event: what changed, when, and which report changed it',
      tags: ['events'],
      params: eventIdParams,
      responses: { 200: { description: 'The versions, oldest first', schema: { type: 'object' } }, 404: { description: 'No such event', schema: errorSchema } },
    }, needToken),
  }, async (req) => {
    const ev = await eventOr404(req.params);
    return { id: ev.id, versions: historyView(await store.eventHistory(ev.id)) };
  });

  app.get('/api/stats', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'getStats',
      summary: 'Dated news-derived events counted per year or month and class (stored events only; for a chart of launch days with the reference list, each day counted once, use /api/timeline/counts)',
      tags: ['events'],
      querystring: statsQuery,
      responses: { 200: { description: 'Counts', schema: { type: 'object' } } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    return { by: q.by, counts: await store.countEventsBy(eventFilter(q), q.by as 'year' | 'month') };
  });
};
