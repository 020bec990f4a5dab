// The stages chained in memory, for `salvo analyze`'s per-article predictions: ingest → clean → extract →
// resolve, no store. Storing goes through src/app/ingestion.ts. Documents are read one at a time: one the launch
// prefilter turns away is answered at once without being cleaned; a launch report is kept (its extraction, not
// its text) until every input is read, since the event it belongs to depends on the reports after it
// (src/predictions.ts). `salvo analyze` asks anchorAnalysis in its own thread and runs analyzeDocument, for the
// documents whose anchors it finds, in the document pool's threads (src/app/pool.ts).
import { articleId, cleanDocument } from './clean/index.js';
import { anchorsMayReportLaunchOf, extractArticle, mayReportLaunchOf } from './extract/index.js';
import { configurationFor } from './extract/locales/index.js';
import { toPrediction } from './prediction.js';
import { Predictions, type Analyzed, type DocumentAnalysis, type Processed } from './predictions.js';
import type { Extraction, SourceDocument } from './types.js';

export { toPrediction } from './prediction.js';
export { resolveAll, type Analyzed, type DocumentAnalysis, type Processed, type ReportArticle } from './predictions.js';

/**
 * The analysis of a document whose title and text hold none of the launch prefilter's literal anchors (not a
 * report: its prediction), or null when it may be a launch report and must be analysed (analyzeDocument). A scan
 * linear in the text, whatever it holds: `salvo analyze` asks it in its own thread before sending a document to
 * the pool, where the time budget holds.
 */
export function anchorAnalysis(doc: SourceDocument): DocumentAnalysis | null {
  try {
    return anchorsMayReportLaunchOf(doc, configurationFor(doc.language).locale) ? null : notAReport(doc);
  } catch (err) {
    return failed(doc, err);
  }
}

/** The prediction of a document the prefilter turned away. */
function notAReport(doc: SourceDocument): DocumentAnalysis {
  // The prediction names the article by its own id when it has one: only then is the text's hash not needed.
  const id = doc.externalId === null ? articleId(doc) : '';
  return { ok: true, prediction: toPrediction({ article: { id, externalId: doc.externalId }, extraction: NOT_A_REPORT }, null) };
}

/** Prefilter, then clean and extract: one document's analysis. */
export function analyzeDocument(doc: SourceDocument): DocumentAnalysis {
  try {
    if (!mayReportLaunchOf(doc, configurationFor(doc.language).locale)) return notAReport(doc);
    const article = cleanDocument(doc);
    const extraction = extractArticle(article);
    const processed: Processed = { article: { id: article.id, externalId: article.externalId, published: article.published, source: article.source }, extraction };
    if (!extraction.isLaunchReport) return { ok: true, prediction: toPrediction(processed, null) };
    return { ok: true, report: processed };
  } catch (err) {
    return failed(doc, err);
  }
}

const failed = (doc: SourceDocument, err: unknown): DocumentAnalysis => ({
  ok: false,
  failure: { origin: doc.origin, reason: `could not be processed: ${err instanceof Error ? err.message : String(err)}` },
});

/** Predictions for documents given one at a time, analysed here, the launch reports' once all are in. */
export class Analyzer extends Predictions {
  add(doc: SourceDocument): Analyzed {
    return this.take(analyzeDocument(doc));
  }
}

/** What toPrediction reads of a document the prefilter turned away: not a report. */
const NOT_A_REPORT: Pick<Extraction, 'isLaunchReport' | 'actor' | 'fields'> = { isLaunchReport: false, actor: null, fields: {} };
