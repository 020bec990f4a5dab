// HTML article extraction: one htmlparser2 pass builds a light tree and collects metadata; the article body is
// chosen paragraph by paragraph (see content.ts); Readability over linkedom is the fallback when the main pass
// keeps too little.
import { Readability } from '@mozilla/readability';
import { type DomElement, parseDocument } from '../dom.js';
import { IngestError } from '../errors.js';
import { elementText } from '../html-text.js';
import { normalizeText } from '../normalize.js';
import { textWidth } from '../text-width.js';
import { type DroppedBlock, findContent, type TextBlock } from './content.js';
import { type PageMetadata, pageMetadata } from './metadata.js';
import { parsePage } from './tree.js';
import { MAX_HTML_CHARS, MIN_BODY_CHARS, READABILITY_MAX_DEPTH } from '../../settings.js';

export type { DroppedBlock, TextBlock } from './content.js';
export type { PageMetadata } from './metadata.js';

export interface ExtractedPage extends PageMetadata {
  /** The article body: paragraphs separated by blank lines, list items by single newlines. */
  text: string;
  blocks: TextBlock[];
  /** What was left out, with the reason (navigation, comments, related, cookie-banner, link-list, …). */
  dropped: DroppedBlock[];
  /** Which pass produced the body: 'hint', 'score', 'relaxed' or 'readability'. */
  via: string;
}

export function joinTextBlocks(blocks: TextBlock[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += b.line && blocks[i - 1].line ? '\n' : '\n\n';
    out += b.text;
  });
  return out;
}

function readabilityText(html: string): string {
  try {
    const doc = parseDocument(html);
    const article = new Readability<DomElement>(doc, { serializer: (node: DomElement) => node }).parse();
    return article?.content ? elementText(article.content) : '';
  } catch {
    return '';
  }
}

export interface ExtractOptions {
  /** The URL the page came from, for relative canonical links and dates in the path. */
  url?: string | null;
  /** Use Readability when the main pass keeps too little (default true). */
  fallback?: boolean;
}

export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedPage {
  if (html.length > MAX_HTML_CHARS) {
    throw new IngestError(`HTML page too large (${(html.length / (1024 * 1024)).toFixed(1)} MB > ${MAX_HTML_CHARS / (1024 * 1024)} MB limit)`);
  }
  const page = parsePage(html);
  const meta = pageMetadata(page.meta, opts.url ?? null);
  const content = findContent(page.root, meta.title);
  let text = normalizeText(joinTextBlocks(content.blocks)).trim();
  let via = content.via;
  let blocks = content.blocks;
  // Readability's clean-up reads every element's subtree for every element around it (time grows with the cube
  // of the nesting): not for pages nested deeper than real ones.
  if (textWidth(text) < MIN_BODY_CHARS && opts.fallback !== false && page.depth <= READABILITY_MAX_DEPTH) {
    const fallback = normalizeText(readabilityText(html)).trim();
    if (textWidth(fallback) > textWidth(text)) {
      text = fallback;
      via = 'readability';
      blocks = fallback.split(/\n{2,}/).map((t) => ({ text: t, tag: 'p', line: false }));
    }
  }
  return { ...meta, text, blocks, dropped: content.dropped, via };
}
