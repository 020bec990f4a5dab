// A document cleaned and extracted, ready to be grouped and stored: what the document pool hands back, or why it
// did not (over the time budget).
import type { CopySketch } from '../resolve/sources.js';
import type { Article, Extraction, SourceDocument } from '../types.js';

export interface Prepared {
  article: Article;
  extraction: Extraction;
  /** The article's copy sketch (copySketch), computed in the thread that cleaned it so the main thread need not. */
  sketch?: CopySketch;
}

/** Cleans and extracts a document (in this thread, or in a pool thread with a time budget). */
export type Prepare = (doc: SourceDocument) => Promise<Prepared>;

/** A document given up on for taking longer than the time budget (src/app/pool.ts); the message says so. */
export class OverBudgetError extends Error {}
