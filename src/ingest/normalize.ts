// Text normalisation shared by every input format, so that later stages see one kind of whitespace.

const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;
// NBSP and its narrow/figure cousins behave like spaces for every later stage.
const NBSP_LIKE = /[\u00a0\u2007\u202f]/g;
// Any character the three replacements below change.
const TO_NORMALIZE = /[\r\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]/;

/** `\r\n`/`\r` → `\n`, NBSP → space, zero-width characters removed; everything else kept as is. */
export function normalizeText(text: string): string {
  // Most texts have none of these: one scan tells, instead of three replacing passes.
  if (!TO_NORMALIZE.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(NBSP_LIKE, ' ').replace(ZERO_WIDTH, '');
}

/** Normalises a short one-line value (title, meta content): also collapses runs of whitespace. */
export function normalizeLine(value: string | null | undefined): string | null {
  if (value == null) return null;
  const line = normalizeText(value).replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}
