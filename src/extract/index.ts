// The extract stage: an Article read with the configuration of its language (src/extract/locales/<lang>).
import type { Article, Extraction } from '../types.js';
import { extractWith } from './extract.js';
import { configurationFor } from './locales/index.js';

export function extractArticle(article: Article): Extraction {
  return extractWith(configurationFor(article.language), article);
}
