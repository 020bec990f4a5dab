import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/types.js';
import { extract, fieldValue } from '../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('sentence roles', () => {
  it('a background clause after the launch verb is cut ("…, its first launch since a January test that flew 1,000 km")', () => {
    const ex = run(
      'North Korea fires missiles',
      ['North Korea fired two ballistic missiles on Friday, its first launch since a January test that flew 1,000 km.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('"The second followed at 7:41 a.m. and flew roughly 420 km" is the same event', () => {
    const ex = run(
      'North Korea fires two missiles',
      [
        'North Korea fired two short-range ballistic missiles on Friday morning, the JCS said.',
        'The first was launched at 7:20 a.m. and flew about 350 km.',
        'The second followed at 7:41 a.m. and flew roughly 420 km.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'distance_km')).toBe(420);
  });

  it('"The launch followed a test last week …" is background', () => {
    const ex = run(
      'North Korea fires missile',
      [
        'North Korea fired a ballistic missile on Friday that flew 500 km, the military said.',
        'The launch followed a test earlier in the month in which a missile flew 900 km.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'distance_km')).toBe(500);
  });

  it('"followed a preset course" is not background', () => {
    const ex = run(
      'North Korea fires cruise missile',
      ['North Korea fired a strategic cruise missile on Friday.', 'The missile followed a preset course and flew 1,500 km over the West Sea, state media said.'],
      FRI,
    );
    expect(fieldValue(ex, 'distance_km')).toBe(1500);
  });

  it('another weekday in the sentence is background for its clause (Tuesday clause vs the Friday launch)', () => {
    const ex = run(
      'North Korea fires ICBM',
      ['On Tuesday, the North fired a short-range missile that travelled 300 km, and on Friday it launched an ICBM that flew 1,000 km.'],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(1000);
  });

  it('a weekday after "reported" is not an anchor', () => {
    const ex = run(
      'North Korea fires missile',
      ['North Korea fired a ballistic missile on Friday that flew 600 km, state media reported on Sunday.'],
      '2025-05-11', // a Sunday
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-09');
    expect(fieldValue(ex, 'distance_km')).toBe(600);
  });

  it('"fragments of a KN-23 were recovered in Zaporizhzhia" is context (no name taken)', () => {
    const ex = run(
      'Russia fires missiles at Kyiv overnight',
      [
        "Russia launched a barrage of missiles at Kyiv overnight into Friday, Ukraine's air force said.",
        'Fragments of a North Korean KN-23 were recovered in Zaporizhzhia last month, investigators said.',
      ],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'name')).toBeNull();
  });
});
