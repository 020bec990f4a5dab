// Lines a page carries that are no part of the report and that cleaning kept: stock tickers ("AIRLINK 142.50
// Increased By ▲ 1.75 (1.24%)") and the headline repeated as the first paragraph. The article page folds them
// into "dropped" with the rest of the boilerplate; a paragraph holding an extracted value is always shown.
const JUNK: { name: string; test: (p: string, title: string | null) => boolean }[] = [
  { name: 'stock ticker', test: (p) => /\b(?:increased|decreased) by\s*[▲▼]/i.test(p) || /[▲▼]\s*[\d.,]+\s*\(\s*[\d.,]+\s*%\s*\)/.test(p) },
  { name: 'market quotes', test: (p) => p.length < 200 && (p.match(/\b[A-Z]{2,}\s+[\d,]+\.\d+\s*[+\-−]?[\d.,]*\s*%?/g) ?? []).length >= 2 },
  { name: 'repeated headline', test: (p, title) => title !== null && p.trim() === title.trim() },
];

/** The name of the junk rule a paragraph matches, or null. */
export function junkKind(paragraph: string, title: string | null): string | null {
  return JUNK.find((j) => j.test(paragraph, title))?.name ?? null;
}
