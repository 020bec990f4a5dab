// /api/events.<name>: every output of src/app/outputs, one route each, with the event list's filters (oldest
// first). A new output file is served here without a change to this file.
import { OUTPUTS } from '../../app/outputs/index.js';
import { HttpError } from '../plugins/errors.js';
import { exportQuery } from '../schemas.js';
import { eventFilter, type Query, type Routes } from './context.js';
import { routeSchema } from './doc.js';

export const exportRoutes: Routes = (app, { store, host, needToken }) => {
  for (const output of OUTPUTS) {
    app.get(`/api/events.${output.name}`, {
      config: { cached: true },
      schema: routeSchema({
        operationId: `exportEvents${output.name[0].toUpperCase()}${output.name.slice(1)}`,
        summary: `Events as ${output.description} (same filters as /api/events; oldest first)`,
        tags: ['exports'],
        querystring: exportQuery,
        responses: { 200: { description: output.description, type: output.mediaType, schema: { type: 'string' } } },
      }, needToken),
    }, async (req, reply) => {
      const q = req.query as Query;
      const columns = typeof q.columns === 'string' ? q.columns : undefined;
      if (columns !== undefined && !output.columnSets?.includes(columns)) throw new HttpError(400, `querystring: /api/events.${output.name} has no column set "${columns}"`);
      const events = (await store.queryEvents({ ...eventFilter(q), order: q.order as 'asc' | 'desc', limit: q.limit as number, offset: q.offset as number })).events;
      const base = `${req.protocol}://${req.headers.host ?? host}`;
      if (output.download) {
        reply.header('content-disposition', `attachment; filename="salvo-events${columns && columns !== output.columnSets?.[0] ? `-${columns}` : ''}.${output.extension}"`);
      }
      reply.type(`${output.mediaType}; charset=utf-8`);
      return output.render({ store, events, base, columns });
    });
  }
};
