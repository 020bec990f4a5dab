// The stages chained in memory, for `salvo analyze`'s per-article predictions: ingest → clean → extract →
// resolve, no store. Storing goes through src/app/ingestion.ts. Documents are read one at a time: one the launch
// prefilter turns away is answered at once without being cleaned; a launch report is kept (its extraction, not
// its text) until every input is read, since the event it belongs to depends on the reports after it.
import { articleId, cleanDocument } from './clean/index.js';
import { extractArticle, mayReportLaunch, prefilterText } from './extract/index.js';
import { configurationFor } from './extract/locales/index.js';
import { EventResolver } from './resolve/index.js';
import type { Article, Claim, Extraction, FieldName, FieldValue, IngestFailure, Prediction, SourceDocument } from './types.js';
import { FIELD_NAMES } from './types.js';
import { MIN_CONFIDENCE } from './settings.js';

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

const confident = (c: Claim | undefined): FieldValue | null => (c && c.confidence >= MIN_CONFIDENCE ? c.value : null);

/** One article's prediction in the scorer's format (../shared/eval/score.mjs). */
export function toPrediction(
  p: { article: Pick<Article, 'id' | 'externalId'>; extraction: Pick<Extraction, 'isLaunchReport' | 'actor' | 'fields'> },
  eventId: string | null,
): Prediction {
  const e = p.extraction;
  const event = e.isLaunchReport
    ? (Object.fromEntries(FIELD_NAMES.map((f: FieldName) => [f, confident(e.fields[f])])) as Prediction['event'])
    : null;
  return {
    id: p.article.externalId ?? p.article.id,
    is_launch_report: e.isLaunchReport,
    actor: e.actor,
    event,
    event_id: e.isLaunchReport ? eventId : null,
  };
}
