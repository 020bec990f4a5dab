// The embedded store: one SQLite file per installation, written by one salvo process at a time (WAL lets
// readers, such as a later HTTP server, run alongside it).
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Article, Extraction, LaunchEvent } from '../types.js';
import { loadMigrations, migrate, type Migration } from './migrations.js';
import {
  articleToRow,
  eventToRow,
  extractionToRows,
  rowsToExtraction,
  rowToArticle,
  rowToEvent,
  type ArticleRow,
  type ClaimRow,
  type EventRow,
  type ExtractionRow,
} from './rows.js';
import type { ArticleSummary, Store } from './store.js';

export interface SqliteStoreOptions {
  /** Clock for ingested_at/created_at/updated_at/applied_at; tests pin it to order articles. */
  now?: () => Date;
  /** Schema migrations to apply; defaults to the SQL files in src/store/migrations. */
  migrations?: Migration[];
}

/** Where the database lives unless told otherwise: $SALVO_DB, else ./salvo.db, resolved against the cwd. */
export function defaultDbPath(): string {
  return resolve(process.env.SALVO_DB || './salvo.db');
}

export function openStore(path: string): Store {
  return new SqliteStore(path);
}

// How long a writer waits for another process's lock before failing with SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 5000;

function openDatabase(path: string, options: SqliteStoreOptions, now: () => Date): Database.Database {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
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
    insertArticle: db.prepare<[ArticleRow]>(
      `INSERT INTO articles (id, external_id, origin, format, url, source, published_date, published_instant,
         published_via, title, text, paragraphs, sentences, removed, ingested_at)
       VALUES (@id, @external_id, @origin, @format, @url, @source, @published_date, @published_instant,
         @published_via, @title, @text, @paragraphs, @sentences, @removed, @ingested_at)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertExtraction: db.prepare<[ExtractionRow]>(
      `INSERT INTO extractions (article_id, is_launch_report, report_confidence, actor, weekday, fields, created_at)
       VALUES (@article_id, @is_launch_report, @report_confidence, @actor, @weekday, @fields, @created_at)`,
    ),
    insertClaim: db.prepare<[ClaimRow]>(
      `INSERT INTO claims (article_id, idx, field, value, surface, part, span_start, span_end, sentence_start,
         sentence_end, sentence, attribution, said_by, confidence, parser, implied)
       VALUES (@article_id, @idx, @field, @value, @surface, @part, @span_start, @span_end, @sentence_start,
         @sentence_end, @sentence, @attribution, @said_by, @confidence, @parser, @implied)`,
    ),
    upsertEvent: db.prepare<[EventRow]>(
      `INSERT INTO events (id, actor, date_local, weekday, fields, updated_at)
       VALUES (@id, @actor, @date_local, @weekday, @fields, @updated_at)
       ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, date_local = excluded.date_local,
         weekday = excluded.weekday, fields = excluded.fields, updated_at = excluded.updated_at`,
    ),
    deleteEvent: db.prepare<[string]>('DELETE FROM events WHERE id = ?'),
    clearEventArticles: db.prepare<[string]>('DELETE FROM event_articles WHERE event_id = ?'),
    insertEventArticle: db.prepare<[string, string, number]>(
      'INSERT INTO event_articles (event_id, article_id, position) VALUES (?, ?, ?)',
    ),
    getArticle: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
    getExtraction: db.prepare<[string], ExtractionRow>('SELECT * FROM extractions WHERE article_id = ?'),
    claimsOf: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE article_id = ? ORDER BY idx'),
    launchExtractions: db.prepare<[], ExtractionRow & { published_date: string | null }>(
      `SELECT x.*, a.published_date FROM extractions x JOIN articles a ON a.id = x.article_id
       WHERE x.is_launch_report = 1
       ORDER BY a.published_date IS NULL, a.published_date, a.id`,
    ),
    launchClaims: db.prepare<[], ClaimRow>(
      `SELECT c.* FROM claims c JOIN extractions x ON x.article_id = c.article_id
       WHERE x.is_launch_report = 1 ORDER BY c.article_id, c.idx`,
    ),
    listArticles: db.prepare<
      [],
      Pick<ArticleRow, 'id' | 'origin' | 'url' | 'source' | 'published_date' | 'title' | 'ingested_at'> & {
        is_launch_report: number;
        event_id: string | null;
      }
    >(
      // An article belongs to one event; should a caller ever put it in two, the lowest event id is shown.
      `SELECT a.id, a.origin, a.url, a.source, a.published_date, a.title, a.ingested_at,
         COALESCE(x.is_launch_report, 0) AS is_launch_report,
         (SELECT MIN(ea.event_id) FROM event_articles ea WHERE ea.article_id = a.id) AS event_id
       FROM articles a LEFT JOIN extractions x ON x.article_id = a.id
       ORDER BY a.ingested_at, a.id`,
    ),
    getEvent: db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
    listEvents: db.prepare<[], EventRow>('SELECT * FROM events ORDER BY date_local IS NULL, date_local, id'),
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
  };
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly now: () => Date;
  private readonly saveTx: Database.Transaction<(article: Article, extraction: Extraction, events: LaunchEvent[]) => void>;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.db = openDatabase(path, options, this.now);
    this.sql = prepareStatements(this.db);
    // better-sqlite3 rolls the whole transaction back when the function throws.
    this.saveTx = this.db.transaction((article: Article, extraction: Extraction, events: LaunchEvent[]) =>
      this.write(article, extraction, events),
    );
  }

  hasArticle(id: string): boolean {
    return this.sql.hasArticle.get(id) !== undefined;
  }

  saveArticle(article: Article, extraction: Extraction, events: LaunchEvent[]): void {
    if (extraction.articleId !== article.id) {
      throw new Error(`extraction is for article ${extraction.articleId}, not ${article.id}`);
    }
    this.saveTx.immediate(article, extraction, events);
  }

  private write(article: Article, extraction: Extraction, events: LaunchEvent[]): void {
    const stamp = this.now().toISOString();
    // Same content hash ⇒ same article, already processed: re-ingesting must change nothing.
    if (this.sql.insertArticle.run(articleToRow(article, stamp)).changes === 0) return;
    const rows = extractionToRows(extraction, stamp);
    this.sql.insertExtraction.run(rows.extraction);
    for (const claim of rows.claims) this.sql.insertClaim.run(claim);
    for (const event of events) {
      // Resolve hands back emptied events when it merges them into another.
      if (event.articleIds.length === 0) {
        this.sql.deleteEvent.run(event.id);
        continue;
      }
      this.sql.upsertEvent.run(eventToRow(event, stamp));
      this.sql.clearEventArticles.run(event.id);
      event.articleIds.forEach((articleId, position) => this.sql.insertEventArticle.run(event.id, articleId, position));
    }
  }

  getArticle(id: string): Article | null {
    const row = this.sql.getArticle.get(id);
    return row ? rowToArticle(row) : null;
  }

  getExtraction(articleId: string): Extraction | null {
    const row = this.sql.getExtraction.get(articleId);
    return row ? rowsToExtraction(row, this.sql.claimsOf.all(articleId)) : null;
  }

  listArticles(): ArticleSummary[] {
    return this.sql.listArticles.all().map((r) => ({
      id: r.id,
      origin: r.origin,
      url: r.url,
      source: r.source,
      published: r.published_date,
      title: r.title,
      isLaunchReport: r.is_launch_report === 1,
      eventId: r.event_id,
      ingestedAt: r.ingested_at,
    }));
  }

  listEvents(): LaunchEvent[] {
    const members = groupBy(this.sql.allEventArticles.all(), (r) => r.event_id);
    return this.sql.listEvents
      .all()
      .map((r) => rowToEvent(r, (members.get(r.id) ?? []).map((m) => m.article_id)));
  }

  getEvent(id: string): LaunchEvent | null {
    const row = this.sql.getEvent.get(id);
    return row ? rowToEvent(row, this.sql.articlesOf.all(id).map((m) => m.article_id)) : null;
  }

  findEvent(idPrefix: string): LaunchEvent | null {
    if (idPrefix === '') return null; // an empty prefix names nothing, even with a single event stored
    const matches = this.sql.findEvents.all(idPrefix, idPrefix);
    return matches.length === 1 ? this.getEvent(matches[0].id) : null;
  }

  launchExtractions(): { extraction: Extraction; published: string | null }[] {
    // Two queries instead of one per article: this feeds a full re-resolve of every launch report.
    const claims = groupBy(this.sql.launchClaims.all(), (c) => c.article_id);
    return this.sql.launchExtractions.all().map((r) => ({
      extraction: rowsToExtraction(r, claims.get(r.article_id) ?? []),
      published: r.published_date,
    }));
  }

  close(): void {
    this.db.close();
  }
}
