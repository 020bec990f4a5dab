// Folding text for the knowledge tables: curly quotes, Unicode hyphens and no-break spaces made ASCII, one
// character for one, so the tables need only one spelling and spans still index the original text.

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u2032': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-',
  '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ',
};
const FOLD_RE = /[\u2018\u2019\u02BC\u2032\u2010-\u2013\u2212\u00A0\u202F\u2009]/g;
// The last text folded: the tables are asked about the same sentence one after another.
let lastRaw: string | null = null;
let lastFolded = '';
export function fold(text: string): string {
  if (text !== lastRaw) {
    lastRaw = text;
    lastFolded = text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
  }
  return lastFolded;
}
