import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('"outside Japan\'s economic zone" (without "exclusive") is the EEZ', () => {
    const ex = run(null, ['North Korea fired a ballistic missile on Friday that fell outside Japan\'s economic zone, Tokyo said.'], FRI);
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });
});

describe('eez: a negation a few words before reaching, entering or landing in the zone', () => {
  const eez = (sentence: string): unknown => fieldValue(run('Launch reported', [sentence], FRI), 'eez');
  it('reads "not … reached", "no … entering", "not … reaching" and "territory or EEZ" as outside', () => {
    expect(eez('North Korea fired a missile on Friday; Tokyo said it did not seem to have reached Japan\'s exclusive economic zone.')).toBe('outside');
    expect(eez('North Korea fired two missiles on Friday, and Japan said it had seen no missiles entering its territory or its EEZ.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday; Japan\'s coast guard had not observed any object reaching the EEZ.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday that didn\'t land in Japanese territory or economic zone, officials said.')).toBe('outside');
  });
  it('does not read "not clear whether … in the EEZ" as outside', () => {
    expect(eez('North Korea fired a missile on Friday; it was not clear whether it landed in Japan\'s EEZ.')).not.toBe('outside');
  });
  it('reads "the country\'s" zone and a zone sized in nautical miles', () => {
    expect(eez('North Korea fired a missile on Friday that fell outside the country\'s exclusive economic zone, Tokyo said.')).toBe('outside');
    expect(eez('North Korea fired a missile on Friday that splashed down within the 200-nautical-mile economic zone Japan claims.')).toBe('inside');
  });
});
