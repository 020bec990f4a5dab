import { describe, expect, it } from 'vitest';
import { sentenceRole } from '../../src/extract/roles.js';
import type { Unit } from '../../src/extract/units.js';

// extract.ts keeps the first-pass role of a sentence without dates: sentenceRole must give a sentence without
// dates the same role whatever the main date. Every sentence below is made up for this test.

const SENTENCES = [
  'North Korea fired two ballistic missiles into the sea, the military said.',
  'A day earlier, it fired a cruise missile off its west coast.',
  'North Korea has test-fired various missiles in recent years.',
  'The missile is capable of reaching the mainland.',
  'Such tests typically involve a flight over the ocean.',
  'Fragments of a missile were found near the border.',
  'The launch came after the country said it plans to launch a satellite.',
  'It fired a missile last year that flew 1,000 km, and another one this week.',
  'The council approved a plan for bus timetables.',
];

const unit = (text: string, index: number): Unit => ({ part: 'text', index, span: { start: 0, end: text.length }, text, paragraph: index, isCaption: false, inChronology: false });

describe('the role of a sentence without dates', () => {
  it('does not depend on the main date or its month and day', () => {
    SENTENCES.forEach((text, i) => {
      const first = sentenceRole(unit(text, i + 1), [], null, null, 'en');
      for (const [date, monthDay] of [['2025-05-09', '05-09'], ['2024-01-02', '01-02']] as const) {
        expect(sentenceRole(unit(text, i + 1), [], date, monthDay, 'en')).toEqual(first);
        expect(sentenceRole(unit(text, i + 1), [], null, monthDay, 'en')).toEqual(first);
      }
    });
  });

  it('covers sentences of several roles (the check above is not vacuous)', () => {
    const roles = new Set(SENTENCES.map((text, i) => sentenceRole(unit(text, i + 1), [], null, null, 'en').role));
    expect(roles.size).toBeGreaterThanOrEqual(3);
  });
});
