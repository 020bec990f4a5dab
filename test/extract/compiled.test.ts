import { describe, expect, it } from 'vitest';
import { afterLastMatch, compiled, matchesOf, withFlags } from '../../src/extract/compiled.js';

// Patterns compiled once: the kept pattern must be the one `new RegExp` would make, and be made only once. The
// sentences below are made up.

const SENTENCE = 'The Northland army fired two rockets at 6 a.m.; the second rocket fell short, officials said.';

describe('compiled patterns', () => {
  it('compiled(source, flags) finds what new RegExp(source, flags) finds, and is made once', () => {
    const source = String.raw`\brockets?\b`;
    const once = compiled(source, 'gi');
    expect(compiled(source, 'gi')).toBe(once);
    expect(compiled(source, 'i')).not.toBe(once);
    const fresh = [...SENTENCE.matchAll(new RegExp(source, 'gi'))].map((m) => [m.index, m[0]]);
    // Used twice with matchAll: a shared global pattern starts from the beginning each time.
    for (let k = 0; k < 2; k++) expect([...SENTENCE.matchAll(once)].map((m) => [m.index, m[0]])).toEqual(fresh);
  });

  it('withFlags(re, flags) equals new RegExp(re.source, flags), once per pattern and flags', () => {
    const re = /\bfir(?:ed|ing)\b/i;
    const global = withFlags(re, 'gi');
    expect(withFlags(re, 'gi')).toBe(global);
    expect(global.flags).toBe('gi');
    expect(global.source).toBe(re.source);
    expect(withFlags(/\bfir(?:ed|ing)\b/i, 'gi')).not.toBe(global);
    expect([...SENTENCE.matchAll(global)].map((m) => m.index)).toEqual([...SENTENCE.matchAll(new RegExp(re.source, 'gi'))].map((m) => m.index));
  });

  // Each match as [index, the match, its groups]: what the readers take from matchAll's results.
  const shown = (ms: Iterable<RegExpMatchArray>): unknown[] => [...ms].map((m) => [m.index, ...m]);

  it('matchesOf(re, text) gives what [...text.matchAll(re)] gives, empty matches and astral characters included', () => {
    const cases: [RegExp, string][] = [
      [/\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.)/gi, SENTENCE],
      [/\brockets?\b/gi, SENTENCE],
      [/\bmissiles?\b/gi, SENTENCE],
      // Empty matches: the search moves on by one unit, or by one code point under 'u'.
      [/x*/g, 'axxb\u{1F680}c'],
      [/x*/gu, 'axxb\u{1F680}c'],
      [/(?:)/gu, '\u{1F680}\u{1F680}'],
      [/\p{L}+/gu, 'Nord\u{1F680}land rockets'],
      // Sticky and global: stops at the first position without a match, as matchAll does.
      [/\d,?/gy, '1,2,3 and 4'],
    ];
    for (const [re, text] of cases) {
      for (let k = 0; k < 2; k++) expect(shown(matchesOf(re, text))).toEqual(shown(text.matchAll(re)));
      expect(re.lastIndex).toBe(0);
    }
    expect(() => matchesOf(/rockets/i, SENTENCE)).toThrow(TypeError);
  });

  it('afterLastMatch(re, text) gives text.split(re).pop() for a pattern without groups that matches no empty string', () => {
    const breaks = /[;:]|,\s+(?:which|that|while|but|a|an|the)\b|\bthat\b/i;
    const texts = [
      SENTENCE,
      'no break in this one',
      '',
      'ends on a break;',
      'one; two: three, which four, that five and that six',
      'a clause, the next one; and then that',
    ];
    for (const text of texts) expect(afterLastMatch(breaks, text)).toBe(text.split(breaks).pop());
    // Twice in a row, and with a global pattern given: the same answers.
    for (const text of texts) expect(afterLastMatch(/[;:]/g, text)).toBe(text.split(/[;:]/g).pop());
    for (const text of texts) expect(afterLastMatch(/[;:]/g, text)).toBe(text.split(/[;:]/).pop());
  });
});

