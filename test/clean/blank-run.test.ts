// hasBlankRun (src/clean/lines.ts) stands for the cleaner's blank-run regex: it must say yes exactly when the regex
// finds a run to replace. Lines written here and seeded random strings of blanks and letters.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { hasBlankRun } from '../../src/clean/lines.js';
import { cleanDocument } from '../../src/clean/index.js';

const BLANK_RUN = / [ \t\f\v]+|[\t\f\v][ \t\f\v]*/g;
const plain = (line: string): boolean => line.replace(BLANK_RUN, ' ') !== line || / [ \t\f\v]|[\t\f\v]/.test(line);

describe('hasBlankRun', () => {
  it('says yes exactly where the blank-run regex finds a run, on lines written here', () => {
    const lines = ['The rocket flew 300 km.', 'The rocket  flew.', 'The\trocket', 'a\fb', 'a\vb', ' lead', 'end ', 'a \u00a0b', 'a\u3000 b', ''];
    for (const line of lines) expect(hasBlankRun(line), JSON.stringify(line)).toBe(plain(line));
    expect(lines.filter(hasBlankRun)).toEqual(['The rocket  flew.', 'The\trocket', 'a\fb', 'a\vb']);
  });

  it('says yes exactly where the regex finds a run, on seeded random strings', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\t', '\f', '\v', '\u00a0', '\r', '.', 'Z'];
    const next = rng(5);
    for (let k = 0; k < 5000; k++) {
      let line = '';
      for (let i = Math.floor(next() * 12); i > 0; i--) line += alphabet[Math.floor(next() * (k % 2 ? alphabet.length : 4))];
      expect(hasBlankRun(line), JSON.stringify(line)).toBe(plain(line));
    }
  });

  it('leaves the cleaned text as the regex makes it', () => {
    const article = cleanDocument({
      origin: 'test', format: 'text', externalId: null, url: null, source: null, published: null, title: null,
      text: 'The rocket \t flew  300 km.\nIt fell\vinto the sea.', language: 'en', droppedByExtractor: [],
    });
    expect(article.text).toBe('The rocket flew 300 km.\n\nIt fell into the sea.');
  });
});
