// The stages chained in memory, for `salvo analyze`'s per-article predictions: ingest → clean → extract →
// resolve, no store. Storing goes through src/app/ingestion.ts. Documents are read one at a time: one the launch
// prefilter turns away is answered at once without being cleaned; a launch report is kept (its extraction, not
// its text) until every input is read, since the event it belongs to depends on the reports after it.
import { articleId, cleanDocument } from './clean/index.js';
import { extractArticle, mayReportLaunch, prefilterText } from './extract/index.js';
import { configurationFor } from './extract/locales/index.js';
import { EventResolver } from './resolve/index.js';
import { toPrediction } from './prediction.js';
import type { Article, Extraction, IngestFailure, Prediction, SourceDocument } from './types.js';

export { toPrediction } from './prediction.js';

/** What a prediction and event grouping need of an article. */
export type ReportArticle = Pick<Article, 'id' | 'externalId' | 'published' | 'source'>;

export interface Processed {
  article: ReportArticle;
  extraction: Extraction;
}

/** One document read by `Analyzer.add`: its prediction now, or null for a launch report (see `finish`); or why it failed. */
export type Analyzed = { ok: true; prediction: Prediction | null } | { ok: false; failure: IngestFailure };

/** Predictions for documents given one at a time, the launch reports' once all are in. */
export class Analyzer {
  private readonly reports: Processed[] = [];

  add(doc: SourceDocument): Analyzed {
    try {
      if (!mayReportLaunch(prefilterText(doc), configurationFor(doc.language).locale)) {
        return { ok: true, prediction: toPrediction({ article: { id: articleId(doc), externalId: doc.externalId }, extraction: NOT_A_REPORT }, null) };
      }
      const article = cleanDocument(doc);
      const extraction = extractArticle(article);
      const processed: Processed = { article: { id: article.id, externalId: article.externalId, published: article.published, source: article.source }, extraction };
      if (!extraction.isLaunchReport) return { ok: true, prediction: toPrediction(processed, null) };
      this.reports.push(processed);
      return { ok: true, prediction: null };
    } catch (err) {
      return { ok: false, failure: { origin: doc.origin, reason: `could not be processed: ${err instanceof Error ? err.message : String(err)}` } };
    }
  }

  /** The launch reports' predictions, in the order they were added, with the events they are grouped into. */
  finish(): Prediction[] {
    const resolver = resolveAll(this.reports);
    return this.reports.map((p) => toPrediction(p, resolver.eventOf(p.article.id)));
  }
}

/** What toPrediction reads of a document the prefilter turned away: not a report. */
const NOT_A_REPORT: Pick<Extraction, 'isLaunchReport' | 'actor' | 'fields'> = { isLaunchReport: false, actor: null, fields: {} };

/** Groups processed articles into events; reports with a date go first so undated ones can join them. */
export function resolveAll(items: Processed[]): EventResolver {
  const resolver = new EventResolver();
  const dated = (p: Processed): boolean => p.extraction.fields.date_local !== undefined;
  const order = [...items.filter(dated), ...items.filter((p) => !dated(p))];
  for (const p of order) resolver.add({ extraction: p.extraction, published: p.article.published?.date ?? null, source: p.article.source });
  return resolver;
}
