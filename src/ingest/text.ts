// Plain text → SourceDocument.
import { isBoilerplateLine } from '../clean/boilerplate.js';
import type { Language, SourceDocument } from '../types.js';
import { findDatelineDate } from './dates.js';
import { detectLanguage } from './language.js';
import { normalizeText } from './normalize.js';

const wordSegmenters = { ko: new Intl.Segmenter('ko', { granularity: 'word' }), ja: new Intl.Segmenter('ja', { granularity: 'word' }) };

/** Words of a line: space-separated for English; for Korean and Japanese, ICU's word segmentation (no spaces in Japanese). */
function wordCount(line: string, language: Language): number {
  if (language === 'en') return line.split(/\s+/).filter(Boolean).length;
  let n = 0;
  for (const s of wordSegmenters[language].segment(line)) if (s.isWordLike) n++;
  return n;
}

/** A headline: a short line of a few words that does not end like a sentence. */
export function looksLikeHeadline(line: string, language: Language = 'en'): boolean {
  // The length first: ICU's word segmentation of one long line costs time with the square of its length.
  if (line.length > 200) return false;
  const words = wordCount(line, language);
  return words >= 3 && words <= 25 && !/[.,;:。、，：；]$/.test(line) && /\p{L}/u.test(line);
}

/**
 * The title of a plain-text report: the first non-empty line that is not navigation, if it looks like a
 * headline. The text is kept whole; the cleaner removes the duplicate line.
 */
function headlineOf(text: string, language: Language): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const line of lines.slice(0, 3)) {
    if (isBoilerplateLine(line)) continue;
    return looksLikeHeadline(line, language) ? line.replace(/\s+/g, ' ') : null;
  }
  return null;
}

export function documentFromText(text: string, origin: string): SourceDocument {
  const normalized = normalizeText(text);
  const dateline = findDatelineDate(normalized);
  const language = detectLanguage(normalized);
  return {
    origin,
    format: 'text',
    externalId: null,
    url: null,
    source: null,
    published: dateline ? { date: dateline, instant: null, via: 'dateline' } : null,
    title: headlineOf(normalized, language),
    text: normalized,
    language,
    droppedByExtractor: [],
  };
}
