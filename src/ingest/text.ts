// Plain text → SourceDocument.
import { isBoilerplateLine } from '../clean/boilerplate.js';
import type { SourceDocument } from '../types.js';
import { findDatelineDate } from './dates.js';
import { normalizeText } from './normalize.js';

/** A headline: a short line of a few words that does not end like a sentence. */
export function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words >= 3 && words <= 25 && line.length <= 200 && !/[.,;:]$/.test(line) && /\p{L}/u.test(line);
}

/**
 * The title of a plain-text report: the first non-empty line that is not navigation, if it looks like a
 * headline. The text is kept whole; the cleaner removes the duplicate line.
 */
function headlineOf(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const line of lines.slice(0, 3)) {
    if (isBoilerplateLine(line)) continue;
    return looksLikeHeadline(line) ? line.replace(/\s+/g, ' ') : null;
  }
  return null;
}

export function documentFromText(text: string, origin: string): SourceDocument {
  const normalized = normalizeText(text);
  const dateline = findDatelineDate(normalized);
  return {
    origin,
    format: 'text',
    externalId: null,
    url: null,
    source: null,
    published: dateline ? { date: dateline, instant: null, via: 'dateline' } : null,
    title: headlineOf(normalized),
    text: normalized,
    droppedByExtractor: [],
  };
}
