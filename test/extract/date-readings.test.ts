import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findDates, forgetDateReadings, readCalendarDates, readingsFor } from '../../src/extract/dates.js';

// An undated article's sentences are read by chrono once: against no date (to find the latest date written on
// the page), and that reading is reused against the stand-in reference when chrono's guesses cannot change it.
// Every sentence below is made up.

const REFERENCES = ['2024-02-29', '2023-03-31', '2025-12-31', '2021-01-01'];

describe('reference-free date readings', () => {
  const plain = [
    'The launch on March 3, 2021 was the third that year.',
    'It fired two missiles on Jan. 6 from a coastal site.',
    'Officials said the test of 13 April used a new engine.',
    'The 2019-07-25 launch flew 600 km.',
    'Since Friday, November 3 no rocket has lifted off.',
  ];
  const guessed = [
    'The drills ran from September 11 to 12 near the coast.',
    'Three days after May 5 the rocket flew again.',
    'A launch on February 29 was planned, officials said.',
    'Troops gathered on the morning of January 14 near the coast.',
  ];

  it('a reading with sure month and day, no range and nothing counted from another date is reference-free', () => {
    for (const text of plain) expect(readCalendarDates(text, null, chrono.en).referenceFree, text).toBe(true);
  });

  it('ranges, readings counted from another date and a yearless February 29 are not', () => {
    for (const text of guessed) expect(readCalendarDates(text, null, chrono.en).referenceFree, text).toBe(false);
  });

  it('the dates found from a reused reading equal those from a fresh reading against each reference', () => {
    for (const text of [...plain, ...guessed]) {
      for (const reference of REFERENCES) {
        forgetDateReadings();
        const unreferenced = readingsFor(text, null, chrono.en);
        const reused = findDates(text, reference, null, chrono.en, readingsFor(text, reference, chrono.en));
        const fresh = findDates(text, reference, null, chrono.en, readCalendarDates(text, reference, chrono.en));
        expect(reused, `${text} @ ${reference}`).toEqual(fresh);
        // Reused only when reference-free: the same object then, a new reading otherwise.
        expect(readingsFor(text, reference, chrono.en) === unreferenced).toBe(unreferenced.referenceFree);
      }
    }
  });
});
