// /api/sources: the feeds and sitemaps `salvo watch` polls, with their last poll, last error and item counts.
import type { WatchSourceState } from '../../store/store.js';
import type { JsonSchema } from '../schemas.js';
import type { Query, Routes } from './context.js';
import { routeSchema } from './doc.js';

const sourcesQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    all: { type: 'boolean', default: false, description: 'Also sources no longer in the watch config.' },
  },
};

const sourceSchema: JsonSchema = {
  type: 'object',
  properties: {
    url: { type: 'string' },
    kind: { type: 'string', description: 'feed, sitemap or auto' },
    intervalS: { type: 'number', description: 'Poll interval in seconds' },
    active: { type: 'boolean', description: 'Still in the watch config' },
    lastPoll: { type: ['string', 'null'], description: 'When it was last polled (ISO instant)' },
    lastSuccess: { type: ['string', 'null'], description: 'Last poll without an error' },
    lastError: { type: ['string', 'null'], description: "The last poll's error (the feed's, or its items'), null when it went well" },
    itemsSeen: { type: 'integer', description: 'Distinct items the source has listed' },
    itemsDone: { type: 'integer', description: 'Items fetched and stored (or found already stored)' },
    itemsFailed: { type: 'integer', description: 'Items given up' },
    itemsPending: { type: 'integer', description: 'Items still to be fetched' },
  },
};

const sourcesResponse: JsonSchema = {
  type: 'object',
  properties: { sources: { type: 'array', items: sourceSchema } },
};

/** What the API shows of a source (not its validators). */
function sourceView(s: WatchSourceState): Record<string, unknown> {
  return {
    url: s.url, kind: s.kind, intervalS: s.intervalS, active: s.active, lastPoll: s.lastPoll, lastSuccess: s.lastSuccess,
    lastError: s.lastError, itemsSeen: s.itemsSeen, itemsDone: s.itemsDone, itemsFailed: s.itemsFailed, itemsPending: s.itemsPending,
  };
}

export const sourceRoutes: Routes = (app, { store, needToken }) => {
  app.get('/api/sources', {
    config: { cached: true },
    schema: routeSchema({
      operationId: 'listSources',
      summary: 'The feeds and sitemaps `salvo watch` polls: last poll, last error, items seen',
      tags: ['live'],
      querystring: sourcesQuery,
      responses: { 200: { description: 'The sources, active ones first', schema: sourcesResponse } },
    }, needToken),
  }, async (req) => {
    const all = (req.query as Query).all === true;
    return { sources: (await store.listWatchSources()).filter((s) => all || s.active).map(sourceView) };
  });
};
