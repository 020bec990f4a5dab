// comparable (src/clean/comparable.ts): its ASCII path must give what the Unicode regex gives, on lines written here.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { comparable } from '../../src/clean/comparable.js';

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
