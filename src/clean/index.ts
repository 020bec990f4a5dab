// clean: SourceDocument → Article (boilerplate removed, paragraphs and sentences located).
import type { Article, SourceDocument, Span } from '../types.js';
import { articleId } from './article-id.js';
import { cleanLines } from './lines.js';
import { splitSentences } from './sentences.js';

export { splitSentences };

export function cleanDocument(doc: SourceDocument): Article {
  const { lines, removed } = cleanLines(doc.text, doc.title);
  // The text is the kept lines joined by blank lines, made by join at once (growing it by += made two rope nodes
  // a line, flattened again later); each paragraph's span is counted alongside. The same text as before: no kept
  // line is empty (cleanLines drops empty lines, and a live blog's stamp and rest are split only when both hold words).
  const text = lines.join('\n\n');
  const paragraphs: Span[] = [];
  let start = 0;
  for (const line of lines) {
    paragraphs.push({ start, end: start + line.length });
    start += line.length + 2;
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
