import type { Article, ArticleSummary, CopyLink, EventVersion, Extraction, LaunchEvent } from '../types.js';

export type { ArticleSummary } from '../types.js';
import type { Alert, AlertPayload, Delivery } from './alerts.js';

export type { Alert, AlertKind, AlertPayload, Delivery } from './alerts.js';

/** What ingest learned about an article's sources, saved with it in the same transaction. */
export interface ArticleSources {
  signature?: Uint32Array | null;
  copies?: CopyLink[];
}


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
}

/** Filters, order and paging for events. */
export interface EventQuery extends EventFilter {
  /** Newest first when 'desc'; oldest first (undated last) by default. */
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** An event with the time it was last written. */
export interface StoredEvent {
  event: LaunchEvent;
  updatedAt: string;
}

/** One article found by full-text search. `snippet` marks matched words with \u0002 … \u0003. */
export interface SearchHit extends ArticleSummary {
  snippet: string;
}

/**
 * Every write and read of stored data goes through this contract, so that the embedded SQLite store and a
 * later PostgreSQL store are interchangeable and tested by the same suite.
 */
export interface Store {
  /** True when an article with this content hash is already stored. */
  hasArticle(id: string): boolean;
  /**
   * Stores an article, its extraction and the events it changed, all in one transaction:
   * either everything is written or nothing is. Events are upserted by id (their article lists and fields replaced).
   */
  saveArticle(article: Article, extraction: Extraction, events: LaunchEvent[], sources?: ArticleSources): void;
  /** Every version of an event, oldest first: what changed, when, and which report's claim changed it. */
  eventHistory(eventId: string): EventVersion[];
  /** Copy links touching an article (as copy or as original), or all of them. */
  copyLinks(articleId?: string): CopyLink[];
  /** Stored MinHash signatures, to rebuild the near-duplicate index. */
  signatures(): { articleId: string; signature: Uint32Array }[];
  getArticle(id: string): Article | null;
  getExtraction(articleId: string): Extraction | null;
  listArticles(): ArticleSummary[];
  /** All events, oldest launch date first (undated last). */
  listEvents(): LaunchEvent[];
  getEvent(id: string): LaunchEvent | null;
  /** Finds an event by id prefix (for short ids typed on the command line); null when none or ambiguous. */
  findEvent(idPrefix: string): LaunchEvent | null;
  /** Every stored extraction whose article is a launch report, with its article's published date. */
  launchExtractions(): { extraction: Extraction; published: string | null }[];
  /** Events matching the filters, one page of them, and how many match in all. */
  queryEvents(query: EventQuery): { total: number; events: StoredEvent[] };
  /** Dated events matching the filters, counted per year (YYYY) or month (YYYY-MM) and class. */
  countEventsBy(filter: EventFilter, period: 'year' | 'month'): { period: string; class: string | null; count: number }[];
  /** Articles newest first, one page of them (launch reports only when `launch` is true, others when false). */
  listArticlesPage(query: { limit: number; offset: number; launch?: boolean }): { total: number; articles: ArticleSummary[] };
  /** The event an article belongs to, or null. */
  articleEventId(articleId: string): string | null;
  /**
   * Full-text search over article titles and texts. `query` is what a person typed: words (all must occur,
   * the last may be a prefix) and "quoted phrases"; it is never parsed as FTS syntax.
   */
  searchArticles(query: string, page: { limit: number; offset: number }): { total: number; hits: SearchHit[] };
  /** How many events and articles are stored. */
  counts(): { events: number; articles: number };
  /**
   * A value that changes whenever the stored data may have changed, by this process or another one, so a
   * reader can tell when a cached answer is stale.
   */
  dataVersion(): string;

  // ---- live: watched sources, their items, alerts and webhook deliveries (issue 7) ----
  /** Adds or updates the configured sources; sources no longer configured are kept but marked inactive. */
  syncWatchSources(sources: WatchSourceConfig[]): void;
  /** Every source ever configured, active ones first, with what their last poll found. */
  listWatchSources(): WatchSourceState[];
  /** Records a poll: its time, its error (null when it went well) and the feed's new validators. */
  recordPoll(url: string, poll: { at: string; error: string | null; etag?: string | null; lastModified?: string | null }): void;
  /** Records items a source lists; returns how many were not seen before. */
  addWatchItems(sourceUrl: string, items: { key: string; url: string }[], at: string): number;
  /** Items of a source still to be fetched and ingested, oldest first. */
  pendingWatchItems(sourceUrl: string): WatchItem[];
  /** One attempt at an item: done (ingested or already stored), failed for good, or still pending. */
  finishWatchItem(sourceUrl: string, key: string, outcome: { status: WatchItem['status']; error: string | null; articleId: string | null; at: string }): void;
  /** Alerts in creation order (or newest first), after a sequence number. */
  listAlerts(query: { afterSeq?: number; limit: number; newestFirst?: boolean }): Alert[];
  /**
   * Queues every alert created since the webhook's last call for delivery to it. A webhook seen for the first
   * time starts from now (no backlog). Returns how many were queued.
   */
  enqueueAlerts(webhookUrl: string, at: string): number;
  /** Pending deliveries whose next attempt is due at `now`, with their alerts. */
  dueDeliveries(now: string, limit: number): { delivery: Delivery; payload: AlertPayload }[];
  /** The earliest next attempt of a pending delivery, or null. */
  nextDeliveryAt(): string | null;
  recordDelivery(alertId: string, webhookUrl: string, result: { status: Delivery['status']; attempts: number; nextAttempt: string | null; error: string | null; deliveredAt: string | null }): void;
  /** The delivery log, for one webhook or all. */
  listDeliveries(webhookUrl?: string): Delivery[];
  close(): void;
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
