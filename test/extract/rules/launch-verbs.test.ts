// Launch phrasings read from the launchVerbs and countFiringVerbs rows of data/locales/en/phrases.json: a
// phrasing that is one row of data, no code. Every sentence below is made up for these tests.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

const FRI = '2025-05-09'; // a Friday

const run = (paragraphs: string[], title: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published: FRI }).ex;

describe('"sent … missiles into / toward / flying" is a launch', () => {
  it('reads the launch, its date, count, class and landing as for "fired"', () => {
    const ex = run(['North Korea sent two ballistic missiles into the sea off its east coast on Friday, the military said.']);
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
    expect(fieldValue(ex, 'class')).toBe('ballistic');
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });

  it('"sends … rockets flying toward" in a headline makes a report', () => {
    const ex = run(['Three short-range rockets flew about 350 km on Friday before falling into the Yellow Sea, Seoul said.'], 'North Korea sends three rockets flying toward the Yellow Sea');
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'count_min')).toBe(3);
  });

  it('"sent" without a missile flying somewhere is not a launch', () => {
    expect(run(['The ministry sent a statement to reporters on Friday about its missile programme.']).isLaunchReport).toBe(false);
    expect(run(['North Korea sent a delegation to Moscow on Friday to discuss rockets and space cooperation.']).isLaunchReport).toBe(false);
  });
});
