import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findDates, forgetDateReadings, readCalendarDates, readingsFor } from '../../src/extract/dates.js';
import { findJapaneseDates } from '../../src/extract/locales/ja/readers.js';

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

describe('Japanese: reference-free date readings', () => {
  // Made-up sentences: years written in digits and eras (reusable), and years chrono guesses or takes from the
  // reference date (同年, 今年, none written), and a sentence with no month at all (never given to chrono).
  const sentences = [
    '北朝鮮は2023年3月9日に弾道ミサイルを発射した。',
    '令和5年４月１３日の発射では、ミサイルは日本海に落下した。',
    '防衛省によると、ミサイルは3月9日午前7時ごろ発射された。',
    '同年5月31日にも同じ型のミサイルが発射された。',
    '今年2月29日の発射について政府は抗議した。',
    '北朝鮮は9日朝、弾道ミサイル1発を発射した。',
  ];

  it('the dates found after a first reading against no date equal those of a fresh reading', () => {
    for (const text of sentences) {
      for (const [reference, hint] of [...REFERENCES.map((r): [string, null] => [r, null]), [null, 2021] as [null, number], [null, null] as [null, null]]) {
        forgetDateReadings();
        findJapaneseDates(text, null, null);
        const reused = findJapaneseDates(text, reference, hint);
        forgetDateReadings();
        const fresh = findJapaneseDates(text, reference, hint);
        expect(reused, `${text} @ ${reference ?? hint}`).toEqual(fresh);
      }
    }
  });

  it('finds the written dates at all', () => {
    forgetDateReadings();
    expect(findJapaneseDates(sentences[0], null, null).map((d) => d.date)).toEqual(['2023-03-09']);
    expect(findJapaneseDates(sentences[3], '2024-06-01', null).map((d) => d.date)).toEqual(['2024-05-31']);
  });
});
