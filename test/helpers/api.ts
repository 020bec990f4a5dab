// A server on a fresh store with made-up reports posted through POST /api/ingest, for API tests that read
// what ingest stored; and made-up reports more than one such test uses.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildServer } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

/** One JSON Lines record as `POST /api/ingest` with `format: 'jsonl'` takes it. */
export interface ReportRecord {
  id: string;
  source: string;
  published: string;
  title: string;
  text: string;
}

/** A US test told on Pacific daylight time: another country's launch, on another clock. */
export const US_TEST_2030: ReportRecord = {
  id: 'usa-2030', source: 'base.example.org', published: '2030-06-12', title: 'Air Force test-fires unarmed ICBM',
  text: 'VANDENBERG SPACE FORCE BASE, Calif., June 12, 2030 - The U.S. Air Force launched an unarmed Minuteman III intercontinental ballistic missile at 1:30 a.m. PDT on Wednesday, the base said in a statement. The missile flew about 6,700 km to a test range in the Pacific.',
};

/** The Host header of a local client (the server refuses other hosts). */
export const HOST = { host: '127.0.0.1:8080' };

export interface TestApi {
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A server on a store at `location` (':memory:' or a file) holding `records`, each stored (the test fails otherwise). */
export async function apiWithReports(location: string, records: ReportRecord[]): Promise<TestApi> {
  const store = await openStore(location);
  const app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
  const r = await app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: records.map((x) => JSON.stringify(x)).join('\n'), format: 'jsonl' } });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toMatchObject({ stored: records.length, failed: 0 });
  return { store, app, close: async () => { await app.close(); await store.close(); } };
}
