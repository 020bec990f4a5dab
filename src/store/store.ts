// The storage contract: every read and write of stored data goes through `Store`, so the embedded SQLite store
// and a server store (PostgreSQL) are interchangeable and tested by one contract suite (test/store.contract.ts).
// The store keeps records; it computes nothing about them: event versions and alerts arrive precomputed
// (src/app/history.ts) and are written with the article that caused them, in one transaction.
import type { ImpactEstimate } from '../resolve/impact.js';
import type { Article, ArticleSummary, CopyLink, EventVersion, Extraction, FieldChange, FieldName, FieldValue, Language, LaunchEvent } from '../types.js';

export type { ArticleSummary } from '../types.js';

/**
 * The start of the message with which `saveArticle` refuses a write that would take a launch report out of an
 * event without putting it in another: every stored launch report is in exactly one event (src/app/integrity.ts
 * checks and repairs the whole table), and a write made from a stale view of the events must not break that.
 */
export const MEMBERSHIP_LOST = 'event membership lost';

/** The grouping-lock key of a unit that may change any event (see `Store.withEventLock`). */
export const EVERY_EVENT_KEY = '*';

/** A report's closest other report of its event, how alike they are and why (the event page shows it). */
export interface ClosestSibling {
  articleId: string;
  kind: string;
  /** Unrounded, so the closest can be kept up to date as reports arrive and still be the one a full comparison picks. */
  similarity: number;
  reason: string;
}

/**
 * What the event page, `salvo show` and the CSV show beside an event, computed by ingest when it writes the
 * event (src/app/event-summary.ts), so reading an event compares no reports. A summary whose `members` are not the
 * event's reports is stale and not used; an event written without a summary loses its old one.
 */
export interface StoredEventSummary {
  /** The event's reports when the summary was made, in the event's order. */
  members: string[];
  /** Each report's closest other report; null for all beyond CLOSEST_SIBLING_MAX_REPORTS reports. */
  closest: Record<string, ClosestSibling | null>;
  impact: ImpactEstimate | null;
  /**
   * What the event page and the CSV show of each report, by article id, so they read no article text; absent
   * from summaries written before it existed (readers then load the articles).
   */
  reports?: Record<string, ReportFacts>;
}

/** How a report of an event is named and cited (see StoredEventSummary.reports). */
export interface ReportFacts {
  /** Where it came from, as stored (publicOrigin hides server folders when shown). */
  origin: string;
  source: string | null;
  url: string | null;
  title: string | null;
  /** The title, else the first line of its text (displayTitle). */
  headline: string;
  language: Language;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** Everyone its claims quote (saidBy), distinct, in claim order. */
  saidBy: string[];
}

/** What ingest learned about an article's sources, saved with it in the same transaction. */
export interface ArticleSources {
  /** MinHash signature of the text (128 × uint32). */
  signature?: Uint32Array | null;
  /** The text's shingle hashes (sorted, distinct), stored beside the signature so no check splits the text again. */
  shingles?: Uint32Array | null;
  /**
   * Whether the signature joins the near-duplicate index (`signatures`, `changesSince`): only originals do. By
   * default true unless `copies` links this article as a copy.
   */
  indexed?: boolean;
  copies?: CopyLink[];
}

/** Whether an article's signature joins the near-duplicate index (see ArticleSources.indexed). */
export const isIndexed = (articleId: string, sources: ArticleSources): boolean =>
  sources.indexed ?? !(sources.copies ?? []).some((l) => l.articleId === articleId);


/** Filters for events (the HTTP API's event list, chart and exports). */
export interface EventFilter {
  /** Earliest launch date, YYYY-MM-DD (inclusive); undated events are left out when from or to is set. */
  from?: string;
  /** Latest launch date, YYYY-MM-DD (inclusive). */
  to?: string;
  /** Missile class (the `class` field's value). */
  class?: string;
  /** Site key (the `site` field's value). */
  site?: string;
  actor?: string;
  /** Events with at least one report in this language. */
  language?: Language;
}

/** Filters, order and paging for events. */
export interface EventQuery extends EventFilter {
  /** Newest first when 'desc'; oldest first (undated last) by default. */
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Filters and paging for the article list. */
export interface ArticlePageQuery {
  limit: number;
  offset: number;
  launch?: boolean;
  language?: Language;
}

/** An event with the time it was last written and the languages of its reports (in the order of LANGUAGES). */
export interface StoredEvent {
  event: LaunchEvent;
  updatedAt: string;
  languages: Language[];
}

/** One article found by full-text search. `snippet` marks matched words with \u0002 … \u0003. */
export interface SearchHit extends ArticleSummary {
  snippet: string;
}

/** Everything one ingested article writes, saved as one unit by `Store.saveArticle`. */
export interface ArticleWrite {
  article: Article;
  extraction: Extraction;
  /**
   * The events the article changed, upserted by id (fields and article lists replaced, article order kept).
   * An event with no articles left (merged into another) is deleted.
   */
  events: LaunchEvent[];
  /** New event versions caused by this article (computed by the app from the stored previous state). */
  versions: EventVersion[];
  /** Alerts caused by this article; an alert whose id is already stored is skipped. */
  alerts: AlertPayload[];
  sources?: ArticleSources;
  /** Summaries of some of the events written, by event id (an event written without one loses its old one). */
  summaries?: Record<string, StoredEventSummary>;
  /** When the write happens (ISO 8601): stamps the article's ingest time and the events' update time. */
  at: string;
}

/** Reads and writes of stored data; a `Store` is this plus the lock and `close`. */
/** What `StoreSession.changesSince` reports. */
export interface StoreChanges {
  cursor: string;
  articles: { id: string; signature: Uint32Array | null; regroups: boolean }[];
  /**
   * True when the event table was written on its own (`writeEvents`: a rebuild or repair) since the cursor was
   * taken: events may have changed in ways no article written tells, so whatever was built from them (a
   * resolver) must be built again from the whole store.
   */
  eventsRewritten: boolean;
}

/**
 * A change cursor as both stores make it: where their read of written articles stands, and the generation of
 * event rewrites (`writeEvents`) seen. Opaque to callers.
 */
export const formatChangeCursor = (articles: string, generation: number): string => `${articles}:${generation}`;

/** The parts of a cursor made by formatChangeCursor; rejects any other string. */
export function parseChangeCursor(cursor: string): { articles: string; generation: number } {
  const at = cursor.lastIndexOf(':');
  const generation = Number(cursor.slice(at + 1));
  if (at <= 0 || !Number.isSafeInteger(generation)) throw new Error(`not a change cursor: ${cursor}`);
  return { articles: cursor.slice(0, at), generation };
}

/** What copy detection compares of a stored article first (see `StoreSession.copySketches`). */
export interface CopySketch {
  articleId: string;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** Claims in its extraction (the more complete of two same-day copies is the original). */
  claims: number;
  /** Its stored shingle hashes, or null when it was stored without them (compare its text then). */
  shingles: Uint32Array | null;
  /** The original it is linked to as a copy, or null. */
  copyOf: string | null;
}

/** A stored article with what copy detection needs beside it (see `StoreSession.copyCandidates`). */
export interface StoredCopyCandidate {
  article: Article;
  extraction: Extraction | null;
  copyOf: string | null;
}

export interface StoreSession {
  /** True when an article with this content hash is already stored. */
  hasArticle(id: string): Promise<boolean>;
  /**
   * Writes an article with its extraction, sources, changed events, versions and alerts, all in one
   * transaction: either everything is written or nothing is. An article already stored (same content hash)
   * is left as it is and nothing else of the call is written: resolves false then, true when written.
   * Rejects, writing nothing, when the extraction is not the article's or a value cannot be stored, or when the
   * events written would leave a launch report they held in no event (MEMBERSHIP_LOST).
   */
  saveArticle(write: ArticleWrite): Promise<boolean>;
  /**
   * Writes several articles that change no event (every write without events, versions or alerts), each as
   * `saveArticle` would, all in one transaction: every one is written or, when any cannot be (one stored already,
   * a value that cannot be stored, an article given twice), none is and it rejects. For a server store, where it
   * saves round trips; a store without it is written one article at a time.
   */
  saveArticles?(writes: ArticleWrite[]): Promise<void>;
  /**
   * Writes events on their own, for a rebuild or repair of the event table: upserts `events` (fields and article
   * lists replaced, stamped `at`) and deletes the events in `deleted`, all in one transaction. No version or alert
   * is written; the summaries of the events written are deleted (a reader computes them again). Run it under the grouping lock (`withEventLock([EVERY_EVENT_KEY], …)`) so no ingest interleaves.
   * A call that writes something is told by `changesSince` (`eventsRewritten`) to every process holding a cursor
   * taken before it; one with nothing to write writes nothing.
   */
  writeEvents(write: { events: LaunchEvent[]; deleted: string[]; at: string }): Promise<void>;
  /** The stored summaries of these events, by id (events without one left out). */
  eventSummaries(eventIds: string[]): Promise<Map<string, StoredEventSummary>>;
  /** Every version of an event, oldest first: what changed, when, and which report's claim changed it. */
  eventHistory(eventId: string): Promise<EventVersion[]>;
  /** The newest version number of an event (0 when it has none), for numbering the next one. */
  lastVersion(eventId: string): Promise<number>;
  /** Copy links touching an article (as copy or as original), or all of them. */
  copyLinks(articleId?: string): Promise<CopyLink[]>;
  /**
   * The copy links touching any of these articles (as copy or as original), each once, by copy's article id: one
   * read for many articles, so bringing a resolver up to date costs the same few reads however many it touches.
   */
  copyLinksOf(articleIds: string[]): Promise<CopyLink[]>;
  /**
   * Stored articles as copy detection compares them: each with its extraction and the original it is linked to
   * as a copy (null when none), in the order of `ids`; ids not stored are left out. One read for many articles.
   */
  copyCandidates(ids: string[]): Promise<StoredCopyCandidate[]>;
  /**
   * Stored articles as copy detection compares them first — shingles, date, claim count, copy link — without
   * their texts, in the order of `ids`; ids not stored are left out. One read for many articles.
   */
  copySketches(ids: string[]): Promise<CopySketch[]>;
  /**
   * The original each of these articles is linked to as a copy, by article id (ids without a link left out):
   * for a caller that keeps the unchanging rest of `copySketches` or `copyCandidates` and needs only the links,
   * which later writes may add. One read for many articles.
   */
  copyOrigins(ids: string[]): Promise<Map<string, string>>;
  /**
   * A point in the store's history to ask `changesSince` about later. Take it before reading the state a cache
   * is built from: a write that lands meanwhile is then both in the state and among the changes.
   */
  changeCursor(): Promise<string>;
  /**
   * The articles written since `cursor` was taken (some written before may come again: callers skip those they
   * know), each with its MinHash signature when it joins the near-duplicate index (null otherwise) and whether its write may have regrouped events, and the cursor to
   * ask from next. A write regroups when it stored a launch report or linked a launch report as a copy. Also
   * whether the event table was rewritten on its own since (`eventsRewritten`).
   */
  changesSince(cursor: string): Promise<StoreChanges>;
  /** Stored MinHash signatures of the articles in the near-duplicate index (originals), to rebuild it. */
  signatures(): Promise<{ articleId: string; signature: Uint32Array }[]>;
  getArticle(id: string): Promise<Article | null>;
  getExtraction(articleId: string): Promise<Extraction | null>;
  /** Article summaries in ingest order (then id). */
  listArticles(): Promise<ArticleSummary[]>;
  /** All events, oldest launch date first (undated last), then by id. */
  listEvents(): Promise<LaunchEvent[]>;
  /**
   * The events with one of these ids or holding one of these articles, in the order of `listEvents`; ids of no
   * stored event are left out. For a resolver that reads again only the events other processes' writes may have
   * changed, not every event.
   */
  eventsOf(select: { ids: string[]; articleIds: string[] }): Promise<LaunchEvent[]>;
  getEvent(id: string): Promise<LaunchEvent | null>;
  /** Finds an event by id prefix (for short ids typed on the command line); null when none or ambiguous. */
  findEvent(idPrefix: string): Promise<LaunchEvent | null>;
  /**
   * Every stored extraction whose article is a launch report, with its article's published date and outlet, by
   * that date (undated last), then article id. Given `articleIds`, only those of these articles (in the same order).
   */
  launchExtractions(articleIds?: string[]): Promise<{ extraction: Extraction; published: string | null; source: string | null }[]>;
  /** Events matching the filters, one page of them, and how many match in all. */
  queryEvents(query: EventQuery): Promise<{ total: number; events: StoredEvent[] }>;
  /** Dated events matching the filters, counted per year (YYYY) or month (YYYY-MM) and class. */
  countEventsBy(filter: EventFilter, period: 'year' | 'month'): Promise<{ period: string; class: string | null; count: number }[]>;
  /**
   * Articles newest first, one page of them (launch reports only when `launch` is true, others when false;
   * only those in `language` when it is given).
   */
  listArticlesPage(query: ArticlePageQuery): Promise<{ total: number; articles: ArticleSummary[] }>;
  /** The event an article belongs to, or null. */
  articleEventId(articleId: string): Promise<string | null>;
  /**
   * Full-text search over article titles and texts. `query` is what a person typed: words (all must occur,
   * the last may be a prefix) and "quoted phrases"; it is never parsed as query syntax. A search by words
   * matching more than SEARCH_RANKED_MAX articles is ranked among its newest SEARCH_RANKED_MAX matches only (pages
   * beyond them are empty) and its `total` is an estimate (`estimated`), above SEARCH_RANKED_MAX (`page.ranked`
   * replaces that bound, for tests).
   */
  searchArticles(query: string, page: { limit: number; offset: number; ranked?: number }): Promise<{ total: number; estimated: boolean; hits: SearchHit[] }>;
  /** How many events and articles are stored. */
  counts(): Promise<{ events: number; articles: number }>;
  /**
   * A value that changes whenever the stored data may have changed, by this process or another one, so a
   * reader can tell when a cached answer is stale.
   */
  dataVersion(): Promise<string>;

  // ---- live: watched sources, their items, alerts and webhook deliveries ----
  /** Adds or updates the configured sources; sources no longer configured are kept but marked inactive. */
  syncWatchSources(sources: WatchSourceConfig[]): Promise<void>;
  /** Every source ever configured, active ones first, with what their last poll found. */
  listWatchSources(): Promise<WatchSourceState[]>;
  /** Records a poll: its time, its error (null when it went well) and the feed's new validators. */
  recordPoll(url: string, poll: { at: string; error: string | null; etag?: string | null; lastModified?: string | null }): Promise<void>;
  /** Records items a source lists; resolves to how many were not seen before. */
  addWatchItems(sourceUrl: string, items: { key: string; url: string }[], at: string): Promise<number>;
  /** Items of a source still to be fetched and ingested, oldest first. */
  pendingWatchItems(sourceUrl: string): Promise<WatchItem[]>;
  /** One attempt at an item: done (ingested or already stored), failed for good, or still pending. */
  finishWatchItem(sourceUrl: string, key: string, outcome: { status: WatchItem['status']; error: string | null; articleId: string | null; at: string }): Promise<void>;
  /** Alerts in creation order (or newest first), after a sequence number. */
  listAlerts(query: { afterSeq?: number; limit: number; newestFirst?: boolean }): Promise<Alert[]>;
  /**
   * Queues every alert created since the webhook's last call for delivery to it. A webhook seen for the first
   * time starts from now (no backlog). Resolves to how many were queued.
   */
  enqueueAlerts(webhookUrl: string, at: string): Promise<number>;
  /** Pending deliveries whose next attempt is due at `now`, with their alerts. */
  dueDeliveries(now: string, limit: number): Promise<{ delivery: Delivery; payload: AlertPayload }[]>;
  /** The earliest next attempt of a pending delivery, or null. */
  nextDeliveryAt(): Promise<string | null>;
  recordDelivery(alertId: string, webhookUrl: string, result: { status: Delivery['status']; attempts: number; nextAttempt: string | null; error: string | null; deliveredAt: string | null }): Promise<void>;
  /** The delivery log, for one webhook or all. */
  listDeliveries(webhookUrl?: string): Promise<Delivery[]>;
}

/**
 * A store: the session methods plus the grouping lock and `close`. Every method returns a promise, so a store
 * may talk to a server; a store may also do its work synchronously inside them (the SQLite store does).
 */
export interface Store extends StoreSession {
  /**
   * Runs `fn` as one unit that holds the event-grouping lock for `keys`: while it runs, no other unit holding
   * any of the same keys runs, in this process or (on a server store) any other. Ingest uses it around the
   * read-group-write sequence (read the events a report may join and their last versions, group the report,
   * save it with its versions and alerts) so that two workers ingesting two reports of the same launch make
   * one event, not two, and number its versions without gaps or clashes. Keys are opaque strings chosen by
   * the caller, in any order; ingest passes `actor:<actor>` for a launch report (an undated report may join,
   * and a dated one absorb, any event of its actor, so a per-day key alone would not cover it) and none for
   * other articles. A report without an actor may join any actor's event, so it passes EVERY_EVENT_KEY, which
   * excludes every other keyed unit while it runs.
   *
   * `fn` reads and writes through the session it is given. Every `saveArticle` in it is atomic on its own; a
   * server store may also run the whole unit as one transaction (locks held until it ends), so `fn` should do
   * only store work and in-memory computation, never slow input/output. The unit resolves to `fn`'s result
   * and rejects with its error. Units do not nest (`fn` must not call `withEventLock`). On SQLite one
   * in-process queue covers every key (SQLite itself allows one writer at a time).
   */
  withEventLock<T>(keys: string[], fn: (session: StoreSession) => Promise<T>): Promise<T>;
  /** Releases the connection(s); the store is unusable afterwards. */
  close(): Promise<void>;
}

/** A source as configured for `salvo watch`. */
export interface WatchSourceConfig {
  url: string;
  /** 'feed' (RSS or Atom), 'sitemap', or 'auto' (told by the document's root element). */
  kind: string;
  intervalS: number;
}

export interface WatchSourceState extends WatchSourceConfig {
  active: boolean;
  lastPoll: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Distinct items the source has listed. */
  itemsSeen: number;
  itemsDone: number;
  itemsFailed: number;
  itemsPending: number;
  addedAt: string;
}

export interface WatchItem {
  sourceUrl: string;
  key: string;
  url: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  lastError: string | null;
  articleId: string | null;
  firstSeen: string;
}

export type AlertKind = 'new-event' | 'field-changed' | 'disputed';

/** The JSON an alert carries (and each webhook receives). */
export interface AlertPayload {
  id: string;
  kind: AlertKind;
  eventId: string;
  version: number;
  createdAt: string;
  /** One line for people ("DPRK launch on 2034-06-02: distance_km 410 → 420"). */
  title: string;
  event: {
    id: string;
    actor: string | null;
    dateLocal: string | null;
    reports: number;
    fields: Record<FieldName, FieldValue | null>;
    disputed: FieldName[];
  };
  /** The changes of this version (for a new event: the values it starts with). */
  changes: FieldChange[];
  /** The fields that became disputed (kind 'disputed'). */
  disputed: FieldName[];
}

/** A stored alert. */
export interface Alert {
  /** Order of creation, 1, 2, … */
  seq: number;
  id: string;
  kind: AlertKind;
  eventId: string;
  version: number;
  createdAt: string;
  payload: AlertPayload;
}

/** One delivery of an alert to a webhook. */
export interface Delivery {
  alertId: string;
  webhookUrl: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttempt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}
