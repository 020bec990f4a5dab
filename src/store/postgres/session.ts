// Every read and write of the PostgreSQL store, over a `Connection` (the pool, or the one client a unit of
// work holds its locks on). Behaves as the SQLite store does, row for row: the same tables and row mapping
// (../rows.ts), the same orders (byte order: keys are "C"-collated), the same answers.
import type { Article, ArticleSummary, CopyLink, EventVersion, Extraction, LaunchEvent } from '../../types.js';
import { SEARCH_PROBE_FACTOR, SEARCH_RANKED_MAX } from '../../settings.js';
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
  ArticleWrite,
  Delivery,
  EventFilter,
  EventQuery,
  SearchHit,
  StoreSession,
  StoreChanges,
  StoredCopyCandidate,
  StoredEventSummary,
  CopySketch,
  StoredEvent,
  WatchItem,
  WatchSourceConfig,
  WatchSourceState,
} from '../store.js';
import { formatChangeCursor, MEMBERSHIP_LOST, parseChangeCursor } from '../store.js';
import type { Connection } from './connection.js';
import { isIndexed } from '../store.js';
import { substringSnippet } from '../search-text.js';
import { gramCondition, searchCondition, type SearchCondition } from './search.js';

/**
 * The channel on which every committed write to a schema is announced (payload: the new data version). NOTIFY
 * reaches every session of the database, so the channel names the schema.
 */
export const dataChannel = (schema: string): string => `salvo_data:${schema}`;

// Alert sequence numbers must be committed in order, or a webhook cursor ("every alert after seq N") could
// pass over an alert whose transaction committed after a later one. Writers take this lock before inserting
// alerts (the last thing they do) and hold it to their commit; enqueueing takes it too.
const ALERT_ORDER_LOCK = 'salvo:alerts';

// Built once per distinct placeholder count, so the store never interpolates a value into SQL.
const placeholders = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

const ARTICLE_COLUMNS = [
  'id', 'external_id', 'origin', 'format', 'url', 'source', 'published_date', 'published_instant', 'published_via',
  'title', 'language', 'text', 'paragraphs', 'sentences', 'removed', 'ingested_at',
] as const satisfies readonly (keyof ArticleRow)[];
const EXTRACTION_COLUMNS = [
  'article_id', 'is_launch_report', 'report_confidence', 'actor', 'weekday', 'fields', 'date_window', 'created_at',
] as const satisfies readonly (keyof ExtractionRow)[];
const CLAIM_COLUMNS = [
  'article_id', 'idx', 'field', 'value', 'surface', 'part', 'span_start', 'span_end', 'sentence_start', 'sentence_end',
  'sentence', 'attribution', 'said_by', 'confidence', 'parser', 'implied',
] as const satisfies readonly (keyof ClaimRow)[];
const EVENT_COLUMNS = ['id', 'actor', 'date_local', 'weekday', 'fields', 'reference', 'updated_at'] as const satisfies readonly (keyof EventRow)[];
const COPY_LINK_COLUMNS = ['article_id', 'original_id', 'kind', 'similarity', 'reason', 'created_at'] as const satisfies readonly (keyof (CopyLinkRow & { created_at: string }))[];

/** An INSERT of many rows in one statement; `columns` name the row's properties and the table's columns alike. */
function insertMany<R>(table: string, columns: readonly (keyof R & string)[], rows: R[], suffix = ''): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const tuple = `(${placeholders(columns.length, params.length + 1)})`;
    for (const c of columns) params.push(row[c]);
    return tuple;
  });
  return { sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, params };
}

/**
 * An INSERT of many rows done only when the statement's article insert (the `w0` clause of combineInserts)
 * wrote a row. The rows travel as one JSON array read as the table's row type, so each value takes its
 * column's type, and come in the array's order.
 */
function insertIfArticleStored<R>(table: string, columns: readonly (keyof R & string)[], rows: R[], suffix = ''): { sql: string; params: unknown[] } {
  const list = columns.join(', ');
  return {
    sql: `INSERT INTO ${table} (${list}) SELECT ${columns.map((c) => `r.${c}`).join(', ')}
          FROM json_populate_recordset(null::${table}, $1::json) WITH ORDINALITY AS r
          WHERE EXISTS (SELECT 1 FROM w0) ORDER BY r.ordinality ${suffix}`,
    params: [JSON.stringify(rows)],
  };
}

/** Stored uint32s (a MinHash signature, shingle hashes; little-endian bytes) as copy detection holds them. */
const signatureOf = (bytes: Buffer): Uint32Array => new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
/** uint32s as stored bytes (the buffer is shared, not copied). */
const bytesOf = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * Several INSERT statements as one (data-modifying WITH clauses), their placeholders renumbered: the rows of
 * one write in a single round trip. Foreign keys between them are checked when the whole statement ends.
 */
function combineInserts(parts: { sql: string; params: unknown[] }[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const renumbered = parts.map((p) => {
    const offset = params.length;
    params.push(...p.params);
    return p.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = renumbered.pop() ?? '';
  const withs = renumbered.map((sql, i) => `w${i} AS (${sql})`);
  return { sql: withs.length ? `WITH ${withs.join(', ')} ${last}` : last, params };
}

/** The event class and site filters: the very expressions of the events_by_class and events_by_site indexes. */
const EVENT_CLASS = "((fields::jsonb) -> 'class' ->> 'value')";
const EVENT_SITE = "((fields::jsonb) -> 'site' ->> 'value')";

/** The WHERE clause (or '') and its parameters for an event filter. */
function eventWhere(q: EventFilter): { filter: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const add = (expression: string, value: string | undefined): void => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${expression} $${params.length}`);
  };
  add('date_local >=', q.from);
  add('date_local <=', q.to);
  add(`${EVENT_CLASS} =`, q.class);
  add(`${EVENT_SITE} =`, q.site);
  add('actor =', q.actor);
  if (q.language !== undefined) {
    params.push(q.language);
    where.push(`EXISTS (SELECT 1 FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = events.id AND a.language = $${params.length})`);
  }
  return { filter: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}


export class PostgresSession implements StoreSession {
  /** `now` stamps what the caller gives no time for (a source's first configuration). */
  /**
   * `now` stamps what the caller gives no time for (a source's first configuration); `onWrite` hears the data
   * version of every write this session commits.
   */
  constructor(
    protected readonly db: Connection,
    protected readonly now: () => Date,
    private readonly onWrite: (version: number) => void = () => undefined,
  ) {}

  /** Runs a write in one transaction and announces it once committed (see dataVersion). */
  private write<T>(fn: (tx: Connection) => Promise<T>): Promise<T> {
    return this.announced(() => this.db.transaction(fn));
  }

  /** Runs a write (one transaction, or one statement, which is atomic alone) and announces it once committed. */
  private async announced<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } finally {
      // After the commit (or a failure, which changed nothing but costs nothing to announce): a reader that
      // saw the old version may have cached the new data under it, which is merely re-read once more. The
      // channel's prefix goes as a parameter, which makes the statement one prepared per connection.
      const { rows } = await this.db.query<{ v: number }>(
        `WITH bumped AS (SELECT nextval('data_version') AS v)
         SELECT v, pg_notify($1 || current_schema(), v::text) FROM bumped`,
        [dataChannel('')],
      );
      this.onWrite(rows[0].v);
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM articles WHERE id = $1', [id])).rowCount > 0;
  }

  async saveArticle(w: ArticleWrite): Promise<boolean> {
    if (w.extraction.articleId !== w.article.id) {
      throw new Error(`extraction is for article ${w.extraction.articleId}, not ${w.article.id}`);
    }
    // Rows are built before the transaction starts, so a value that cannot be stored rejects with nothing sent.
    // The article, its extraction, claims, signature and copy links in one statement (one round trip). Same content hash ⇒
    // same article, already processed: re-ingesting must change nothing, so the rest is inserted only when the
    // article was.
    const rows = extractionToRows(w.extraction, w.at);
    const parts = [
      insertMany('articles', ARTICLE_COLUMNS, [articleToRow(w.article, w.at)], 'ON CONFLICT (id) DO NOTHING RETURNING 1'),
      insertIfArticleStored('extractions', EXTRACTION_COLUMNS, [rows.extraction]),
    ];
    if (rows.claims.length) parts.push(insertIfArticleStored('claims', CLAIM_COLUMNS, rows.claims));
    const sig = w.sources?.signature;
    if (sig) {
      const shingles = w.sources?.shingles;
      parts.push({
        sql: `INSERT INTO article_signatures (article_id, minhash, shingles, indexed) SELECT $1, $2::bytea, $3::bytea, $4::boolean WHERE EXISTS (SELECT 1 FROM w0)
              ON CONFLICT (article_id) DO UPDATE SET minhash = excluded.minhash, shingles = excluded.shingles, indexed = excluded.indexed`,
        params: [w.article.id, bytesOf(sig), shingles ? bytesOf(shingles) : null, isIndexed(w.article.id, w.sources ?? {})],
      });
    }
    // One row per copy: a later link of the same article replaces an earlier one, as one upsert after another would.
    const links = new Map((w.sources?.copies ?? []).map((l) => [l.articleId, l]));
    if (links.size) {
      parts.push(insertIfArticleStored('copy_links', COPY_LINK_COLUMNS,
        [...links.values()].map((l) => ({ article_id: l.articleId, original_id: l.originalId, kind: l.kind, similarity: l.similarity, reason: l.reason, created_at: w.at })),
        `ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, kind = excluded.kind,
           similarity = excluded.similarity, reason = excluded.reason, created_at = excluded.created_at`));
    }
    parts.push({ sql: 'SELECT count(*)::int AS stored FROM w0', params: [] });
    const combined = combineInserts(parts);
    const insert = async (tx: Connection): Promise<boolean> => (await tx.query<{ stored: number }>(combined.sql, combined.params)).rows[0].stored > 0;
    // Most articles (not launch reports) change no event: their one statement needs no transaction around it.
    if (!w.versions.length && !w.events.length && !w.alerts.length) return this.announced(() => insert(this.db));
    return this.write(async (tx) => {
      if (!(await insert(tx))) return false;
      for (const v of w.versions) {
        await tx.query('INSERT INTO event_versions (event_id, version, created_at, article_id, changes) VALUES ($1, $2, $3, $4, $5)', [
          v.eventId, v.version, v.createdAt, v.articleId, JSON.stringify(v.changes),
        ]);
      }
      const dropped: string[] = [];
      for (const event of w.events) dropped.push(...(await this.writeEvent(tx, event, w.at, w.summaries?.[event.id])));
      // The membership invariant: a launch report taken out of an event must be in another one after the write.
      if (dropped.length) {
        const { rows } = await tx.query<{ article_id: string }>(
          `SELECT x.article_id FROM extractions x WHERE x.article_id = ANY($1::text[]) AND x.is_launch_report = 1
             AND NOT EXISTS (SELECT 1 FROM event_articles ea WHERE ea.article_id = x.article_id) LIMIT 1`,
          [dropped],
        );
        if (rows.length) throw new Error(`${MEMBERSHIP_LOST}: launch report ${rows[0].article_id} would be in no event`);
      }
      if (w.alerts.length) {
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [ALERT_ORDER_LOCK]);
        for (const a of w.alerts) {
          await tx.query(
            'INSERT INTO alerts (id, kind, event_id, version, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
            [a.id, a.kind, a.eventId, a.version, JSON.stringify(a), a.createdAt],
          );
        }
      }
      return true;
    });
  }

  async saveArticles(writes: ArticleWrite[]): Promise<void> {
    if (writes.length === 0) return;
    if (new Set(writes.map((w) => w.article.id)).size !== writes.length) throw new Error('saveArticles: an article is given twice');
    for (const w of writes) {
      if (w.extraction.articleId !== w.article.id) throw new Error(`extraction is for article ${w.extraction.articleId}, not ${w.article.id}`);
      if (w.events.length || w.versions.length || w.alerts.length) throw new Error(`saveArticles: the write of article ${w.article.id} changes events`);
    }
    // One statement (atomic alone, so no transaction around it) for every row of every write: the rows of each table
    // travel as one JSON array read as the table's row type (so each value takes its column's type), in the writes'
    // order. No ON CONFLICT on articles: an article stored already fails the statement, which writes nothing.
    const rows = writes.map((w) => ({ w, x: extractionToRows(w.extraction, w.at) }));
    const fromJson = (table: string, columns: readonly string[], values: object[], suffix = ''): { sql: string; params: unknown[] } => ({
      sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((c) => `r.${c}`).join(', ')}
            FROM json_populate_recordset(null::${table}, $1::json) WITH ORDINALITY AS r ORDER BY r.ordinality ${suffix}`,
      params: [JSON.stringify(values)],
    });
    const parts = [
      fromJson('articles', ARTICLE_COLUMNS, rows.map(({ w }) => articleToRow(w.article, w.at))),
      fromJson('extractions', EXTRACTION_COLUMNS, rows.map(({ x }) => x.extraction)),
    ];
    const claims = rows.flatMap(({ x }) => x.claims);
    if (claims.length) parts.push(fromJson('claims', CLAIM_COLUMNS, claims));
    const signed = writes.filter((w) => w.sources?.signature);
    if (signed.length) {
      parts.push({
        sql: `INSERT INTO article_signatures (article_id, minhash, shingles, indexed)
              SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::boolean[])
              ON CONFLICT (article_id) DO UPDATE SET minhash = excluded.minhash, shingles = excluded.shingles, indexed = excluded.indexed`,
        params: [
          signed.map((w) => w.article.id),
          signed.map((w) => bytesOf(w.sources?.signature as Uint32Array)),
          signed.map((w) => (w.sources?.shingles ? bytesOf(w.sources.shingles) : null)),
          signed.map((w) => isIndexed(w.article.id, w.sources ?? {})),
        ],
      });
    }
    // One row per copy: a later link of the same article replaces an earlier one, as one write after another would.
    const links = new Map<string, CopyLinkRow & { created_at: string }>();
    for (const w of writes) {
      for (const l of w.sources?.copies ?? []) {
        links.delete(l.articleId);
        links.set(l.articleId, { article_id: l.articleId, original_id: l.originalId, kind: l.kind, similarity: l.similarity, reason: l.reason, created_at: w.at });
      }
    }
    if (links.size) {
      parts.push(fromJson('copy_links', COPY_LINK_COLUMNS, [...links.values()],
        `ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, kind = excluded.kind,
           similarity = excluded.similarity, reason = excluded.reason, created_at = excluded.created_at`));
    }
    parts.push({ sql: 'SELECT 1', params: [] });
    const combined = combineInserts(parts);
    await this.announced(() => this.db.query(combined.sql, combined.params));
  }

  /**
   * Upserts an event with its article list, or deletes it when its articles were merged into another. Resolves
   * to the articles the event held before.
   */
  private async writeEvent(tx: Connection, event: LaunchEvent, at: string, summary?: StoredEventSummary): Promise<string[]> {
    const before = (await tx.query<{ article_id: string }>('DELETE FROM event_articles WHERE event_id = $1 RETURNING article_id', [event.id])).rows.map((r) => r.article_id);
    if (event.articleIds.length === 0) {
      await tx.query('DELETE FROM events WHERE id = $1', [event.id]);
      return before;
    }
    const upsert = insertMany('events', EVENT_COLUMNS, [eventToRow(event, at)],
      `ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, date_local = excluded.date_local, weekday = excluded.weekday,
         fields = excluded.fields, reference = excluded.reference, updated_at = excluded.updated_at`);
    await tx.query(upsert.sql, upsert.params);
    await tx.query(
      'INSERT INTO event_articles (event_id, article_id, position) SELECT $1, a.id, a.pos - 1 FROM unnest($2::text[]) WITH ORDINALITY AS a(id, pos)',
      [event.id, event.articleIds],
    );
    if (summary) {
      await tx.query(
        'INSERT INTO event_summaries (event_id, summary) VALUES ($1, $2) ON CONFLICT (event_id) DO UPDATE SET summary = excluded.summary',
        [event.id, JSON.stringify(summary)],
      );
    } else {
      await tx.query('DELETE FROM event_summaries WHERE event_id = $1', [event.id]);
    }
    return before;
  }

  async eventSummaries(eventIds: string[]): Promise<Map<string, StoredEventSummary>> {
    if (eventIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ event_id: string; summary: string }>('SELECT event_id, summary FROM event_summaries WHERE event_id = ANY($1::text[])', [eventIds]);
    return new Map(rows.map((r) => [r.event_id, JSON.parse(r.summary) as StoredEventSummary]));
  }

  async writeEvents({ events, deleted, at }: { events: LaunchEvent[]; deleted: string[]; at: string }): Promise<void> {
    if (!events.length && !deleted.length) return;
    await this.write(async (tx) => {
      if (deleted.length) await tx.query('DELETE FROM events WHERE id = ANY($1::text[])', [deleted]);
      for (const event of events) await this.writeEvent(tx, event, at);
      // Told by changesSince (migration 014).
      await tx.query('UPDATE event_rewrites SET generation = generation + 1, rewritten_at = $1', [at]);
    });
  }

  async eventHistory(eventId: string): Promise<EventVersion[]> {
    const { rows } = await this.db.query<VersionRow>('SELECT * FROM event_versions WHERE event_id = $1 ORDER BY version', [eventId]);
    return rows.map(rowToVersion);
  }

  async lastVersion(eventId: string): Promise<number> {
    return (await this.db.query<{ v: number | null }>('SELECT MAX(version) AS v FROM event_versions WHERE event_id = $1', [eventId])).rows[0]?.v ?? 0;
  }

  async copyLinks(articleId?: string): Promise<CopyLink[]> {
    const { rows } = articleId
      ? await this.db.query<CopyLinkRow>('SELECT * FROM copy_links WHERE article_id = $1 OR original_id = $1 ORDER BY created_at, article_id', [articleId])
      : await this.db.query<CopyLinkRow>('SELECT * FROM copy_links ORDER BY article_id');
    return rows.map(rowToCopyLink);
  }

  async copyLinksOf(articleIds: string[]): Promise<CopyLink[]> {
    if (articleIds.length === 0) return [];
    const { rows } = await this.db.query<CopyLinkRow>(
      'SELECT * FROM copy_links WHERE article_id = ANY($1::text[]) OR original_id = ANY($1::text[]) ORDER BY article_id',
      [articleIds],
    );
    return rows.map(rowToCopyLink);
  }

  async copyCandidates(ids: string[]): Promise<StoredCopyCandidate[]> {
    if (ids.length === 0) return [];
    // Two round trips for any number of candidates: the articles with their extraction rows and copy links,
    // then their claims.
    const { rows } = await this.db.query<ArticleRow & { extraction: ExtractionRow | null; original_id: string | null }>(
      `SELECT ${ARTICLE_COLUMNS.map((c) => `a.${c}`).join(', ')}, row_to_json(x) AS extraction, l.original_id
       FROM articles a LEFT JOIN extractions x ON x.article_id = a.id LEFT JOIN copy_links l ON l.article_id = a.id
       WHERE a.id = ANY($1::text[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const claims = groupBy(
      (await this.db.query<ClaimRow>('SELECT * FROM claims WHERE article_id = ANY($1::text[]) ORDER BY article_id, idx', [ids])).rows,
      (c) => c.article_id,
    );
    return ids.flatMap((id) => {
      const row = found.get(id);
      if (!row) return [];
      const extraction = row.extraction ? rowsToExtraction(row.extraction, claims.get(id) ?? []) : null;
      return [{ article: rowToArticle(row), extraction, copyOf: row.original_id }];
    });
  }

  async copySketches(ids: string[]): Promise<CopySketch[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<{ id: string; published_date: string | null; shingles: Buffer | null; claims: number; original_id: string | null }>(
      `SELECT a.id, a.published_date, s.shingles, (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id) AS claims, l.original_id
       FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id LEFT JOIN copy_links l ON l.article_id = a.id
       WHERE a.id = ANY($1::text[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = found.get(id);
      return r ? [{ articleId: r.id, published: r.published_date, claims: r.claims, shingles: r.shingles ? signatureOf(r.shingles) : null, copyOf: r.original_id }] : [];
    });
  }

  async copyOrigins(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.db.query<{ article_id: string; original_id: string }>(
      'SELECT article_id, original_id FROM copy_links WHERE article_id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.article_id, r.original_id]));
  }

  async changeCursor(): Promise<string> {
    const { rows } = await this.db.query<{ c: string; g: number }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS c, (SELECT generation FROM event_rewrites) AS g',
    );
    return formatChangeCursor(rows[0].c, rows[0].g);
  }

  async changesSince(cursor: string): Promise<StoreChanges> {
    // One statement, so the next cursor and the rows read come from one snapshot. Ingest asks this per article,
    // so its cost must follow the few rows it returns, not the table: the upper bound (true of every row the
    // snapshot sees) makes even a table without statistics look like a narrow range to the planner, which then
    // walks the written_xact index instead of scanning every article, and each row's signature and extraction are
    // looked up by key. The event rewrite generation comes from the same snapshot.
    const from = parseChangeCursor(cursor);
    const { rows } = await this.db.query<{ next: string; generation: number; id: string | null; minhash: Buffer | null; regroups: boolean | null }>(
      `WITH snap AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS next, (SELECT generation FROM event_rewrites) AS generation)
       SELECT snap.next, snap.generation, w.id, w.minhash, w.regroups FROM snap LEFT JOIN (
         SELECT a.id,
           (SELECT CASE WHEN s.indexed THEN s.minhash END FROM article_signatures s WHERE s.article_id = a.id) AS minhash,
           (COALESCE((SELECT x.is_launch_report FROM extractions x WHERE x.article_id = a.id), 0) = 1 OR EXISTS (
             SELECT 1 FROM copy_links c WHERE (c.article_id = a.id OR c.original_id = a.id)
               AND (SELECT cx.is_launch_report FROM extractions cx WHERE cx.article_id = c.article_id) = 1)) AS regroups
         FROM articles a
         WHERE a.written_xact >= $1::xid8 AND a.written_xact < pg_snapshot_xmax(pg_current_snapshot())
       ) w ON true`,
      [from.articles],
    );
    return {
      cursor: formatChangeCursor(rows[0].next, rows[0].generation),
      articles: rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, signature: r.minhash ? signatureOf(r.minhash) : null, regroups: r.regroups === true }])),
      eventsRewritten: rows[0].generation !== from.generation,
    };
  }

  async signatures(): Promise<{ articleId: string; signature: Uint32Array }[]> {
    const { rows } = await this.db.query<{ article_id: string; minhash: Buffer }>('SELECT article_id, minhash FROM article_signatures WHERE indexed');
    return rows.map((r) => ({ articleId: r.article_id, signature: signatureOf(r.minhash) }));
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = (await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS.join(', ')} FROM articles WHERE id = $1`, [id])).rows[0];
    return row ? rowToArticle(row) : null;
  }

  async getExtraction(articleId: string): Promise<Extraction | null> {
    const row = (await this.db.query<ExtractionRow>('SELECT * FROM extractions WHERE article_id = $1', [articleId])).rows[0];
    if (!row) return null;
    const claims = await this.db.query<ClaimRow>('SELECT * FROM claims WHERE article_id = $1 ORDER BY idx', [articleId]);
    return rowsToExtraction(row, claims.rows);
  }

  async listArticles(): Promise<ArticleSummary[]> {
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN extractions x ON x.article_id = a.id ORDER BY a.ingested_at, a.id`,
    );
    return rows.map(rowToSummary);
  }

  async listEvents(): Promise<LaunchEvent[]> {
    const members = groupBy(
      (await this.db.query<{ event_id: string; article_id: string }>('SELECT event_id, article_id FROM event_articles ORDER BY event_id, position')).rows,
      (r) => r.event_id,
    );
    const { rows } = await this.db.query<EventRow>('SELECT * FROM events ORDER BY date_local IS NULL, date_local, id');
    return rows.map((r) => rowToEvent(r, (members.get(r.id) ?? []).map((m) => m.article_id)));
  }

  async eventsOf(select: { ids: string[]; articleIds: string[] }): Promise<LaunchEvent[]> {
    // One statement, so each event comes with the articles it held in the same snapshot (a writer may be moving
    // reports between events meanwhile).
    const { rows } = await this.db.query<EventRow & { article_ids: string[] }>(
      `SELECT e.*, ARRAY(SELECT ea.article_id FROM event_articles ea WHERE ea.event_id = e.id ORDER BY ea.position) AS article_ids
       FROM events e WHERE e.id IN (
         SELECT unnest($1::text[]) UNION SELECT event_id FROM event_articles WHERE article_id = ANY($2::text[]))
       ORDER BY e.date_local IS NULL, e.date_local, e.id`,
      [select.ids, select.articleIds],
    );
    return rows.map(({ article_ids, ...r }) => rowToEvent(r, article_ids));
  }

  private async articlesOf(eventId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ article_id: string }>('SELECT article_id FROM event_articles WHERE event_id = $1 ORDER BY position', [eventId]);
    return rows.map((m) => m.article_id);
  }

  async getEvent(id: string): Promise<LaunchEvent | null> {
    const row = (await this.db.query<EventRow>('SELECT * FROM events WHERE id = $1', [id])).rows[0];
    return row ? rowToEvent(row, await this.articlesOf(id)) : null;
  }

  async findEvent(idPrefix: string): Promise<LaunchEvent | null> {
    if (idPrefix === '') return null; // an empty prefix names nothing, even with a single event stored
    // substr rather than LIKE, so '%' and '_' in a typed prefix are not wildcards.
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM events WHERE substr(id, 1, length($1)) = $1 LIMIT 2', [idPrefix]);
    return rows.length === 1 ? this.getEvent(rows[0].id) : null;
  }

  async launchExtractions(articleIds?: string[]): Promise<{ extraction: Extraction; published: string | null; source: string | null }[]> {
    // Two queries instead of one per article: this feeds a re-resolve of every launch report, or of some.
    const some = articleIds ? 'AND x.article_id = ANY($1::text[])' : '';
    const params = articleIds ? [articleIds] : [];
    const claims = groupBy(
      (await this.db.query<ClaimRow>(
        `SELECT c.* FROM claims c JOIN extractions x ON x.article_id = c.article_id
         WHERE x.is_launch_report = 1 ${some} ORDER BY c.article_id, c.idx`,
        params,
      )).rows,
      (c) => c.article_id,
    );
    const { rows } = await this.db.query<ExtractionRow & { published_date: string | null; article_source: string | null }>(
      `SELECT x.*, a.published_date, a.source AS article_source FROM extractions x JOIN articles a ON a.id = x.article_id
       WHERE x.is_launch_report = 1 ${some} ORDER BY a.published_date IS NULL, a.published_date, a.id`,
      params,
    );
    return rows.map((r) => ({ extraction: rowsToExtraction(r, claims.get(r.article_id) ?? []), published: r.published_date, source: r.article_source }));
  }

  async queryEvents(q: EventQuery): Promise<{ total: number; events: StoredEvent[] }> {
    const { filter, params } = eventWhere(q);
    const order = q.order === 'desc' ? 'date_local DESC NULLS LAST, id DESC' : 'date_local IS NULL, date_local, id';
    const total = (await this.db.query<{ n: number }>(`SELECT count(*) AS n FROM events ${filter}`, params)).rows[0]?.n ?? 0;
    const n = params.length;
    const { rows } = await this.db.query<EventRow>(`SELECT * FROM events ${filter} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, q.limit, q.offset]);
    const members = groupBy(
      (await this.db.query<{ event_id: string; article_id: string; language: string }>(
        `SELECT ea.event_id, ea.article_id, a.language FROM event_articles ea JOIN articles a ON a.id = ea.article_id
         WHERE ea.event_id = ANY($1::text[]) ORDER BY ea.event_id, ea.position`,
        [rows.map((r) => r.id)],
      )).rows,
      (r) => r.event_id,
    );
    return {
      total,
      events: rows.map((r) => {
        const of = members.get(r.id) ?? [];
        return { event: rowToEvent(r, of.map((m) => m.article_id)), updatedAt: r.updated_at, languages: languagesInOrder(of.map((m) => m.language)) };
      }),
    };
  }

  async countEventsBy(f: EventFilter, period: 'year' | 'month'): Promise<{ period: string; class: string | null; count: number }[]> {
    const { filter, params } = eventWhere(f);
    const len = period === 'year' ? 4 : 7;
    const { rows } = await this.db.query<{ period: string; class: string | null; count: number }>(
      `SELECT substr(date_local, 1, ${len}) AS period, ${EVENT_CLASS} AS class, count(*) AS count
       FROM events ${filter ? `${filter} AND` : 'WHERE'} date_local IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, ${EVENT_CLASS} COLLATE "C" NULLS FIRST`,
      params,
    );
    return rows;
  }

  async listArticlesPage(q: ArticlePageQuery): Promise<{ total: number; articles: ArticleSummary[] }> {
    const where: string[] = [];
    const params: string[] = [];
    if (q.launch !== undefined) where.push(`COALESCE(x.is_launch_report, 0) = ${q.launch ? 1 : 0}`);
    if (q.language !== undefined) where.push(`a.language = $${params.push(q.language)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = 'FROM articles a LEFT JOIN extractions x ON x.article_id = a.id';
    const total = (await this.db.query<{ n: number }>(`SELECT count(*) AS n ${from} ${filter}`, params)).rows[0]?.n ?? 0;
    const n = params.length;
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} ${from} ${filter} ORDER BY a.ingested_at DESC, a.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, q.limit, q.offset],
    );
    return { total, articles: rows.map(rowToSummary) };
  }

  async articleEventId(articleId: string): Promise<string | null> {
    return (await this.db.query<{ event_id: string | null }>('SELECT MIN(event_id) AS event_id FROM event_articles WHERE article_id = $1', [articleId])).rows[0]?.event_id ?? null;
  }

  /**
   * Matches found newest first (articles_by_ingested) and counted up to SEARCH_RANKED_MAX (or `page.ranked`): a
   * search matching more keeps its newest that many matches and its total is estimated (searchEstimate), nothing
   * counted. A search with Korean or Japanese parts whose rarest gram (013) the statistics put in fewer than
   * SEARCH_PROBE_FACTOR times the bound articles takes its matches from the gram index and counts them (up to that
   * many); else it first reads that many of the newest articles in those scripts (012) and stops there when it
   * finds enough. The hits are those matches ranked by the English words (ts_rank) when there are only such, else
   * newest first, as the SQLite store orders them (a Korean or Japanese substring has no rank); only the page's
   * articles are read for their snippets.
   */
  async searchArticles(query: string, page: { limit: number; offset: number; ranked?: number }): Promise<{ total: number; estimated: boolean; hits: SearchHit[] }> {
    const cond = searchCondition(query);
    if (cond === null) return { total: 0, estimated: false, hits: [] };
    const n = cond.params.length;
    const max = page.ranked ?? SEARCH_RANKED_MAX;
    const probe = max * SEARCH_PROBE_FACTOR;
    // Planned for its own words every time: the best plan depends on them (a word in most articles: walk the
    // newest first and stop; a rare one: the index), and the generic plan PostgreSQL gives a prepared statement
    // after five runs scanned every article for a common Korean character (1.2 s instead of 30 ms).
    const { newest, probed, counted } = await this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL plan_cache_mode = force_custom_plan');
      const grams = gramCondition(cond.substrings);
      if (grams && (await fewestHolding(tx, grams.params)) <= probe) {
        // Rare grams: every match, up to `probe` of them in any order (the index's), then the newest. Fewer than
        // that are all of them, counted.
        const { rows } = await tx.query<{ id: string; found: number }>(
          `SELECT s.id, count(*) OVER () AS found FROM (SELECT a.id, a.ingested_at FROM articles a WHERE ${cond.where} AND ${grams.sql(n + 1)} LIMIT $${n + grams.params.length + 1}) s
           ORDER BY s.ingested_at DESC, s.id DESC LIMIT $${n + grams.params.length + 2}`,
          [...cond.params, ...grams.params, probe + 1, max + 1],
        );
        const found = rows[0]?.found ?? 0;
        if (found <= probe) return { newest: rows.map((r) => r.id), probed: 0, counted: found };
      }
      // A Korean or Japanese part: the newest such articles first, `probe` of them at most, each tested by its text.
      if (cond.substrings.length) {
        const { rows } = await tx.query<{ id: string; row: string }>(
          `SELECT s.id, s.row FROM (SELECT a.id, a.ingested_at, row_number() OVER (ORDER BY a.ingested_at DESC, a.id DESC) AS row, ${cond.scanWhere} AS hit
             FROM articles a WHERE a.unspaced ORDER BY a.ingested_at DESC, a.id DESC LIMIT $${n + 1}) s
           WHERE s.hit ORDER BY s.ingested_at DESC, s.id DESC LIMIT $${n + 2}`,
          [...cond.params, probe, max + 1],
        );
        if (rows.length > max) return { newest: rows.map((r) => r.id), probed: Number(rows[rows.length - 1].row), counted: null };
      }
      if (grams) {
        // Common grams, yet fewer matches than the bound among the newest articles (parts that seldom meet, "의 北"):
        // every match, newest first, from the articles holding all the grams, which the index intersects. Not by
        // the walk over the newest articles the planner picks when it multiplies the grams' shares, which reads
        // every article when the parts never meet (1.2–1.6 s at 100,000).
        await tx.query('SET LOCAL enable_seqscan = off');
        await tx.query('SET LOCAL enable_indexscan = off');
        const { rows } = await tx.query<{ id: string }>(
          `SELECT a.id FROM articles a WHERE ${cond.where} AND ${grams.sql(n + 1)} ORDER BY a.ingested_at DESC, a.id DESC LIMIT $${n + grams.params.length + 1}`,
          [...cond.params, ...grams.params, max + 1],
        );
        return { newest: rows.map((r) => r.id), probed: 0, counted: null };
      }
      const { rows } = await tx.query<{ id: string }>(
        `SELECT a.id FROM articles a WHERE ${cond.where} ORDER BY a.ingested_at DESC, a.id DESC LIMIT $${n + 1}`,
        [...cond.params, max + 1],
      );
      return { newest: rows.map((r) => r.id), probed: 0, counted: null };
    });
    const estimated = newest.length > max;
    const matches = newest.slice(0, max);
    const rankParams = cond.tsqueryParams.length;
    const order = cond.tsquery && cond.substrings.length === 0
      ? (await this.db.query<{ id: string }>(
          `SELECT a.id FROM articles a WHERE a.id = ANY($${rankParams + 1}::text[]) ORDER BY ts_rank(a.search_en, ${cond.tsquery}) DESC, a.id`,
          [...cond.tsqueryParams, matches],
        )).rows.map((r) => r.id)
      : matches;
    const pageIds = order.slice(page.offset, page.offset + page.limit);
    // ts_headline marks the English words; substring matches are marked afterwards, on the same text.
    const headline = cond.tsquery
      ? `ts_headline('english', a.text, ${cond.tsquery}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…')`
      : 'a.text';
    const { rows } = pageIds.length
      ? await this.db.query<SummaryRow & { snippet: string; text: string }>(
          `SELECT ${SUMMARY_COLUMNS}, ${headline} AS snippet, a.text
           FROM articles a LEFT JOIN extractions x ON x.article_id = a.id WHERE a.id = ANY($${rankParams + 1}::text[])`,
          [...cond.tsqueryParams, pageIds],
        )
      : { rows: [] };
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      total: estimated ? (counted ?? Math.max(max + 1, await this.searchEstimate(cond, newest.length, probed))) : newest.length,
      estimated,
      hits: pageIds.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        const snippet = cond.substrings.length ? (substringSnippet(cond.tsquery ? r.snippet : r.text, cond.substrings) ?? r.snippet) : r.snippet;
        return [{ ...rowToSummary(r), snippet }];
      }),
    };
  }

  /**
   * About how many articles match a search over the bound: found among the newest Korean or Japanese articles
   * (`probed` of them read for `found` matches), that share of every such article; else the planner's estimate
   * of the matches. The number of such articles is their index's (012) entry count as the catalogue keeps it
   * (reltuples, updated by every VACUUM and ANALYZE, autovacuum's included), at least the articles read; counted
   * only while the catalogue has none (0 or -1: a young table, built empty, where the planner's guess is far off).
   */
  private async searchEstimate(cond: SearchCondition, found: number, probed: number): Promise<number> {
    if (probed > 0) {
      const kept = (await this.db.query<{ n: number }>("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass('articles_unspaced_by_ingested')")).rows[0]?.n ?? -1;
      const unspaced = kept > 0 ? Math.max(kept, probed) : ((await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE unspaced')).rows[0]?.n ?? 0);
      return Math.round((found / probed) * unspaced);
    }
    return plannedRows(this.db, `SELECT 1 FROM articles a WHERE ${cond.where}`, cond.params);
  }

  async counts(): Promise<{ events: number; articles: number }> {
    const { rows } = await this.db.query<{ events: number; articles: number }>(
      'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM articles) AS articles',
    );
    return rows[0];
  }

  async dataVersion(): Promise<string> {
    // The sequence is bumped after every committed write by any process (see `write`).
    return String((await this.db.query<{ v: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM data_version')).rows[0].v);
  }

  // ---- live: watched sources, their items, alerts and webhook deliveries ----

  async syncWatchSources(sources: WatchSourceConfig[]): Promise<void> {
    const stamp = this.now().toISOString();
    await this.write(async (tx) => {
      await tx.query('UPDATE watch_sources SET active = 0');
      for (const src of sources) {
        await tx.query(
          `INSERT INTO watch_sources (url, kind, interval_s, active, added_at) VALUES ($1, $2, $3, 1, $4)
           ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, interval_s = excluded.interval_s, active = 1`,
          [src.url, src.kind, src.intervalS, stamp],
        );
      }
    });
  }

  async listWatchSources(): Promise<WatchSourceState[]> {
    type Row = { url: string; kind: string; interval_s: number; active: number; last_poll: string | null; last_success: string | null; last_error: string | null; etag: string | null; last_modified: string | null; added_at: string; seen: number; done: number; failed: number; pending: number };
    const { rows } = await this.db.query<Row>(
      `SELECT s.*,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url) AS seen,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'done') AS done,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'failed') AS failed,
         (SELECT count(*) FROM watch_items i WHERE i.source_url = s.url AND i.status = 'pending') AS pending
       FROM watch_sources s ORDER BY s.active DESC, s.url`,
    );
    return rows.map((r) => ({
      url: r.url, kind: r.kind, intervalS: r.interval_s, active: r.active === 1, lastPoll: r.last_poll, lastSuccess: r.last_success,
      lastError: r.last_error, etag: r.etag, lastModified: r.last_modified, itemsSeen: r.seen, itemsDone: r.done, itemsFailed: r.failed,
      itemsPending: r.pending, addedAt: r.added_at,
    }));
  }

  async recordPoll(url: string, poll: { at: string; error: string | null; etag?: string | null; lastModified?: string | null }): Promise<void> {
    await this.write((tx) =>
      tx.query(
        `UPDATE watch_sources SET last_poll = $1, last_error = $2, last_success = COALESCE($3, last_success),
           etag = CASE WHEN $4::boolean THEN $5 ELSE etag END, last_modified = CASE WHEN $6::boolean THEN $7 ELSE last_modified END
         WHERE url = $8`,
        [poll.at, poll.error, poll.error === null ? poll.at : null, poll.etag !== undefined, poll.etag ?? null, poll.lastModified !== undefined, poll.lastModified ?? null, url],
      ),
    );
  }

  async addWatchItems(sourceUrl: string, items: { key: string; url: string }[], at: string): Promise<number> {
    if (items.length === 0) return 0;
    return this.write(async (tx) => {
      const { rowCount } = await tx.query(
        `INSERT INTO watch_items (source_url, item_key, url, first_seen, status)
         SELECT $1, i.key, i.url, $4, 'pending' FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS i(key, url, n) ORDER BY i.n
         ON CONFLICT (source_url, item_key) DO NOTHING`,
        [sourceUrl, items.map((i) => i.key), items.map((i) => i.url), at],
      );
      return rowCount;
    });
  }

  async pendingWatchItems(sourceUrl: string): Promise<WatchItem[]> {
    type Row = { source_url: string; item_key: string; url: string; status: WatchItem['status']; attempts: number; last_error: string | null; article_id: string | null; first_seen: string };
    const { rows } = await this.db.query<Row>("SELECT * FROM watch_items WHERE source_url = $1 AND status = 'pending' ORDER BY first_seen, seq", [sourceUrl]);
    return rows.map((r) => ({ sourceUrl: r.source_url, key: r.item_key, url: r.url, status: r.status, attempts: r.attempts, lastError: r.last_error, articleId: r.article_id, firstSeen: r.first_seen }));
  }

  async finishWatchItem(sourceUrl: string, key: string, o: { status: WatchItem['status']; error: string | null; articleId: string | null; at: string }): Promise<void> {
    await this.write((tx) =>
      tx.query(
        `UPDATE watch_items SET status = $1, attempts = attempts + 1, last_error = $2, article_id = COALESCE($3, article_id), done_at = $4
         WHERE source_url = $5 AND item_key = $6`,
        [o.status, o.error, o.articleId, o.status === 'pending' ? null : o.at, sourceUrl, key],
      ),
    );
  }

  async listAlerts(q: { afterSeq?: number; limit: number; newestFirst?: boolean }): Promise<Alert[]> {
    const { rows } = await this.db.query<AlertRow>(`SELECT * FROM alerts WHERE seq > $1 ORDER BY seq ${q.newestFirst ? 'DESC' : 'ASC'} LIMIT $2`, [q.afterSeq ?? 0, q.limit]);
    return rows.map(rowToAlert);
  }

  async enqueueAlerts(webhookUrl: string, at: string): Promise<number> {
    return this.write(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [ALERT_ORDER_LOCK]);
      const max = (await tx.query<{ m: number | null }>('SELECT MAX(seq) AS m FROM alerts')).rows[0]?.m ?? 0;
      const cursor = (await tx.query<{ cursor: number }>('SELECT cursor FROM webhooks WHERE url = $1', [webhookUrl])).rows[0]?.cursor;
      if (cursor === undefined) {
        await tx.query('INSERT INTO webhooks (url, cursor, added_at) VALUES ($1, $2, $3)', [webhookUrl, max, at]);
        return 0;
      }
      if (max <= cursor) return 0;
      const { rowCount } = await tx.query(
        `INSERT INTO webhook_deliveries (alert_id, webhook_url, status, attempts, next_attempt, created_at)
         SELECT id, $1, 'pending', 0, $2, created_at FROM alerts WHERE seq > $3 AND seq <= $4 ORDER BY seq
         ON CONFLICT (alert_id, webhook_url) DO NOTHING`,
        [webhookUrl, at, cursor, max],
      );
      await tx.query('UPDATE webhooks SET cursor = $1 WHERE url = $2', [max, webhookUrl]);
      return rowCount;
    });
  }

  async dueDeliveries(now: string, limit: number): Promise<{ delivery: Delivery; payload: AlertPayload }[]> {
    const { rows } = await this.db.query<DeliveryRow & { payload: string }>(
      `SELECT d.*, a.payload FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE d.status = 'pending' AND d.next_attempt <= $1 ORDER BY a.seq LIMIT $2`,
      [now, limit],
    );
    return rows.map(rowToDueDelivery);
  }

  async nextDeliveryAt(): Promise<string | null> {
    return (await this.db.query<{ t: string | null }>("SELECT MIN(next_attempt) AS t FROM webhook_deliveries WHERE status = 'pending'")).rows[0]?.t ?? null;
  }

  async recordDelivery(alertId: string, webhookUrl: string, r: { status: Delivery['status']; attempts: number; nextAttempt: string | null; error: string | null; deliveredAt: string | null }): Promise<void> {
    await this.write((tx) =>
      tx.query(
        `UPDATE webhook_deliveries SET status = $1, attempts = $2, next_attempt = $3, last_error = $4, delivered_at = $5
         WHERE alert_id = $6 AND webhook_url = $7`,
        [r.status, r.attempts, r.nextAttempt, r.error, r.deliveredAt, alertId, webhookUrl],
      ),
    );
  }

  async listDeliveries(webhookUrl?: string): Promise<Delivery[]> {
    const { rows } = webhookUrl
      ? await this.db.query<DeliveryRow>('SELECT d.* FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE webhook_url = $1 ORDER BY a.seq', [webhookUrl])
      : await this.db.query<DeliveryRow>('SELECT d.* FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id ORDER BY a.seq, d.webhook_url');
    return rows.map(rowToDelivery);
  }
}

/** The rows the planner expects a query to return (its estimate from the table statistics, nothing counted). */
async function plannedRows(db: Connection, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return Math.round(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * About how many articles hold the rarest of `grams` (which every match holds): the planner's estimate for each
 * gram alone (the array statistics count the common ones), the fewest. Not the estimate for all of them at once,
 * which multiplies their shares as if they were independent, and the pairs of one phrase are not: "住民の意見"
 * in 28% of the articles was estimated at a few.
 */
async function fewestHolding(db: Connection, grams: string[]): Promise<number> {
  const each = grams.map((_, i) => `SELECT 1 FROM articles a WHERE a.unspaced AND a.grams @> ARRAY[lower($${i + 1})]`);
  type Plan = { 'Node Type': string; 'Plan Rows': number; Plans?: Plan[] };
  const { rows } = await db.query<{ 'QUERY PLAN': { Plan: Plan }[] }>(`EXPLAIN (FORMAT JSON) ${each.join(' UNION ALL ')}`, grams);
  const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!plan) return 0;
  const parts = grams.length > 1 && plan['Node Type'] === 'Append' ? (plan.Plans ?? []) : [plan];
  return Math.round(Math.min(...parts.map((p) => p['Plan Rows'])));
}
