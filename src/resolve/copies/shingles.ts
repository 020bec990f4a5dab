// Text → normalised words → word k-shingles, hashed to uint32. The shingle set is what "copy" means here:
// two texts that share most of their 5-word runs were written from the same text.
import { fmix32, murmur3, murmur3Range } from './hash.js';
import { SHINGLE_WORDS } from '../../settings.js';

// Lines that outlets add around a syndicated story and that say nothing about it. Dropped whole.
const BOILERPLATE_LINE =
  /^(?:\(?(?:reporting|additional reporting|writing|editing|compiled) by\b|copyright\b|©|\(c\)\s|all rights reserved|this (?:article|story) (?:was|is|has been) (?:first |originally )?(?:published|reproduced|syndicated)|read (?:more|also|next)\b|related\s*:|also read\b|recommended\s*:|(?:click|tap) here\b|sign up\b|subscribe\b|follow (?:us|@)|share (?:this|on)\b|advertisement$|sponsored\b|(?:photo|image|file photo)\s*:)/i;
// A byline on its own line: "By Kim Min-ji", "By Jane Roe and John Doe, Wirepress". Case-sensitive, whole line.
const BYLINE = /^By [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:(?:,| and) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})*$/;
// A wire dateline at the start of a paragraph: "SEOUL, March 14 (Wirepress) -", "TOKYO (AP) —", "SEOUL --".
const DATELINE = /^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?(?:\s*\([^)]{1,40}\))?\s*(?:-{1,2}|–|—)\s+/;

/**
 * Lowercase words of `text` with punctuation stripped and digits kept. Boilerplate lines (bylines,
 * copyright, "Read more", share prompts) and wire datelines are dropped first, so a syndicated copy with
 * its own furniture still matches the original.
 */
/** The content lines of `text` (boilerplate lines dropped, datelines cut off), one per paragraph. */
export function contentLines(text: string): string[] {
  const lines: string[] = [];
  for (const rawLine of text.split(/\n+/)) {
    const line = rawLine.trim();
    if (line === '' || BOILERPLATE_LINE.test(line) || BYLINE.test(line)) continue;
    lines.push(line.replace(DATELINE, ''));
  }
  return lines;
}

export function normalisedWords(text: string): string[] {
  const words: string[] = [];
  for (const line of contentLines(text)) {
    for (const w of normalisedBody(line).split(/[^\p{L}\p{N}]+/u)) if (w !== '') words.push(w);
  }
  return words;
}

/**
 * A content line (or content lines joined by '\n': every step below works within a line, so joining changes
 * nothing) as words are read from it: diacritics dropped, lower case, apostrophes inside words and separators
 * inside numbers removed.
 */
function normalisedBody(line: string): string {
  return line
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // diacritics
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2') // korea's → koreas, don't → dont
    .replace(/(\d)[,.](?=\d)/g, '$1'); // 1,000 → 1000, 8.10 → 810 (same on both sides)
}

/** The normalised text as one string (words joined by single spaces). */
export function normaliseText(text: string): string {
  return normalisedWords(text).join(' ');
}

/** shingleHashes of text already split into normalised words. */
export function shingleHashesOfWords(words: readonly string[], k = SHINGLE_WORDS): Uint32Array {
  return shingleHashesOfWordHashes(words.map((w) => murmur3(w, WORD_SEED)), k);
}

/**
 * Distinct uint32 hashes of the word k-shingles of `text`, sorted ascending. A text shorter than k words
 * gives one shingle of all its words; an empty text gives none.
 * shingleHashesOfWords(normalisedWords(text)), the same values computed without building the word strings: the
 * content lines are normalised as one string, and each word's hash is read off its code units in place
 * (murmur3Range). Ingest shingles every article's ~5 KB once: 0.13 → 0.095 ms of CPU for a firehose article.
 */
export function shingleHashes(text: string, k = SHINGLE_WORDS): Uint32Array {
  const body = normalisedBody(contentLines(text).join('\n'));
  const hashes: number[] = [];
  let start = -1;
  for (let i = 0; i < body.length; ) {
    const c = body.charCodeAt(i);
    // A surrogate pair is one code point (as the /u split reads it): classified whole, kept whole.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < body.length && isLowSurrogate(body.charCodeAt(i + 1)) ? 2 : 1;
    if (isWordCodePoint(width === 2 ? body.codePointAt(i) ?? c : c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      hashes.push(murmur3Range(body, start, i, WORD_SEED));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) hashes.push(murmur3Range(body, start, body.length, WORD_SEED));
  return shingleHashesOfWordHashes(hashes, k);
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The seed of the word hashes (stored shingles depend on it). */
const WORD_SEED = 0x5a17;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each code unit of the BMP is a letter or a number (1) or not (2), filled in as met (0: not yet). */
const BMP_CLASS = new Uint8Array(0x10000);

/** Whether a code point is a letter or a number (\p{L}\p{N}), as the /u split in normalisedWords reads it. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  if (cp < 0x10000) {
    if (BMP_CLASS[cp] === 0) BMP_CLASS[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return BMP_CLASS[cp] === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Sorted distinct k-shingle hashes of a text's word hashes, in order (see shingleHashes). */
function shingleHashesOfWordHashes(wh: readonly number[], k: number): Uint32Array {
  if (wh.length === 0) return new Uint32Array(0);
  const span = Math.min(k, wh.length);
  const out = new Uint32Array(wh.length - span + 1);
  for (let i = 0; i + span <= wh.length; i++) {
    let h = 0x2545f491 ^ span;
    for (let j = 0; j < span; j++) h = fmix32(Math.imul(h ^ wh[i + j], 0x9e3779b1) + j);
    out[i] = h;
  }
  out.sort();
  return dedupeSorted(out);
}

function dedupeSorted(a: Uint32Array): Uint32Array {
  if (a.length < 2) return a;
  let n = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[n - 1]) a[n++] = a[i];
  return a.subarray(0, n);
}

/** Size of the intersection of two sorted distinct uint32 arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Exact Jaccard |A∩B| / |A∪B| of two shingle sets (0 when both are empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Containment of the smaller set in the larger: |A∩B| / min(|A|,|B|) (0 when either is empty). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const small = Math.min(a.length, b.length);
  return small === 0 ? 0 : intersectionSize(a, b) / small;
}
