import type { Article, Extraction, LaunchEvent } from '../types.js';

/** Summary row of an article, for listings. */
export interface ArticleSummary {
  id: string;
  origin: string;
  url: string | null;
  source: string | null;
  published: string | null;
  title: string | null;
  isLaunchReport: boolean;
  eventId: string | null;
  ingestedAt: string;
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
  saveArticle(article: Article, extraction: Extraction, events: LaunchEvent[]): void;
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
  close(): void;
}
