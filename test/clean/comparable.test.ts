// comparable (src/clean/comparable.ts): its ASCII path must give what the Unicode regex gives, on lines written here.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { comparable, lineSketch, sketchOfComparable } from '../../src/clean/comparable.js';

const byRegex = (line: string): string => line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const LINES = [
  '(LEAD) N. Korea fires short-range missile, JCS says',
  '(lead) n korea fires short range missile jcs says',
  'The rocket flew 1,200 km @ 7:30 a.m. [KST] {draft} #3 ~ 100% | "quoted" `code` \\ / ^ _',
  '',
  '  ...  ',
  'ÉTÉ in Zürich — “quoted” 北朝鮮 ミサイル 미사일 ① ² Ⅻ',
  'A'.repeat(3000) + ' end',
  'Kelvin K and long ſ: İstanbul',
  'A lone \ud800 high and \udc00 low surrogate, a pair 🚀 and é',
];

describe('comparable', () => {
  it('gives letters and digits only, lower-cased, as the Unicode regex does', () => {
    for (const line of LINES) expect(comparable(line), line.slice(0, 40)).toBe(byRegex(line));
  });

  it('makes a headline and its lower-case, unpunctuated copy equal', () => {
    expect(comparable(LINES[0])).toBe(comparable(LINES[1]));
    expect(comparable(LINES[0])).toBe('leadnkoreafiresshortrangemissilejcssays');
  });

  it('reads every printable ASCII character as the regex does', () => {
    const ascii = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c)).join('');
    expect(comparable(ascii)).toBe(byRegex(ascii));
    expect(comparable(ascii)).toBe('0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz');
  });

  it('gives what the regex gives on seeded random strings, ASCII ones and ones with a few other characters', () => {
    const alphabet = ['a', 'Z', '0', ' ', '-', '.', '@', '[', '`', '{', '\x7f', '\t', 'é', 'É', 'ſ', 'K', '北', '\ud800', '\udc00', '🚀', 'Ⅻ'];
    const next = rng(42);
    for (let k = 0; k < 3000; k++) {
      const ascii = k % 2 === 0;
      const pool = ascii ? alphabet.slice(0, 12) : alphabet;
      let line = '';
      for (let i = Math.floor(next() * 60); i > 0; i--) line += pool[Math.floor(next() * pool.length)];
      expect(comparable(line), JSON.stringify(line)).toBe(byRegex(line));
    }
  });
});

// lineSketch reads only the ends of an ASCII line: it must give the sketch of the whole comparable form.
describe('lineSketch', () => {
  const bySketch = (line: string): string => sketchOfComparable(byRegex(line));

  it('gives the sketch of the comparable form on lines written here', () => {
    const written = [
      ...LINES,
      'The rocket flew 300 km into the sea, officials said.',
      'The rocket flew 300 km, then more, into the sea, officials said.',
      'ab',
      '...a...',
      'Short 7',
      'Exactly8 chars then é and the tail of 8 letters',
      'é first, then plain words to the end',
      'plain words, then a last é',
      'Twelve chars',
      'ABCDEFGH—ijklmnop',
    ];
    for (const line of written) expect(lineSketch(line), line.slice(0, 40)).toBe(bySketch(line));
  });

  it('gives the same sketch to lines with the same comparable form, and tells apart short ones that differ', () => {
    expect(lineSketch('(LEAD) N. Korea fires short-range missile, JCS says')).toBe(lineSketch('lead n korea fires short range missile jcs says'));
    expect(lineSketch('Rocket 1')).not.toBe(lineSketch('Rocket 2'));
    expect(lineSketch('...')).toBe(sketchOfComparable(''));
  });

  it('gives the sketch of the comparable form on seeded random strings', () => {
    const alphabet = ['a', 'Z', '0', ' ', '-', '.', '@', '[', '`', '{', '\x7f', '\t', 'é', 'É', 'ſ', 'K', '北', '\ud800', '\udc00', '🚀', 'Ⅻ', 'İ', 'Σ'];
    const next = rng(43);
    for (let k = 0; k < 4000; k++) {
      // Most strings ASCII only, the others with a few other characters anywhere (at the ends too).
      const pool = k % 3 === 0 ? alphabet : alphabet.slice(0, 12);
      let line = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) line += pool[Math.floor(next() * pool.length)];
      expect(lineSketch(line), JSON.stringify(line)).toBe(bySketch(line));
    }
  });
});
