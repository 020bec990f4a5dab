// Predictions for documents analysed one at a time (analyzeDocument in src/pipeline.ts, in this thread or in a
// pool thread), taken in the order the documents were read: one that is not a launch report is answered at once;
// a launch report is kept (its extraction, not its text) until every input is in, since the event it belongs to
// depends on the reports after it. Loads no extractor, so `salvo analyze` does not load one beside its threads'.
import { EventResolver } from './resolve/index.js';
import { toPrediction } from './prediction.js';
import type { Article, Extraction, IngestFailure, Prediction } from './types.js';

/** What a prediction and event grouping need of an article. */
export type ReportArticle = Pick<Article, 'id' | 'externalId' | 'published' | 'source'>;

export interface Processed {
  article: ReportArticle;
  extraction: Extraction;
}

/** One document taken in (`Predictions.take`, `Analyzer.add`): its prediction now, or null for a launch report (see `finish`); or why it failed. */
export type Analyzed = { ok: true; prediction: Prediction | null } | { ok: false; failure: IngestFailure };

/**
 * What reading one document tells, on its own: a prediction already (not a launch report), or a launch report
 * whose prediction waits for the others (its event depends on them); or why it failed. Pure: a pool thread
 * may compute it (src/app/worker.ts) and the Analyzer take it in.
 */
export type DocumentAnalysis = { ok: true; prediction: Prediction } | { ok: true; report: Processed } | { ok: false; failure: IngestFailure };

/** Predictions for analysed documents, taken one at a time in reading order; the launch reports' once all are in. */
export class Predictions {
  private readonly reports: Processed[] = [];

  /** A document's analysis (`analyzeDocument`): its prediction now, or null for a launch report (see `finish`). */
  take(analysis: DocumentAnalysis): Analyzed {
    if (!analysis.ok) return analysis;
    if ('prediction' in analysis) return { ok: true, prediction: analysis.prediction };
    this.reports.push(analysis.report);
    return { ok: true, prediction: null };
  }

  /** The launch reports' predictions, in the order they were added, with the events they are grouped into. */
  finish(): Prediction[] {
    const resolver = resolveAll(this.reports);
    return this.reports.map((p) => toPrediction(p, resolver.eventOf(p.article.id)));
  }
}

/** Groups processed articles into events; reports with a date go first so undated ones can join them. */
export function resolveAll(items: Processed[]): EventResolver {
  const resolver = new EventResolver();
  const dated = (p: Processed): boolean => p.extraction.fields.date_local !== undefined;
  const order = [...items.filter(dated), ...items.filter((p) => !dated(p))];
  for (const p of order) resolver.add({ extraction: p.extraction, published: p.article.published?.date ?? null, source: p.article.source });
  return resolver;
}
