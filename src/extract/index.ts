// The extract stage: an Article read with the configuration of its language (src/extract/locales/<lang>), after
// the launch prefilter (prefilter.ts) has let it through, on the whole text and then sentence by sentence; one it
// turns away gets the extraction of a non-report.
import type { Article, Extraction } from '../types.js';
import { extractWith } from './extract.js';
import { configurationFor } from './locales/index.js';
import { mayReportLaunchIn, mayReportLaunchOf, unlaunchedExtraction } from './prefilter.js';
import { articleUnits } from './units.js';

export { anchorsMayReportLaunchOf, mayReportLaunch, mayReportLaunchOf, prefilterText } from './prefilter.js';

/** The extraction of an article: the full reading when the prefilter lets it through, on the whole text and then unit by unit. */
export function extractArticle(article: Article): Extraction {
  const config = configurationFor(article.language);
  if (!mayReportLaunchOf(article, config.locale)) return unlaunchedExtraction(article, config.locale);
  const units = articleUnits(article, config.locale);
  return mayReportLaunchIn(units, config.locale) ? extractWith(config, article, units) : unlaunchedExtraction(article, config.locale, units);
}
