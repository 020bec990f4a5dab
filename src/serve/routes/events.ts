// /api/events: the event list (filtered, paged), one event with its evidence, its history, and the counts
// per year or month for the chart.
import { eventSummary } from '../../app/event-view.js';
import { historyView } from '../../app/labels.js';
import type { LaunchEvent } from '../../types.js';
import { HttpError } from '../plugins/errors.js';
import { errorSchema, eventIdParams, eventListQuery, eventSummarySchema, statsQuery, type JsonSchema } from '../schemas.js';
import { eventPage } from '../views.js';
import { eventFilter, type Query, type Routes } from './context.js';
import { routeSchema } from './doc.js';

export const listOf = (schema: JsonSchema, key: string): JsonSchema => ({
  type: 'object',
  properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, [key]: { type: 'array', items: schema } },
});

export const eventRoutes: Routes = (app, { store, needToken }) => {
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
    return { total: page.total, limit, offset, events: page.events.map(eventSummary) };
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
      summary: 'Dated events counted per year or month and class (for the chart)',
      tags: ['events'],
      querystring: statsQuery,
      responses: { 200: { description: 'Counts', schema: { type: 'object' } } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    return { by: q.by, counts: await store.countEventsBy(eventFilter(q), q.by as 'year' | 'month') };
  });
};
