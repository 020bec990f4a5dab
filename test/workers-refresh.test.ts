// Two ingest workers on one database, each reading what the other stored as changes: the events the other's
// launch reports and copy links may have changed are read again (src/app/resolver-refresh.ts), not every event.
// Interleaved one document at a time — launch reports of one actor and of several, reports without an actor,
// undated follow-ups that a later dated report absorbs, syndicated copies — their event table must be the one a
// single worker makes of the same documents in the same order, and the one `salvo db rebuild` makes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { membershipProblems, rebuildEvents, regroupedEvents } from '../src/app/integrity.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { PostgresSession } from '../src/store/postgres/session.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import type { IngestItem, LaunchEvent } from '../src/types.js';
// @ts-expect-error: a plain ES module script without type declarations
import { generateFirehose } from '../scripts/firehose.mjs';
import { dropSchemas, freshSchemaUrl, PG_URL } from './helpers/postgres.js';

interface Rec { id: string; source: string; published: string | null; title: string; text: string }

/** Made-up launches of actors other than the firehose's: each actor's far apart in distance, so no report fits two. */
const LAUNCHES = [
  { actor: 'Iran', date: '2031-04-08', day: 'Tuesday', count: 'two', cls: 'medium-range ballistic missiles', km: '1,450' },
  { actor: 'Russia', date: '2031-04-09', day: 'Wednesday', count: 'two', cls: 'intercontinental ballistic missiles', km: '5,800' },
  { actor: 'Iran', date: '2031-05-20', day: 'Tuesday', count: 'three', cls: 'short-range ballistic missiles', km: '300' },
  { actor: null, date: '2031-04-10', day: 'Thursday', count: 'four', cls: 'cruise missiles', km: '950' },
  { actor: 'Russia', date: '2031-06-03', day: 'Tuesday', count: 'three', cls: 'cruise missiles', km: '2,500' },
  { actor: 'Russia', date: '2031-07-08', day: 'Tuesday', count: 'two', cls: 'medium-range ballistic missiles', km: '1,450' },
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July'];
const OUTLETS = ['north-wire.example', 'harbour-times.example', 'plains-daily.example'];

/** The n-th outlet's report of launch `l`, dated; or, undated, a follow-up that names no day. */
function launchReport(l: number, n: number, undated = false): Rec {
  const { actor, date, day, count, cls, km } = LAUNCHES[l];
  const who = actor ?? 'An unidentified launcher';
  const when = `${day}, ${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8))}, ${date.slice(0, 4)}`;
  const lead = undated
    ? `${who} fired ${count} ${cls}, the defence ministry said in a follow-up statement (note ${n}).`
    : `${who} fired ${count} ${cls} on ${when}, the defence ministry said in statement number ${n}.`;
  return {
    id: `${undated ? 'u' : 'd'}-${l}-${n}`, source: OUTLETS[n % OUTLETS.length], published: undated ? null : date,
    title: `${actor ?? 'Unidentified'} missile test, report ${n}`,
    text: `${lead}\n\nThe missiles flew about ${km} kilometers before they came down, officials told reporters.`,
  };
}

/** A syndicated copy of a record: the same body under another headline and outlet, published `days` later. */
function copyOf(r: Rec, days: number): Rec {
  const published = r.published && new Date(Date.parse(r.published) + days * 86_400_000).toISOString().slice(0, 10);
  return { ...r, id: `copy-${r.id}-${days}`, source: 'syndicate.example', published, title: `${r.title} (wire)` };
}

/** The stream: the made-up launches' reports interleaved with firehose launch reports of DPRK and their copies. */
function stream(): IngestItem[] {
  // One text published twice a week apart, naming only the weekday: each copy dates the launch by its own
  // publication, so they land in two events. The earlier one, stored later by the other worker, becomes the
  // original: its write changes the event of the copy stored before (its independent source), not its own, and
  // a report of launch 5 then joins that event.
  const weekday = (published: string, id: string): Rec => ({
    id, source: `${id}.example`, published, title: `Russia fires missiles (${id})`,
    text: "Russia's strategic forces test-launched two medium-range ballistic missiles on Tuesday from a desert range, according to a statement carried by state television.\n\n" +
      'Both travelled roughly 1,450 km and struck their targets, the statement added, calling the drill a success that showed the force was ready.',
  });
  // An undated follow-up first (its own undated event), then dated reports: the first absorbs it. Positions
  // 0 and 10-15 go to the first worker, the others to the second (workerOf).
  const own: Rec[] = [
    launchReport(0, 1, true), launchReport(0, 2), weekday('2031-07-10', 'late-paper'), launchReport(1, 1), launchReport(0, 3),
    copyOf(launchReport(0, 2), 0), launchReport(3, 1), launchReport(2, 1), launchReport(1, 2, true), launchReport(3, 2),
    weekday('2031-07-03', 'early-wire'), copyOf(launchReport(1, 1), 1), launchReport(4, 1, true), launchReport(2, 2), launchReport(4, 2), launchReport(4, 3),
    launchReport(5, 1), copyOf(launchReport(3, 1), 0), launchReport(2, 3, true),
  ];
  const hose = [...(generateFirehose({ count: 36, seed: 5, launchOnly: true, copyShare: 0.3, reportsPerLaunch: 3, bytes: 900 }) as Iterable<{ record: Rec }>)].map((x) => x.record);
  const recs: Rec[] = [];
  for (let i = 0; i < Math.max(own.length, hose.length); i++) recs.push(...[own[i], hose[i]].filter((r): r is Rec => r !== undefined));
  return recs.map((r) => ({ ok: true, doc: documentFromRecord(r, r.id) }));
}

/** Which of the two workers ingests the i-th document: runs of one to three documents each. */
const workerOf = (i: number): 0 | 1 => ((i * 7 + Math.floor(i / 3)) % 5 < 2 ? 0 : 1);

/** The event table, comparable across stores (a stored event without a reference reads back without the key). */
const table = (events: LaunchEvent[]) => events.map((e) => ({ ...e, reference: e.reference ?? null })).sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * Ingests the stream with one worker into `alone`, and with two alternating workers (`shared`: two handles on one
 * database) into it; returns both stores' event tables and how many times the workers read every event again.
 */
async function compare(alone: Store, shared: [Store, Store], spied: { listEvents(): Promise<LaunchEvent[]> }) {
  const docs = stream();
  const single = await new Ingester(alone).ingest(docs);
  expect(single.failed).toBe(0);
  const workers = [new Ingester(shared[0]), new Ingester(shared[1])];
  const full = vi.spyOn(spied, 'listEvents');
  for (let i = 0; i < docs.length; i++) {
    const r = await workers[workerOf(i)].ingest([docs[i]]);
    expect(r.stored, `document ${i}`).toBe(1);
  }
  const fullReads = full.mock.calls.length;
  full.mockRestore();
  return { alone: await alone.listEvents(), shared: await shared[0].listEvents(), fullReads };
}

/** What the test checks of the two tables and of the shared database. */
async function check(result: Awaited<ReturnType<typeof compare>>, shared: Store): Promise<void> {
  const { alone, shared: events, fullReads } = result;
  // The stream makes events of every kind it was written for: several actors, none, absorbed follow-ups, copies.
  expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['DPRK', 'Iran', 'Russia', null]));
  expect(events.find((e) => e.id === 'Iran-2031-04-08')?.articleIds).toHaveLength(4);
  const launch = events.find((e) => e.id === 'Russia-2031-07-08');
  expect(launch?.articleIds).toHaveLength(2);
  const early = events.find((e) => e.id === 'Russia-2031-07-01');
  const crossing = (await shared.copyLinks(early?.articleIds[0] ?? '')).map((l) => [launch?.articleIds.includes(l.articleId), l.originalId === early?.articleIds[0]]);
  expect(crossing).toEqual([[true, true]]);
  expect(events.some((e) => e.id.includes('undated'))).toBe(false);
  expect((await shared.copyLinks()).length).toBeGreaterThan(5);
  expect(table(events)).toEqual(table(alone));
  expect(table(await regroupedEvents(shared))).toEqual(table(events));
  expect(await rebuildEvents(shared)).toEqual({ events: events.length, written: 0, deleted: 0 });
  expect(await membershipProblems(shared)).toEqual([]);
  // Each worker read every event once, when it started; after that only what the other one's writes changed.
  expect(fullReads).toBe(2);
}

describe('two ingest workers interleaving launch reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salvo-workers-refresh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SQLite: the event table of one worker and of `db rebuild`, reading again only the events the other changed', async () => {
    const file = join(dir, 'shared.db');
    const alone = new SqliteStore(join(dir, 'alone.db'));
    const shared: [Store, Store] = [new SqliteStore(file), new SqliteStore(file)];
    try {
      await check(await compare(alone, shared, SqliteStore.prototype), shared[0]);
    } finally {
      for (const s of [alone, ...shared]) await s.close();
    }
  }, 120_000);

  describe.skipIf(!PG_URL)('on PostgreSQL', () => {
    afterAll(() => dropSchemas());
    it('the event table of one worker and of `db rebuild`, reading again only the events the other changed', async () => {
      const url = await freshSchemaUrl();
      const alone = await PostgresStore.open(await freshSchemaUrl());
      const shared: [Store, Store] = [await PostgresStore.open(url), await PostgresStore.open(url)];
      try {
        await check(await compare(alone, shared, PostgresSession.prototype), shared[0]);
      } finally {
        for (const s of [alone, ...shared]) await s.close();
      }
    }, 120_000);
  });
});
