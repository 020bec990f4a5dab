// What every route file is given: the store, the one ingest path and its threads, whether writes need the token; and the event
// filter shared by the event list, the statistics and the exports.
import type { FastifyInstance } from 'fastify';
import type { Ingester } from '../../app/ingestion.js';
import type { DocumentPool } from '../../app/pool.js';
import type { EventFilter, Store } from '../../store/store.js';
import type { Language } from '../../types.js';
import { HttpError } from '../plugins/errors.js';

export interface RouteContext {
  store: Store;
  ingester: Ingester;
  /** Threads that read pastes and uploads into documents off the event loop. */
  pool: DocumentPool;
  /** The address the server listens on (for links when a request has no Host header). */
  host: string;
  needToken: boolean;
}

export type Routes = (app: FastifyInstance, ctx: RouteContext) => void;

export type Query = Record<string, unknown>;

/** YYYY or YYYY-MM as the first or last day it covers. */
function dateBound(v: unknown, end: boolean): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\d{4}$/.test(v)) return end ? `${v}-12-31` : `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return end ? `${v}-31` : `${v}-01`;
  return v;
}

export function eventFilter(q: Query): EventFilter {
  const s = (k: string): string | undefined => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  const from = dateBound(q.from, false);
  const to = dateBound(q.to, true);
  if (from && to && from > to) throw new HttpError(400, `querystring: from (${String(q.from)}) is after to (${String(q.to)})`);
  return { from, to, class: s('class'), site: s('site'), actor: s('actor'), language: s('language') as Language | undefined };
}
