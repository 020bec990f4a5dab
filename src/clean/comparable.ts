// A line's comparable form (letters and digits only, lower-cased), the key by which the cleaner finds a repeated
// line or the title again: "(LEAD) N. Korea fires…" and "(lead) n korea fires…" compare equal. A line of ASCII
// characters (most of an English article) is read code unit by code unit into a scratch buffer, about twice as
// fast as the Unicode regex, which every other line still goes through.

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** 1 for the ASCII code units kept (digits and lower-case letters), after upper-case ones are lowered. */
const KEPT = new Uint8Array(0x80);
for (let c = 0x30; c <= 0x39; c++) KEPT[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) KEPT[c] = 1;

/** Scratch space for the kept code units of an ASCII line; grown for a longer line. */
let scratch = Buffer.alloc(1024);

/** Letters and digits only, lower-cased: `line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`. */
export function comparable(line: string): string {
  const n = line.length;
  if (scratch.length < n) scratch = Buffer.alloc(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    let c = line.charCodeAt(i);
    if (c >= 0x80) return line.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (KEPT[c] === 1) scratch[kept++] = c;
  }
  return scratch.toString('latin1', 0, kept);
}
