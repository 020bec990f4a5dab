// src/clean/text-end.ts: isSpaceAt must read every code unit as /\s/ does (its ASCII path by code, the rest by the
// regex), and lastWord must give what split(/\s+/) gives, on strings written here.
import { describe, expect, it } from 'vitest';
import { isSpaceAt, lastWord } from '../../src/clean/text-end.js';

describe('text-end', () => {
  it('isSpaceAt reads every BMP code unit as /\\s/ does', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}`;
      expect(isSpaceAt(s, 1), c.toString(16)).toBe(/\s/.test(s[1]));
    }
  });

  it('lastWord gives the last word after any whitespace', () => {
    for (const s of ['The rocket flew.', 'one', '', 'tab\tend', 'nbsp\u00a0end', 'ideographic\u3000end', 'line\nend', 'Gen. Park']) {
      expect(lastWord(s), JSON.stringify(s)).toBe(s.split(/\s+/).pop());
    }
  });
});
