// Romanisation variants of a designation, generated from its canonical name: the same Korean word is written
// Hwasong, Hwaseong or Hwasŏng, Pukguksong or Bukgeukseong, Chollima or Cheollima; the parts are joined by a
// hyphen, a space or nothing ("Hwasong-17", "Hwasong 17", "Hwasong17"); North Korean state media put the word for
// gun between the family and the number ("Hwasongpho-17", "Hwasong-pho 17"). One regex per name covers them all,
// so the tables list each designation once.
import { ROMANISED_WORD_MIN_LETTERS } from '../settings.js';

const SEPARATOR = '[-\\s]?';
// Vowels that romanisation systems write differently (McCune–Reischauer o/u/ŏ/ŭ, Revised eo/eu).
const VOWEL = '(?:eo|eu|o|u|ŏ|ŭ)';
// Consonants whose voiced and unvoiced spellings alternate between systems.
const CONSONANT: Record<string, string> = { k: '[kg]', g: '[kg]', p: '[pb]', b: '[pb]', j: '(?:ch|j)' };
// "-pho" / "po" (포, gun) between the family word and its number.
const GUN_INFIX = `(?:${SEPARATOR}ph?o)?`;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A romanised word as a regex of its spellings (case is left to the matcher's flags). */
function wordSource(word: string): string {
  if (word.length < ROMANISED_WORD_MIN_LETTERS) return escape(word);
  const w = word.toLowerCase();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const two = w.slice(i, i + 2);
    if (two === 'eo' || two === 'eu') {
      out += VOWEL;
      i++;
    } else if (two === 'ch') {
      out += CONSONANT.j;
      i++;
    } else if (w[i] === 'o' || w[i] === 'u') out += VOWEL;
    else out += CONSONANT[w[i]] ?? escape(word[i]);
  }
  return out;
}

/**
 * The regex source of every romanised spelling of `name` ("Hwasong-11-Da-4.5", "Pukguksong", "Chollima-1"), or
 * null when the name holds nothing romanised to vary (no letter run long enough to be a word).
 */
export function romanisedSource(name: string): string | null {
  const tokens = name.match(/[A-Za-z]+|\d+(?:\.\d+)?|[-\s]+|[^A-Za-z\d\s-]+/g) ?? [];
  if (!tokens.some((t) => /^[A-Za-z]+$/.test(t) && t.length >= ROMANISED_WORD_MIN_LETTERS)) return null;
  let out = '';
  let prev: 'word' | 'number' | 'other' | null = null;
  for (const t of tokens) {
    if (/^[-\s]+$/.test(t)) continue;
    const kind = /^[A-Za-z]+$/.test(t) ? 'word' : /^\d/.test(t) ? 'number' : 'other';
    // The gun infix may follow the family word (the first word) when a number comes next.
    if (prev === 'word' && kind === 'number' && out.length && !out.includes(GUN_INFIX)) out += GUN_INFIX;
    if (prev !== null && kind !== 'other' && prev !== 'other') out += SEPARATOR;
    out += kind === 'word' ? wordSource(t) : escape(t);
    prev = kind;
  }
  return out;
}
