import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('lengths', () => {
  const main = (sentence: string, title = 'North Korea fires ballistic missiles'): Extraction => run(title, [sentence], FRI);

  it('a pair "120.3 and 350.5 kilometers" gives the larger, 350.5', () => {
    expect(fieldValue(main('North Korea fired two missiles on Friday that flew 120.3 and 350.5 kilometers respectively, the military said.'), 'distance_km')).toBe(350.5);
  });

  it('a span "90-250 km" gives 250', () => {
    expect(fieldValue(main('North Korea fired several rockets on Friday that flew 90-250 km, the military said.'), 'distance_km')).toBe(250);
  });

  it('"1,002.5 km" is 1002.5', () => {
    expect(fieldValue(main('North Korea fired a ballistic missile on Friday that traveled 1,002.5 km, state media said.'), 'distance_km')).toBe(1002.5);
  });

  it('"climbed to about 820 km" is an apogee, not a distance', () => {
    const ex = main('North Korea fired a ballistic missile on Friday that climbed to about 820 km, the military said.');
    expect(fieldValue(ex, 'apogee_km')).toBe(820);
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('"traveled 950 km and reached a height of 6,100 km": 950 distance, 6100 apogee', () => {
    const ex = main('North Korea fired an ICBM on Friday that traveled 950 km and reached a height of 6,100 km, Japan said.');
    expect(fieldValue(ex, 'distance_km')).toBe(950);
    expect(fieldValue(ex, 'apogee_km')).toBe(6100);
  });

  it('"its range could exceed 13,000 km" is a capability', () => {
    const ex = main('North Korea fired an ICBM on Friday that flew 1,000 km, and its range could exceed 13,000 km, analysts said.');
    expect(fieldValue(ex, 'distance_km')).toBe(1000);
  });

  it('"landed about 610 km away from its launch site" is the distance flown', () => {
    expect(fieldValue(main('North Korea fired a ballistic missile on Friday that landed about 610 km away from its launch site, the military said.'), 'distance_km')).toBe(610);
  });

  it('"hit targets about 500 km away" is the distance flown', () => {
    expect(fieldValue(main('North Korea fired two rockets on Friday that hit targets about 500 km away, state media said.'), 'distance_km')).toBe(500);
  });

  it('a miles gloss in brackets does not block the cue after it ("640km (398 miles) before striking")', () => {
    expect(fieldValue(main("North Korea fired a new missile on Friday that sped 640km (398 miles) before striking a target island, state media said."), 'distance_km')).toBe(640);
  });
});

describe('labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('a labelled summary line ("Distance: 800 km | Apogee: 60 km | Impact: East Sea") fills the fields', () => {
    const ex = run(null, [
      'North Korea fired two short-range ballistic missiles on Friday, the Joint Chiefs of Staff said.',
      'Type: SRBM | Distance: 800 km | Apogee: 60 km | Impact: East Sea',
    ], FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(800);
    expect(fieldValue(ex, 'apogee_km')).toBe(60);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });

  it('"each completing a 250-kilometre flight" is a distance', () => {
    const ex = run(null, ['North Korea fired two missiles on Friday, each completing a 250-kilometre flight, the military said.'], FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(250);
  });

  it('one sentence stating both a distance and an apogee gives each (the two rules share its lengths, read once)', () => {
    const ex = run('North Korea fires ballistic missile', ['North Korea fired a ballistic missile on Friday that flew 600 km and reached an altitude of 60 km, the military said.'], FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(600);
    expect(fieldValue(ex, 'apogee_km')).toBe(60);
  });
});
