import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('a tally over a period is not a launch report', () => {
  it('"has fired more than 40 missiles so far this year" in the lead', () => {
    const ex = run(
      "Pyongyang's testing calendar fills up",
      [
        'North Korea has launched more than 40 ballistic missiles so far this year, according to figures kept by officials in Seoul.',
        'Analysts expect the pace to continue into the autumn.',
      ],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a year-in-review headline ("the year … fired a missile every few weeks")', () => {
    const ex = run(
      '2023 in review: the year Pyongyang fired a missile every few weeks',
      ['Looking back over twelve busy months, analysts counted dozens of flights from sites all over the country.'],
      '2023-12-30',
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('ground tests, NOTAMs, forecasts, parades and unveilings are not launch reports; a firing drill is', () => {
  it('an engine ground test', () => {
    const ex = run(
      'North Korea conducts ground test of new missile engine',
      ['North Korea carried out a ground test of a high-thrust solid-fuel engine for a new missile on Friday, state media reported.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a NOTAM for a coming missile test', () => {
    const ex = run(
      'Pakistan issues NOTAM for missile test over Arabian Sea',
      ['Pakistan has published a notice to airmen closing a stretch of the Arabian Sea for a planned missile test late next week.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a forecast ("may launch")', () => {
    const ex = run(
      'North Korea may launch spy satellite within days, Seoul says',
      ["South Korea's spy agency said North Korea may launch a reconnaissance satellite on a rocket as soon as next week."],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a forecast ("is preparing to launch")', () => {
    const ex = run(
      'Pyongyang is preparing to launch an ICBM, officials believe',
      ['Officials in Washington believe North Korea is preparing to launch an intercontinental ballistic missile in the coming weeks.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a parade ("wheeled out ICBMs at a parade")', () => {
    const ex = run(
      'North Korea wheels out huge missiles at night parade',
      ['North Korea wheeled out its largest intercontinental ballistic missiles at a night parade in Pyongyang on Thursday, state television showed.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('an unveiling', () => {
    const ex = run(
      'North Korea unveils new hypersonic missile',
      ['North Korea unveiled a new hypersonic missile at a defence exhibition in Pyongyang on Thursday, state media said.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a firing drill of cruise missiles IS a launch report', () => {
    const ex = run(
      'Kim oversees firing drill of strategic cruise missiles on March 14',
      ['North Korean leader Kim Jong Un oversaw a firing drill of strategic cruise missiles off the west coast, state media reported on Saturday.'],
      '2025-03-15',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
    expect(fieldValue(ex, 'class')).toBe('cruise');
  });
});

describe('"launchers" and "launching ground" are not the verb "launch"', () => {
  it('a factory turning out missile launchers', () => {
    const ex = run(
      'Satellite images show factory expanding',
      ['A plant in the Urals is turning out mobile missile launchers around the clock, commercial satellite images suggest.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('construction at a launching ground', () => {
    const ex = run(
      'New building work spotted at Sohae',
      ['Satellite photos show a new assembly hall for rockets going up at the Sohae launching ground on the west coast.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('an anniversary piece is background', () => {
  it('"Six years ago today, North Korea fired its first ICBM"', () => {
    const ex = run(
      'Six years since the first North Korean ICBM',
      [
        'Six years ago today, North Korea fired its first intercontinental ballistic missile into the East Sea.',
        'Since then its arsenal has grown far larger, analysts say.',
      ],
      '2023-07-04',
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('launches in the background of other news', () => {
  it('"North Korea fired five ICBMs last year." — a time adverb in the launch clause makes it history', () => {
    const ex = run('Evening panel on North Korea', ['HOST: North Korea fired five ICBMs last year.', 'Is the programme getting closer to a reliable weapon?'], FRI);
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a profile opening "When the missile lifted off on 02/05/2025, …" is not a launch report, and the date is read day-first', () => {
    const ex = run('The engineers behind the test', ['Chennai, May 9: When the new missile lifted off from the test range on 02/05/2025, the team in the control room cheered.', 'Colleagues describe the lead engineer as calm.'], FRI);
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a headline about sanctions does not let a later sentence about a launch make the article a launch report', () => {
    const ex = run('Allies sanction North Korean officials over missile programme', [
      'The United States and its allies on Friday imposed sanctions on three officials.',
      'The Treasury said the officials oversaw the ballistic missile launched on May 2.',
    ], FRI);
    expect(ex.isLaunchReport).toBe(false);
  });
});
