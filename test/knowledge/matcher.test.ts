import { describe, expect, it } from 'vitest';
import { type Locale, type Rule, SharedTableGate, TableMatcher } from '../../src/knowledge/matcher.js';
import { TABLE_GATE_AFTER_CHARS } from '../../src/settings.js';

// Rules written here, not read from data/: the word boundary is what is under test.
const rules = (sources: string[]): Rule<string>[] =>
  sources.map((source) => ({ source, weak: false, exact: null, entry: source, where: `test /${source}/` }));
const found = (sources: string[], text: string, locale: Locale): string[] =>
  new TableMatcher(rules(sources), false, locale).find(text).map((h) => text.slice(h.start, h.coreEnd));

describe('word boundary: en', () => {
  it('matches whole words, next to punctuation', () => {
    expect(found(['North Korea', 'U\\.S\\.'], 'North Korea fired; the U.S. condemned it.', 'en')).toEqual(['North Korea', 'U.S.']);
  });
  it('does not match inside a longer word', () => {
    expect(found(['sea'], 'The seabed and the overseas bases', 'en')).toEqual([]);
    expect(found(['Korea'], 'Koreans watched', 'en')).toEqual([]);
  });
  it('does not match a Latin name glued to Hangul', () => {
    expect(found(['Korea'], 'Korea가', 'en')).toEqual([]);
  });
});

describe('word boundary: ko', () => {
  it('lets Hangul particles and endings follow a name', () => {
    expect(found(['북한'], '북한이 탄도미사일을 쐈다', 'ko')).toEqual(['북한']);
    expect(found(['합참'], '합참은 이렇게 밝혔다', 'ko')).toEqual(['합참']);
    expect(found(['동해'], '미사일은 동해상으로 날아갔다', 'ko')).toEqual(['동해']);
  });
  it('needs no space before a name', () => {
    expect(found(['동해'], '그는어제동해에서', 'ko')).toEqual(['동해']);
  });
  it('keeps the Latin boundary for Latin designations inside Korean text', () => {
    expect(found(['KN-23'], 'KN-23을 발사했다', 'ko')).toEqual(['KN-23']);
    expect(found(['KN-2'], 'KN-23을 발사했다', 'ko')).toEqual([]);
  });
});

describe('word boundary: ja', () => {
  it('matches inside running text with no spaces', () => {
    expect(found(['北朝鮮', '日本海'], '北朝鮮は弾道ミサイルを日本海に向けて発射した', 'ja')).toEqual(['北朝鮮', '日本海']);
  });
  it('still prefers the longest rule on overlap', () => {
    expect(found(['排他的経済水域', '経済'], '排他的経済水域の外に落下', 'ja')).toEqual(['排他的経済水域']);
  });
});

describe('a gate shared by several tables', () => {
  it('is made once one of its tables makes its own gate, even if another table is never asked about a text', () => {
    const shared = new SharedTableGate();
    const designations = new TableMatcher(rules(['Hwasong-?\\d+']), true, 'en', shared);
    const sites = new TableMatcher(rules(['Sohae']), false, 'en', shared);
    // Before any gate is made, every text may hold a match.
    expect(shared.mayHold('The council met on Monday.')).toBe(true);
    // The designation table reads enough text to make its gate; the site table reads none.
    const filler = 'The council approved a plan for road repairs and asked for a public hearing. '.repeat(25);
    for (let read = 0, i = 0; read <= TABLE_GATE_AFTER_CHARS; i++) read += designations.find(`${filler}${i}`).length + filler.length;
    expect(shared.mayHold('The council met on Monday.')).toBe(false);
    expect(shared.mayHold('It fired a Hwasong-18.')).toBe(true);
    expect(shared.mayHold('It launched from Sohae.')).toBe(true);
    // Both tables still find what they name, through the shared gate and their own.
    expect(designations.find('It fired two Hwasong-18s.').map((h) => h.rule.source)).toEqual(['Hwasong-?\\d+']);
    expect(sites.find('It launched a rocket from Sohae on Tuesday.').map((h) => h.rule.source)).toEqual(['Sohae']);
    expect(sites.find('The council met on Monday.')).toEqual([]);
  });
});
