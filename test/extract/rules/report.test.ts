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

describe('launches told in strike, attempt and flight words; forecasts, warnings, debris and deployments are not', () => {
  it('"struck a depot in <city> with ballistic missiles" is a launch report by the attacker', () => {
    const ex = run(
      'Iran strikes militia depot in border town with ballistic missiles',
      ["Iran's Revolutionary Guards said on Thursday they had struck a weapons depot near the border town with ballistic missiles, local officials said."],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('Iran');
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });

  it('"Thursday\'s strike on <city> used a new missile" is a launch report', () => {
    const ex = run(null, ["Russia's defence ministry said Thursday's missile strike on a factory in the city used a new ballistic missile."], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('Russia');
  });

  it('"a ballistic missile fired from Yemen landed in an open area" is the Houthis\'s launch', () => {
    const ex = run(
      'Missile lands in open field near Tel Aviv',
      ['A ballistic missile fired from Yemen landed in an open field early on Friday after interceptors failed to stop it, the military said.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('Houthis');
  });

  it('an interceptor test ("an interceptor was fired at the test range") is a launch report', () => {
    const ex = run(
      "South Korea's new interceptor hits target in test",
      ['South Korea fired its new long-range interceptor at a test range on the west coast on Thursday, hitting a target missile, the agency said.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('South Korea');
  });

  it('"attempted to launch a missile" is a launch, with its time', () => {
    const ex = run(null, ['North Korea attempted to launch a ballistic missile at 5:30 a.m. on Friday from near Sinpo, but it exploded seconds later, the military said.'], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'time_local')).toBe('05:30');
  });

  it('"a missile did not fly over Japan on Thursday" still reports the launch', () => {
    const ex = run(null, ['A North Korean missile did not fly over Japan on Thursday after all, despite warnings sent to residents, the defence minister said.'], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });

  it('a forecast that a launch "could possibly come" is not a launch report', () => {
    const ex = run(
      'North Korea may launch satellite soon, spy agency says',
      ['North Korea could possibly make another attempt to launch a satellite later this month, the spy agency told lawmakers on Wednesday.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a no-fly warning for a possible missile test is not a launch report', () => {
    const ex = run(
      'India publishes no-fly warning for possible missile test',
      ['A no-fly warning for a wide stretch of the ocean next week has been published, and analysts said a missile test could come soon.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a recovered piece of a rocket is not a launch report', () => {
    const ex = run(
      'Navy recovers part of failed rocket',
      ['The navy said on Friday it had recovered a large piece of the rocket that North Korea launched last month.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('missiles to be stationed abroad are deployment news, not a launch report', () => {
    const ex = run(
      'New missiles could be stationed in allied country next year',
      ['The new missiles could be stationed in the allied country from next year, the president said on Friday.', 'Russia fired the missile for the first time two weeks ago.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('the lede: caption blocks, teaser headlines, tallies in a trailing clause', () => {
  it('a caption running over two sentences up to its "(Agency)" credit is not the lede', () => {
    const ex = run(
      'Leaders agree to share missile warning data',
      [
        'A TV screen at a bus terminal shows a file image of a missile launch during a news programme on March 3, 2025. The North fired two missiles that day. (Yonhap)',
        'SEOUL, March 14 -- The leaders of three countries agreed on Friday to share real-time warning data on missiles at their summit.',
      ],
      '2025-03-14',
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a headline "Missile launch!" over a lead about sanctions is a teaser, not a launch report', () => {
    const ex = run(
      'Missile Launch! Treasury lifts sanctions on five officials',
      ['The Treasury Department lifted sanctions on five officials accused of buying parts for a weapons programme, a statement said on Friday.'],
      FRI,
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a tally in a trailing clause ("…, its tenth launch so far this year") keeps the lede a report', () => {
    const ex = run(null, ['North Korea fired two ballistic missiles into the sea on Friday, its tenth launch so far this year, the military said.'], FRI);
    expect(ex.isLaunchReport).toBe(true);
  });

  it('a tally inside the launch clause ("fired a series of missiles in recent months — at least 18") is no report', () => {
    const ex = run('Missile tests show an advancing arsenal', ['As North Korea fired a series of missiles in recent months — at least 18 since May — the president dismissed them.'], FRI);
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('actor: the passive agent inside a report, the speaker of its own launch', () => {
  it('"Japan\'s government says a ballistic missile launched by North Korea splashed down" is DPRK', () => {
    const ex = run('Missile lands in economic zone', ["Japan's government says a ballistic missile launched by North Korea on Friday morning splashed down in the Sea of Japan."], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });

  it('"SEOUL, South Korea (AP) — North Korea said Friday it tested a new missile" is DPRK', () => {
    const ex = run(null, ['SEOUL, South Korea (AP) — North Korea said Friday it tested a new solid-fuel missile with a hypersonic warhead.'], FRI);
    expect(ex.actor).toBe('DPRK');
  });
});
