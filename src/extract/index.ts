// The extract stage: an Article read with the configuration of its language (English for now).
import type { Article, Extraction } from '../types.js';
import { extractWith } from './extract.js';
import { english } from './locales/en/configuration.js';

export function extractArticle(article: Article): Extraction {
  return extractWith(english, article);
}
