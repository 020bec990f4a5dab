// /api/timeline: one row per launch day (a news event joined with the reference flights it matches, a reference
// day alone, a news event alone), sorted, filtered and paged here; /api/timeline/counts: launch days per year or
// month and class for the chart, each day counted once, the reference list's share apart.
import { launchDayCounts, timelinePage, type TimelineQuery } from '../../app/timeline.js';
import { launchDaySchema, periodCountSchema, timelineCountsQuery, timelineQuery } from '../schemas.js';
import { eventFilter, type Query, type Routes } from './context.js';
import { routeSchema } from './doc.js';
import { listOf } from './events.js';

export const timelineRoutes: Routes = (app, { store, needToken }) => {
  app.get('/api/timeline', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'listLaunchDays',
      summary: 'Launch days: each news event with the reference flights it matches in one row, reference days no report tells, and news events the reference list lacks; dated on one named clock; sorted, filtered and paged',
      tags: ['events'],
      querystring: timelineQuery,
      responses: { 200: { description: 'One page of launch days and the number that match', schema: listOf(launchDaySchema, 'rows') } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    const query: TimelineQuery = {
      ...eventFilter(q),
      source: q.source as TimelineQuery['source'],
      q: typeof q.q === 'string' ? q.q : undefined,
      sort: q.sort as TimelineQuery['sort'],
      order: q.order as TimelineQuery['order'],
      limit: q.limit as number,
      offset: q.offset as number,
    };
    const page = await timelinePage(store, query);
    return { total: page.total, limit: query.limit, offset: query.offset, rows: page.rows };
  });

  app.get('/api/timeline/counts', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'countLaunchDays',
      summary: 'Launch days per year or month and class, each counted once (a news event and its reference flights are one day); the reference list\'s days and flights and the news-only days apart',
      tags: ['events'],
      querystring: timelineCountsQuery,
      responses: { 200: { description: 'Counts, oldest period first', schema: { type: 'object', properties: { by: { type: 'string' }, counts: { type: 'array', items: periodCountSchema } } } } },
    }, needToken),
  }, async (req) => {
    const q = req.query as Query;
    const by = q.by as 'year' | 'month';
    return { by, counts: await launchDayCounts(store, { ...eventFilter(q), source: q.source as TimelineQuery['source'] }, by) };
  });
};
