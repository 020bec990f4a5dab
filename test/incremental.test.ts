// What ingest keeps up to date report by report must equal what a full recomputation gives: the event table
// (`salvo db rebuild` regroups every stored report from scratch) and the stored event summaries (each report's
// closest sibling, the impact estimate) that the event page reads instead of comparing every pair of reports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  // Two reports of one launch from outlets whose source names a port (an address and a listed newsroom's host,
  // as a crawler may record them): grouping must count each outlet by its host alone, on ingest and on rebuild.
  mkdirSync(join(dir, 'ports'));
  writeFileSync(join(dir, 'ports', 'ported.jsonl'), [
    { id: 'port-1', source: '192.0.2.15:8011', url: 'http://192.0.2.15:8011/world/launch', published: '2023-03-09', title: 'Freedonia test-fires a ballistic missile off its east coast',
      text: 'Freedonia fired a short-range ballistic missile from the Port Vell area on Thursday morning, the defence ministry of its neighbour said.\n\nThe missile flew about 410 kilometres before it came down in the sea, the ministry said.' },
    { id: 'port-2', source: 'english.kyodonews.net:443', url: 'https://english.kyodonews.net:443/news/launch', published: '2023-03-09', title: 'Freedonia launches missile, neighbour says',
      text: 'Freedonia launched a ballistic missile from near Port Vell on Thursday, according to the defence ministry of a neighbouring country.\n\nIt travelled some 410 km and fell into the sea outside the exclusive economic zone, officials said.' },
  ].map((r) => JSON.stringify(r)).join('\n'));
  store = new SqliteStore(join(dir, 'salvo.db'));
  const report = await new Ingester(store).ingest(ingestPaths([join(dir, 'made'), join(ROOT, 'test/corpus-ko/articles'), join(ROOT, 'test/corpus-en3/articles'), join(dir, 'ports')]));
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
    // The reports whose source names a port: in one event, each counted as its outlet's host or newsroom.
    const idOf = async (outlet: string) => (await store.listArticles()).find((a) => a.source === outlet)?.id ?? '';
    const [address, kyodo] = [await idOf('192.0.2.15'), await idOf('english.kyodonews.net')];
    const ported = stored.find((e) => e.articleIds.includes(address));
    expect(ported?.articleIds).toContain(kyodo);
    const supports = Object.values(ported?.fields ?? {}).flatMap((f) => f.candidates.flatMap((c) => c.support));
    const sourcesOf = (id: string) => [...new Set(supports.filter((s) => s.articleId === id).map((s) => s.source))];
    // (Beside the ministry both attribute their claims to.)
    expect([sourcesOf(address), sourcesOf(kyodo)]).toEqual([expect.arrayContaining(['192.0.2.15']), expect.arrayContaining(['kyodo'])]);
    expect(supports.filter((s) => /:\d+$/.test(s.source ?? ''))).toEqual([]);
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
