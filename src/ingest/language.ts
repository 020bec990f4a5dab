// Which language an article is written in: English, Korean or Japanese, told apart by script. Hangul is only
// ever Korean, and kana and kanji together only Japanese here, so counting letters per Unicode script is
// enough for these three (a statistical detector such as franc or cld3 would add an n-gram model and a
// dependency for no gain on them). Hangul, kana and kanji weigh CJK_LETTER_WEIGHT Latin letters each, so an
// English photo caption on a Korean page does not outweigh its Korean text. A language the page declares (<html lang>, a record's `language`) is a
// hint: it decides only when the text has too few letters to count; when the script says otherwise, the
// script wins, because pages built from one template often declare the site's language, not the article's.
import { CJK_LETTER_WEIGHT, LANGUAGE_MIN_LETTERS, LANGUAGE_SCRIPT_SHARE } from '../settings.js';
import { type Language, LANGUAGES } from '../types.js';

const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const ASCII_END = 0x80;
/** Setting this bit turns an ASCII capital into its small letter. */
const CASE_BIT = 0x20;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

interface ScriptCounts {
  hangul: number;
  /** Kana and kanji together: Japanese writes both. */
  japanese: number;
  latin: number;
}

/** What a character counts as. */
const enum Kind {
  Unknown = 0,
  Other,
  Hangul,
  Japanese,
  Latin,
}

function kindOf(ch: string): Kind {
  if (HANGUL.test(ch)) return Kind.Hangul;
  if (KANA.test(ch) || HAN.test(ch)) return Kind.Japanese;
  return LATIN.test(ch) ? Kind.Latin : Kind.Other;
}

// The kind of each non-ASCII character of the Basic Multilingual Plane, found by the script regexes the first
// time the character is met: one regex test per distinct character instead of one per character of every text.
const BMP_KINDS = new Uint8Array(0x10000);
const HIGH_SURROGATE = 0xd800;
const LOW_SURROGATE = 0xdc00;
const SURROGATE_END = 0xe000;

/** The kind of the code point at `i` (not ASCII), and how many UTF-16 units it takes. */
function countOne(text: string, i: number, counts: ScriptCounts): number {
  const code = text.charCodeAt(i);
  let kind: Kind;
  let width = 1;
  const next = code >= HIGH_SURROGATE && code < LOW_SURROGATE ? text.charCodeAt(i + 1) : NaN;
  if (next >= LOW_SURROGATE && next < SURROGATE_END) {
    kind = kindOf(text.slice(i, i + 2));
    width = 2;
  } else {
    kind = BMP_KINDS[code] as Kind;
    if (kind === Kind.Unknown) BMP_KINDS[code] = kind = kindOf(text[i]);
  }
  if (kind === Kind.Hangul) counts.hangul++;
  else if (kind === Kind.Japanese) counts.japanese++;
  else if (kind === Kind.Latin) counts.latin++;
  return width;
}

/** Letters per script, code point by code point (a surrogate pair is one character). */
function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { hangul: 0, japanese: 0, latin: 0 };
  let latin = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // ASCII (most of any English text) is Latin exactly when it is a letter: no regex needed.
    if (code < ASCII_END) {
      const lower = code | CASE_BIT;
      if (lower >= LOWER_A && lower <= LOWER_Z) latin++;
      i++;
    } else i += countOne(text, i, counts);
  }
  counts.latin += latin;
  return counts;
}

/** Hangul, Hiragana, Katakana and Han: the scripts of Korean and Japanese, written without spaces between words. */
export const ANY_CJK = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_LETTERS = /\p{Script=Latin}/gu;

/** Whether texts have at least `minimum` Latin letters together: counted only until there are that many. */
function hasLatinLetters(texts: readonly string[], minimum: number): boolean {
  let n = 0;
  for (const text of texts) {
    LATIN_LETTERS.lastIndex = 0;
    while (n < minimum && LATIN_LETTERS.test(text)) n++;
  }
  LATIN_LETTERS.lastIndex = 0;
  return n >= minimum;
}

/** One of the languages Salvo reads, from a BCP 47 tag ("ko-KR", "ja_JP", "en"), else null. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  const primary = tag ? /^\s*([a-z]{2,3})(?![a-z])/i.exec(tag)?.[1].toLowerCase() : undefined;
  return LANGUAGES.find((l) => l === primary) ?? null;
}

/**
 * The language of `text` (give the title and the body together: as one string, or as parts, which reads them as
 * if joined by a line break without copying them into one); `declared` is the page's own tag, if any.
 */
export function detectLanguage(text: string | readonly string[], declared: string | null = null): Language {
  const parts = typeof text === 'string' ? [text] : text;
  // With no Hangul, kana or kanji the counts can only say English, once there are enough letters to count: one
  // scan of the text by the regex engine tells that, and it is most texts.
  if (!parts.some((p) => ANY_CJK.test(p))) return hasLatinLetters(parts, LANGUAGE_MIN_LETTERS) ? 'en' : (languageFromTag(declared) ?? 'en');
  const { hangul, japanese, latin } = countScripts(parts.join('\n'));
  if (hangul + japanese + latin < LANGUAGE_MIN_LETTERS) return languageFromTag(declared) ?? 'en';
  const minimum = (latin + (hangul + japanese) * CJK_LETTER_WEIGHT) * LANGUAGE_SCRIPT_SHARE;
  if (hangul * CJK_LETTER_WEIGHT >= minimum && hangul >= japanese) return 'ko';
  if (japanese * CJK_LETTER_WEIGHT >= minimum) return 'ja';
  return 'en';
}
