// The embedded store: one SQLite file per installation (or an in-memory database), written by one salvo
// process at a time (WAL lets readers, such as an HTTP server, run alongside it). better-sqlite3 is
// synchronous: every method does its SQL at once and returns a settled promise, so the store satisfies the
// async `Store` contract without threads. The event-grouping lock is one in-process mutex.
import Database from 'better-sqlite3';
import type { Article, CopyLink, EventVersion, Extraction, LaunchEvent } from '../../types.js';
import { detectLanguage } from '../../ingest/language.js';
import { loadMigrations, migrate, type Migration } from './migrations.js';
import { isStopWord, queryParts, substringSnippet, unspacedGrams, UNSPACED_SCRIPT, type QueryPart } from '../search-text.js';
import {
  articleToRow,
  eventToRow,
  extractionToRows,
  languagesInOrder,
  rowsToExtraction,
  groupBy,
  rowToAlert,
  rowToArticle,
  rowToCopyLink,
  rowToDelivery,
  rowToDueDelivery,
  rowToEvent,
  rowToSummary,
  rowToVersion,
  SUMMARY_COLUMNS,
  type AlertRow,
  type ArticleRow,
  type ClaimRow,
  type CopyLinkRow,
  type DeliveryRow,
  type EventRow,
  type ExtractionRow,
  type SummaryRow,
  type VersionRow,
} from '../rows.js';
import type {
  Alert,
  AlertPayload,
  ArticlePageQuery,
  ArticleSummary,
  ArticleWrite,
  Delivery,
  EventFilter,
  EventQuery,
  SearchHit,
  Store,
  StoreSession,
  StoreChanges,
  StoredCopyCandidate,
  CopySketch,
  StoredEvent,
  StoredEventSummary,
  WatchItem,
  WatchSourceConfig,
  WatchSourceState,
} from '../store.js';
import { formatChangeCursor, MEMBERSHIP_LOST, parseChangeCursor } from '../store.js';
import { isIndexed } from '../store.js';
import { SEARCH_RANKED_MAX, SQLITE_BUSY_TIMEOUT_MS } from '../../settings.js';

export interface SqliteStoreOptions {
  /** Clock for the times the store itself stamps (migrations applied, watch sources added). */
  now?: () => Date;
  /** Schema migrations to apply; defaults to the SQL files in src/store/sqlite/migrations. */
  migrations?: Migration[];
  /** How long to wait for another process's write lock (defaults to SQLITE_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

function openDatabase(path: string, options: SqliteStoreOptions, now: () => Date): Database.Database {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS))}`);
    db.pragma('foreign_keys = ON');
    // First read of the file: a non-database fails here, before anything is written to it.
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((t) => t.name);
    // Refuse to add our tables to some other program's database (or to switch it to WAL: that rewrites its header).
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new Error(`${path} is not a Salvo database: it has tables but no schema_migrations`);
    }
    if (!db.memory) db.pragma('journal_mode = WAL');
    // Migration 006 tells the language of articles stored before it with the detector ingest uses.
    db.function('salvo_detect_language', { deterministic: true }, (text: unknown) => detectLanguage(String(text)));
    // Migration 009 tells which stored articles the trigram index holds with the test the store writes them by.
    db.function('salvo_has_unspaced_script', { deterministic: true }, (text: unknown) => (UNSPACED_SCRIPT.test(String(text)) ? 1 : 0));
    // The gram index (migration 012) is written by its triggers with this function, for articles old and new.
    db.function('salvo_unspaced_grams', { deterministic: true }, (title: unknown, text: unknown) => unspacedGrams(typeof title === 'string' ? title : null, String(text)));
    migrate(db, options.migrations ?? loadMigrations(), now);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof Database.SqliteError && err.code === 'SQLITE_NOTADB') {
      throw new Error(`${path} is not a Salvo database: file is not a database`, { cause: err });
    }
    throw err;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    hasArticle: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM articles WHERE id = ?'),
    insertArticle: db.prepare<[ArticleRow & { unspaced: number }]>(
      `INSERT INTO articles (id, external_id, origin, format, url, source, published_date, published_instant,
         published_via, title, language, text, paragraphs, sentences, removed, ingested_at, unspaced)
       VALUES (@id, @external_id, @origin, @format, @url, @source, @published_date, @published_instant,
         @published_via, @title, @language, @text, @paragraphs, @sentences, @removed, @ingested_at, @unspaced)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertExtraction: db.prepare<[ExtractionRow]>(
      `INSERT INTO extractions (article_id, is_launch_report, report_confidence, actor, weekday, fields, date_window, created_at)
       VALUES (@article_id, @is_launch_report, @report_confidence, @actor, @weekday, @fields, @date_window, @created_at)`,
    ),
    insertClaim: db.prepare<[ClaimRow]>(
      `INSERT INTO claims (article_id, idx, field, value, surface, part, span_start, span_end, sentence_start,
         sentence_end, sentence, attribution, said_by, confidence, parser, implied)
       VALUES (@article_id, @idx, @field, @value, @surface, @part, @span_start, @span_end, @sentence_start,
         @sentence_end, @sentence, @attribution, @said_by, @confidence, @parser, @implied)`,
    ),
    upsertEvent: db.prepare<[EventRow]>(
      `INSERT INTO events (id, actor, date_local, weekday, fields, reference, updated_at)
       VALUES (@id, @actor, @date_local, @weekday, @fields, @reference, @updated_at)
       ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, date_local = excluded.date_local,
         weekday = excluded.weekday, fields = excluded.fields, reference = excluded.reference,
         updated_at = excluded.updated_at`,
    ),
    insertSignature: db.prepare<[string, Buffer, Buffer | null, number]>(
      'INSERT OR REPLACE INTO article_signatures (article_id, minhash, shingles, indexed) VALUES (?, ?, ?, ?)',
    ),
    copySketch: db.prepare<[string], { id: string; published_date: string | null; shingles: Buffer | null; claims: number; original_id: string | null }>(
      `SELECT a.id, a.published_date, s.shingles, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims, l.original_id
       FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id LEFT JOIN copy_links l ON l.article_id = a.id
       WHERE a.id = ?`,
    ),
    copyOrigins: db.prepare<[string], { article_id: string; original_id: string }>(
      'SELECT article_id, original_id FROM copy_links WHERE article_id IN (SELECT value FROM json_each(?))',
    ),
    lastArticleRow: db.prepare<[], { n: number; g: number }>(
      'SELECT (SELECT COALESCE(MAX(rowid), 0) FROM articles) AS n, (SELECT generation FROM event_rewrites) AS g',
    ),
    bumpRewrites: db.prepare<[string]>('UPDATE event_rewrites SET generation = generation + 1, rewritten_at = ?'),
    // The articles after a row id, with the event rewrite generation (migration 013) on every row, and on a row of
    // its own (no article) when there is none: one statement, so one read of the database.
    articlesAfter: db.prepare<[number], { generation: number; rowid: number | null; id: string | null; minhash: Buffer | null; regroups: number | null }>(
      `SELECT g.generation, w.* FROM event_rewrites g LEFT JOIN (
         SELECT a.rowid AS rowid, a.id, CASE WHEN s.indexed = 1 THEN s.minhash END AS minhash,
           (COALESCE(x.is_launch_report, 0) = 1 OR EXISTS (
             SELECT 1 FROM copy_links c JOIN extractions cx ON cx.article_id = c.article_id
             WHERE (c.article_id = a.id OR c.original_id = a.id) AND cx.is_launch_report = 1)) AS regroups
         FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id LEFT JOIN extractions x ON x.article_id = a.id
         WHERE a.rowid > ?
       ) w ON true ORDER BY w.rowid`,
    ),
    allSignatures: db.prepare<[], { article_id: string; minhash: Buffer }>('SELECT article_id, minhash FROM article_signatures WHERE indexed = 1'),
    insertCopyLink: db.prepare<[string, string, string, number, string, string]>(
      `INSERT OR REPLACE INTO copy_links (article_id, original_id, kind, similarity, reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    allCopyLinks: db.prepare<[], CopyLinkRow>('SELECT * FROM copy_links ORDER BY article_id'),
    copyLinksOf: db.prepare<[string, string], CopyLinkRow>(
      `SELECT * FROM copy_links WHERE article_id IN (SELECT value FROM json_each(?)) OR original_id IN (SELECT value FROM json_each(?))
       ORDER BY article_id`,
    ),
    copyLinksAround: db.prepare<[string, string], CopyLinkRow>(
      'SELECT * FROM copy_links WHERE article_id = ? OR original_id = ? ORDER BY created_at, article_id',
    ),
    lastVersion: db.prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM event_versions WHERE event_id = ?'),
    insertVersion: db.prepare<[string, number, string, string | null, string]>(
      'INSERT INTO event_versions (event_id, version, created_at, article_id, changes) VALUES (?, ?, ?, ?, ?)',
    ),
    versionsOf: db.prepare<[string], VersionRow>(
      'SELECT * FROM event_versions WHERE event_id = ? ORDER BY version',
    ),
    insertAlert: db.prepare<[string, string, string, number, string, string]>(
      'INSERT OR IGNORE INTO alerts (id, kind, event_id, version, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    orphanLaunchReport: db.prepare<[string], { one: number }>(
      `SELECT 1 AS one FROM extractions x WHERE x.article_id = ? AND x.is_launch_report = 1
         AND NOT EXISTS (SELECT 1 FROM event_articles ea WHERE ea.article_id = x.article_id)`,
    ),
    putSummary: db.prepare<[string, string]>('INSERT OR REPLACE INTO event_summaries (event_id, summary) VALUES (?, ?)'),
    deleteSummary: db.prepare<[string]>('DELETE FROM event_summaries WHERE event_id = ?'),
    getSummary: db.prepare<[string], { summary: string }>('SELECT summary FROM event_summaries WHERE event_id = ?'),
    beginImmediate: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    deleteEvent: db.prepare<[string]>('DELETE FROM events WHERE id = ?'),
    clearEventArticles: db.prepare<[string]>('DELETE FROM event_articles WHERE event_id = ?'),
    insertEventArticle: db.prepare<[string, string, number]>(
      'INSERT INTO event_articles (event_id, article_id, position) VALUES (?, ?, ?)',
    ),
    getArticle: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
    getExtraction: db.prepare<[string], ExtractionRow>('SELECT * FROM extractions WHERE article_id = ?'),
    claimsOf: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE article_id = ? ORDER BY idx'),
    launchExtractions: db.prepare<[], ExtractionRow & { published_date: string | null; article_source: string | null }>(
      `SELECT x.*, a.published_date, a.source AS article_source FROM extractions x JOIN articles a ON a.id = x.article_id
       WHERE x.is_launch_report = 1
       ORDER BY a.published_date IS NULL, a.published_date, a.id`,
    ),
    someLaunchExtractions: db.prepare<[string], ExtractionRow & { published_date: string | null; article_source: string | null }>(
      `SELECT x.*, a.published_date, a.source AS article_source FROM extractions x JOIN articles a ON a.id = x.article_id
       WHERE x.is_launch_report = 1 AND x.article_id IN (SELECT value FROM json_each(?))
       ORDER BY a.published_date IS NULL, a.published_date, a.id`,
    ),
    someLaunchClaims: db.prepare<[string], ClaimRow>(
      `SELECT c.* FROM claims c JOIN extractions x ON x.article_id = c.article_id
       WHERE x.is_launch_report = 1 AND c.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.article_id, c.idx`,
    ),
    launchClaims: db.prepare<[], ClaimRow>(
      `SELECT c.* FROM claims c JOIN extractions x ON x.article_id = c.article_id
       WHERE x.is_launch_report = 1 ORDER BY c.article_id, c.idx`,
    ),
    listArticles: db.prepare<[], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN extractions x ON x.article_id = a.id ORDER BY a.ingested_at, a.id`,
    ),
    eventLanguages: db.prepare<[string], { language: string }>(
      // Read from the index beside the article id (migration 011), never from the row behind its text.
      'SELECT DISTINCT a.language FROM event_articles ea JOIN articles a INDEXED BY articles_language ON a.id = ea.article_id WHERE ea.event_id = ?',
    ),
    getEvent: db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
    listEvents: db.prepare<[], EventRow>('SELECT * FROM events ORDER BY date_local IS NULL, date_local, id'),
    // Each event with its article ids (a JSON array, in order): one statement, so one read of the database.
    someEvents: db.prepare<[string, string], EventRow & { article_ids: string }>(
      `SELECT e.*, (SELECT json_group_array(ea.article_id ORDER BY ea.position) FROM event_articles ea WHERE ea.event_id = e.id) AS article_ids
       FROM events e WHERE e.id IN (
         SELECT value FROM json_each(?) UNION SELECT event_id FROM event_articles WHERE article_id IN (SELECT value FROM json_each(?)))
       ORDER BY date_local IS NULL, date_local, id`,
    ),
    // substr rather than LIKE, so '%' and '_' in a typed prefix are not wildcards.
    findEvents: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM events WHERE substr(id, 1, length(?)) = ? LIMIT 2',
    ),
    articlesOf: db.prepare<[string], { article_id: string }>(
      'SELECT article_id FROM event_articles WHERE event_id = ? ORDER BY position',
    ),
    allEventArticles: db.prepare<[], { event_id: string; article_id: string }>(
      'SELECT event_id, article_id FROM event_articles ORDER BY event_id, position',
    ),
    articleEventId: db.prepare<[string], { event_id: string | null }>(
      'SELECT MIN(event_id) AS event_id FROM event_articles WHERE article_id = ?',
    ),
    countEvents: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events'),
    countArticles: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
  };
}

/** The WHERE clause (or '') and its parameters for an event filter. */
function eventWhere(q: EventFilter): { filter: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string | undefined): void => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('date_local >= ?', q.from);
  add('date_local <= ?', q.to);
  add("json_extract(fields, '$.class.value') = ?", q.class);
  add("json_extract(fields, '$.site.value') = ?", q.site);
  add('actor = ?', q.actor);
  add('EXISTS (SELECT 1 FROM event_articles ea JOIN articles a INDEXED BY articles_language ON a.id = ea.article_id WHERE ea.event_id = events.id AND a.language = ?)', q.language);
  return { filter: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * A person's search words as an FTS5 query that cannot be a syntax error: every word is quoted (words joined
 * by hyphens or dots become a phrase), "quoted phrases" stay phrases, the last bare word may be a prefix.
 * Null when there is no word to look for.
 */
export function ftsQuery(input: string | QueryPart[]): string | null {
  const parts = typeof input === 'string' ? queryParts(input) : input;
  if (parts.length === 0) return null;
  const quoted = parts.map((p) => `"${p.words.join(' ')}"`);
  if (parts[parts.length - 1].bare) quoted[quoted.length - 1] += '*';
  return quoted.join(' ');
}

/**
 * A search input for the FTS5 indexes: words of space-separated scripts but stop words go to the unicode61 index
 * (`words`, an FTS5 query); Hangul, kana and Han parts are substrings (`substrings`), found through the
 * trigram index when they are at least three characters long, else through the gram index (migration 012: the
 * trigram index cannot match a shorter part). Null when there is nothing to look for.
 */
export function searchPlan(input: string): { words: string | null; parts: QueryPart[]; substrings: string[] } | null {
  const parts = queryParts(input);
  // Stop words drop out (isStopWord), as in PostgreSQL: a search of stop words alone looks for nothing, and a
  // stop word typed last leaves no prefix behind it.
  const spaced = parts.filter((p) => !p.unspaced);
  const words = spaced.filter((p) => !isStopWord(p));
  if (words.length && words.at(-1) !== spaced.at(-1)) words[words.length - 1] = { ...words[words.length - 1], bare: false };
  const substrings = parts.filter((p) => p.unspaced).map((p) => p.words.join(' '));
  if (words.length === 0 && substrings.length === 0) return null;
  return { words: ftsQuery(words), parts: words, substrings };
}

/** A word as the unicode61 tokenizer (remove_diacritics 2) indexes it: lower case, without diacritics. */
const indexedWord = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The shortest substring the trigram tokenizer can match (its tokens are three characters). */
const TRIGRAM = 3;


/** Stored uint32s (a MinHash signature, shingle hashes; little-endian bytes) as copy detection holds them. */
const uint32sOf = (bytes: Buffer): Uint32Array => new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const signatureOf = uint32sOf;
/** uint32s as stored bytes (the buffer is shared, not copied). */
const bytesOf = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly now: () => Date;
  /** Commits made through this connection (SQLite's data_version only counts other connections'). */
  private writes = 0;
  private readonly dynamic = new Map<string, Database.Statement>();
  private readonly saveTx: Database.Transaction<(write: ArticleWrite) => boolean>;
  /** The tail of the queue of units waiting for the event-grouping lock. */
  private lockTail: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.db = openDatabase(path, options, this.now);
    this.sql = prepareStatements(this.db);
    // better-sqlite3 rolls the whole transaction back when the function throws.
    this.saveTx = this.db.transaction((write: ArticleWrite) => this.write(write));
  }

  withEventLock<T>(keys: string[], fn: (session: StoreSession) => Promise<T>): Promise<T> {
    // One writer at a time in SQLite, so one queue for every key: each unit starts when the previous one settled.
    const run = this.lockTail.then(() => (keys.length ? this.inWriteTransaction(fn) : fn(this)));
    this.lockTail = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs a unit inside one BEGIN IMMEDIATE transaction: it holds SQLite's write lock from its first read to its
   * last write, so no other process (a `salvo ingest` beside the server) commits between the state the unit
   * reads and the events it writes from it, and no membership is written from a stale view. Each `saveArticle`
   * in it is a savepoint, atomic on its own (better-sqlite3 nests transactions that way); the transaction is
   * committed whether the unit succeeds or fails, which keeps exactly the saves that succeeded. The unit's own
   * awaits settle at once (every method here is synchronous), so nothing else of this process runs inside it.
   */
  private async inWriteTransaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T> {
    this.sql.beginImmediate.run();
    try {
      return await fn(this);
    } finally {
      try {
        if (this.db.inTransaction) this.sql.commit.run();
      } catch (err) {
        if (this.db.inTransaction) this.sql.rollback.run();
        throw err;
      }
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.sql.hasArticle.get(id) !== undefined;
  }

  async saveArticle(write: ArticleWrite): Promise<boolean> {
    if (write.extraction.articleId !== write.article.id) {
      throw new Error(`extraction is for article ${write.extraction.articleId}, not ${write.article.id}`);
    }
    try {
      return this.saveTx.immediate(write);
    } finally {
      this.writes++;
    }
  }

  private write({ article, extraction, events, versions, alerts, sources = {}, summaries = {}, at }: ArticleWrite): boolean {
    // Same content hash ⇒ same article, already processed: re-ingesting must change nothing.
    // The trigram index holds the article when it has a character of a script searched as substrings (009).
    const unspaced = UNSPACED_SCRIPT.test(article.title ?? '') || UNSPACED_SCRIPT.test(article.text) ? 1 : 0;
    if (this.sql.insertArticle.run({ ...articleToRow(article, at), unspaced }).changes === 0) return false;
    const rows = extractionToRows(extraction, at);
    this.sql.insertExtraction.run(rows.extraction);
    for (const claim of rows.claims) this.sql.insertClaim.run(claim);
    if (sources.signature) {
      this.sql.insertSignature.run(article.id, bytesOf(sources.signature), sources.shingles ? bytesOf(sources.shingles) : null, isIndexed(article.id, sources) ? 1 : 0);
    }
    for (const link of sources.copies ?? []) {
      this.sql.insertCopyLink.run(link.articleId, link.originalId, link.kind, link.similarity, link.reason, at);
    }
    for (const v of versions) this.sql.insertVersion.run(v.eventId, v.version, v.createdAt, v.articleId, JSON.stringify(v.changes));
    for (const a of alerts) this.sql.insertAlert.run(a.id, a.kind, a.eventId, a.version, JSON.stringify(a), a.createdAt);
    const dropped = new Set<string>();
    for (const event of events) {
      for (const m of this.sql.articlesOf.all(event.id)) dropped.add(m.article_id);
      if (event.articleIds.length === 0) {
        this.sql.deleteEvent.run(event.id);
        continue;
      }
      this.putEvent(event, at, summaries[event.id]);
    }
    // The membership invariant: a launch report taken out of an event must be in another one after the write.
    for (const id of dropped) {
      if (this.sql.orphanLaunchReport.get(id)) throw new Error(`${MEMBERSHIP_LOST}: launch report ${id} would be in no event`);
    }
    return true;
  }

  async writeEvents({ events, deleted, at }: { events: LaunchEvent[]; deleted: string[]; at: string }): Promise<void> {
    if (!events.length && !deleted.length) return;
    try {
      this.db.transaction(() => {
        for (const id of deleted) this.sql.deleteEvent.run(id);
        for (const event of events) this.putEvent(event, at);
        this.sql.bumpRewrites.run(at); // told by changesSince (migration 013)
      }).immediate();
    } finally {
      this.writes++;
    }
  }

  /** Upserts an event with its article list (in order) and its summary (deleted when none is given). */
  private putEvent(event: LaunchEvent, at: string, summary?: StoredEventSummary): void {
    this.sql.upsertEvent.run(eventToRow(event, at));
    this.sql.clearEventArticles.run(event.id);
    event.articleIds.forEach((articleId, position) => this.sql.insertEventArticle.run(event.id, articleId, position));
    if (summary) this.sql.putSummary.run(event.id, JSON.stringify(summary));
    else this.sql.deleteSummary.run(event.id);
  }

  async eventSummaries(eventIds: string[]): Promise<Map<string, StoredEventSummary>> {
    const out = new Map<string, StoredEventSummary>();
    for (const id of eventIds) {
      const row = this.sql.getSummary.get(id);
      if (row) out.set(id, JSON.parse(row.summary) as StoredEventSummary);
    }
    return out;
  }

  async lastVersion(eventId: string): Promise<number> {
    return this.sql.lastVersion.get(eventId)?.v ?? 0;
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.sql.getArticle.get(id);
    return row ? rowToArticle(row) : null;
  }

  async getExtraction(articleId: string): Promise<Extraction | null> {
    const row = this.sql.getExtraction.get(articleId);
    return row ? rowsToExtraction(row, this.sql.claimsOf.all(articleId)) : null;
  }

  async listArticles(): Promise<ArticleSummary[]> {
    return this.sql.listArticles.all().map(rowToSummary);
  }

  async listEvents(): Promise<LaunchEvent[]> {
    const members = groupBy(this.sql.allEventArticles.all(), (r) => r.event_id);
    return this.sql.listEvents
      .all()
      .map((r) => rowToEvent(r, (members.get(r.id) ?? []).map((m) => m.article_id)));
  }

  async eventsOf(select: { ids: string[]; articleIds: string[] }): Promise<LaunchEvent[]> {
    // One statement however many events, so each comes with the articles it held at that moment (another process
    // may be moving reports between events).
    return this.sql.someEvents
      .all(JSON.stringify(select.ids), JSON.stringify(select.articleIds))
      .map(({ article_ids, ...r }) => rowToEvent(r, JSON.parse(article_ids) as string[]));
  }

  async getEvent(id: string): Promise<LaunchEvent | null> {
    return this.eventById(id);
  }

  private eventById(id: string): LaunchEvent | null {
    const row = this.sql.getEvent.get(id);
    return row ? rowToEvent(row, this.sql.articlesOf.all(id).map((m) => m.article_id)) : null;
  }

  async findEvent(idPrefix: string): Promise<LaunchEvent | null> {
    if (idPrefix === '') return null; // an empty prefix names nothing, even with a single event stored
    const matches = this.sql.findEvents.all(idPrefix, idPrefix);
    return matches.length === 1 ? this.eventById(matches[0].id) : null;
  }

  async launchExtractions(articleIds?: string[]): Promise<{ extraction: Extraction; published: string | null; source: string | null }[]> {
    if (articleIds) {
      // The extractions first, then their claims (written with them, never changed): two statements.
      const rows = this.sql.someLaunchExtractions.all(JSON.stringify(articleIds));
      const claims = groupBy(rows.length ? this.sql.someLaunchClaims.all(JSON.stringify(rows.map((r) => r.article_id))) : [], (c) => c.article_id);
      return rows.map((r) => ({ extraction: rowsToExtraction(r, claims.get(r.article_id) ?? []), published: r.published_date, source: r.article_source }));
    }
    // Two queries instead of one per article: this feeds a full re-resolve of every launch report.
    const claims = groupBy(this.sql.launchClaims.all(), (c) => c.article_id);
    return this.sql.launchExtractions.all().map((r) => ({
      extraction: rowsToExtraction(r, claims.get(r.article_id) ?? []),
      published: r.published_date,
      source: r.article_source,
    }));
  }

  /** A prepared statement for SQL built from a fixed set of fragments, prepared once per distinct text. */
  private prepared<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let stmt = this.dynamic.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.dynamic.set(sql, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  }

  async queryEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }> {
    const { filter, params } = eventWhere(q);
    // SQLite sorts NULL lowest, so newest first already puts undated events last (and can walk events_by_date).
    const order = q.order === 'desc' ? 'date_local DESC, id DESC' : 'date_local IS NULL, date_local, id';
    const total = this.prepared<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM events ${filter}`).get(...params)?.n ?? 0;
    // The page's ids first, then their rows: sorting whole rows would read every skipped event's fields too.
    const ids = this.prepared<(string | number)[], { id: string }>(`SELECT id FROM events ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset);
    const rows = ids.flatMap(({ id }) => this.sql.getEvent.get(id) ?? []);
    return {
      total,
      events: rows.map((r) => ({
        event: rowToEvent(r, this.sql.articlesOf.all(r.id).map((m) => m.article_id)),
        updatedAt: r.updated_at,
        languages: languagesInOrder(this.sql.eventLanguages.all(r.id).map((l) => l.language)),
      })),
    };
  }

  async countEventsBy(f: EventFilter, period: 'year' | 'month'): Promise<{ period: string; class: string | null; count: number }[]> {
    const { filter, params } = eventWhere(f);
    const len = period === 'year' ? 4 : 7;
    return this.prepared<(string | number)[], { period: string; class: string | null; count: number }>(
      `SELECT substr(date_local, 1, ${len}) AS period, json_extract(fields, '$.class.value') AS class, count(*) AS count
       FROM events ${filter ? `${filter} AND` : 'WHERE'} date_local IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
    ).all(...params);
  }

  async listArticlesPage(q: ArticlePageQuery): Promise<{ total: number; articles: ArticleSummary[] }> {
    const where: string[] = [];
    const params: string[] = [];
    if (q.launch !== undefined) where.push(`COALESCE(x.is_launch_report, 0) = ${q.launch ? 1 : 0}`);
    if (q.language !== undefined) {
      where.push('a.language = ?');
      params.push(q.language);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = 'FROM articles a LEFT JOIN extractions x ON x.article_id = a.id';
    const total = this.prepared<string[], { n: number }>(`SELECT count(*) AS n ${from} ${filter}`).get(...params)?.n ?? 0;
    const rows = this.prepared<(string | number)[], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} ${from} ${filter} ORDER BY a.ingested_at DESC, a.id DESC LIMIT ? OFFSET ?`,
    ).all(...params, q.limit, q.offset);
    return { total, articles: rows.map(rowToSummary) };
  }

  async articleEventId(articleId: string): Promise<string | null> {
    return this.sql.articleEventId.get(articleId)?.event_id ?? null;
  }

  async searchArticles(query: string, page: { limit: number; offset: number; ranked?: number }): Promise<{ total: number; estimated: boolean; hits: SearchHit[] }> {
    const plan = searchPlan(query);
    if (plan === null) return { total: 0, estimated: false, hits: [] };
    if (plan.substrings.length === 0) return this.searchWords(plan.words ?? '', plan.parts, page);
    return this.searchSubstrings(plan.words, plan.parts, plan.substrings, page);
  }

  /**
   * Search with Korean or Japanese parts: every part must occur. Each part is an index lookup that reads no
   * article: a part of three characters or more in the trigram index, a shorter one in the gram index (012),
   * the other words in the word index. Like searchWords, the matches are counted newest first up to
   * SEARCH_RANKED_MAX (or `page.ranked`); a search matching more keeps its newest that many matches and estimates
   * its total from the indexes' counts (fts5vocab) and the share of each index's newest rows that matched every
   * part. The hits are those matches newest first, in both
   * stores: a substring has no rank, and ranking them by the other words (bm25) would rank every match of those
   * words in the span of rows the matches cover, the whole table when a Korean part is rare. Only the page's
   * articles are read.
   */
  private searchSubstrings(words: string | null, parts: QueryPart[], substrings: string[], page: { limit: number; offset: number; ranked?: number }): { total: number; estimated: boolean; hits: SearchHit[] } {
    const max = page.ranked ?? SEARCH_RANKED_MAX;
    const long = substrings.filter((s) => [...s].length >= TRIGRAM);
    const short = substrings.filter((s) => [...s].length < TRIGRAM);
    // One MATCH per index, each of its parts quoted (FTS5's implicit AND), with about how many articles it finds.
    const lookups: [string, string, () => number][] = [];
    if (short.length) lookups.push(['articles_grams', short.map((s) => `"${s}"`).join(' '), () => this.substringEstimate(short, [])]);
    if (long.length) lookups.push(['articles_trigram', long.map((s) => `"${s}"`).join(' '), () => this.substringEstimate([], long)]);
    if (words) lookups.push(['articles_fts', words, () => this.searchEstimate(parts)]);
    const { found: newest, read } = this.newestInAll(lookups.map(([table, match]) => [table, match]), max + 1);
    const estimated = newest.length > max;
    const pageIds = newest.slice(0, max).slice(page.offset, page.offset + page.limit);
    const rows = this.prepared<[string], SummaryRow & { text: string; rowid: number }>(
      `SELECT a.rowid AS rowid, ${SUMMARY_COLUMNS}, a.text FROM articles a LEFT JOIN extractions x ON x.article_id = a.id WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(pageIds));
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    const hits = pageIds.flatMap((id) => {
      const r = byRowid.get(id);
      return r ? [{ ...rowToSummary(r), snippet: substringSnippet(r.text, substrings) ?? substringSnippet(r.title ?? '', substrings) ?? '' }] : [];
    });
    // Beyond the bound: each index's count scaled by the share of what it found, among the newest, that matched
    // every other index too (1 for a single index: its count, exact for one part of one or two characters).
    const total = estimated ? Math.max(max + 1, Math.min(...lookups.map(([, , count], i) => Math.round((count() * newest.length) / Math.max(1, read[i]))))) : newest.length;
    return { total, estimated, hits };
  }

  /**
   * The newest `limit` rowids every lookup ([FTS5 table, MATCH]) finds, newest first (`found`), and how many rows
   * each lookup had read down to the last of them (`read`). Each index is read newest first and the reads advance
   * in step (each skips to the others' furthest position), so no read goes beyond the oldest row it needs. Done
   * here, not in SQL: FTS5 given a list of rowids (rowid IN …) loads the whole match list again for each rowid
   * (seconds for a word in most of 100,000 articles).
   */
  private newestInAll(lookups: [string, string][], limit: number): { found: number[]; read: number[] } {
    const reads = lookups.map(([table, match]) => this.prepared<[string], { rowid: number }>(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC`).iterate(match));
    try {
      const found: number[] = [];
      const counted = reads.map(() => 1);
      const read = reads.map(() => 0);
      const next = (i: number) => {
        counted[i]++;
        return reads[i].next();
      };
      const at = reads.map((r) => r.next());
      while (found.length < limit) {
        let lowest = Infinity;
        for (const step of at) {
          if (step.done) return { found, read };
          lowest = Math.min(lowest, step.value.rowid);
        }
        let all = true;
        at.forEach((step, i) => {
          let s = step;
          while (!s.done && s.value.rowid > lowest) s = next(i);
          at[i] = s;
          if (s.done || s.value.rowid !== lowest) all = false;
        });
        if (!all) continue;
        found.push(lowest);
        counted.forEach((n, i) => (read[i] = n));
        at.forEach((_, i) => (at[i] = next(i)));
      }
      return { found, read };
    } finally {
      for (const r of reads) r.return?.();
    }
  }

  /**
   * About how many articles hold every Korean or Japanese part: the fewest articles holding one of its grams (a
   * short part is one gram: articles_grams_words) or trigrams (articles_trigram_words), as the indexes fold
   * them (lower case). Exact for one part of one or two characters; else an upper bound.
   */
  private substringEstimate(short: string[], long: string[]): number {
    const grams = this.prepared<[string], { n: number | null }>('SELECT doc AS n FROM articles_grams_words WHERE term = ?');
    const trigrams = this.prepared<[string], { n: number | null }>('SELECT doc AS n FROM articles_trigram_words WHERE term = ?');
    let fewest = this.sql.countArticles.get()?.n ?? 0;
    for (const s of short) fewest = Math.min(fewest, grams.get(s.toLowerCase())?.n ?? 0);
    for (const s of long) {
      const chars = [...s.toLowerCase()];
      for (let i = 0; i + TRIGRAM <= chars.length; i++) fewest = Math.min(fewest, trigrams.get(chars.slice(i, i + TRIGRAM).join(''))?.n ?? 0);
    }
    return fewest;
  }

  /**
   * Search by words of space-separated scripts alone: the unicode61 index, ranked by it (bm25). Matches are
   * counted up to SEARCH_RANKED_MAX (or `page.ranked`); a search matching more is ranked among its newest that many matches
   * and its total estimated from the index's word statistics (searchEstimate), not counted.
   */
  private searchWords(match: string, parts: QueryPart[], page: { limit: number; offset: number; ranked?: number }): { total: number; estimated: boolean; hits: SearchHit[] } {
    const max = page.ranked ?? SEARCH_RANKED_MAX;
    const counted =
      this.prepared<[string, number], { n: number }>('SELECT count(*) AS n FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)').get(match, max + 1)?.n ?? 0;
    const estimated = counted > max;
    // The oldest of the newest `max` matches (the index reads matches newest first by rowid).
    const from = estimated
      ? (this.prepared<[string, number], { rowid: number }>('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').get(match, max - 1)?.rowid ?? 0)
      : 0;
    const rows = this.prepared<[string, number, number, number], SummaryRow & { snippet: string }>(
      `SELECT ${SUMMARY_COLUMNS}, snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet
       FROM articles_fts f JOIN articles a ON a.rowid = f.rowid LEFT JOIN extractions x ON x.article_id = a.id
       WHERE articles_fts MATCH ? AND f.rowid >= ? ORDER BY f.rank, a.id LIMIT ? OFFSET ?`,
    ).all(match, from, page.limit, page.offset);
    const total = estimated ? Math.max(max + 1, this.searchEstimate(parts)) : counted;
    return { total, estimated, hits: rows.map((r) => ({ ...rowToSummary(r), snippet: r.snippet })) };
  }

  /**
   * About how many articles hold every part: the fewest articles holding any one of its words (articles_fts_words;
   * for a prefix, the articles holding each word it begins, added up), at most the number of articles.
   */
  private searchEstimate(parts: QueryPart[]): number {
    const docs = this.prepared<[string], { n: number | null }>('SELECT doc AS n FROM articles_fts_words WHERE term = ?');
    const prefixed = this.prepared<[string, string], { n: number | null }>('SELECT sum(doc) AS n FROM articles_fts_words WHERE term >= ? AND term < ?');
    let fewest = this.sql.countArticles.get()?.n ?? 0;
    for (const part of parts) {
      for (const w of part.words.map(indexedWord)) {
        const n = part.bare && part === parts.at(-1) ? prefixed.get(w, `${w}\u{10ffff}`)?.n : docs.get(w)?.n;
        fewest = Math.min(fewest, n ?? 0);
      }
    }
    return fewest;
  }

  async counts(): Promise<{ events: number; articles: number }> {
    return { events: this.sql.countEvents.get()?.n ?? 0, articles: this.sql.countArticles.get()?.n ?? 0 };
  }

  async dataVersion(): Promise<string> {
    return `${String(this.db.pragma('data_version', { simple: true }))}.${this.writes}`;
  }

  async eventHistory(eventId: string): Promise<EventVersion[]> {
    return this.sql.versionsOf.all(eventId).map(rowToVersion);
  }

  async copyLinks(articleId?: string): Promise<CopyLink[]> {
    const rows = articleId ? this.sql.copyLinksAround.all(articleId, articleId) : this.sql.allCopyLinks.all();
    return rows.map(rowToCopyLink);
  }

  async copyLinksOf(articleIds: string[]): Promise<CopyLink[]> {
    if (articleIds.length === 0) return [];
    const ids = JSON.stringify(articleIds);
    return this.sql.copyLinksOf.all(ids, ids).map(rowToCopyLink);
  }

  async copyCandidates(ids: string[]): Promise<StoredCopyCandidate[]> {
    // In-process reads cost no round trip: one article at a time.
    return ids.flatMap((id) => {
      const row = this.sql.getArticle.get(id);
      if (!row) return [];
      const x = this.sql.getExtraction.get(id);
      const copyOf = this.sql.copyLinksAround.all(id, id).find((l) => l.article_id === id)?.original_id ?? null;
      return [{ article: rowToArticle(row), extraction: x ? rowsToExtraction(x, this.sql.claimsOf.all(id)) : null, copyOf }];
    });
  }

  async copySketches(ids: string[]): Promise<CopySketch[]> {
    return ids.flatMap((id) => {
      const r = this.sql.copySketch.get(id);
      return r ? [{ articleId: r.id, published: r.published_date, claims: r.claims, shingles: r.shingles ? uint32sOf(r.shingles) : null, copyOf: r.original_id }] : [];
    });
  }

  async copyOrigins(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map(this.sql.copyOrigins.all(JSON.stringify(ids)).map((r) => [r.article_id, r.original_id]));
  }

  async changeCursor(): Promise<string> {
    const { n, g } = this.sql.lastArticleRow.get() ?? { n: 0, g: 0 };
    return formatChangeCursor(String(n), g);
  }

  async changesSince(cursor: string): Promise<StoreChanges> {
    // One writer at a time and articles are never deleted, so row ids grow in commit order: the cursor is the
    // last row id seen, with the event rewrite generation seen.
    const from = parseChangeCursor(cursor);
    const rows = this.sql.articlesAfter.all(Number(from.articles));
    const generation = rows[0].generation;
    const last = rows[rows.length - 1].rowid;
    return {
      cursor: formatChangeCursor(last === null ? from.articles : String(last), generation),
      articles: rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, signature: r.minhash ? signatureOf(r.minhash) : null, regroups: r.regroups === 1 }])),
      eventsRewritten: generation !== from.generation,
    };
  }

  async signatures(): Promise<{ articleId: string; signature: Uint32Array }[]> {
    return this.sql.allSignatures.all().map((r) => ({ articleId: r.article_id, signature: signatureOf(r.minhash) }));
  }

  // ---- live ----------------------------------------------------------------------------------------------

  async syncWatchSources(sources: WatchSourceConfig[]): Promise<void> {
    const stamp = this.now().toISOString();
    const upsert = this.prepared<[string, string, number, string], unknown>(
      `INSERT INTO watch_sources (url, kind, interval_s, active, added_at) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, interval_s = excluded.interval_s, active = 1`,
    );
    this.db.transaction(() => {
      this.db.prepare('UPDATE watch_sources SET active = 0').run();
      for (const src of sources) upsert.run(src.url, src.kind, src.intervalS, stamp);
    }).immediate();
  }

  async listWatchSources(): Promise<WatchSourceState[]> {
    type Row = { url: string; kind: string; interval_s: number; active: number; last_poll: string | null; last_success: string | null; last_error: string | null; etag: string | null; last_modified: string | null; added_at: string; seen: number; done: number; failed: number; pending: number };
    return this.prepared<[], Row>(
      `SELECT s.*,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url) AS seen,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'done') AS done,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'failed') AS failed,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'pending') AS pending
       FROM watch_sources s ORDER BY s.active DESC, s.url`,
    )
      .all()
      .map((r) => ({
        url: r.url, kind: r.kind, intervalS: r.interval_s, active: r.active === 1, lastPoll: r.last_poll, lastSuccess: r.last_success,
        lastError: r.last_error, etag: r.etag, lastModified: r.last_modified, itemsSeen: r.seen, itemsDone: r.done, itemsFailed: r.failed,
        itemsPending: r.pending, addedAt: r.added_at,
      }));
  }

  async recordPoll(url: string, poll: { at: string; error: string | null; etag?: string | null; lastModified?: string | null }): Promise<void> {
    this.prepared<[string, string | null, string | null, number, string | null, number, string | null, string], unknown>(
      `UPDATE watch_sources SET last_poll = ?, last_error = ?, last_success = COALESCE(?, last_success),
         etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END
       WHERE url = ?`,
    ).run(poll.at, poll.error, poll.error === null ? poll.at : null, poll.etag !== undefined ? 1 : 0, poll.etag ?? null, poll.lastModified !== undefined ? 1 : 0, poll.lastModified ?? null, url);
  }

  async addWatchItems(sourceUrl: string, items: { key: string; url: string }[], at: string): Promise<number> {
    const insert = this.prepared<[string, string, string, string], unknown>(
      "INSERT OR IGNORE INTO watch_items (source_url, item_key, url, first_seen, status) VALUES (?, ?, ?, ?, 'pending')",
    );
    let added = 0;
    this.db.transaction(() => {
      for (const it of items) added += insert.run(sourceUrl, it.key, it.url, at).changes;
    }).immediate();
    return added;
  }

  async pendingWatchItems(sourceUrl: string): Promise<WatchItem[]> {
    type Row = { source_url: string; item_key: string; url: string; status: WatchItem['status']; attempts: number; last_error: string | null; article_id: string | null; first_seen: string };
    return this.prepared<[string], Row>(
      "SELECT * FROM watch_items WHERE source_url = ? AND status = 'pending' ORDER BY first_seen, rowid",
    )
      .all(sourceUrl)
      .map((r) => ({ sourceUrl: r.source_url, key: r.item_key, url: r.url, status: r.status, attempts: r.attempts, lastError: r.last_error, articleId: r.article_id, firstSeen: r.first_seen }));
  }

  async finishWatchItem(sourceUrl: string, key: string, o: { status: WatchItem['status']; error: string | null; articleId: string | null; at: string }): Promise<void> {
    this.prepared<[string, string | null, string | null, string | null, string, string], unknown>(
      `UPDATE watch_items SET status = ?, attempts = attempts + 1, last_error = ?, article_id = COALESCE(?, article_id), done_at = ?
       WHERE source_url = ? AND item_key = ?`,
    ).run(o.status, o.error, o.articleId, o.status === 'pending' ? null : o.at, sourceUrl, key);
  }

  async listAlerts(q: { afterSeq?: number; limit: number; newestFirst?: boolean }): Promise<Alert[]> {
    return this.prepared<[number, number], AlertRow>(
      `SELECT * FROM alerts WHERE seq > ? ORDER BY seq ${q.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
    )
      .all(q.afterSeq ?? 0, q.limit)
      .map(rowToAlert);
  }

  async enqueueAlerts(webhookUrl: string, at: string): Promise<number> {
    const queued = this.db.transaction((): number => {
      const max = this.prepared<[], { m: number | null }>('SELECT MAX(seq) AS m FROM alerts').get()?.m ?? 0;
      const cursor = this.prepared<[string], { cursor: number }>('SELECT cursor FROM webhooks WHERE url = ?').get(webhookUrl)?.cursor;
      if (cursor === undefined) {
        this.prepared<[string, number, string], unknown>('INSERT INTO webhooks (url, cursor, added_at) VALUES (?, ?, ?)').run(webhookUrl, max, at);
        return 0;
      }
      if (max <= cursor) return 0;
      const n = this.prepared<[string, string, number, number], unknown>(
        `INSERT OR IGNORE INTO webhook_deliveries (alert_id, webhook_url, status, attempts, next_attempt, created_at)
         SELECT id, ?, 'pending', 0, ?, created_at FROM alerts WHERE seq > ? AND seq <= ? ORDER BY seq`,
      ).run(webhookUrl, at, cursor, max).changes;
      this.prepared<[number, string], unknown>('UPDATE webhooks SET cursor = ? WHERE url = ?').run(max, webhookUrl);
      return n;
    }).immediate();
    return queued;
  }

  async dueDeliveries(now: string, limit: number): Promise<{ delivery: Delivery; payload: AlertPayload }[]> {
    type Row = DeliveryRow & { payload: string };
    return this.prepared<[string, number], Row>(
      `SELECT d.*, a.payload FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE d.status = 'pending' AND d.next_attempt <= ? ORDER BY a.seq LIMIT ?`,
    )
      .all(now, limit)
      .map(rowToDueDelivery);
  }

  async nextDeliveryAt(): Promise<string | null> {
    return this.prepared<[], { t: string | null }>("SELECT MIN(next_attempt) AS t FROM webhook_deliveries WHERE status = 'pending'").get()?.t ?? null;
  }

  async recordDelivery(alertId: string, webhookUrl: string, r: { status: Delivery['status']; attempts: number; nextAttempt: string | null; error: string | null; deliveredAt: string | null }): Promise<void> {
    this.prepared<[string, number, string | null, string | null, string | null, string, string], unknown>(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt = ?, last_error = ?, delivered_at = ?
       WHERE alert_id = ? AND webhook_url = ?`,
    ).run(r.status, r.attempts, r.nextAttempt, r.error, r.deliveredAt, alertId, webhookUrl);
  }

  async listDeliveries(webhookUrl?: string): Promise<Delivery[]> {
    const rows = webhookUrl
      ? this.prepared<[string], DeliveryRow>('SELECT d.* FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE webhook_url = ? ORDER BY a.seq').all(webhookUrl)
      : this.prepared<[], DeliveryRow>('SELECT d.* FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id ORDER BY a.seq, d.webhook_url').all();
    return rows.map(rowToDelivery);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

