import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMigrations, migrate, type Migration } from '../src/store/migrations.js';
import { defaultDbPath, openStore, SqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import {
  FIELD_NAMES,
  type Article,
  type Claim,
  type EventField,
  type Extraction,
  type FieldName,
  type FieldValue,
  type LaunchEvent,
} from '../src/types.js';

// ---- fixtures: made-up reports about a made-up country --------------------------------------------------

function makeArticle(n: number, over: Partial<Article> = {}): Article {
  const text =
    `Freedonia fired ${n} ballistic missiles from Port Vell on Tuesday, the coast guard said.\n\n` +
    'The missiles flew about 800 kilometers before falling into the sea.';
  const first = text.indexOf('\n\n');
  return {
    id: `${String(n).padStart(4, '0')}${'ab'.repeat(30)}`,
    externalId: `ext-${n}`,
    origin: `/tmp/reports/${n}.html`,
    format: 'html',
    url: `https://news.example.org/2024/05/0${n}/launch`,
    source: 'news.example.org',
    published: { date: `2024-05-0${n}`, instant: `2024-05-0${n}T03:15:00.000Z`, via: 'meta' },
    title: `Freedonia fires missiles (${n})`,
    text,
    paragraphs: [
      { start: 0, end: first },
      { start: first + 2, end: text.length },
    ],
    sentences: [
      { start: 0, end: first },
      { start: first + 2, end: text.length },
    ],
    removed: [{ text: 'Share this story', reason: 'share' }],
    ...over,
  };
}

function makeClaim(article: Article, field: FieldName, value: FieldValue, over: Partial<Claim> = {}): Claim {
  const sentence = article.text.slice(article.sentences[0].start, article.sentences[0].end);
  return {
    field,
    value,
    surface: String(value),
    evidence: {
      articleId: article.id,
      part: 'text',
      span: { start: 7, end: 12 },
      sentenceSpan: { ...article.sentences[0] },
      sentence,
    },
    attribution: 'coast-guard',
    saidBy: 'Freedonian Coast Guard',
    confidence: 0.85,
    parser: 'test-parser',
    implied: false,
    ...over,
  };
}

/** A launch-report extraction with one claim of each value type; `fields` holds the same objects. */
function makeExtraction(article: Article, over: Partial<Extraction> = {}): Extraction {
  const claims = [
    makeClaim(article, 'count_exact', 2),
    makeClaim(article, 'site', 'Port Vell', { attribution: null, saidBy: 'news.example.org' }),
    makeClaim(article, 'distance_km', 812.5, { implied: true, confidence: 0.4 }),
    makeClaim(article, 'distance_km', 800, { confidence: 0.7 }),
    makeClaim(article, 'eez', false),
    makeClaim(article, 'date_local', '2024-05-07', { implied: true, parser: 'weekday' }),
  ];
  claims[3].evidence = { ...claims[3].evidence, part: 'title', sentenceSpan: { start: 0, end: 20 } };
  return {
    articleId: article.id,
    isLaunchReport: true,
    reportConfidence: 0.93,
    actor: 'Freedonia',
    claims,
    fields: { count_exact: claims[0], site: claims[1], distance_km: claims[3], eez: claims[4], date_local: claims[5] },
    weekday: 2,
    ...over,
  };
}

function emptyFields(): Record<FieldName, EventField> {
  const fields = {} as Record<FieldName, EventField>;
  for (const name of FIELD_NAMES) fields[name] = { value: null, candidates: [], disputed: false };
  return fields;
}

function makeEvent(id: string, articleIds: string[], over: Partial<LaunchEvent> = {}): LaunchEvent {
  const fields = emptyFields();
  fields.count_exact = {
    value: 2,
    candidates: articleIds.map((articleId) => ({ value: 2, support: [{ articleId, claimIndex: 0, confidence: 0.85 }] })),
    disputed: false,
  };
  fields.distance_km = {
    value: 800,
    candidates: [
      { value: 800, support: [{ articleId: articleIds[0] ?? 'x', claimIndex: 3, confidence: 0.7 }] },
      { value: 812.5, support: [{ articleId: articleIds[0] ?? 'x', claimIndex: 2, confidence: 0.4 }] },
    ],
    disputed: true,
  };
  fields.eez = { value: false, candidates: [{ value: false, support: [] }], disputed: false };
  fields.site = { value: 'Port Vell', candidates: [], disputed: false };
  return { id, actor: 'Freedonia', dateLocal: '2024-05-07', weekday: 2, articleIds, fields, ...over };
}

// ---- helpers ---------------------------------------------------------------------------------------------

let dir: string;
const stores: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salvo-store-'));
});
afterEach(() => {
  for (const s of stores.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed by the test
    }
  }
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** A store whose clock ticks one second per call, so ingest order is deterministic. */
function open(path = join(dir, 'salvo.db')): SqliteStore {
  let tick = Date.UTC(2024, 5, 1);
  const store = new SqliteStore(path, { now: () => new Date((tick += 1000)) });
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
function counts(path: string): Record<string, number> {
  return raw(path, (db) =>
    Object.fromEntries(
      TABLES.map((t) => [t, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()?.n ?? -1]),
    ),
  );
}

// ---- tests ----------------------------------------------------------------------------------------------

describe('opening and migrations', () => {
  it('applies the migrations once and records them', () => {
    const path = join(dir, 'salvo.db');
    open(path).close();
    const first = raw(path, (db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations').all());
    expect(first).toEqual(
      loadMigrations().map((m) => ({ version: m.version, name: m.name, applied_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })),
    );
    expect(first[0]).toMatchObject({ version: 1, name: 'init' });

    open(path).close();
    const second = raw(path, (db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations').all());
    expect(second).toEqual(first);
  });

  it('creates the schema with its indexes, in WAL mode', () => {
    const path = join(dir, 'salvo.db');
    open(path).close();
    raw(path, (db) => {
      const names = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .all()
        .map((r) => r.name);
      expect(names).toEqual(
        expect.arrayContaining([...TABLES, 'claims_by_article', 'event_articles_by_article', 'events_by_date']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  });

  it('works in memory', () => {
    const store = open(':memory:');
    const a = makeArticle(1);
    store.saveArticle(a, makeExtraction(a), []);
    expect(store.getArticle(a.id)).toEqual(a);
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

  it('refuses a database from a newer salvo', () => {
    const path = join(dir, 'salvo.db');
    open(path).close();
    raw(path, (db) => db.prepare("INSERT INTO schema_migrations VALUES (7, 'future', '2030-01-01T00:00:00Z')").run());
    expect(() => openStore(path)).toThrow(
      `database schema version 7 is newer than this salvo (knows up to ${loadMigrations().at(-1)?.version}); upgrade salvo`,
    );
  });

  it('refuses a file that is not a SQLite database, leaving it untouched', () => {
    const path = join(dir, 'notes.db');
    const content = 'Shopping list: eggs, flour, a very long piece of string.\n'.repeat(20);
    writeFileSync(path, content);
    expect(() => openStore(path)).toThrow(`${path} is not a Salvo database: file is not a database`);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it("refuses another program's SQLite database", () => {
    const path = join(dir, 'other.db');
    raw(path, (db) => db.exec('CREATE TABLE recipes (name TEXT)'));
    expect(() => openStore(path)).toThrow(/is not a Salvo database: it has tables but no schema_migrations/);
  });

  it('keeps data across reopening a file database', () => {
    const path = join(dir, 'salvo.db');
    const a = makeArticle(1);
    const x = makeExtraction(a);
    const e = makeEvent('ev-1', [a.id]);
    const s1 = open(path);
    s1.saveArticle(a, x, [e]);
    s1.close();

    const s2 = open(path);
    expect(s2.hasArticle(a.id)).toBe(true);
    expect(s2.getArticle(a.id)).toEqual(a);
    expect(s2.getExtraction(a.id)).toEqual(x);
    expect(s2.listEvents()).toEqual([e]);
  });
});

describe('defaultDbPath', () => {
  it('honours SALVO_DB and defaults to ./salvo.db', () => {
    vi.stubEnv('SALVO_DB', 'elsewhere/launches.db');
    expect(defaultDbPath()).toBe(resolve('elsewhere/launches.db'));
    vi.stubEnv('SALVO_DB', '');
    expect(defaultDbPath()).toBe(resolve(process.cwd(), 'salvo.db'));
  });
});

describe('round-trips', () => {
  it('returns the article as saved, with and without optional parts', () => {
    const store = open();
    const full = makeArticle(1);
    const bare = makeArticle(2, {
      externalId: null,
      url: null,
      source: null,
      published: null,
      title: null,
      format: 'text',
      removed: [],
    });
    const dateOnly = makeArticle(3, { published: { date: '2024-05-03', instant: null, via: 'dateline' } });
    for (const a of [full, bare, dateOnly]) store.saveArticle(a, makeExtraction(a), []);
    expect(store.getArticle(full.id)).toEqual(full);
    expect(store.getArticle(bare.id)).toEqual(bare);
    expect(store.getArticle(dateOnly.id)).toEqual(dateOnly);
    expect(store.getArticle('missing')).toBeNull();
    expect(store.hasArticle('missing')).toBe(false);
  });

  it('returns the extraction with claims in order, typed values and fields pointing at the claims', () => {
    const store = open();
    const a = makeArticle(1);
    const x = makeExtraction(a);
    store.saveArticle(a, x, []);
    const back = store.getExtraction(a.id);
    expect(back).toEqual(x);
    expect(back?.claims.map((c) => c.value)).toStrictEqual([2, 'Port Vell', 812.5, 800, false, '2024-05-07']);
    expect(back?.claims.map((c) => typeof c.value)).toEqual(['number', 'string', 'number', 'number', 'boolean', 'string']);
    // The chosen distance is the second distance claim, not the first one of that field.
    expect(back?.fields.distance_km).toBe(back?.claims[3]);
    expect(back?.fields.eez).toBe(back?.claims[4]);
    expect(Object.keys(back?.fields ?? {}).sort()).toEqual(Object.keys(x.fields).sort());
    expect(store.getExtraction('missing')).toBeNull();
  });

  it('round-trips a non-report extraction with no claims', () => {
    const store = open();
    const a = makeArticle(1);
    const x: Extraction = {
      articleId: a.id,
      isLaunchReport: false,
      reportConfidence: 0.1,
      actor: null,
      claims: [],
      fields: {},
      weekday: null,
    };
    store.saveArticle(a, x, []);
    expect(store.getExtraction(a.id)).toEqual(x);
  });

  it('accepts fields holding deep-equal copies of claims', () => {
    const store = open();
    const a = makeArticle(1);
    const x = structuredClone(makeExtraction(a)); // structuredClone keeps shared references…
    x.fields.site = { ...x.claims[1] }; // …so break one on purpose
    store.saveArticle(a, x, []);
    expect(store.getExtraction(a.id)).toEqual(x);
  });

  it('returns events as saved', () => {
    const store = open();
    const a = makeArticle(1);
    const b = makeArticle(2);
    const e1 = makeEvent('ev-1', [a.id]);
    store.saveArticle(a, makeExtraction(a), [e1]);
    const e1b = makeEvent('ev-1', [b.id, a.id], { weekday: null, actor: null }); // order kept, not sorted
    store.saveArticle(b, makeExtraction(b), [e1b]);
    expect(store.getEvent('ev-1')).toEqual(e1b);
    expect(store.listEvents()).toEqual([e1b]);
    expect(store.getEvent('ev-2')).toBeNull();
  });
});

describe('saveArticle', () => {
  it('is idempotent: saving the same article again changes nothing', () => {
    const path = join(dir, 'salvo.db');
    const store = open(path);
    const a = makeArticle(1);
    const x = makeExtraction(a);
    const e = makeEvent('ev-1', [a.id]);
    store.saveArticle(a, x, [e]);
    const before = counts(path);
    const listed = store.listArticles();

    // Even with different events attached, a known article is skipped as a whole.
    store.saveArticle(a, x, [makeEvent('ev-1', [a.id], { actor: 'Someone else' }), makeEvent('ev-9', [a.id])]);
    expect(counts(path)).toEqual(before);
    expect(before).toMatchObject({ articles: 1, extractions: 1, claims: 6, events: 1, event_articles: 1 });
    expect(store.listArticles()).toEqual(listed); // ingested_at not bumped
    expect(store.getEvent('ev-1')).toEqual(e);
  });

  it('deletes an event whose article list is empty (events merged)', () => {
    const store = open();
    const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
    store.saveArticle(a, makeExtraction(a), [makeEvent('ev-a', [a.id])]);
    store.saveArticle(b, makeExtraction(b), [makeEvent('ev-b', [b.id], { dateLocal: null })]);
    expect(store.listEvents().map((e) => e.id)).toEqual(['ev-a', 'ev-b']);

    const merged = makeEvent('ev-a', [a.id, b.id, c.id]);
    store.saveArticle(c, makeExtraction(c), [merged, makeEvent('ev-b', [])]);
    expect(store.listEvents()).toEqual([merged]);
    expect(store.getEvent('ev-b')).toBeNull();
    expect(store.listArticles().map((s) => s.eventId)).toEqual(['ev-a', 'ev-a', 'ev-a']);
  });

  it('stores nothing from a call that fails midway, keeping earlier data', () => {
    const path = join(dir, 'salvo.db');
    const store = open(path);
    const a = makeArticle(1);
    const e = makeEvent('ev-1', [a.id]);
    store.saveArticle(a, makeExtraction(a), [e]);
    const before = counts(path);

    const b = makeArticle(2);
    const changed = makeEvent('ev-1', [a.id, b.id], { actor: 'Changed' });
    const broken = makeEvent('ev-2', ['no-such-article']); // event_articles FK fails after the article is written
    expect(() => store.saveArticle(b, makeExtraction(b), [changed, broken])).toThrow(/FOREIGN KEY/);

    expect(counts(path)).toEqual(before);
    expect(store.hasArticle(b.id)).toBe(false);
    expect(store.getExtraction(b.id)).toBeNull();
    expect(store.getEvent('ev-1')).toEqual(e);
    expect(store.getEvent('ev-2')).toBeNull();

    // The store is still usable and the same article can now be saved.
    store.saveArticle(b, makeExtraction(b), [changed]);
    expect(store.getEvent('ev-1')).toEqual(changed);
  });

  it('rejects inconsistent input before writing anything', () => {
    const path = join(dir, 'salvo.db');
    const store = open(path);
    const a = makeArticle(1);
    const before = counts(path);

    expect(() => store.saveArticle(a, makeExtraction(makeArticle(2)), [])).toThrow(/extraction is for article/);
    const stray = makeExtraction(a);
    stray.fields.site = makeClaim(a, 'site', 'Somewhere not claimed');
    expect(() => store.saveArticle(a, stray, [])).toThrow(/field site is not one of its claims/);
    const nan = makeExtraction(a);
    nan.claims[2].value = Number.NaN;
    expect(() => store.saveArticle(a, nan, [])).toThrow(/cannot be stored/);

    expect(counts(path)).toEqual(before);
    expect(store.hasArticle(a.id)).toBe(false);
  });
});

describe('queries', () => {
  it('lists events by date, undated last, then by id', () => {
    const store = open();
    const a = makeArticle(1);
    const events = [
      makeEvent('ev-c', [a.id], { dateLocal: '2024-05-02' }),
      makeEvent('ev-z', [a.id], { dateLocal: null }),
      makeEvent('ev-b', [a.id], { dateLocal: '2024-05-02' }),
      makeEvent('ev-a', [a.id], { dateLocal: null }),
      makeEvent('ev-d', [a.id], { dateLocal: '2023-12-31' }),
    ];
    store.saveArticle(a, makeExtraction(a), events);
    expect(store.listEvents().map((e) => e.id)).toEqual(['ev-d', 'ev-b', 'ev-c', 'ev-a', 'ev-z']);
  });

  it('finds an event by a unique id prefix only', () => {
    const store = open();
    const a = makeArticle(1);
    const events = ['3fa9c001', '3fa9c002', '7b20e5aa'].map((id) => makeEvent(id, [a.id]));
    store.saveArticle(a, makeExtraction(a), events);
    expect(store.findEvent('3fa9c')).toBeNull(); // ambiguous
    expect(store.findEvent('3fa9c002')).toEqual(events[1]);
    expect(store.findEvent('7b')).toEqual(events[2]);
    expect(store.findEvent('ffff')).toBeNull();
    expect(store.findEvent('%')).toBeNull(); // not a wildcard
    expect(store.findEvent('')).toBeNull();
  });

  it('lists launch extractions by published date (undated last), then article id', () => {
    const store = open();
    const late = makeArticle(5);
    const early = makeArticle(2);
    const undated = makeArticle(1, { published: null });
    const sameDay = makeArticle(9, { published: { date: '2024-05-02', instant: null, via: 'url' } });
    const notLaunch = makeArticle(3);
    for (const a of [late, undated, early, sameDay]) store.saveArticle(a, makeExtraction(a), []);
    store.saveArticle(notLaunch, makeExtraction(notLaunch, { isLaunchReport: false }), []);

    const got = store.launchExtractions();
    expect(got.map((g) => [g.extraction.articleId, g.published])).toEqual([
      [early.id, '2024-05-02'],
      [sameDay.id, '2024-05-02'],
      [late.id, '2024-05-05'],
      [undated.id, null],
    ]);
    expect(got[0].extraction).toEqual(makeExtraction(early));
    expect(got[0].extraction.fields.site).toBe(got[0].extraction.claims[1]);
  });

  it('lists article summaries in ingest order with their event', () => {
    const store = open();
    const [b, a, c] = [makeArticle(2), makeArticle(1), makeArticle(3, { published: null, url: null })];
    store.saveArticle(b, makeExtraction(b), [makeEvent('ev-1', [b.id])]);
    store.saveArticle(a, makeExtraction(a, { isLaunchReport: false }), []);
    store.saveArticle(c, makeExtraction(c), [makeEvent('ev-1', [b.id, c.id])]);

    const list = store.listArticles();
    expect(list.map((s) => s.id)).toEqual([b.id, a.id, c.id]); // not sorted by id
    expect(list[0]).toEqual({
      id: b.id,
      origin: b.origin,
      url: b.url,
      source: b.source,
      published: '2024-05-02',
      title: b.title,
      isLaunchReport: true,
      eventId: 'ev-1',
      ingestedAt: expect.stringMatching(/^2024-06-01T00:00:\d\d\.000Z$/),
    });
    expect(list[1]).toMatchObject({ isLaunchReport: false, eventId: null });
    expect(list[2]).toMatchObject({ published: null, url: null, eventId: 'ev-1' });
    expect(list[0].ingestedAt < list[1].ingestedAt && list[1].ingestedAt < list[2].ingestedAt).toBe(true);
  });
});
