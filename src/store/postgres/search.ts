// A person's search words as a PostgreSQL full-text condition that cannot be a syntax error. Words of
// space-separated scripts go into an English tsquery (stemmed: "missiles" finds "missile"); words in Hangul,
// kana or Han characters, which the English parser cannot cut out of a sentence, are looked for as
// substrings: from three characters on by ILIKE, which the trigram index serves; one or two characters as an
// element of the article's grams (migration 013: its characters and adjacent pairs), which the gram index serves.
// All words must occur; "quoted phrases" stay phrases; the last bare word may be a prefix. Snippets mark those
// substrings with ../search-text.ts, as ts_headline does the others.
import { queryParts } from '../search-text.js';

/** The document searched by substring: exactly the expression of the articles_search_trgm index. */
export const TRGM_DOCUMENT = "(coalesce(a.title, '') || ' ' || a.text)";
/**
 * The predicate of that (partial) index: only articles holding a Hangul, kana or Han character, the only ones
 * a substring of those scripts can occur in (migration 011). Asked beside the substrings, so the index serves them.
 */
const TRGM_INDEXED = 'a.unspaced';
/** The longest part the gram index (migration 013: every character and pair of characters) answers alone. */
const GRAM_MAX_CHARS = 2;

export interface SearchCondition {
  /**
   * SQL boolean over `a` (articles), with $n placeholders starting at the given offset: a part of one or two
   * Korean or Japanese characters as an element of the article's grams, for a lookup in the gram index.
   */
  where: string;
  /** SQL tsquery expression for ranking and highlighting, or null when every word is a substring. */
  tsquery: string | null;
  params: string[];
  /** The first params, those the tsquery alone uses ($1 on): a query of the tsquery without `where` passes these. */
  tsqueryParams: string[];
  /** The substrings looked for (to mark in snippets). */
  substrings: string[];
  /**
   * `where` with every substring looked for by ILIKE in the text, with the same `params`: the test of articles
   * read one by one, newest first, for which an article's text is cheaper to read than its grams (a larger value,
   * stored apart from the row).
   */
  scanWhere: string;
}

/** Null when the input holds no word to look for. `firstParam` is the number of the first $n placeholder. */
export function searchCondition(input: string, firstParam = 1): SearchCondition | null {
  const parts = queryParts(input);
  if (parts.length === 0) return null;
  const params: string[] = [];
  const placeholder = (value: string): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const queries: string[] = [];
  const substrings: string[] = [];
  parts.forEach((part, i) => {
    const phrase = part.words.join(' ');
    if (part.unspaced) {
      // Words hold only letters and digits, so no LIKE wildcard can reach the pattern.
      substrings.push(phrase);
      return;
    }
    const last = i === parts.length - 1;
    if (part.bare && last) queries.push(`to_tsquery('english', ${placeholder(`${part.words[0]}:*`)})`);
    // The English parser reads "Hwasong-15" as 'hwasong' then '-15': the phrase as typed finds that spelling,
    // its words joined by spaces find "Hwasong 15".
    else if (part.words.length > 1) queries.push(`(phraseto_tsquery('english', ${placeholder(part.raw)}) || phraseto_tsquery('english', ${placeholder(phrase)}))`);
    else queries.push(`plainto_tsquery('english', ${placeholder(phrase)})`);
  });
  const tsqueryParams = [...params];
  const where: string[] = [];
  const tsquery = queries.length ? `(${queries.join(' && ')})` : null;
  // Stop words ("the", "or") drop out of the tsquery; a query of stop words alone is empty and matches nothing.
  if (tsquery) where.push(`a.search_en @@ ${tsquery}`);
  if (substrings.length) where.push(TRGM_INDEXED);
  const scan = [...where];
  for (const s of substrings) {
    if (isGram(s)) {
      const p = placeholder(s);
      // Lower-cased as the index's grams are, so an element matches where ILIKE would.
      where.push(`a.grams @> ARRAY[lower(${p})]`);
      scan.push(`${TRGM_DOCUMENT} ILIKE ('%' || ${p} || '%')`);
    } else {
      const like = `${TRGM_DOCUMENT} ILIKE ${placeholder(`%${s}%`)}`;
      where.push(like);
      scan.push(like);
    }
  }
  return { where: where.join(' AND '), scanWhere: scan.join(' AND '), tsquery, params, tsqueryParams, substrings };
}

/** A substring of one or two characters (one word: a space would make three) is one gram, matched exactly. */
const isGram = (s: string): boolean => [...s].length <= GRAM_MAX_CHARS;

/**
 * The grams every article matching the substrings holds (each short one itself, every pair of adjacent characters
 * of a longer one): their params and a condition over `a` with $n placeholders for them from `firstParam` on;
 * null when there are no substrings. A longer part still needs its ILIKE: holding its pairs is not holding it.
 */
export function gramCondition(substrings: string[]): { params: string[]; sql: (firstParam: number) => string } | null {
  const grams = new Set<string>();
  for (const s of substrings) {
    const chars = [...s];
    if (isGram(s)) grams.add(s);
    else for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  if (grams.size === 0) return null;
  const params = [...grams];
  return { params, sql: (firstParam) => `a.grams @> ARRAY[${params.map((_, i) => `lower($${firstParam + i})`).join(', ')}]` };
}
