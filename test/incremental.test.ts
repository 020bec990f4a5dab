// What ingest keeps up to date report by report must equal what a full recomputation gives: the event table
// (`salvo db rebuild` regroups every stored report from scratch) and the stored event summaries (each report's
// closest sibling, the impact estimate) that the event page reads instead of comparing every pair of reports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeEvent, summaryArticle } from '../src/app/event-summary.js';
import { eventDetail } from '../src/app/event-view.js';
import { Ingester } from '../src/app/ingestion.js';
import { membershipProblems, rebuildEvents, regroupedEvents } from '../src/app/integrity.js';
import { ingestPaths } from '../src/ingest/index.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import type { Article, Extraction, LaunchEvent } from '../src/types.js';
// @ts-expect-error: a plain ES module script without type declarations
import { writeCorpus } from '../scripts/writers-corpus.mjs';
import { ROOT } from './helpers/cli.js';

let dir = '';
let store: Store;

/** The full computation of an event's summary: every pair of its reports compared, nothing kept from before. */
async function fullSummary(ev: LaunchEvent) {
  const extractions = new Map<string, Extraction | null>();
  const articles = new Map<string, Article>();
  for (const id of ev.articleIds) {
    extractions.set(id, await store.getExtraction(id));
    const a = await store.getArticle(id);
    if (a) articles.set(id, a);
  }
  return summarizeEvent(ev, {
    extractions,
    prior: [],
    articles: async (ids) => new Map(ids.flatMap((id) => {
      const a = articles.get(id);
      return a ? [[id, summaryArticle(a)] as const] : [];
    })),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salvo-incremental-'));
  // Launch reports in groups (with undated follow-ups that join their launch), and two of the repo's corpora.
  writeCorpus(join(dir, 'made'), { articles: 40, launchShare: 0.5, undated: 6 });
  store = new SqliteStore(join(dir, 'salvo.db'));
  const report = await new Ingester(store).ingest(ingestPaths([join(dir, 'made'), join(ROOT, 'test/corpus-ko/articles'), join(ROOT, 'test/corpus-en3/articles')]));
  expect(report.failed).toBe(0);
}, 300_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('events kept up to date report by report', () => {
  it('equal the table a full regrouping of every stored report makes, and rebuilding changes nothing', async () => {
    const stored = await store.listEvents();
    expect(stored.length).toBeGreaterThan(10);
    const regrouped = await regroupedEvents(store);
    // A stored event without a reference reads back without the key; the resolver's has it as null.
    const table = (events: LaunchEvent[]) => events.map((e) => ({ ...e, reference: e.reference ?? null })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(table(regrouped)).toEqual(table(stored));
    expect(await rebuildEvents(store)).toEqual({ events: stored.length, written: 0, deleted: 0 });
    expect(await membershipProblems(store)).toEqual([]);
  });

  it('have stored summaries equal to comparing every pair of their reports again', async () => {
    const events = await store.listEvents();
    const summaries = await store.eventSummaries(events.map((e) => e.id));
    expect(summaries.size).toBe(events.length);
    let compared = 0;
    for (const ev of events) {
      const full = await fullSummary(ev);
      expect(summaries.get(ev.id), ev.id).toEqual(full);
      compared += ev.articleIds.length > 1 ? 1 : 0;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('serve the event page from the stored summary, and compute it when the event was written without one', async () => {
    const ev = (await store.listEvents()).find((e) => e.articleIds.length > 2);
    if (!ev) throw new Error('no event with three reports');
    const fromSummary = await eventDetail(store, ev);
    expect(fromSummary.articles.every((r) => r.closest !== null && r.outlet !== null)).toBe(true);
    // A rebuild that rewrites the event drops its summary: the page compares and names the reports itself, to the same end.
    await store.writeEvents({ events: [ev], deleted: [], at: new Date().toISOString() });
    expect((await store.eventSummaries([ev.id])).size).toBe(0);
    expect(await eventDetail(store, ev)).toEqual(fromSummary);
  });
});
