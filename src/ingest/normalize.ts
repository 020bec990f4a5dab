// Text normalisation shared by every input format, so that later stages see one kind of whitespace.

const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;
// NBSP and its narrow/figure cousins behave like spaces for every later stage.
const NBSP_LIKE = /[\u00a0\u2007\u202f]/g;
// Any character the three replacements below change.
const TO_NORMALIZE = /[\r\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]/;
// A character beyond Latin-1. V8 stores a text without one a byte a character, and its regex engine then knows at
// once that this class cannot match there; in a text with one, it stops at the first.
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * Whether `text` holds a character the replacements change (TO_NORMALIZE). Of those, only \r and NBSP are in
 * Latin-1, so a text without a character beyond it is asked for those two by includes, which V8 answers with a
 * byte search: on the firehose of English news, 0.3-0.7 µs a 5 KB text, where TO_NORMALIZE, tried at every position,
 * takes 5-10 µs. Any other text is scanned by TO_NORMALIZE as before (test/ingest/normalize.test.ts compares them).
 */
export const needsNormalizing = (text: string): boolean => (BEYOND_LATIN1.test(text) ? TO_NORMALIZE.test(text) : text.includes('\r') || text.includes('\u00a0'));

/** `\r\n`/`\r` → `\n`, NBSP → space, zero-width characters removed; everything else kept as is. */
export function normalizeText(text: string): string {
  // Most texts have none of these: one look tells, instead of three replacing passes.
  if (!needsNormalizing(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(NBSP_LIKE, ' ').replace(ZERO_WIDTH, '');
}

/** Normalises a short one-line value (title, meta content): also collapses runs of whitespace. */
export function normalizeLine(value: string | null | undefined): string | null {
  if (value == null) return null;
  const line = normalizeText(value).replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}
