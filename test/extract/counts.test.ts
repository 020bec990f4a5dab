import { describe, expect, it } from 'vitest';
import { findCounts } from '../../src/extract/counts.js';
import { extract, fieldValue } from '../helpers/article.js';

// count_min: the fewest missiles the text commits to; count_exact: true only for an exact number (the singular
// "a missile" and "a single" included).

const first = (s: string): { min: number; exact: boolean } | null => {
  const c = findCounts(s)[0];
  return c ? { min: c.min, exact: c.exact } : null;
};

describe('findCounts', () => {
  const cases: [string, string, { min: number; exact: boolean }][] = [
    ['"a missile"', 'North Korea fired a missile into the sea.', { min: 1, exact: true }],
    ['"a single"', 'The North launched a single ballistic missile eastward.', { min: 1, exact: true }],
    ['"two"', 'The North fired two short-range ballistic missiles.', { min: 2, exact: true }],
    ['"at least two"', 'The North fired at least two missiles toward the sea.', { min: 2, exact: false }],
    ['"multiple"', 'The North fired multiple cruise missiles.', { min: 2, exact: false }],
    ['"several"', 'The North launched several short-range missiles.', { min: 2, exact: false }],
    ['"a series of"', 'The North fired a series of ballistic missiles.', { min: 2, exact: false }],
    ['a plural without a number', 'The North fired ballistic missiles into the sea.', { min: 2, exact: false }],
    ['"about 10"', 'The North fired about 10 rockets from a launcher.', { min: 10, exact: false }],
    ['"more than 10"', 'The North fired more than 10 missiles on Wednesday.', { min: 11, exact: false }],
    ['"over a missile" (a preposition, not "more than")', 'Air-raid alarms rang out over a missile fired from the coast.', { min: 1, exact: true }],
    ['"a KN-23 missile" (one, not 23)', 'The North fired a KN-23 missile toward the sea.', { min: 1, exact: true }],
  ];
  for (const [name, sentence, want] of cases) {
    it(`${name} → count ${want.min}, exact ${want.exact}`, () => {
      expect(first(sentence)).toEqual(want);
    });
  }

  it('"KN-23" is never read as a count of 23', () => {
    expect(findCounts('The North fired a KN-23 missile toward the sea.').some((c) => c.min === 23)).toBe(false);
  });

  it('"at least one missile flew on an irregular trajectory" is not a launch count', () => {
    expect(findCounts('At least one missile flew on an irregular trajectory, the military said.')).toEqual([]);
  });
});

describe('count_min / count_exact (whole article)', () => {
  const run = (sentence: string) =>
    extract({
      title: 'Seoul reports North Korean launch toward the East Sea',
      text: `${sentence} South Korea's Joint Chiefs of Staff said the launch came from the Pyongyang area.`,
      published: '2025-05-08',
    }).ex;
  const count = (sentence: string): [unknown, unknown] => {
    const ex = run(sentence);
    return [fieldValue(ex, 'count_min'), fieldValue(ex, 'count_exact')];
  };

  it('"a missile" → 1, exact', () => {
    expect(count('North Korea fired a missile on Thursday into the East Sea.')).toEqual([1, true]);
  });

  it('"a single" → 1, exact', () => {
    expect(count('North Korea fired a single ballistic missile on Thursday into the East Sea.')).toEqual([1, true]);
  });

  it('"two" → 2, exact', () => {
    expect(count('North Korea fired two ballistic missiles on Thursday into the East Sea.')).toEqual([2, true]);
  });

  it('"at least two" → 2, not exact', () => {
    expect(count('North Korea fired at least two ballistic missiles on Thursday into the East Sea.')).toEqual([2, false]);
  });

  it('"multiple" → 2, not exact', () => {
    expect(count('North Korea fired multiple cruise missiles on Thursday over the East Sea.')).toEqual([2, false]);
  });

  it('"several" → 2, not exact', () => {
    expect(count('North Korea fired several short-range ballistic missiles on Thursday into the East Sea.')).toEqual([2, false]);
  });

  it('"a series of" → 2, not exact', () => {
    expect(count('North Korea fired a series of ballistic missiles on Thursday into the East Sea.')).toEqual([2, false]);
  });

  it('a plural without a number → 2, not exact', () => {
    expect(count('North Korea fired ballistic missiles on Thursday into the East Sea.')).toEqual([2, false]);
  });

  it('"about 10" → 10, not exact', () => {
    expect(count('North Korea fired about 10 rockets on Thursday into the East Sea.')).toEqual([10, false]);
  });

  it('"more than 10" → 11, not exact', () => {
    expect(count('North Korea fired more than 10 missiles on Thursday into the East Sea.')).toEqual([11, false]);
  });

  it('"a KN-23 missile" → 1, exact (not 23)', () => {
    expect(count('North Korea fired a KN-23 missile on Thursday into the East Sea.')).toEqual([1, true]);
  });

  it('"The North fired ballistic missiles" (plural after "The North") → 2, not exact', () => {
    expect(count('The North fired ballistic missiles on Thursday into the East Sea.')).toEqual([2, false]);
  });

  it('"two missiles … at least one missile flew on an irregular trajectory" stays 2, exact', () => {
    const ex = extract({
      title: 'North Korea fires two ballistic missiles',
      text: 'North Korea fired two ballistic missiles on Thursday into the East Sea, the Joint Chiefs of Staff said. At least one missile flew on an irregular trajectory, Japan\'s Defense Ministry said.',
      published: '2025-05-08',
    }).ex;
    expect([fieldValue(ex, 'count_min'), fieldValue(ex, 'count_exact')]).toEqual([2, true]);
  });
});
