import { describe, expect, it } from 'vitest';
import { firstAtoms } from '../../src/knowledge/first-chars.js';
import { type Rule, TableMatcher } from '../../src/knowledge/matcher.js';

// Sources written here: what a rule's match may begin with, and the matcher that tries only those rules.
describe('firstAtoms', () => {
  it('takes the first literal, class or escape', () => {
    expect(firstAtoms('Hwase?ong')).toEqual(['H']);
    expect(firstAtoms('[-\\s]*KN')).toEqual(['[-\\s]', 'K']);
    expect(firstAtoms('\\p{Lu}x')).toEqual(['\\p{Lu}']);
  });
  it('adds what may follow an optional start, and every alternative', () => {
    expect(firstAtoms("(?:South Korea's |Seoul's )?Joint")).toEqual(['S', 'J']);
    expect(firstAtoms('a{0,2}b|c')).toEqual(['a', 'b', 'c']);
  });
  it('skips lookarounds and word boundaries', () => {
    expect(firstAtoms('(?<!the )\\blaunch(?! pad)')).toEqual(['l']);
  });
  it('keeps a surrogate pair written as escapes together', () => {
    expect(firstAtoms('\\uD83D\\uDE00!')).toEqual(['\\uD83D\\uDE00']);
  });
  it('answers "anything" for what it does not follow or what may be empty', () => {
    expect(firstAtoms('.x')).toBeNull();
    expect(firstAtoms('a?')).toBeNull();
    expect(firstAtoms('(x')).toBeNull();
  });
});

const rules = (sources: string[]): Rule<string>[] => sources.map((source) => ({ source, weak: false, exact: null, entry: source, where: `test /${source}/` }));

describe('TableMatcher buckets', () => {
  it('finds a rule whose first letter differs in case or by Unicode case folding', () => {
    const m = new TableMatcher(rules(['kim', 'scud']), false, 'en');
    // U+212A KELVIN SIGN folds to k and U+017F LONG S to s under the i and u flags, as in one combined regex.
    expect(m.find('\u212Aim met ſcud crews').map((h) => h.start)).toEqual([0, 8]);
  });
  it('finds rules behind an optional start from either first character', () => {
    const m = new TableMatcher(rules(["(?:South Korea's )?Joint Chiefs"]), false, 'en');
    const text = "South Korea's Joint Chiefs and the Joint Chiefs";
    expect(m.find(text).map((h) => text.slice(h.start, h.end))).toEqual(["South Korea's Joint Chiefs", 'Joint Chiefs']);
  });
  it('gives the same hits when asked about a text again', () => {
    const m = new TableMatcher(rules(['KN-23', 'KN-2']), true, 'en');
    const first = m.find('two KN-23s and a KN-2');
    expect(m.find('two KN-23s and a KN-2')).toEqual(first);
    expect(first.map((h) => [h.start, h.plural])).toEqual([[4, true], [17, false]]);
  });
});
