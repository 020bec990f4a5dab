// The SQLite store: the store contract on a file and in memory, then what is SQLite's own: numbered migrations
// (fresh files, files written by an older salvo, a newer one refused), refusing files that are not Salvo
// databases, WAL, the default location, and FTS5 query building.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDbPath, openStore } from '../src/store/open.js';
import { articleToRow, eventToRow, extractionToRows } from '../src/store/rows.js';
import { loadMigrations, migrate, type Migration } from '../src/store/sqlite/migrations.js';
import { ftsQuery, SqliteStore } from '../src/store/sqlite/store.js';
import type { Store } from '../src/store/store.js';
import { articleWrite, clock, makeArticle, makeEvent, makeExtraction, storeContract } from './store.contract.js';

const contractDir = mkdtempSync(join(tmpdir(), 'salvo-contract-'));
let fresh = 0;
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));

storeContract('SQLite file', () => openStore(join(contractDir, `store-${++fresh}.db`)));
storeContract('SQLite in memory', () => openStore(':memory:'));

let dir: string;
const stores: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salvo-store-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined); // some tests close their own
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function open(path = join(dir, 'salvo.db'), migrations?: Migration[]): SqliteStore {
  const store = new SqliteStore(path, { migrations });
  stores.push(store);
  return store;
}

/** Reads the file directly, beside the store's own connection (WAL allows it). */
function raw<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const TABLES = ['articles', 'extractions', 'claims', 'events', 'event_articles', 'schema_migrations'];

describe('opening and migrations', () => {
  it('applies the migrations once and records them', async () => {
    const path = join(dir, 'salvo.db');
    await open(path).close();
    const first = raw(path, (db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations').all());
    expect(first).toEqual(
      loadMigrations().map((m) => ({ version: m.version, name: m.name, applied_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })),
    );
    expect(first[0]).toMatchObject({ version: 1, name: 'init' });

    await open(path).close();
    const second = raw(path, (db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations').all());
    expect(second).toEqual(first);
  });

  it('creates the schema with its indexes, in WAL mode', async () => {
    const path = join(dir, 'salvo.db');
    await open(path).close();
    raw(path, (db) => {
      const names = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .all()
        .map((r) => r.name);
      expect(names).toEqual(
        expect.arrayContaining([...TABLES, 'articles_fts', 'claims_by_article', 'event_articles_by_article', 'events_by_date']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  });

  it('applies only the pending migrations, in order, and rolls back a failing batch', () => {
    const m1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE t (a INTEGER);' };
    const m2: Migration = { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN b TEXT;' };
    const m3: Migration = { version: 3, name: 'three', sql: 'CREATE TABLE u (x); ALTER TABLE nope ADD COLUMN c;' };
    const db = new Database(':memory:');
    try {
      expect(migrate(db, [m1])).toEqual([1]);
      expect(migrate(db, [m1, m2])).toEqual([2]);
      expect(migrate(db, [m1, m2])).toEqual([]);
      expect(() => migrate(db, [m1, m2, m3])).toThrow(/no such table: nope/);
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual([1, 2]);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'u'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('opens an up-to-date file while another connection holds the write lock: the migration check only reads', async () => {
    const path = join(dir, 'locked.db');
    await (await openStore(path)).close();
    const writer = new Database(path);
    try {
      writer.exec('BEGIN IMMEDIATE');
      // No busy wait allowed: a write lock taken on open would fail with SQLITE_BUSY at once.
      const reader = new SqliteStore(path, { busyTimeoutMs: 0 });
      stores.push(reader);
      expect(await reader.counts()).toMatchObject({ articles: 0 });
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('loads numbered files in numeric order and rejects a repeated version', () => {
    // A subfolder, so the temp dir's other files are not in the listing.
    const m = mkdtempSync(join(dir, 'migrations-'));
    for (const name of ['010-ten.sql', '002-two.sql', '001-init.sql', 'README.md', 'notes.sql']) {
      writeFileSync(join(m, name), `-- ${name}`);
    }
    expect(loadMigrations(m).map((x) => [x.version, x.name])).toEqual([
      [1, 'init'],
      [2, 'two'],
      [10, 'ten'],
    ]);
    writeFileSync(join(m, '02-again.sql'), '');
    expect(() => loadMigrations(m)).toThrow(/version 2 appears twice/);
  });

  it('ships 001-init.sql as the first migration', () => {
    expect(loadMigrations()[0]).toMatchObject({ version: 1, name: 'init' });
  });

  it('opens a file written by an older salvo, brings it up to date and reads its data', async () => {
    const path = join(dir, 'old.db');
    // A salvo from before the language column (migration 6) and everything after it.
    const older = loadMigrations().filter((m) => m.version < 6);
    const newest = loadMigrations().at(-1)?.version;
    const a = makeArticle(1);
    const x = makeExtraction(a);
    const e = makeEvent('ev-1', [a.id]);
    // Stored before articles had a language column: its language is told from its text when the file is opened.
    const korean = makeArticle(2, { title: '북한, 동해상으로 탄도미사일 발사', text: '합참은 북한이 오늘 오전 탄도미사일 1발을 발사했다고 밝혔다.', language: 'ko' });
    // The rows an older salvo wrote, with its own (shorter) schema.
    raw(path, (db) => {
      migrate(db, older);
      const at = '2024-06-01T00:00:00.000Z';
      const rows = extractionToRows(x, at);
      const { date_window: _dropped, ...extraction } = rows.extraction;
      const insert = (table: string, row: Record<string, unknown>): void => {
        const cols = Object.keys(row);
        db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
      };
      for (const article of [a, korean]) {
        const { language: _unknownThen, ...row } = articleToRow(article, at);
        insert('articles', row);
      }
      insert('extractions', extraction);
      for (const c of rows.claims) insert('claims', { ...c });
      insert('events', { ...eventToRow(e, at) });
      insert('event_articles', { event_id: e.id, article_id: a.id, position: 0 });
    });
    const store = open(path);
    expect(raw(path, (db) => db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get())).toBe(newest);
    expect(await store.getArticle(a.id)).toEqual(a);
    expect(await store.getExtraction(a.id)).toEqual(x);
    expect(await store.listEvents()).toEqual([e]);
    expect((await store.searchArticles('Port Vell', { limit: 5, offset: 0 })).total).toBe(1);
    expect(await store.getArticle(korean.id)).toEqual(korean);
    expect((await store.searchArticles('탄도미사일', { limit: 5, offset: 0 })).hits.map((h) => h.id)).toEqual([korean.id]);
  });

  it('takes the copies of a database written before 008-copy-sketches out of the near-duplicate index', async () => {
    const path = join(dir, 'copies.db');
    const [a, b] = [makeArticle(1), makeArticle(2)];
    raw(path, (db) => {
      db.function('salvo_detect_language', (_text: unknown) => 'en'); // as the store registers it for 006-language
      migrate(db, loadMigrations().filter((m) => m.version < 8));
      for (const article of [a, b]) {
        const row = articleToRow(article, '2024-06-01T00:00:00.000Z');
        db.prepare(`INSERT INTO articles (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((c) => `@${c}`).join(', ')})`).run(row);
        db.prepare('INSERT INTO article_signatures (article_id, minhash) VALUES (?, ?)').run(article.id, Buffer.from(Uint32Array.from([article === a ? 1 : 2]).buffer));
      }
      db.prepare("INSERT INTO copy_links VALUES (?, ?, 'duplicate', 0.9, 'same text', '2024-06-01T00:00:00.000Z')").run(b.id, a.id);
    });
    const store = open(path);
    expect(await store.signatures()).toEqual([{ articleId: a.id, signature: Uint32Array.from([1]) }]);
    // Stored without shingles: copy detection shingles their texts when it compares them.
    expect((await store.copySketches([a.id, b.id])).map((s) => [s.shingles, s.copyOf])).toEqual([[null, null], [null, a.id]]);
  });

  it('keeps in the trigram index only the articles with Hangul, kana or Han (009), before and after it', async () => {
    const path = join(dir, 'trigram.db');
    const at = '2024-06-01T00:00:00.000Z';
    const english = makeArticle(1);
    // An English text quoting a Korean word is indexed too: the word can be searched.
    const quoting = makeArticle(2, { text: 'The Hwasong (화성포) family of missiles was named after Mars.' });
    const korean = makeArticle(3, { title: '북한, 탄도미사일 발사', text: '합참은 북한이 오늘 탄도미사일을 발사했다고 밝혔다.', language: 'ko' });
    raw(path, (db) => {
      db.function('salvo_detect_language', (_text: unknown) => 'en');
      migrate(db, loadMigrations().filter((m) => m.version < 9));
      for (const article of [english, quoting]) {
        const row = articleToRow(article, at);
        db.prepare(`INSERT INTO articles (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((c) => `@${c}`).join(', ')})`).run(row);
      }
    });
    const store = open(path);
    const japanese = makeArticle(4, { title: '北朝鮮が弾道ミサイル', text: '防衛省によると、北朝鮮は弾道ミサイルを発射した。', language: 'ja' });
    const plain = makeArticle(5, { text: 'Freedonia held a parade on Tuesday.' });
    for (const a of [korean, japanese, plain]) await store.saveArticle(articleWrite(a, makeExtraction(a), [], at));
    const indexed = raw(path, (db) =>
      db.prepare('SELECT a.id FROM articles_trigram_docsize d JOIN articles a ON a.rowid = d.id ORDER BY a.id').pluck().all(),
    );
    expect(indexed).toEqual([quoting.id, korean.id, japanese.id]);
    const ids = async (q: string): Promise<string[]> => (await store.searchArticles(q, { limit: 10, offset: 0 })).hits.map((h) => h.id).sort();
    expect(await ids('화성포')).toEqual([quoting.id]);
    expect(await ids('발사')).toEqual([korean.id]); // two characters: the gram index (012)
    expect(await ids('화성')).toEqual([quoting.id]); // in the gram index too, though stored before it was made
    expect(await ids('弾道ミサイル')).toEqual([japanese.id]);
    expect(await ids('Freedonia')).toEqual([english.id, quoting.id, plain.id]);
    // Deleting rows keeps the external-content index consistent (it is told only of the rows it holds).
    raw(path, (db) => {
      db.prepare('DELETE FROM articles WHERE id IN (?, ?)').run(plain.id, korean.id);
      expect(() => db.exec("INSERT INTO articles_trigram (articles_trigram) VALUES ('integrity-check')")).not.toThrow();
    });
    expect(await ids('발사')).toEqual([]);
    expect(await ids('弾道ミサイル')).toEqual([japanese.id]);
  });

  it('refuses a database from a newer salvo', async () => {
    const path = join(dir, 'salvo.db');
    await open(path).close();
    raw(path, (db) => db.prepare("INSERT INTO schema_migrations VALUES (70, 'future', '2030-01-01T00:00:00Z')").run());
    await expect(openStore(path)).rejects.toThrow(
      `database schema version 70 is newer than this salvo (knows up to ${loadMigrations().at(-1)?.version}); upgrade salvo`,
    );
  });

  it('refuses a file that is not a SQLite database, leaving it untouched', async () => {
    const path = join(dir, 'notes.db');
    const content = 'Shopping list: eggs, flour, a very long piece of string.\n'.repeat(20);
    writeFileSync(path, content);
    await expect(openStore(path)).rejects.toThrow(`${path} is not a Salvo database: file is not a database`);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it("refuses another program's SQLite database", async () => {
    const path = join(dir, 'other.db');
    raw(path, (db) => db.exec('CREATE TABLE recipes (name TEXT)'));
    await expect(openStore(path)).rejects.toThrow(/is not a Salvo database: it has tables but no schema_migrations/);
  });

  it('keeps data across reopening a file database', async () => {
    const path = join(dir, 'salvo.db');
    const a = makeArticle(1);
    const x = makeExtraction(a);
    const e = makeEvent('ev-1', [a.id]);
    const s1 = open(path);
    await s1.saveArticle(articleWrite(a, x, [e], clock()()));
    await s1.close();

    const s2 = open(path);
    expect(await s2.hasArticle(a.id)).toBe(true);
    expect(await s2.getArticle(a.id)).toEqual(a);
    expect(await s2.getExtraction(a.id)).toEqual(x);
    expect(await s2.listEvents()).toEqual([e]);
  });

  it("sees another connection's writes in its data version", async () => {
    const path = join(dir, 'salvo.db');
    const reader = open(path);
    const writer = open(path);
    const v0 = await reader.dataVersion();
    const a = makeArticle(1);
    await writer.saveArticle(articleWrite(a, makeExtraction(a), [], clock()()));
    expect(await reader.dataVersion()).not.toBe(v0);
  });
});

describe('choosing the store', () => {
  it('honours SALVO_DB and defaults to ./salvo.db; server URLs and :memory: are kept as they are', () => {
    vi.stubEnv('SALVO_DB', 'elsewhere/launches.db');
    expect(defaultDbPath()).toBe(resolve('elsewhere/launches.db'));
    vi.stubEnv('SALVO_DB', '');
    expect(defaultDbPath()).toBe(resolve(process.cwd(), 'salvo.db'));
    vi.stubEnv('SALVO_DB', 'postgres://salvo@db.example.org/salvo');
    expect(defaultDbPath()).toBe('postgres://salvo@db.example.org/salvo');
    vi.stubEnv('SALVO_DB', ':memory:');
    expect(defaultDbPath()).toBe(':memory:');
  });

  it('opens SQLite for a path and hands a server URL to the PostgreSQL store', async () => {
    const store = await openStore(join(dir, 'chosen.db'));
    stores.push(store);
    expect(store).toBeInstanceOf(SqliteStore);
    // Nothing listens on port 1: the PostgreSQL store tries, fails and says so, the password left out.
    for (const url of ['postgres://u:secret@127.0.0.1:1/salvo', 'postgresql://u:secret@127.0.0.1:1/x']) {
      const opening = openStore(url);
      await expect(opening).rejects.toThrow(/cannot open PostgreSQL store postgres(ql)?:\/\/u:\*\*\*@127\.0\.0\.1:1\//);
    }
  });
});

describe('FTS5 queries', () => {
  it('quotes every word, keeps phrases, makes the last bare word a prefix', () => {
    expect(ftsQuery('Hwasong-18 "East Sea" launch')).toBe('"Hwasong 18" "East Sea" "launch"*');
    expect(ftsQuery('NEAR(a b) OR c')).toBe('"NEAR a" "b" "OR" "c"*');
    expect(ftsQuery('*** ()')).toBeNull();
  });
});
