// clean: SourceDocument → Article (boilerplate removed, paragraphs and sentences located).
import type { Article, SourceDocument, Span } from '../types.js';
import { articleId } from './article-id.js';
import { cleanLines } from './lines.js';
import { splitSentences } from './sentences.js';

export { splitSentences };

export function cleanDocument(doc: SourceDocument): Article {
  const { lines, removed } = cleanLines(doc.text, doc.title);
  const paragraphs: Span[] = [];
  let text = '';
  for (const line of lines) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + line.length });
    text += line;
  }
  return {
    id: articleId(doc),
    externalId: doc.externalId,
    origin: doc.origin,
    format: doc.format,
    url: doc.url,
    source: doc.source,
    published: doc.published,
    title: doc.title,
    language: doc.language,
    text,
    paragraphs,
    sentences: splitSentences(text, doc.language),
    removed,
  };
}
