import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { findDates, mayHoldADate, mayHoldCalendarDate, mayNameADay } from '../../src/extract/dates.js';
import { rng } from '../../scripts/seeded-random.mjs';

// The date cues of src/extract/dates.ts are regexes written to start at a digit or a rare letter and look back; each
// must match in exactly the sentences its plain pattern matches in. The sentences below are made up.

// The plain patterns, as the cues' comments spell them.
const MONTH_BESIDE_DIGIT = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NUMERIC_DATE = /\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}/;
const NAMES_A_DAY = /day|morning|afternoon|evening|tonight|overnight|on the \d/i;

const plainCalendar = (t: string): boolean => MONTH_BESIDE_DIGIT.test(t) || NUMERIC_DATE.test(t);
const plainDay = (t: string): boolean => NAMES_A_DAY.test(t);

const SENTENCES = [
  'The rocket lifted off on Jan. 6, 2025 from the western coast.',
  'Officials said the test of 13 April used a new engine.',
  'It flew on the 3rd of Sept. and again on the 21st.',
  'The 2019-07-25 launch flew 600 km, and the one of 11/03/2024 flew farther.',
  'A launcher was seen on Monday; another test came this morning.',
  'Drills ran overnight and resumed in the afternoon, tonight or the evening after.',
  'The navy reported 40 boats and 3 planes near the coast.',
  'Summary 5: remarks on the primary school budget, decided 3 to 2.',
  'The mayor 7 and the doctor 9 declined to comment.',
  'Nothing here names a date or a time.',
  'SEOUL, MARCH 3 - THE LAUNCH CAME ON THE 2ND OF FEBRUARY.',
  'Midday 12 reports said the MORNING flight was yesterday.',
];

// Pieces a random text is made of: month and day words whole and in parts, digits, separators, spaces of every kind.
const PIECES = [
  'jan', 'Feb', 'MAR', 'apr', 'may', 'June', 'jul', 'aug', 'sept', 'Oct', 'nov', 'dec', 'uary', ' ', '  ', '\u00a0',
  '\u2009', '\u3000', '\n', '.', '/', '-', ',', '0', '1', '3', '12', '2024', 'st', 'nd', 'RD', 'th', 'of', 'OF ',
  'x', 'a', 'k', '\u017f', '\u212a', '\u0130', 'day', 'DAY', 'da', 'y', 'Y', 'morning', 'mornin', 'g', 'G',
  'evening', 'after', 'noon', 'af', 'ternoon', 'f', 'F', 'tonight', 'toni', 'ght', 'overnight', 'over', 'night',
  'ht', 'on the ', 'On The ', 'on the',
];

function randomTexts(seed: number, n: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const pieces = 1 + Math.floor(next() * 8);
    for (let j = 0; j < pieces; j++) s += PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return out;
}

describe('date cues', () => {
  it('match in the sentences their plain patterns match in', () => {
    for (const text of SENTENCES) {
      expect(mayHoldCalendarDate(text), text).toBe(plainCalendar(text));
      expect(mayNameADay(text), text).toBe(plainDay(text));
      expect(mayHoldADate(text), text).toBe(plainCalendar(text) || plainDay(text));
    }
    // Both kinds of sentence are among them, and sentences with neither.
    expect(SENTENCES.filter(mayHoldCalendarDate).length).toBeGreaterThan(3);
    expect(SENTENCES.filter(mayNameADay).length).toBeGreaterThan(3);
    expect(SENTENCES.filter((t) => !mayHoldADate(t)).length).toBeGreaterThan(1);
  });

  it('match in the random texts their plain patterns match in (seeded)', () => {
    const texts = randomTexts(16, 200_000);
    const differ = texts.filter((t) => mayHoldCalendarDate(t) !== plainCalendar(t) || mayNameADay(t) !== plainDay(t) || mayHoldADate(t) !== (plainCalendar(t) || plainDay(t)));
    expect(differ).toEqual([]);
    // The pieces make every kind of cue often enough to test both answers.
    expect(texts.filter(mayHoldCalendarDate).length).toBeGreaterThan(10_000);
    expect(texts.filter(mayNameADay).length).toBeGreaterThan(10_000);
  });

  it('a sentence with neither cue has no dates', () => {
    for (const text of SENTENCES.filter((t) => !mayHoldADate(t))) expect(findDates(text, '2024-03-05', null, chrono.en)).toEqual([]);
  });
});
