// Every tuning knob of the pipeline, named, in one place, each with the reason for its value. A flat list of
// exported constants grouped by stage; code imports the knob it needs, never repeats its number.

// ---- ingest: which language an article is written in ---------------------------------------------------------

/**
 * Fewer letters than this and the script counts say nothing (a bare headline, a list of codes): the page's
 * declared language decides, else English. Twenty letters are a short Korean or Japanese sentence.
 */
export const LANGUAGE_MIN_LETTERS = 20;
/**
 * How many Latin letters one Hangul syllable, kana or kanji stands for when scripts are weighed against each
 * other: a news sentence translated from English to Korean or Japanese takes about a third as many characters
 * as it had letters.
 */
export const CJK_LETTER_WEIGHT = 3;
/**
 * Share of the weighed letters that must be Hangul (ko) or kana and kanji (ja) for an article to be read as
 * Korean or Japanese. A third leaves room for what Korean and Japanese pages carry in English (acronyms like
 * ICBM and KN-23, a wire photo's English caption), while an English report quoting a Korean or Japanese
 * name stays far below it.
 */
export const LANGUAGE_SCRIPT_SHARE = 1 / 3;
