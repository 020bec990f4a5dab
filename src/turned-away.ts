// The analysis of a document that the launch prefilter's literal anchors turn away: its prediction (not a report),
// made without cleaning or extracting it. `salvo analyze` asks this in its own thread before sending a document to
// the document pool (src/app/pool.ts), whose threads clean and extract the rest (src/pipeline.ts): so this module
// loads the prefilter and the prediction writer only, never the cleaner, the rules or chrono's parsers, which that
// thread would load without running them.
import { articleId } from './clean/article-id.js';
import { localeFor } from './extract/locales/locale.js';
import { anchorsMayReportLaunchOf } from './extract/prefilter.js';
import { toPrediction } from './prediction.js';
import type { DocumentAnalysis } from './predictions.js';
import type { Extraction, SourceDocument } from './types.js';

/** What toPrediction reads of a document the prefilter turned away: not a report. */
const NOT_A_REPORT: Pick<Extraction, 'isLaunchReport' | 'actor' | 'fields'> = { isLaunchReport: false, actor: null, fields: {} };

/**
 * The analysis of a document whose title and text hold none of the launch prefilter's literal anchors (not a
 * report: its prediction), or null when it may be a launch report and must be analysed (analyzeDocument). A scan
 * linear in the text, whatever it holds: `salvo analyze` asks it in its own thread before sending a document to
 * the pool, where the time budget holds.
 */
export function anchorAnalysis(doc: SourceDocument): DocumentAnalysis | null {
  try {
    return anchorsMayReportLaunchOf(doc, localeFor(doc.language)) ? null : notAReport(doc);
  } catch (err) {
    return failed(doc, err);
  }
}

/** The prediction of a document the prefilter turned away. */
export function notAReport(doc: SourceDocument): DocumentAnalysis {
  // The prediction names the article by its own id when it has one: only then is the text's hash not needed.
  const id = doc.externalId === null ? articleId(doc) : '';
  return { ok: true, prediction: toPrediction({ article: { id, externalId: doc.externalId }, extraction: NOT_A_REPORT }, null) };
}

/** The failure of a document whose analysis threw. */
export const failed = (doc: SourceDocument, err: unknown): DocumentAnalysis => ({
  ok: false,
  failure: { origin: doc.origin, reason: `could not be processed: ${err instanceof Error ? err.message : String(err)}` },
});
