import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('sites', () => {
  it('"the latest escalation from Pyongyang" is not a site', () => {
    const ex = run(
      'North Korea fires ballistic missile',
      ['In the latest escalation from Pyongyang, North Korea fired a ballistic missile into the East Sea on Friday, the military said.'],
      FRI,
    );
    expect(fieldValue(ex, 'site')).toBeNull();
  });

  it('"the projectile came from a coastal facility near Sinpo" (no launch verb) is a site', () => {
    const ex = run(
      'North Korea fires submarine-launched missile',
      [
        'North Korea fired a submarine-launched ballistic missile on Friday, the JCS said.',
        "Seoul's military said the projectile came from a coastal facility near Sinpo.",
      ],
      FRI,
    );
    expect(fieldValue(ex, 'site')).toBe('sinpo');
  });
});

describe('a site in a sentence about "the launch"', () => {
  it('"The launch took place … near Pyongyang\'s Sunan airport" gives the site sunan', () => {
    const ex = run(null, [
      'North Korea fired a ballistic missile over Japan on Friday, the Joint Chiefs of Staff said.',
      "The launch took place at 6:57 a.m. near Pyongyang's Sunan airport, the military said.",
    ], FRI);
    expect(fieldValue(ex, 'site')).toBe('sunan');
  });

  it('"an area north of Pyongyang" is a bearing, not the site', () => {
    const site = (sentence: string) => fieldValue(run('North Korea fires ballistic missiles', [sentence], FRI), 'site');
    expect(site('North Korea fired two ballistic missiles from an area northeast of Pyongyang on Friday, the military said.')).toBeNull();
    expect(site('North Korea fired two ballistic missiles from a site south of the city of Wonsan on Friday, the military said.')).toBeNull();
    expect(site('North Korea fired two ballistic missiles from near Wonsan on Friday, the military said.')).toBe('wonsan');
    expect(site('North Korea fired two ballistic missiles from the north of the city of Wonsan on Friday, the military said.')).toBe('wonsan');
  });

  it('"what Pyongyang called" names a government, not a place', () => {
    const ex = run('North Korea fires ICBM', ['North Korea fired an ICBM on Friday in what Pyongyang called a drill, the military said.'], FRI);
    expect(fieldValue(ex, 'site')).toBeNull();
    const ex2 = run('North Korea fires ICBM', ['North Korea fired an ICBM on Friday, the military said, in Pyongyang\'s latest protest against the drills.'], FRI);
    expect(fieldValue(ex2, 'site')).toBeNull();
  });

  it('"the rocket left the pad of the Sohae station" is a site', () => {
    const ex = run('North Korea launches satellite', ['North Korea launched a satellite on Friday.', 'The carrier rocket left the pad of the Sohae station at 9 a.m., state media said.'], FRI);
    expect(fieldValue(ex, 'site')).toBe('sohae');
  });
});
