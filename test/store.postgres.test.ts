// The PostgreSQL store: the backend-neutral contract suite run against it, plus what only a server store does:
// migrations under concurrent opening, copying an embedded database in, and two processes grouping reports of
// the same launch. Needs SALVO_TEST_PG (a database the tests may create schemas in); skipped without it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySqliteToPostgres, postgresTableCounts, sqliteTableCounts } from '../src/store/postgres/copy.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import { assertBuilt, ROOT, salvo } from './helpers/cli.js';
import { dropSchemas, freshSchemaUrl, HOW_TO_RUN, PG_URL } from './helpers/postgres.js';

if (!PG_URL) console.log(HOW_TO_RUN);

const E2E_REPORTS = join(ROOT, 'test', 'fixtures', 'e2e');

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

describe.skipIf(!PG_URL)('PostgreSQL store', () => {
  afterAll(dropSchemas);

  describe('migrations', () => {
    it('applies each migration once when several processes open a new schema at the same time', async () => {
      const url = await freshSchemaUrl();
      const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
      const [a] = stores;
      const applied = await a.rawTransaction((tx) => tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
      expect(applied.rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
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
  });
});
