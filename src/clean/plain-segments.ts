// Intl.Segmenter's English sentence segments of a paragraph, found without ICU when every character is one whose
// Sentence_Break class is known here (ASCII, curly quotes, dashes, Latin-1 letters): V8's segment iterator costs
// about 1.5 µs per segment, a tenth of a launch report's analysis. The rules are UAX #29's (SB6–SB11; a paragraph
// holds no line break, so SB3–SB4 never apply, and no character here is Extend or Format, so SB5 neither), which
// ICU's sentence rules implement. A paragraph with any other character is left to the segmenter (null).
// test/clean/plain-segments.test.ts compares the two on texts written there and on random strings of the alphabet.
import type { Segment } from './segments.js';

// Sentence_Break classes (UAX #29) of the characters read here; 0 is "not known here".
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const OTHER = 9;

/** The class of every code unit below 0x100, and of the few above it named in ABOVE_LATIN1. */
const LATIN1 = new Uint8Array(0x100);
const ABOVE_LATIN1 = new Map<number, number>([
  [0x2018, CLOSE], [0x2019, CLOSE], [0x201c, CLOSE], [0x201d, CLOSE], // ‘ ’ “ ”
  [0x2013, SCONTINUE], [0x2014, SCONTINUE], // – —
]);
(() => {
  for (let c = 0x20; c < 0x7f; c++) LATIN1[c] = OTHER;
  for (const c of ' \t\v\f') LATIN1[c.charCodeAt(0)] = SP;
  for (let c = 0x61; c <= 0x7a; c++) LATIN1[c] = LOWER;
  for (let c = 0x41; c <= 0x5a; c++) LATIN1[c] = UPPER;
  for (let c = 0x30; c <= 0x39; c++) LATIN1[c] = NUMERIC;
  LATIN1[0x2e] = ATERM;
  for (const c of '!?') LATIN1[c.charCodeAt(0)] = STERM;
  for (const c of `"'()[]{}`) LATIN1[c.charCodeAt(0)] = CLOSE;
  for (const c of ',-:;') LATIN1[c.charCodeAt(0)] = SCONTINUE;
  LATIN1[0xa0] = SP;
  for (let c = 0xc0; c <= 0xde; c++) LATIN1[c] = UPPER; // À…Þ
  for (let c = 0xdf; c <= 0xff; c++) LATIN1[c] = LOWER; // ß…ÿ
  LATIN1[0xd7] = OTHER; // ×
  LATIN1[0xf7] = OTHER; // ÷
})();

const classOf = (code: number): number => (code < 0x100 ? LATIN1[code] : (ABOVE_LATIN1.get(code) ?? 0));
const classAt = (paragraph: string, i: number): number => classOf(paragraph.charCodeAt(i));

/** Every code unit whose class is known here or not: those below 0x100 and those named in ABOVE_LATIN1. */
const CODES: readonly number[] = [...Array.from({ length: 0x100 }, (_, c) => c), ...ABOVE_LATIN1.keys()];

/** The code units of the classes `wanted` accepts, as a regex character class's contents (no 'u' flag: code units). */
function codeUnitClass(wanted: (c: number) => boolean): string {
  const codes = CODES.filter((c) => wanted(classOf(c)));
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    out += j > i ? `${hex(codes[i])}-${hex(codes[j])}` : hex(codes[i]);
    i = j + 1;
  }
  return out;
}

/**
 * A code unit not known here (class 0): one scan by the regex engine instead of a class looked up for every code
 * unit (that lookup loop over each paragraph was 5 % of the cleaning, V8 profile of launch reports). Built from the
 * tables above, so the two cannot disagree.
 */
const UNKNOWN = new RegExp(`[^${codeUnitClass((c) => c !== 0)}]`);
/** The terminators (ATerm and STerm), the only places a segment can end before the paragraph's end. */
const TERMINATORS: readonly string[] = CODES.filter((c) => classOf(c) === ATERM || classOf(c) === STERM).map((c) => String.fromCharCode(c));

/**
 * Whether the segmenter breaks at `j`, the position after a terminator at `t` and the Close* Sp* run after it
 * (SB9–SB10 keep those together), with `j` inside the paragraph of `n` code units.
 */
function breaksAfterTerminator(paragraph: string, n: number, t: number, j: number): boolean {
  const next = classAt(paragraph, j);
  // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
  if (next === SCONTINUE || next === ATERM || next === STERM) return false;
  if (classAt(paragraph, t) !== ATERM) return true;
  // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper
  if (j === t + 1 && next === NUMERIC) return false;
  if (j === t + 1 && next === UPPER && t > 0) {
    const before = classAt(paragraph, t - 1);
    if (before === UPPER || before === LOWER) return false;
  }
  // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
  let k = j;
  let c = next;
  while (k < n && c !== LOWER && c !== UPPER && c !== ATERM && c !== STERM) {
    k++;
    if (k < n) c = classAt(paragraph, k);
  }
  return !(k < n && c === LOWER);
}

/**
 * The segments `new Intl.Segmenter('en', { granularity: 'sentence' })` yields for `paragraph` (no "\n" in it), or
 * null. Classes are read only around the terminators (found by indexOf), the rest of the paragraph once by UNKNOWN.
 */
export function plainSegments(paragraph: string): Segment[] | null {
  if (UNKNOWN.test(paragraph)) return null;
  const n = paragraph.length;
  const out: Segment[] = [];
  let start = 0;
  // The next place of each terminator at or after the reading position (n: none left). Filled by a loop, not map
  // with a closure: the closure's variables were held in a context object made on every call.
  const next: number[] = [];
  for (const ch of TERMINATORS) {
    const at = paragraph.indexOf(ch);
    next.push(at < 0 ? n : at);
  }
  for (let from = 0; ; ) {
    let i = n;
    for (let k = 0; k < next.length; k++) {
      if (next[k] < from) {
        const at = paragraph.indexOf(TERMINATORS[k], from);
        next[k] = at < 0 ? n : at;
      }
      if (next[k] < i) i = next[k];
    }
    if (i >= n) break;
    let j = i + 1;
    while (j < n && classAt(paragraph, j) === CLOSE) j++;
    while (j < n && classAt(paragraph, j) === SP) j++;
    if (j < n && breaksAfterTerminator(paragraph, n, i, j)) {
      out.push({ index: start, segment: paragraph.slice(start, j) });
      start = j;
    }
    // The Close and Sp code units skipped are no terminators: reading goes on where the old loop did.
    from = j;
  }
  if (start < n) out.push({ index: start, segment: paragraph.slice(start) });
  return out;
}
