// Reading the end of a string without scanning all of it: the cleaner tests how lines and sentences end, and a
// regex anchored only at the end (/x$/) tries every position of a long string before it fails.

/** The last code point of a string (a surrogate pair read whole), or '' for an empty string. */
export function lastCodePoint(s: string): string {
  const n = s.length;
  if (n === 0) return '';
  const low = s.charCodeAt(n - 1);
  const high = n >= 2 ? s.charCodeAt(n - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? s.slice(n - 2) : s[n - 1];
}

// What String.prototype.split(/\s+/) splits on, one code unit at a time (every \s character is in the BMP).
const SPACE = /\s/;

/**
 * Whether the code unit at `i` of `s` is whitespace as /\s/ reads it. The ASCII ones (\t \n \v \f \r and the space)
 * are told by their code, without a one-character string and a regex call for each (a tenth of sentence
 * splitting's cost in launch reports, V8 profile); any other code unit goes to the regex.
 */
export function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(s[i]);
}

/** The text after the last whitespace character: `s.split(/\s+/).pop()` for a string that does not end in one. */
export function lastWord(s: string): string {
  let i = s.length;
  while (i > 0 && !isSpaceAt(s, i - 1)) i--;
  return s.slice(i);
}
