// A `salvo db rebuild` run by another process rewrites events and stores no article. A running ingest worker (an
// Ingester, as `salvo ingest`, `salvo watch` and `salvo serve` hold one) must see it through the change cursor and
// group its next report against the rebuilt table, not the one it read before; the server's answer cache must see
// it too (on PostgreSQL through LISTEN/NOTIFY). Both on SQLite and PostgreSQL: a stored event is deliberately
// split in two by raw SQL (what a damaged table or an older grouping leaves), the worker reads it so, the rebuild
// mends it, then the worker ingests another report of the same launch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { membershipProblems, rebuildEvents, regroupedEvents } from '../src/app/integrity.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { buildServer } from '../src/serve/app.js';
import { connectionConfig } from '../src/store/postgres/connection.js';
import { PostgresSession } from '../src/store/postgres/session.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import type { IngestItem, LaunchEvent } from '../src/types.js';
import { assertBuilt, salvo } from './helpers/cli.js';
import { dropSchemas, freshSchemaUrl, PG_URL } from './helpers/postgres.js';

const OUTLETS = ['lakeside-herald.example', 'steppe-courier.example', 'delta-wire.example', 'summit-post.example'];

interface Rec { id: string; source: string; published: string; title: string; text: string }

/** The n-th outlet's report of one made-up launch: Iran, two medium-range missiles, 8 April 2031. */
const report = (n: number): Rec => ({
  id: `iran-${n}`, source: OUTLETS[n % OUTLETS.length], published: '2031-04-08', title: `Iran missile test, report ${n}`,
  text: `Iran fired two medium-range ballistic missiles on Tuesday, April 8, 2031, the defence ministry said in statement number ${n}.\n\n` +
    'The missiles flew about 1,450 kilometers before they came down, officials told reporters.',
});

/** Another launch altogether (Russia, July 2031), for the worker's first write. */
const otherLaunch = (): Rec => ({
  id: 'russia-1', source: OUTLETS[0], published: '2031-07-08', title: 'Russia missile test',
  text: 'Russia fired two intercontinental ballistic missiles on Tuesday, July 8, 2031, the defence ministry said.\n\n' +
    'The missiles flew about 5,800 kilometers before they came down, officials told reporters.',
});

const item = (rec: Rec): IngestItem => ({ ok: true, doc: documentFromRecord(rec, rec.id) });

/** The event table, comparable across reads (a stored event without a reference reads back without the key). */
const table = (events: LaunchEvent[]) => events.map((e) => ({ ...e, reference: e.reference ?? null })).sort((a, b) => (a.id < b.id ? -1 : 1));

/** SQL run on the database by hand, beside the stores: SQLite's file or the PostgreSQL schema. */
type Raw = (sql: string, params: string[]) => Promise<void>;

/** Splits the event holding `moved` in two: `moved` alone in a copy of the event under another id. */
async function splitEvent(raw: Raw, sqlite: boolean, event: LaunchEvent, moved: string): Promise<string> {
  const split = `${event.id}-split`;
  const p = (n: number): string => (sqlite ? '?' : `$${n}`);
  await raw(
    `INSERT INTO events (id, actor, date_local, weekday, fields, reference, updated_at)
     SELECT ${p(1)}, actor, date_local, weekday, fields, reference, updated_at FROM events WHERE id = ${p(2)}`,
    [split, event.id],
  );
  await raw(`UPDATE event_articles SET event_id = ${p(1)}, position = 0 WHERE article_id = ${p(2)}`, [split, moved]);
  return split;
}

/** What the test checks in the end: the table is the one a rebuild makes, and the invariant holds. */
async function expectRebuilt(store: Store): Promise<void> {
  const events = await store.listEvents();
  expect(table(await regroupedEvents(store))).toEqual(table(events));
  expect(await rebuildEvents(store)).toEqual({ events: events.length, written: 0, deleted: 0 });
  expect(await membershipProblems(store)).toEqual([]);
}

/**
 * Worker A reads the split table (its first write, another launch), another process rebuilds (`rebuild`), then A
 * ingests a third report of the split launch: it must read every event again first (once), join the mended event
 * with its save accepted the first time, and leave the table a rebuild makes.
 */
async function workerSeesRebuild(a: Store, b: Store, raw: Raw, sqlite: boolean, spied: object, rebuild: () => Promise<void>): Promise<void> {
  const other = new Ingester(b);
  for (const n of [1, 2]) expect((await other.ingest([item(report(n))])).stored).toBe(1);
  const [launch] = await b.listEvents();
  expect(launch.articleIds).toHaveLength(2);
  const split = await splitEvent(raw, sqlite, launch, launch.articleIds[1]);
  expect((await b.listEvents()).map((e) => e.articleIds.length)).toEqual([1, 1]);

  const worker = new Ingester(a);
  expect((await worker.ingest([item(otherLaunch())])).stored).toBe(1);
  await rebuild();
  expect((await b.listEvents()).map((e) => e.id).sort()).toEqual([launch.id, 'Russia-2031-07-08']);

  const full = vi.spyOn(spied as { listEvents(): Promise<LaunchEvent[]> }, 'listEvents');
  const saves = vi.spyOn(spied as { saveArticle(...args: unknown[]): Promise<boolean> }, 'saveArticle');
  let third = '';
  try {
    const r = await worker.ingest([item(report(3))]);
    expect(r.results[0]).toMatchObject({ status: 'stored', eventId: launch.id });
    third = r.results[0].articleId ?? '';
    expect(full).toHaveBeenCalledTimes(1);
    expect(saves.mock.settledResults.map((x) => x.type)).toEqual(['fulfilled']);
  } finally {
    full.mockRestore();
    saves.mockRestore();
  }
  expect([...((await a.getEvent(launch.id))?.articleIds ?? [])].sort()).toEqual([...launch.articleIds, third].sort());
  expect(await a.getEvent(split)).toBeNull();
  await expectRebuilt(a);
}

/**
 * The server on store A answers the event list from its cache; another process rebuilds; the next answer (within
 * a second, on PostgreSQL) is the rebuilt list, and a report posted then joins the mended event.
 */
async function serverSeesRebuild(a: Store, b: Store, raw: Raw, sqlite: boolean, spied: object, rebuild: () => Promise<void>): Promise<void> {
  const other = new Ingester(b);
  for (const n of [1, 2]) expect((await other.ingest([item(report(n))])).stored).toBe(1);
  const [launch] = await b.listEvents();
  const split = await splitEvent(raw, sqlite, launch, launch.articleIds[1]);
  const app = await buildServer({ store: a, host: '127.0.0.1', webRoot: null });
  try {
    const host = { host: '127.0.0.1:8080' };
    const ids = async (): Promise<string[]> => {
      const r = await app.inject({ method: 'GET', url: '/api/events', headers: host });
      expect(r.statusCode).toBe(200);
      return (r.json() as { events: { id: string }[] }).events.map((e) => e.id).sort();
    };
    const post = async ({ text, title, source, published }: Rec): Promise<{ status: string; eventId: string | null }> => {
      const r = await app.inject({ method: 'POST', url: '/api/ingest', headers: host, payload: { text, title, source, published } });
      expect(r.statusCode).toBe(200);
      return (r.json() as { results: { status: string; eventId: string | null }[] }).results[0];
    };
    // The server's ingester reads the split table with its first write; the list is answered, then cached.
    expect((await post(otherLaunch())).status).toBe('stored');
    expect(await ids()).toEqual([launch.id, split, 'Russia-2031-07-08'].sort());
    expect(await ids()).toEqual([launch.id, split, 'Russia-2031-07-08'].sort());
    await rebuild();
    await vi.waitFor(async () => expect(await ids()).toEqual([launch.id, 'Russia-2031-07-08']), { timeout: 1000, interval: 20 });
    const saves = vi.spyOn(spied as { saveArticle(...args: unknown[]): Promise<boolean> }, 'saveArticle');
    try {
      expect(await post(report(3))).toMatchObject({ status: 'stored', eventId: launch.id });
      expect(saves.mock.settledResults.map((x) => x.type)).toEqual(['fulfilled']); // grouped against the rebuilt table at once
    } finally {
      saves.mockRestore();
    }
    expect((await a.getEvent(launch.id))?.articleIds).toHaveLength(3);
  } finally {
    await app.close();
  }
  await expectRebuilt(a);
}

describe('a `salvo db rebuild` by another process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salvo-rebuild-seen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;

  /** Two store handles on a new SQLite file, SQL on it by hand, and `salvo db rebuild` on it as a process. */
  async function sqlite(fn: (a: Store, b: Store, raw: Raw, rebuild: () => Promise<void>) => Promise<void>): Promise<void> {
    const file = join(dir, `shared-${++files}.db`);
    const [a, b] = [new SqliteStore(file), new SqliteStore(file)];
    const raw: Raw = async (sql, params) => {
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    };
    await withStores(a, b, raw, file, fn);
  }

  /** Runs `fn` with both handles, a `salvo db rebuild` of the database `db` as a child process, then closes them. */
  async function withStores(a: Store, b: Store, raw: Raw, db: string, fn: (a: Store, b: Store, raw: Raw, rebuild: () => Promise<void>) => Promise<void>): Promise<void> {
    const rebuild = async (): Promise<void> => {
      const r = salvo(['--db', db, 'db', 'rebuild'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/2 event\(s\): 1 written, 1 deleted/);
    };
    try {
      await fn(a, b, raw, rebuild);
    } finally {
      await a.close();
      await b.close();
    }
  }

  it('on SQLite: the running worker groups its next report against the rebuilt table', async () => {
    assertBuilt();
    await sqlite((a, b, raw, rebuild) => workerSeesRebuild(a, b, raw, true, SqliteStore.prototype, rebuild));
  }, 60_000);

  it('on SQLite: the server answers from the rebuilt table, and its ingester groups against it', async () => {
    assertBuilt();
    await sqlite((a, b, raw, rebuild) => serverSeesRebuild(a, b, raw, true, SqliteStore.prototype, rebuild));
  }, 60_000);

  describe.skipIf(!PG_URL)('on PostgreSQL', () => {
    afterAll(() => dropSchemas());

    async function postgres(fn: (a: Store, b: Store, raw: Raw, rebuild: () => Promise<void>) => Promise<void>): Promise<void> {
      const url = await freshSchemaUrl();
      const [a, b] = [await PostgresStore.open(url), await PostgresStore.open(url)];
      const raw: Raw = async (sql, params) => {
        const client = new pg.Client(connectionConfig(url));
        await client.connect();
        try {
          await client.query(sql, params);
        } finally {
          await client.end();
        }
      };
      await withStores(a, b, raw, url, fn);
    }

    it('the running worker groups its next report against the rebuilt table', async () => {
      assertBuilt();
      await postgres((a, b, raw, rebuild) => workerSeesRebuild(a, b, raw, false, PostgresSession.prototype, rebuild));
    }, 60_000);

    it('every replica answers from the rebuilt table within a second (LISTEN/NOTIFY), and its ingester groups against it', async () => {
      assertBuilt();
      await postgres((a, b, raw, rebuild) => serverSeesRebuild(a, b, raw, false, PostgresSession.prototype, rebuild));
    }, 60_000);
  });
});
