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

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { hangul: 0, japanese: 0, latin: 0 };
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // ASCII (most of any English text) is Latin exactly when it is a letter: no regex needed.
    if (code < ASCII_END) {
      const lower = code | CASE_BIT;
      if (lower >= LOWER_A && lower <= LOWER_Z) counts.latin++;
    } else if (HANGUL.test(ch)) counts.hangul++;
    else if (KANA.test(ch) || HAN.test(ch)) counts.japanese++;
    else if (LATIN.test(ch)) counts.latin++;
  }
  return counts;
}

/** One of the languages Salvo reads, from a BCP 47 tag ("ko-KR", "ja_JP", "en"), else null. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  const primary = tag ? /^\s*([a-z]{2,3})(?![a-z])/i.exec(tag)?.[1].toLowerCase() : undefined;
  return LANGUAGES.find((l) => l === primary) ?? null;
}

/** The language of `text` (give the title and the body together); `declared` is the page's own tag, if any. */
export function detectLanguage(text: string, declared: string | null = null): Language {
  const { hangul, japanese, latin } = countScripts(text);
  if (hangul + japanese + latin < LANGUAGE_MIN_LETTERS) return languageFromTag(declared) ?? 'en';
  const minimum = (latin + (hangul + japanese) * CJK_LETTER_WEIGHT) * LANGUAGE_SCRIPT_SHARE;
  if (hangul * CJK_LETTER_WEIGHT >= minimum && hangul >= japanese) return 'ko';
  if (japanese * CJK_LETTER_WEIGHT >= minimum) return 'ja';
  return 'en';
}
