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

describe('missiles as the subject of an impact verb, a place hit by missiles, a missile "launched from / late …"', () => {
  it('"missiles strike", "missile hits", "slammed into" and "was hit by … missiles" report a strike', () => {
    expect(run(['Officials counted the damage in the port on Friday.'], 'Enemy ballistic missiles strike port city overnight').isLaunchReport).toBe(true);
    expect(run(['Rescuers worked through the night at the site on Friday.'], 'Cruise missile hits power station in the capital').isLaunchReport).toBe(true);
    expect(run(['Two rockets slammed into a market square on Friday morning, local officials said.']).isLaunchReport).toBe(true);
    expect(run(['The depot was hit by three ballistic missiles on Friday, the air force said.']).isLaunchReport).toBe(true);
  });
  it('the noun "a missile strike" is not itself a launch verb', () => {
    const ex = run(['Crews cleared rubble on Friday, a day after a missile strike the previous evening destroyed the hall.']);
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a missile "launched from" or "launched late Thursday" is a launch, "the missile launched on <earlier date>" alone is not news', () => {
    expect(run(['A ballistic missile launched from the desert on Friday landed near the border, officials said.']).isLaunchReport).toBe(true);
    expect(run(['A cruise missile launched late Thursday crashed into a field, the army said on Friday.']).isLaunchReport).toBe(true);
    expect(run(['The navy said the missile launched on March 3 had flown 800 km.']).isLaunchReport).toBe(false);
  });
  it('"placed a satellite into its target orbit" is a launch', () => {
    expect(run(['The space agency said the rocket placed a small satellite into its planned orbit on Friday.']).isLaunchReport).toBe(true);
  });
});
