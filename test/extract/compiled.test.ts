import { describe, expect, it } from 'vitest';
import { compiled, withFlags } from '../../src/extract/compiled.js';

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
});
