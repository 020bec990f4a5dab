// The stages chained in memory, for `salvo analyze`'s per-article predictions: ingest → clean → extract →
// resolve, no store. Storing goes through src/app/ingestion.ts. Documents are read one at a time: one the launch
// prefilter turns away is answered at once without being cleaned; a launch report is kept (its extraction, not
// its text) until every input is read, since the event it belongs to depends on the reports after it
// (src/predictions.ts). `salvo analyze` asks anchorAnalysis (src/turned-away.ts) in its own thread and runs analyzeDocument, for the
// documents whose anchors it finds, in the document pool's threads (src/app/pool.ts).
import { cleanDocument } from './clean/index.js';
import { extractArticle, mayReportLaunchOf } from './extract/index.js';
import { localeFor } from './extract/locales/locale.js';
import { toPrediction } from './prediction.js';
import { Predictions, type Analyzed, type DocumentAnalysis, type Processed } from './predictions.js';
import { failed, notAReport } from './turned-away.js';
import type { SourceDocument } from './types.js';

export { toPrediction } from './prediction.js';
export { resolveAll, type Analyzed, type DocumentAnalysis, type Processed, type ReportArticle } from './predictions.js';

/** Prefilter, then clean and extract: one document's analysis. */
export function analyzeDocument(doc: SourceDocument): DocumentAnalysis {
  try {
    if (!mayReportLaunchOf(doc, localeFor(doc.language))) return notAReport(doc);
    const article = cleanDocument(doc);
    const extraction = extractArticle(article);
    const processed: Processed = { article: { id: article.id, externalId: article.externalId, published: article.published, source: article.source }, extraction };
    if (!extraction.isLaunchReport) return { ok: true, prediction: toPrediction(processed, null) };
    return { ok: true, report: processed };
  } catch (err) {
    return failed(doc, err);
  }
}

/** Predictions for documents given one at a time, analysed here, the launch reports' once all are in. */
export class Analyzer extends Predictions {
  add(doc: SourceDocument): Analyzed {
    return this.take(analyzeDocument(doc));
  }
}
