import { describe, expect, it } from 'vitest';
import { LINE_RULES, SPLIT_RULES } from '../../src/clean/boilerplate.js';

// A boilerplate row's `requires` is a cheap test run before its pattern: it may only spare the pattern texts the
// pattern cannot match in. Every line below is made up.

const LINES = [
  'Kim Min-su/AFP SEOUL — Northland fired a missile on Monday.',
  '(Reuters)NEW DELHI (AP) -- Troops test-fired a rocket.',
  'Getty Images TOKYO - A rocket lifted off from the island.',
  'The Kyodo agency said TOKYO - nothing more.',
  'Photo by Lee Jae-won',
  'AFP',
  'SEOUL — The ministry said a rocket was launched.',
  'afp seoul — lower-case credits are not credits.',
  'The council approved a plan for road repairs in Riverton on Monday.',
  'Read more: council plans',
  '© 2031 Harbor Times. All rights reserved.',
];

describe('boilerplate requires', () => {
  const withRequires = [...LINE_RULES, ...SPLIT_RULES].filter((r) => r.requires);

  it('the split row has one', () => {
    expect(SPLIT_RULES.some((r) => r.requires)).toBe(true);
  });

  it('every text a row with requires matches in passes its requires', () => {
    for (const rule of withRequires) {
      const all = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
      const matched = LINES.filter((l) => [...l.matchAll(all)].length > 0);
      expect(matched.length, rule.reason).toBeGreaterThan(0);
      for (const l of matched) expect(rule.requires?.test(l), `${rule.reason}: ${l}`).toBe(true);
    }
  });
});
