// How much text a string holds, for the length thresholds of HTML extraction: characters outside whitespace
// (a run of whitespace counts as one), a wide character (Unicode East Asian Width W or F: Hangul, kana,
// kanji, fullwidth forms) counting as two. A Korean or Japanese paragraph then weighs about what its English
// translation does, where a plain character count makes it look two to three times shorter. Widths come from
// get-east-asian-width (UAX #11 tables); ambiguous characters (curly quotes, dashes) count as narrow, so
// English text measures exactly its collapsed character count.
import { eastAsianWidth } from 'get-east-asian-width';

/** The first code point that can be wide (U+1100, Hangul Jamo): everything below counts one. */
const FIRST_WIDE = 0x1100;
const IDEOGRAPHIC_SPACE = 0x3000;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160 || c === IDEOGRAPHIC_SPACE;

/** Width of `s` with whitespace runs collapsed to one and trimmed at the start (a trailing run counts one). */
export function textWidth(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (!space) n++;
      space = true;
      continue;
    }
    space = false;
    if (c < FIRST_WIDE) {
      n++;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    n += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return n;
}
