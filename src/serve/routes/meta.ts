// /api/status, /api/openapi.json (built by @fastify/swagger from the route schemas) and /api/docs.
import { FIELD_NAMES } from '../../types.js';
import type { Routes } from './context.js';
import { routeSchema } from './doc.js';

export const metaRoutes: Routes = (app, { store, needToken }) => {
  app.get('/api/status', {
    schema: routeSchema({
      operationId: 'getStatus',
      summary: 'Counts, the data version (changes whenever the stored data does) and whether adding reports needs a token',
      tags: ['meta'],
      responses: { 200: { description: 'Status', schema: { type: 'object', properties: { version: { type: 'string' }, events: { type: 'integer' }, articles: { type: 'integer' }, writeNeedsToken: { type: 'boolean' } } } } },
    }, needToken),
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { version: await store.dataVersion(), ...(await store.counts()), writeNeedsToken: needToken, fields: FIELD_NAMES };
  });

  app.get('/api/openapi.json', {
    schema: routeSchema({
      operationId: 'getOpenApi',
      summary: 'This API described as OpenAPI 3.1',
      tags: ['meta'],
      responses: { 200: { description: 'The OpenAPI document', schema: { type: 'object' } } },
    }, needToken),
  }, async () => app.swagger());

  app.get('/api/docs', {
    schema: routeSchema({
      operationId: 'getDocs',
      summary: 'The API documentation page (in the web app)',
      tags: ['meta'],
      responses: { 302: { description: 'Redirect to /#/docs', type: 'text/plain' } },
    }, needToken),
  }, async (_req, reply) => reply.redirect('/#/docs'));
};
