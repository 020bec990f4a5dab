// Ingester pipelines a batch one document deep (the next document is read while the current one is stored, or
// prepared elsewhere, as the document pool does): results still come in input order, a document repeated right
// after itself is stored once, and a document that cannot be read or stored costs its own line only. Batched (as
// `salvo ingest` runs on PostgreSQL), it stores, links and tells exactly what one-by-one ingest does.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { cleanDocument } from '../src/clean/index.js';
import { extractArticle } from '../src/extract/index.js';
import type { SourceDocument } from '../src/types.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import type { IngestItem } from '../src/types.js';
import { dropSchemas, freshSchemaUrl, PG_URL } from './helpers/postgres.js';
import { generateFirehose } from '../scripts/firehose.mjs';
import { INGEST_BATCH_ARTICLES } from '../src/settings.js';
import type { Store } from '../src/store/store.js';

// Reports of our own wording: two of one launch, one ordinary news story.
const launch = (n: number): IngestItem => ({
  ok: true,
  doc: documentFromRecord({
    id: `launch-${n}`, source: `outlet-${n}.example.org`, published: '2033-04-05', title: `North Korea fires missile (${n})`,
    text: `SEOUL, April 5, 2033 - North Korea fired a ballistic missile from near Pyongyang on Tuesday morning, South Korea's Joint Chiefs of Staff said in statement number ${n}. The missile flew about 610 kilometers.`,
  }, `launch-${n}`),
});
const news: IngestItem = {
  ok: true,
  doc: documentFromRecord({ id: 'news', source: 'town.example.org', published: '2033-04-05', title: 'Council backs bike lanes', text: 'The council approved a plan for new bike lanes in the town centre on Monday, officials said.' }, 'news'),
};
const unreadable: IngestItem = { ok: false, failure: { origin: 'broken.json', reason: 'not JSON' } };

// On SQLite, and on PostgreSQL (where the store's work overlaps the next document's) when SALVO_TEST_PG is set.
const stores: [string, () => Promise<string>][] = [['SQLite', async () => ':memory:'], ...(PG_URL ? [['PostgreSQL', freshSchemaUrl] as [string, () => Promise<string>]] : [])];
afterAll(() => (PG_URL ? dropSchemas() : undefined));

describe.each(stores)('Ingester, pipelined, on %s', (_, location) => {
  it('tells results in input order, stores a document repeated right after itself once, and keeps going past a failure', async () => {
    const store = await openStore(await location());
    try {
      const items = [launch(1), launch(1), unreadable, news, news, launch(2), news];
      const report = await new Ingester(store).ingest(items);
      expect(report.results.map((r) => [r.origin, r.status])).toEqual([
        ['launch-1', 'stored'], ['launch-1', 'duplicate'], ['broken.json', 'failed'], ['news', 'stored'], ['news', 'duplicate'], ['launch-2', 'stored'], ['news', 'duplicate'],
      ]);
      expect(await store.counts()).toEqual({ articles: 3, events: 1 });
      const [event] = await store.listEvents();
      expect(event.articleIds).toHaveLength(2);
      expect(report.results[1].eventId).toBe(event.id);
    } finally {
      await store.close();
    }
  });

  it('tells each result to a listener instead of keeping it, so a long batch holds none', async () => {
    const store = await openStore(await location());
    try {
      const heard: [string, string][] = [];
      const report = await new Ingester(store).ingest([launch(1), unreadable, news, news], (r) => heard.push([r.origin, r.status]));
      expect(heard).toEqual([['launch-1', 'stored'], ['broken.json', 'failed'], ['news', 'stored'], ['news', 'duplicate']]);
      expect(report).toEqual({ stored: 2, duplicates: 1, failed: 1, results: [] });
    } finally {
      await store.close();
    }
  });
});

describe('Ingester with documents prepared elsewhere', () => {
  it('tells results in input order and stores repeats once when preparing finishes out of order', async () => {
    const store = await openStore(':memory:');
    try {
      const story = (n: number): IngestItem => ({
        ok: true,
        doc: documentFromRecord({ id: `story-${n}`, source: 'town.example.org', published: '2033-04-05', title: `Council notice ${n}`, text: `The council said notice number ${n} about road works would be posted on Monday.` }, `story-${n}`),
      });
      const items = [story(1), story(1), launch(7), story(2), launch(7), unreadable, story(2), story(1)];
      let calls = 0;
      let inFlight = 0;
      let mostInFlight = 0;
      // Prepares in this thread, but the later of each three calls finishes first.
      const prepare = async (doc: SourceDocument) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2 - (calls++ % 3)));
        inFlight--;
        const article = cleanDocument(doc);
        return { article, extraction: extractArticle(article) };
      };
      const report = await new Ingester(store, prepare).ingest(items);
      expect(report.results.map((r) => [r.origin, r.status])).toEqual([
        ['story-1', 'stored'], ['story-1', 'duplicate'], ['launch-7', 'stored'], ['story-2', 'stored'], ['launch-7', 'duplicate'], ['broken.json', 'failed'], ['story-2', 'duplicate'], ['story-1', 'duplicate'],
      ]);
      expect(mostInFlight).toBe(2); // the next document is prepared while the one before it is
      expect(await store.counts()).toEqual({ articles: 3, events: 1 });
    } finally {
      await store.close();
    }
  });
});

describe.runIf(PG_URL)('Ingester, batched, on PostgreSQL', () => {
  it('tells results in input order, stores a document repeated right after itself once, and keeps going past a failure', async () => {
    const store = await openStore(await freshSchemaUrl());
    try {
      const items = [launch(1), launch(1), unreadable, news, news, launch(2), news];
      const report = await new Ingester(store, undefined, { batched: true }).ingest(items);
      expect(report.results.map((r) => [r.origin, r.status])).toEqual([
        ['launch-1', 'stored'], ['launch-1', 'duplicate'], ['broken.json', 'failed'], ['news', 'stored'], ['news', 'duplicate'], ['launch-2', 'stored'], ['news', 'duplicate'],
      ]);
      expect(await store.counts()).toEqual({ articles: 3, events: 1 });
    } finally {
      await store.close();
    }
  });

  it('stores, links and tells what one-by-one ingest does, across batches, with copies of unwritten articles and an article the database refuses', async () => {
    // Many copies of recent articles (often of one in the same batch), a few launch reports between them, and one
    // article whose text PostgreSQL cannot store (a NUL character), which fails its batch's write.
    const records = [...generateFirehose({ count: 3 * INGEST_BATCH_ARTICLES + 10, seed: 11, copyShare: 0.3, launchShare: 0.04, bytes: 1200 })].map((r) => r.record);
    records[INGEST_BATCH_ARTICLES + 5] = { ...records[INGEST_BATCH_ARTICLES + 5], text: `${records[INGEST_BATCH_ARTICLES + 5].text} \u0000` };
    const items = (): IngestItem[] => records.map((r, i) => ({ ok: true, doc: documentFromRecord(r, `record-${i}`) }));
    const ingest = async (batched: boolean): Promise<{ store: Store; results: unknown[] }> => {
      const store = await openStore(await freshSchemaUrl());
      const report = await new Ingester(store, undefined, { batched }).ingest(items());
      return { store, results: report.results.map((r) => [r.origin, r.status, r.articleId, r.eventId, r.isLaunchReport]) };
    };
    const one = await ingest(false);
    const batched = await ingest(true);
    try {
      expect(batched.results).toEqual(one.results);
      expect(batched.results.filter((r) => (r as string[])[1] === 'failed')).toHaveLength(1);
      const links = async (s: Store) => (await s.copyLinks()).map((l) => [l.articleId, l.originalId, l.kind]);
      expect((await links(one.store)).length).toBeGreaterThan(INGEST_BATCH_ARTICLES / 4);
      expect(await links(batched.store)).toEqual(await links(one.store));
      expect(await batched.store.listEvents()).toEqual(await one.store.listEvents());
      const signatures = async (s: Store) => (await s.signatures()).sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
      expect(await signatures(batched.store)).toEqual(await signatures(one.store));
    } finally {
      await one.store.close();
      await batched.store.close();
    }
  });

  it('lets go of every written batch: no document it was given stays reachable from the ingester once ingest ends', async () => {
    // What the ingester keeps across batches grows with the stored articles by a few ids and index rows each
    // (Ingester.known, the copy tracker's index), never by the documents, articles, texts or writes of batches.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const records = [...generateFirehose({ count: 3 * INGEST_BATCH_ARTICLES + 10, seed: 5, copyShare: 0.2, launchShare: 0.04, bytes: 1200 })].map((r) => r.record);
    const docs: WeakRef<SourceDocument>[] = [];
    function* items(): Generator<IngestItem> {
      for (const [i, r] of records.entries()) {
        const doc = documentFromRecord(r, `record-${i}`);
        docs.push(new WeakRef(doc));
        yield { ok: true, doc };
      }
    }
    const store = await openStore(await freshSchemaUrl());
    try {
      const ingester = new Ingester(store, undefined, { batched: true });
      let stored = 0;
      await ingester.ingest(items(), (r) => void (stored += r.status === 'stored' ? 1 : 0));
      expect(stored).toBe(records.length);
      await new Promise((resolve) => setImmediate(resolve)); // WeakRefs read in this job stay alive until it ends
      gc();
      expect(docs).toHaveLength(records.length);
      expect(docs.filter((d) => d.deref() !== undefined).map((d) => d.deref()?.origin)).toEqual([]);
      // The ingester is still in use: it must not have been collected itself, only what it was given.
      expect(await ingester.resolver(store)).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
