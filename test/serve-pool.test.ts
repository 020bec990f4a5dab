// Ingest runs off the event loop: while a large paste is read, cleaned and extracted in the document pool, GET
// requests keep being answered (asserted by order: answers that arrive before the paste's, never by absolute
// times). A document over the time budget fails with that reason and the batch goes on. Made-up reports.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { DocumentPool } from '../src/app/pool.js';
import { documentFromText } from '../src/ingest/text.js';
import { copySketch } from '../src/resolve/sources.js';
import { DOCUMENT_BUDGET_MS } from '../src/settings.js';
import { buildServer } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

const HOST = { host: '127.0.0.1:8080' };

/** A made-up report, different for each n so none is a duplicate. */
const report = (n: number): string =>
  `North Korea fires missile number ${n}\n\nSEOUL -- North Korea fired a ballistic missile into the sea off its east coast on Monday, the ${n}th such launch, South Korea's military said. ` +
  'The missile flew about 600 km at an apogee of 50 km before landing outside Japan\'s exclusive economic zone, officials said. '.repeat(40);

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(':memory:');
  app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('serve: ingest off the event loop', () => {
  it('GET requests are answered while a large paste is being processed', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ title: `Report ${i}`, text: report(i), published: '2023-03-13' }));
    let pasteDone = false;
    const paste = app
      .inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text: JSON.stringify(records), format: 'json' } })
      .then((r) => {
        pasteDone = true;
        return r;
      });
    // Sequential reads while the paste is in flight: each one starts after the one before was answered.
    let answeredDuring = 0;
    for (let i = 0; i < 200 && !pasteDone; i++) {
      const r = await app.inject({ method: 'GET', url: `/api/events?limit=${(i % 50) + 1}`, headers: HOST });
      expect(r.statusCode).toBe(200);
      if (!pasteDone) answeredDuring++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const done = await paste;
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ stored: 40, failed: 0 });
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
  });
});

describe('document pool: time budget', () => {
  it('a document over the budget fails with that reason, and the next one is still stored', { timeout: 240_000 }, async () => {
    const tight = new DocumentPool(1, 1);
    const roomy = new DocumentPool();
    try {
      const docs = (await roomy.readPaste({ text: JSON.stringify([{ text: report(1) }, { text: report(2) }]), format: 'json' }, 'paste')).map((it) => it);
      expect(docs.every((d) => d.ok)).toBe(true);
      const slow = await new Ingester(store, tight.prepare).ingest(docs.slice(0, 1));
      expect(slow.failed).toBe(1);
      expect(slow.results[0].reason).toMatch(/over the time budget of 0 s per document/);
      const next = await new Ingester(store, roomy.prepare).ingest(docs.slice(1));
      expect(next).toMatchObject({ stored: 1, failed: 0 });
    } finally {
      await tight.close();
      await roomy.close();
    }
  });
});

describe('document pool: copy sketch', () => {
  it('a document cleaned in a thread comes back with the shingles and signature this thread would compute from it', { timeout: 120_000 }, async () => {
    const pool = new DocumentPool(DOCUMENT_BUDGET_MS, 1);
    try {
      const prepared = await pool.prepare(documentFromText(`Wire copy\n\n${report(7)}`, 'sketch'));
      const here = copySketch(prepared.article);
      expect(here.shingles.length).toBeGreaterThan(10);
      expect(prepared.sketch).toEqual(here);
    } finally {
      await pool.close();
    }
  });
});
