// A person's search words as a PostgreSQL full-text condition that cannot be a syntax error. Words of
// space-separated scripts go into an English tsquery (stemmed: "missiles" finds "missile"); words in Hangul,
// kana or Han characters, which the English parser cannot cut out of a sentence, are looked for as
// substrings, which the trigram index serves. All words must occur; "quoted phrases" stay phrases; the last
// bare word may be a prefix. Also marks those substrings in a snippet, as ts_headline does for the others.
import { SNIPPET_CONTEXT } from '../../settings.js';

/** Hangul, Hiragana, Katakana and Han: scripts written without spaces between words (or with particles attached). */
const UNSPACED_SCRIPT = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** One "quoted phrase" (the closing quote may be missing) or one bare run of non-space characters. */
const QUERY_PART = /"([^"]*)"?|([^\s"]+)/g;
/** What separates words inside a part: anything but letters and digits. */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The document searched by substring: exactly the expression of the articles_search_trgm index. */
export const TRGM_DOCUMENT = "(coalesce(a.title, '') || ' ' || a.text)";

export interface SearchCondition {
  /** SQL boolean over `a` (articles), with $n placeholders starting at the given offset. */
  where: string;
  /** SQL tsquery expression for ranking and highlighting, or null when every word is a substring. */
  tsquery: string | null;
  params: string[];
  /** The substrings looked for (to mark in snippets). */
  substrings: string[];
}

/** Null when the input holds no word to look for. `firstParam` is the number of the first $n placeholder. */
export function searchCondition(input: string, firstParam = 1): SearchCondition | null {
  const parts: { raw: string; words: string[]; bare: boolean }[] = [];
  for (const m of input.matchAll(QUERY_PART)) {
    const raw = m[1] ?? m[2] ?? '';
    const words = raw.split(WORD_SEPARATOR).filter(Boolean);
    if (words.length) parts.push({ raw, words, bare: m[1] === undefined && words.length === 1 });
  }
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
    if (UNSPACED_SCRIPT.test(phrase)) {
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
  const where: string[] = [];
  const tsquery = queries.length ? `(${queries.join(' && ')})` : null;
  // Stop words ("the", "or") drop out of the tsquery; a query of stop words alone is empty and matches nothing.
  if (tsquery) where.push(`a.search_en @@ ${tsquery}`);
  for (const s of substrings) where.push(`${TRGM_DOCUMENT} ILIKE ${placeholder(`%${s}%`)}`);
  return { where: where.join(' AND '), tsquery, params, substrings };
}

/** A snippet of `text` around the first of `substrings` found, every occurrence marked with \u0002 … \u0003; null when none occurs. */
export function substringSnippet(text: string, substrings: string[]): string | null {
  const lower = text.toLowerCase();
  const first = Math.min(...substrings.map((s) => lower.indexOf(s.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return null;
  const start = Math.max(0, first - SNIPPET_CONTEXT);
  const end = Math.min(text.length, first + SNIPPET_CONTEXT * 2);
  let window = text.slice(start, end);
  for (const s of substrings) {
    window = window.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), (hit) => `\u0002${hit}\u0003`);
  }
  return `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}`;
}
