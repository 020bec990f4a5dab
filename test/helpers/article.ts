// Builds Articles for tests through the real ingest and clean stages, so fixtures go through the same
// title detection, boilerplate removal and sentence splitting as real input.
import { cleanDocument } from '../../src/clean/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { documentFromText } from '../../src/ingest/index.js';
import type { Article, Extraction, FieldName, FieldValue } from '../../src/types.js';

export interface ArticleInput {
  /** Headline (no final full stop), or null for none. */
  title: string | null;
  /** Body: paragraphs separated by blank lines. */
  text: string;
  /** Publication date YYYY-MM-DD; null for none. */
  published: string | null;
  url?: string | null;
}

/** An Article from a headline, a body and a publication date, via documentFromText and cleanDocument. */
export function makeArticle(input: ArticleInput): Article {
  const raw = input.title ? `${input.title}\n\n${input.text}` : input.text;
  const doc = documentFromText(raw, 'test');
  return cleanDocument({
    ...doc,
    url: input.url ?? null,
    title: input.title,
    published: input.published ? { date: input.published, instant: null, via: 'record' } : null,
  });
}

/** Builds the article and runs the extract stage on it. */
export function extract(input: ArticleInput): { article: Article; ex: Extraction } {
  const article = makeArticle(input);
  return { article, ex: extractArticle(article) };
}

/** The chosen value of a field, or null when the extractor left it empty. */
export function fieldValue(ex: Extraction, field: FieldName): FieldValue | null {
  return ex.fields[field]?.value ?? null;
}
