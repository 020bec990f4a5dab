// A line's comparable form (letters and digits only, lower-cased), the key by which the cleaner finds a repeated
// line or the title again: "(LEAD) N. Korea fires…" and "(lead) n korea fires…" compare equal. A line of ASCII
// characters (most of an English article) is written once into a scratch buffer as UTF-8 by Buffer's native code,
// which also tells it is ASCII (as many bytes as code units), and its bytes are read there: reading a sliced string
// code unit by code unit in JavaScript took 2.4 times as long (launch-report lines, CPU time), and the Unicode regex
// longer still. Every other line goes through that regex.

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** For the ASCII code units: 1 for those kept as they are (digits, lower-case letters), 2 for upper-case letters. */
const KEEP = new Uint8Array(0x80);
const KEPT_AS_IS = 1;
const LOWERED = 2;
for (let c = 0x30; c <= 0x39; c++) KEEP[c] = KEPT_AS_IS;
for (let c = 0x61; c <= 0x7a; c++) KEEP[c] = KEPT_AS_IS;
for (let c = 0x41; c <= 0x5a; c++) KEEP[c] = LOWERED;
/** What lowers an upper-case ASCII letter. */
const TO_LOWER = 0x20;
/** The most UTF-8 bytes one UTF-16 code unit becomes (a surrogate pair: 4 for 2). */
const MAX_UTF8_PER_UNIT = 3;

/** Scratch space for a line's UTF-8 bytes, then its kept ones; grown for a longer line. */
let scratch = Buffer.alloc(4096);

/** Letters and digits only, lower-cased: `line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`. */
export function comparable(line: string): string {
  const n = line.length;
  if (scratch.length < MAX_UTF8_PER_UNIT * n) scratch = Buffer.alloc(MAX_UTF8_PER_UNIT * n);
  // Every non-ASCII code unit takes at least two bytes (a lone surrogate three), so n bytes means ASCII only.
  if (scratch.write(line, 0, 'utf8') !== n) return line.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
  const bytes = scratch;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    const keep = KEEP[c];
    if (keep === KEPT_AS_IS) bytes[kept++] = c;
    else if (keep === LOWERED) bytes[kept++] = c + TO_LOWER;
  }
  return bytes.toString('latin1', 0, kept);
}

/** How many of the first and of the last characters of a line's comparable form its sketch holds. */
const SKETCH_END = 8;
/** Between the two ends of a sketch: no comparable form holds it (it is neither a letter nor a digit). */
const SKETCH_CUT = '\u0000';

/** The sketch of a comparable form: its first and last SKETCH_END characters (all of it, twice, when shorter). */
export const sketchOfComparable = (key: string): string => `${key.slice(0, SKETCH_END)}${SKETCH_CUT}${key.slice(-SKETCH_END)}`;

/**
 * `sketchOfComparable(comparable(line))`, read off the two ends of the line: the cleaner compares every line's
 * comparable form with the title's and with those of the lines before it, and two lines with the same form have the
 * same sketch, so only a line whose sketch another's shares needs its whole form (making the form of every line, all
 * of its code units read in JavaScript, then hashing it in a Set, was some 2 % of a launch report's analysis, V8
 * profile). Read while the code units are ASCII: there the form is the line's letters and digits lower-cased one by
 * one, in order (lower-casing changes an ASCII character alone, whatever is around it, into one ASCII character), so
 * its first SKETCH_END characters are the first ones met from the start and its last ones the last met from the end.
 * A line with another code unit before those are met is read by comparable itself.
 */
export function lineSketch(line: string): string {
  const n = line.length;
  // The sketch's character codes are gathered in SKETCH_CODES and made into one string at the end: growing the
  // head and the tail a character at a time made a string for each (some 17 a line).
  const codes = SKETCH_CODES;
  codes.length = 0;
  for (let i = 0; i < n && codes.length < SKETCH_END; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x80) return sketchOfComparable(comparable(line));
    const keep = KEEP[c];
    if (keep === KEPT_AS_IS) codes.push(c);
    else if (keep === LOWERED) codes.push(c + TO_LOWER);
  }
  const cut = codes.length;
  codes.push(SKETCH_CUT_CODE);
  // The tail is read from the end, so its codes come in reverse: put back in order below.
  for (let j = n - 1; j >= 0 && codes.length - cut - 1 < SKETCH_END; j--) {
    const c = line.charCodeAt(j);
    if (c >= 0x80) return sketchOfComparable(comparable(line));
    const keep = KEEP[c];
    if (keep === KEPT_AS_IS) codes.push(c);
    else if (keep === LOWERED) codes.push(c + TO_LOWER);
  }
  reverseFrom(codes, cut + 1);
  return String.fromCharCode.apply(null, codes);
}

/** Scratch for lineSketch: at most 2 * SKETCH_END + 1 codes, emptied at each call. */
const SKETCH_CODES: number[] = [];
const SKETCH_CUT_CODE = SKETCH_CUT.charCodeAt(0);

/** Reverses `codes` from `from` to its end, in place. */
function reverseFrom(codes: number[], from: number): void {
  for (let a = from, b = codes.length - 1; a < b; a++, b--) {
    const t = codes[a];
    codes[a] = codes[b];
    codes[b] = t;
  }
}
