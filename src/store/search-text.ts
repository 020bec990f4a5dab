// What both stores' full-text search share: a person's search input cut into parts (words and "quoted
// phrases"), which parts are in scripts written without spaces between words (Korean, Japanese, Chinese), and
// snippets that mark where such a part occurs. Each store turns the parts into its own query.

import { ANY_CJK } from '../ingest/language.js';

/** Hangul, Hiragana, Katakana and Han: scripts written without spaces between words (or with particles attached). */
export const UNSPACED_SCRIPT = ANY_CJK;
/** One character of those scripts (UNSPACED_SCRIPT finds one anywhere in a string). */
const UNSPACED_CHAR = new RegExp(`^(?:${ANY_CJK.source})$`, ANY_CJK.flags.replace('g', ''));
/** One "quoted phrase" (the closing quote may be missing) or one bare run of non-space characters. */
const QUERY_PART = /"([^"]*)"?|([^\s"]+)/g;
/** What separates words inside a part: anything but letters and digits. */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

export interface QueryPart {
  /** The part as typed, without its quotes. */
  raw: string;
  /** Its words: letters and digits only, so no query syntax or LIKE wildcard can reach a query. */
  words: string[];
  /** A single word typed without quotes (the last such part may be a prefix). */
  bare: boolean;
  /** Its words hold Hangul, kana or Han characters: looked for as a substring, not as whole words. */
  unspaced: boolean;
}

/** The parts of a search input that hold at least one word, in order. */
export function queryParts(input: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const m of input.matchAll(QUERY_PART)) {
    const raw = m[1] ?? m[2] ?? '';
    const words = raw.split(WORD_SEPARATOR).filter(Boolean);
    // Told by its words, not its raw text: a symbol of those scripts (a Kangxi radical) between them is dropped
    // from the searched words, so only a Hangul, kana or Han letter or digit makes the part a substring search.
    if (words.length) parts.push({ raw, words, bare: m[1] === undefined && words.length === 1, unspaced: words.some((w) => UNSPACED_SCRIPT.test(w)) });
  }
  return parts;
}

/**
 * The tokens of the SQLite gram index (migration 012) for an article's title and text, space-separated, each
 * once: every Hangul, kana or Han character, and every pair of adjacent letters or digits of which one is such
 * a character. A search part of one or two characters holding one (queryParts: its words are letters and digits
 * only, so such a part is one word) occurs in the text exactly when it is one of these tokens. Made here rather
 * than by an SQLite tokenizer because the library (better-sqlite3) cannot register one written in JavaScript, and
 * the trigram tokenizer cannot match fewer than three characters.
 */
export function unspacedGrams(title: string | null, text: string): string {
  const grams = new Set<string>();
  for (const doc of [title ?? '', text]) {
    for (const run of doc.split(WORD_SEPARATOR)) {
      if (!UNSPACED_SCRIPT.test(run)) continue;
      const chars = [...run];
      chars.forEach((c, i) => {
        const own = UNSPACED_CHAR.test(c);
        if (own) grams.add(c);
        const next = chars[i + 1];
        if (next !== undefined && (own || UNSPACED_CHAR.test(next))) grams.add(c + next);
      });
    }
  }
  return [...grams].join(' ');
}

/** Characters of context kept on each side of a substring match in a snippet. */
import { SNIPPET_CONTEXT } from '../settings.js';
import { readDataJson } from '../paths.js';

/** Words too common to narrow a search (data/search-stop-words.json: PostgreSQL's English stop words), lower case. */
const STOP_WORDS = new Set(readDataJson<{ words: string[] }>('search-stop-words.json').words);

/**
 * A part that is one stop word ("the", "or", typed bare or quoted): PostgreSQL's English tsquery drops it, and
 * so does the SQLite store, where it would otherwise match, and rank, nearly every article.
 */
export const isStopWord = (part: QueryPart): boolean => !part.unspaced && part.words.length === 1 && STOP_WORDS.has(part.words[0].toLowerCase());

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
