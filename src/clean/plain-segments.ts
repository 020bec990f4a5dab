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

/** Scratch space for the classes of a paragraph's code units (one paragraph at a time); grown for a longer one. */
let scratch = new Uint8Array(1024);

/**
 * The classes of `paragraph`'s code units, in the first `paragraph.length` places of the scratch array, or null
 * when one is not known here.
 */
function classesOf(paragraph: string): Uint8Array | null {
  const n = paragraph.length;
  if (scratch.length < n) scratch = new Uint8Array(n);
  const classes = scratch;
  for (let i = 0; i < n; i++) {
    const c = classOf(paragraph.charCodeAt(i));
    if (c === 0) return null;
    classes[i] = c;
  }
  return classes;
}

/**
 * Whether the segmenter breaks at `j`, the position after a terminator at `t` and the Close* Sp* run after it
 * (SB9–SB10 keep those together), with `j` inside the paragraph of `n` code units.
 */
function breaksAfterTerminator(classes: Uint8Array, n: number, t: number, j: number): boolean {
  const next = classes[j];
  // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
  if (next === SCONTINUE || next === ATERM || next === STERM) return false;
  if (classes[t] !== ATERM) return true;
  // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper
  if (j === t + 1 && next === NUMERIC) return false;
  if (j === t + 1 && next === UPPER && t > 0 && (classes[t - 1] === UPPER || classes[t - 1] === LOWER)) return false;
  // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
  let k = j;
  while (k < n && classes[k] !== LOWER && classes[k] !== UPPER && classes[k] !== ATERM && classes[k] !== STERM) k++;
  return !(k < n && classes[k] === LOWER);
}

/** The segments `new Intl.Segmenter('en', { granularity: 'sentence' })` yields for `paragraph` (no "\n" in it), or null. */
export function plainSegments(paragraph: string): Segment[] | null {
  const classes = classesOf(paragraph);
  if (classes === null) return null;
  const n = paragraph.length;
  const out: Segment[] = [];
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = classes[i];
    if (c !== ATERM && c !== STERM) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && classes[j] === CLOSE) j++;
    while (j < n && classes[j] === SP) j++;
    if (j < n && breaksAfterTerminator(classes, n, i, j)) {
      out.push({ index: start, segment: paragraph.slice(start, j) });
      start = j;
    }
    i = j;
  }
  if (start < n) out.push({ index: start, segment: paragraph.slice(start) });
  return out;
}
