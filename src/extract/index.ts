// The extract stage: an Article read with the configuration of its language (src/extract/locales/<lang>), after
// the launch prefilter (prefilter.ts) has let it through; one it turns away gets the extraction of a non-report.
import type { Article, Extraction } from '../types.js';
import { extractWith } from './extract.js';
import { configurationFor } from './locales/index.js';
import { mayReportLaunch, prefilterText, unlaunchedExtraction } from './prefilter.js';

export { mayReportLaunch, prefilterText } from './prefilter.js';

export function extractArticle(article: Article): Extraction {
  const config = configurationFor(article.language);
  return mayReportLaunch(prefilterText(article), config.locale) ? extractWith(config, article) : unlaunchedExtraction(article, config.locale);
}
