// HTML page → SourceDocument: Salvo's own extractor (src/ingest/extract-html/) for the body and the metadata,
// with Readability over linkedom as its fallback, and the page's whole text as the last resort. Imported on
// demand (read-html.ts) or by the readers of pasted text (strings.ts): a thread that reads no page never loads it.
import type { SourceDocument } from '../types.js';
import { hostOf } from './dates.js';
import { parseDocument } from './dom.js';
import { IngestError } from './errors.js';
import { extractHtml } from './extract-html/index.js';
import { joinBlocks, textBlocks } from './html-text.js';
import { detectLanguage } from './language.js';
import { normalizeText } from './normalize.js';
import { textWidth } from './text-width.js';
import { DROPPED_CHECK_CHARS, MAX_DROPPED_BLOCKS, MIN_ARTICLE_CHARS, SHORT_STORY_PARAGRAPH, SHORT_STORY_PARAGRAPHS } from '../settings.js';

const FALLBACK_SKIP = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
// Text width, not characters: a wide Hangul, kana or kanji character counts two (see text-width.ts).
const proseLength = (text: string): number => textWidth(text.trim());

/** A paragraph that reads as a sentence of a story: enough words (or width, for CJK) and a sentence end. */
function isProse(paragraph: string): boolean {
  const p = paragraph.trim();
  if (!/[.!?。！？][\s"'”’」』)]*$/u.test(p)) return false;
  return p.split(/\s+/).length >= SHORT_STORY_PARAGRAPH.words || textWidth(p) >= SHORT_STORY_PARAGRAPH.width;
}

/** Long enough to be an article, or a short story of a few prose paragraphs (a brief, not a menu). */
const isArticle = (text: string): boolean =>
  proseLength(text) >= MIN_ARTICLE_CHARS || text.split(/\n{2,}/).filter(isProse).length >= SHORT_STORY_PARAGRAPHS;

export function documentFromHtml(html: string, origin: string, urlHint: string | null = null): SourceDocument {
  const page = extractHtml(html, { url: urlHint });
  let text = page.text;
  if (proseLength(text) < MIN_ARTICLE_CHARS) {
    try {
      const fresh = parseDocument(html);
      const whole = fresh.body ? joinBlocks(textBlocks(fresh.body, FALLBACK_SKIP)) : '';
      if (proseLength(whole) > proseLength(text)) text = whole;
    } catch {
      // A page nested too deep for a recursive walk: what the extractor found stands.
    }
  }
  text = normalizeText(text).trim();
  if (!isArticle(text)) throw new IngestError('no article text found in the HTML page');

  // What the extractor left out, for the article page's "dropped as boilerplate" view: text, not menu labels.
  // Each check may read the whole text, so the blocks checked are bounded by DROPPED_CHECK_CHARS over the text's
  // length: every block of an ordinary page, a few of a page of megabytes (tens of thousands of blocks each read
  // against the whole text took seconds, growing with the square of the page).
  const dropped = new Set<string>();
  const checks = Math.floor(DROPPED_CHECK_CHARS / Math.max(1, text.length));
  for (const d of page.dropped.slice(0, checks)) {
    const block = normalizeText(d.text).trim();
    if (block.length >= 25 && !text.includes(block)) dropped.add(block);
    if (dropped.size >= MAX_DROPPED_BLOCKS) break;
  }
  return {
    origin,
    format: 'html',
    externalId: null,
    url: page.url,
    source: hostOf(page.url) ?? page.siteName,
    published: page.published,
    title: page.title,
    text,
    language: detectLanguage(`${page.title ?? ''}\n${text}`, page.language),
    droppedByExtractor: [...dropped],
  };
}
