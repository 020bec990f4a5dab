// The PostgreSQL store: the backend-neutral contract suite run against it, plus what only a server store does:
// migrations under concurrent opening, copying an embedded database in, and two processes grouping reports of
// the same launch. Needs SALVO_TEST_PG (a database the tests may create schemas in); skipped without it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '../src/store/postgres/connection.js';
import { copySqliteToPostgres, postgresTableCounts, sqliteTableCounts } from '../src/store/postgres/copy.js';
import { PG_MIGRATIONS_DIR } from '../src/store/postgres/migrate.js';
import { loadMigrations } from '../src/store/sqlite/migrations.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { EVERY_EVENT_KEY, type Store } from '../src/store/store.js';
import type { Article, Extraction, LaunchEvent } from '../src/types.js';
import { assertBuilt, CLI, ROOT, salvo } from './helpers/cli.js';
import { articleWrite, clock, makeArticle, makeEvent, makeExtraction, storeContract } from './store.contract.js';
import { dropSchemas, freshSchemaUrl, HOW_TO_RUN, PG_URL } from './helpers/postgres.js';

if (!PG_URL) console.log(HOW_TO_RUN);

const E2E_REPORTS = join(ROOT, 'test', 'fixtures', 'e2e');

/** `salvo …args` as a child process that runs alongside others. */
function salvoAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Everything a reader can see through the Store interface, to compare two stores. */
async function snapshot(store: Store) {
  const events = await store.listEvents();
  return {
    counts: await store.counts(),
    articles: await store.listArticles(),
    events,
    histories: await Promise.all(events.map((e) => store.eventHistory(e.id))),
    extractions: await store.launchExtractions(),
    copies: await store.copyLinks(),
    signatures: (await store.signatures()).sort((a, b) => a.articleId.localeCompare(b.articleId)),
    alerts: await store.listAlerts({ limit: 1000 }),
  };
}

/** A made-up stored report, enough for grouping: the article and an extraction naming no claims. */
function report(n: number): { article: Article; extraction: Extraction } {
  const text = `Freedonia fired a missile from Port Vell, report ${n} said.`;
  return {
    article: { id: `report-${n}`, externalId: null, origin: `r${n}.txt`, format: 'text', url: null, source: `outlet-${n}.example`, published: null, title: null, language: 'en', text, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }], removed: [] },
    extraction: { articleId: `report-${n}`, isLaunchReport: true, reportConfidence: 0.9, actor: 'Freedonia', claims: [], fields: {}, weekday: null },
  };
}

/**
 * What ingest does under the grouping lock, reduced to its bones: read the actor-day's event, join it or start
 * it, save. `between` runs after the read and before the write, where a second worker could slip in.
 */
async function groupUnderLock(store: Store, n: number, between: () => Promise<void>): Promise<void> {
  await store.withEventLock(['Freedonia:2031-03-03'], async (session) => {
    const existing = (await session.listEvents()).find((e) => e.actor === 'Freedonia' && e.dateLocal === '2031-03-03');
    await between();
    const { article, extraction } = report(n);
    const event: LaunchEvent = existing
      ? { ...existing, articleIds: [...existing.articleIds, article.id] }
      : { id: `Freedonia-2031-03-03-by-${n}`, actor: 'Freedonia', dateLocal: '2031-03-03', weekday: 1, articleIds: [article.id], fields: {} as LaunchEvent['fields'] };
    const version = (await session.lastVersion(event.id)) + 1;
    const versions = [{ eventId: event.id, version, createdAt: '2031-03-03T00:00:00.000Z', articleId: article.id, changes: [] }];
    await session.saveArticle({ article, extraction, events: [event], versions, alerts: [], at: `2031-03-03T00:00:0${n}.000Z` });
  });
}

describe.skipIf(!PG_URL)('PostgreSQL store', () => {
  afterAll(dropSchemas);

  // Everything the SQLite store does, the PostgreSQL store does: one suite, a fresh schema per test.
  storeContract('PostgreSQL', async () => PostgresStore.open(await freshSchemaUrl()));

  describe('session settings', () => {
    it('runs every connection with JIT off, keeping the schema the URL chooses, unless the URL turns JIT back on', async () => {
      const url = await freshSchemaUrl();
      const settings = async (address: string): Promise<{ jit: string; schema: string }> => {
        const pool = createPool(address);
        try {
          return (await pool.query<{ jit: string; schema: string }>("SELECT current_setting('jit') AS jit, current_schema() AS schema")).rows[0];
        } finally {
          await pool.end();
        }
      };
      const schema = new URL(url).searchParams.get('options')?.split('=')[1];
      expect(await settings(url)).toEqual({ jit: 'off', schema });
      const turnedOn = new URL(url);
      turnedOn.searchParams.set('options', `${turnedOn.searchParams.get('options')} -c jit=on`);
      expect(await settings(turnedOn.toString())).toEqual({ jit: 'on', schema });
    });
  });

  describe('saving an article that changes nothing else (one statement, no transaction)', () => {
    it('writes the article, its extraction, claims and signature, and writes nothing for an article already stored', async () => {
      const store = await PostgresStore.open(await freshSchemaUrl());
      try {
        const at = clock();
        const a = makeArticle(1);
        const first = makeExtraction(a);
        expect(await store.saveArticle(articleWrite(a, first, [], at(), { sources: { signature: new Uint32Array([1, 2, 3]) } }))).toBe(true);
        expect(await store.getExtraction(a.id)).toEqual(first);
        const other = makeExtraction(a, { actor: 'Someone else' });
        const version = await store.dataVersion();
        expect(await store.saveArticle(articleWrite(a, other, [], at(), { sources: { signature: new Uint32Array([7, 8, 9]) } }))).toBe(false);
        expect(await store.getExtraction(a.id)).toEqual(first);
        expect((await store.signatures()).map((s) => [...s.signature])).toEqual([[1, 2, 3]]);
        expect(Number(await store.dataVersion())).toBeGreaterThan(Number(version)); // announced all the same
      } finally {
        await store.close();
      }
    });
  });

  describe('saving many articles that change no event at once (saveArticles)', () => {
    it('writes what saveArticle writes one by one, and nothing at all when one of them is stored already', async () => {
      const [batched, single] = [await PostgresStore.open(await freshSchemaUrl()), await PostgresStore.open(await freshSchemaUrl())];
      try {
        const at = clock();
        const [a, b, c, d] = [1, 2, 3, 4].map((n) => makeArticle(n));
        const link = (copy: Article, original: Article, similarity: number) => ({ articleId: copy.id, originalId: original.id, kind: 'duplicate' as const, similarity, reason: 'same text' });
        const writes = [
          articleWrite(a, makeExtraction(a), [], at(), { sources: { signature: new Uint32Array([1, 2]), shingles: new Uint32Array([5, 6, 7]) } }),
          articleWrite(b, makeExtraction(b, { isLaunchReport: false, claims: [], fields: {} }), [], at(), { sources: { signature: new Uint32Array([3, 4]), shingles: null, copies: [link(b, a, 0.91)] } }),
          // c is the original of b (linked again, replacing the link above) and is stored without a signature.
          articleWrite(c, makeExtraction(c), [], at(), { sources: { copies: [link(b, c, 0.97)] } }),
        ];
        const version = Number(await batched.dataVersion());
        await batched.saveArticles?.(writes);
        for (const w of writes) await single.saveArticle(w);
        expect(await snapshot(batched)).toEqual(await snapshot(single));
        expect((await batched.copyLinks()).map((l) => [l.articleId, l.originalId, l.similarity])).toEqual([[b.id, c.id, 0.97]]);
        expect(Number(await batched.dataVersion())).toBeGreaterThan(version);
        const before = await snapshot(batched);
        await expect(batched.saveArticles?.([articleWrite(d, makeExtraction(d), [], at()), writes[1]])).rejects.toThrow();
        expect(await snapshot(batched)).toEqual(before);
        await expect(batched.saveArticles?.([articleWrite(d, makeExtraction(d), [makeEvent('ev-d', [d.id])], at())])).rejects.toThrow(/changes events/);
        expect(await batched.getArticle(d.id)).toBeNull();
      } finally {
        await batched.close();
        await single.close();
      }
    });
  });

  describe('search beyond English', () => {
    it('finds Korean and Japanese words inside longer runs of text, and English words by their stem', async () => {
      const store = await PostgresStore.open(await freshSchemaUrl());
      try {
        const texts = [
          '북한이 오늘 아침 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.',
          '防衛省によると、北朝鮮が弾道ミサイルを発射した。',
          'Freedonia launched two missiles; the launches were condemned.',
        ];
        const ids: string[] = [];
        for (const [i, text] of texts.entries()) {
          const { article, extraction } = report(i + 1);
          const written = { ...article, text, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }] };
          await store.saveArticle({ article: written, extraction, events: [], versions: [], alerts: [], at: `2031-03-03T00:00:0${i}.000Z` });
          ids.push(written.id);
        }
        const found = async (q: string): Promise<string[]> => (await store.searchArticles(q, { limit: 10, offset: 0 })).hits.map((h) => h.id);
        // A noun with its particle attached ("북한이") is found by the noun alone.
        expect(await found('북한')).toEqual([ids[0]]);
        expect(await found('탄도미사일')).toEqual([ids[0]]);
        // Japanese has no spaces at all: any run of characters is found.
        expect(await found('弾道ミサイル')).toEqual([ids[1]]);
        expect(await found('北朝鮮 発射')).toEqual([ids[1]]);
        expect(await found('북한 発射')).toEqual([]);
        // English by stem: "launch" finds "launched" and "launches".
        expect(await found('launch')).toEqual([ids[2]]);
        const [hit] = (await store.searchArticles('弾道', { limit: 1, offset: 0 })).hits;
        expect(hit.snippet).toContain('\u0002弾道\u0003');
      } finally {
        await store.close();
      }
    });

    it('keeps as grams exactly the parts of one or two characters ILIKE finds, and finds common and rare ones once analysed', async () => {
      const url = await freshSchemaUrl();
      const store = await PostgresStore.open(url);
      const pool = createPool(url);
      try {
        // Sixty harbour notes of our own, newest last: a boat (배) in the odd ones, an island (섬) in the even ones,
        // both and a whale (고래) in the two oldest, and in the oldest Latin letters beside Hangul, full-width
        // letters, a Han character beyond the BMP and a line break.
        const ids: string[] = [];
        for (let n = 1; n <= 60; n++) {
          const boat = n % 2 === 1 || n <= 2 ? ' 배가 항구에 들어왔다.' : '';
          const island = n % 2 === 0 || n <= 2 ? ' 섬에서 바람이 불었다.' : '';
          const text = `${n}번째 기록.${boat}${island}${n <= 2 ? ' 어부는 고래를 보았다.' : ''}${n === 1 ? '\n부두 B동 창고 옆, ＡＢ 표지판과 𠀋 글자.' : ''}`;
          const { article, extraction } = report(n);
          const written = { ...article, language: 'ko' as const, text, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }] };
          await store.saveArticle({ article: written, extraction, events: [], versions: [], alerts: [], at: new Date(Date.UTC(2031, 2, 3, 0, 0, n)).toISOString() });
          ids.push(written.id);
        }
        const byGrams = async (part: string) => (await pool.query<{ id: string }>('SELECT id FROM articles a WHERE a.unspaced AND a.grams @> ARRAY[lower($1)] ORDER BY id', [part])).rows.map((r) => r.id);
        const byLike = async (part: string) => (await pool.query<{ id: string }>("SELECT id FROM articles a WHERE (coalesce(a.title, '') || ' ' || a.text) ILIKE '%' || $1 || '%' ORDER BY id", [part])).rows.map((r) => r.id);
        for (const part of ['b동', 'B동', '동창', '𠀋', '𠀋글', 'ａｂ', 'ＡＢ', '고래', '래를', '배', '섬', '다부', '鯨']) {
          expect(await byGrams(part), part).toEqual(await byLike(part));
        }
        expect(await byGrams('b동')).toEqual([ids[0]]);
        expect(await byGrams('동창')).toEqual([]); // "B동 창고": not adjacent
        await pool.query('ANALYZE articles');
        const planned = async (part: string) =>
          (await pool.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>('EXPLAIN (FORMAT JSON) SELECT 1 FROM articles a WHERE a.unspaced AND a.grams @> ARRAY[lower($1)]', [part])).rows[0]['QUERY PLAN'][0].Plan['Plan Rows'];
        // The premise: for a bound of two, the statistics put the boat and the island beyond the twenty newest notes
        // the store would read (SEARCH_PROBE_FACTOR times the bound) and the whale within them, so each search
        // below takes its own way: the newest notes, the gram index, or both.
        expect(await planned('배')).toBeGreaterThan(20);
        expect(await planned('섬')).toBeGreaterThan(20);
        expect(await planned('고래')).toBeLessThanOrEqual(20);
        const search = (q: string) => store.searchArticles(q, { limit: 10, offset: 0, ranked: 2 });
        const common = await search('배');
        expect(common.estimated).toBe(true);
        expect(common.total).toBeGreaterThan(2);
        expect(common.hits.map((h) => h.id)).toEqual([ids[58], ids[56]]);
        const oldest = { total: 2, estimated: false, hits: [{ id: ids[1] }, { id: ids[0] }] };
        expect(await search('고래')).toMatchObject(oldest);
        expect(await search('고래 배')).toMatchObject(oldest);
        // Two common parts that meet in the two oldest notes only: not among the newest, all the same found.
        expect(await search('배 섬')).toMatchObject(oldest);
        expect(await search('배 鯨')).toMatchObject({ total: 0, estimated: false, hits: [] });
      } finally {
        await pool.end();
        await store.close();
      }
    });
  });

  describe('event-grouping lock', () => {
    it('two workers grouping two reports of one launch at once make one event with both reports', async () => {
      const url = await freshSchemaUrl();
      // Two stores, two connection pools: as two processes would be.
      const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      try {
        let arrived!: () => void;
        const bWaiting = new Promise<void>((resolve) => (arrived = resolve));
        // Whichever gets the lock first holds it while the other asks; the second's read must see the first's event.
        const first = groupUnderLock(a, 1, () => bWaiting);
        const second = groupUnderLock(b, 2, async () => undefined);
        setTimeout(arrived, 200);
        await Promise.all([first, second]);
        const events = await a.listEvents();
        expect(events.map((e) => [...e.articleIds].sort())).toEqual([['report-1', 'report-2']]);
        expect((await a.eventHistory(events[0].id)).map((v) => v.version)).toEqual([1, 2]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('units holding different keys run side by side', async () => {
      const url = await freshSchemaUrl();
      const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      try {
        // Each unit waits for the other to have started: were the keys one lock, this would never finish.
        let aStarted!: () => void;
        let bStarted!: () => void;
        const aIn = new Promise<void>((resolve) => (aStarted = resolve));
        const bIn = new Promise<void>((resolve) => (bStarted = resolve));
        const results = await Promise.all([
          a.withEventLock(['Freedonia:2031-03-03'], async () => (aStarted(), await bIn, 'a')),
          b.withEventLock(['Freedonia:2031-03-04'], async () => (bStarted(), await aIn, 'b')),
        ]);
        expect(results).toEqual(['a', 'b']);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('a unit holding the key of every event runs alone: after the units ahead of it, before those after it', async () => {
      const url = await freshSchemaUrl();
      const [a, b, c] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
      try {
        const trace: string[] = [];
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let firstIn!: () => void;
        const started = new Promise<void>((resolve) => (firstIn = resolve));
        const first = a.withEventLock(['actor:Freedonia'], async () => {
          trace.push('actor in');
          firstIn();
          await held;
          trace.push('actor out');
        });
        await started;
        const every = b.withEventLock([EVERY_EVENT_KEY], async () => void trace.push('every'));
        await new Promise((r) => setTimeout(r, 150));
        // The unit of every event still waits for the actor's unit to end.
        expect(trace).toEqual(['actor in']);
        release();
        await Promise.all([first, every]);
        await c.withEventLock(['actor:Sylvania'], async () => void trace.push('other actor'));
        expect(trace).toEqual(['actor in', 'actor out', 'every', 'other actor']);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });

    it('releases the lock when a unit fails, keeping what it saved before failing', async () => {
      const url = await freshSchemaUrl();
      const store = await PostgresStore.open(url);
      try {
        const failing = store.withEventLock(['Freedonia:2031-03-03'], async (session) => {
          const { article, extraction } = report(7);
          await session.saveArticle({ article, extraction, events: [], versions: [], alerts: [], at: '2031-03-03T00:00:00.000Z' });
          throw new Error('resolver failed');
        });
        await expect(failing).rejects.toThrow('resolver failed');
        await groupUnderLock(store, 8, async () => undefined);
        expect(await store.hasArticle('report-7')).toBe(true);
        expect((await store.listEvents()).map((e) => e.articleIds)).toEqual([['report-8']]);
      } finally {
        await store.close();
      }
    });
  });

  describe('migrations', () => {
    it('applies each migration once when several processes open a new schema at the same time', async () => {
      const url = await freshSchemaUrl();
      const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
      const [a] = stores;
      const applied = await a.rawTransaction((tx) => tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
      expect(applied.rows.map((r) => r.version)).toEqual(loadMigrations(PG_MIGRATIONS_DIR).map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a schema holding some other program\u2019s tables', async () => {
      const url = await freshSchemaUrl();
      const first = await PostgresStore.open(url);
      await first.rawTransaction(async (tx) => {
        await tx.query('DROP TABLE schema_migrations');
      });
      await first.close();
      await expect(PostgresStore.open(url)).rejects.toThrow(/not a Salvo database/);
    });
  });

  describe('data version across replicas', () => {
    it('changes at once for the writer and, through LISTEN/NOTIFY, soon for every other store on the schema', async () => {
      const url = await freshSchemaUrl();
      const [writer, replica] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      try {
        const before = await replica.dataVersion();
        expect(await writer.dataVersion()).toBe(before);
        const { article, extraction } = report(1);
        await writer.saveArticle({ article, extraction, events: [], versions: [], alerts: [], at: '2031-03-03T00:00:00.000Z' });
        expect(await writer.dataVersion()).not.toBe(before);
        await vi.waitFor(async () => expect(await replica.dataVersion()).toBe(await writer.dataVersion()), { timeout: 5000, interval: 20 });
      } finally {
        await Promise.all([writer.close(), replica.close()]);
      }
    });
  });

  describe('two ingest processes on one database', () => {
    let dir: string;
    const REPORTS = 24;
    beforeAll(() => {
      assertBuilt();
      // Reports of one launch, each worded a little differently (so each is its own article), in two folders
      // that list them in opposite orders: the two processes start at opposite ends and meet in the middle.
      dir = mkdtempSync(join(tmpdir(), 'salvo-pg-workers-'));
      const wire = readFileSync(join(E2E_REPORTS, 'a-wire.txt'), 'utf8');
      const [headline, ...body] = wire.split('\n\n');
      for (const folder of ['forward', 'backward']) mkdirSync(join(dir, folder));
      for (let i = 1; i <= REPORTS; i++) {
        const text = [`${headline} (update ${i})`, ...body, `Update ${i} of the story.`].join('\n\n');
        writeFileSync(join(dir, 'forward', `${String(i).padStart(2, '0')}.txt`), text);
        writeFileSync(join(dir, 'backward', `${String(REPORTS + 1 - i).padStart(2, '0')}.txt`), text);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('store every report once, all in one event, when both read the same reports at once', async () => {
      for (let round = 0; round < 3; round++) {
        const url = await freshSchemaUrl();
        // The schema is created before the race, as `salvo db migrate` would.
        await (await PostgresStore.open(url)).close();
        const runs = await Promise.all([
          salvoAsync(['--db', url, 'ingest', join(dir, 'forward')]),
          salvoAsync(['--db', url, 'ingest', join(dir, 'backward')]),
        ]);
        for (const r of runs) expect(r.code, r.stderr).toBe(0);
        const store = await PostgresStore.open(url);
        try {
          expect(await store.counts()).toEqual({ events: 1, articles: REPORTS });
          const [event] = await store.listEvents();
          expect(event.dateLocal).toBe('2034-05-16');
          expect(new Set(event.articleIds).size).toBe(REPORTS);
        } finally {
          await store.close();
        }
      }
    });
  });

  describe('copying an embedded database in', () => {
    let dir: string;
    beforeAll(() => {
      assertBuilt();
      dir = mkdtempSync(join(tmpdir(), 'salvo-pg-copy-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('moves every row: table counts and everything the store shows are equal after', async () => {
      const file = join(dir, 'salvo.db');
      const ingest = salvo(['--db', file, 'ingest', E2E_REPORTS], { cwd: dir });
      expect(ingest.code, ingest.stderr).toBe(0);
      const url = await freshSchemaUrl();
      const copied = await copySqliteToPostgres(file, url);
      expect(copied).toEqual(sqliteTableCounts(file));
      expect(copied.articles).toBeGreaterThan(0);
      expect(copied.events).toBe(2);

      const target = await PostgresStore.open(url);
      const source = new SqliteStore(file);
      try {
        expect(await postgresTableCounts(target)).toEqual(copied);
        expect(await snapshot(target)).toEqual(await snapshot(source));
      } finally {
        await target.close();
        await source.close();
      }
      // A second copy into the now-filled schema is refused, leaving it as it was.
      await expect(copySqliteToPostgres(file, url)).rejects.toThrow(/already holds Salvo data/);
    });

    it('is the `salvo db copy` command, which prints the rows copied per table', async () => {
      const file = join(dir, 'cli.db');
      expect(salvo(['--db', file, 'ingest', E2E_REPORTS], { cwd: dir }).code).toBe(0);
      const url = await freshSchemaUrl();
      const r = salvo(['db', 'copy', '--from', file, '--to', url], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const printed = Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split('\t')).map(([t, n]) => [t, Number(n)]));
      expect(printed).toEqual(sqliteTableCounts(file));
      const again = salvo(['db', 'copy', '--from', file, '--to', url], { cwd: dir });
      expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/already holds Salvo data/)]);
      expect(salvo(['--db', url, 'db', 'migrate'], { cwd: dir }).stdout).toMatch(/up to date/);
    });
  });
});
