import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/types.js';
import { extract, fieldValue } from '../helpers/article.js';

// Whole-article extraction: cleanDocument(documentFromText(…)) then extractArticle. Every report below is made up.

const PUB = '2025-05-08'; // a Thursday

/** A short report: headline, then paragraphs. */
const report = (title: string, ...paragraphs: string[]) => extract({ title, text: paragraphs.join('\n\n'), published: PUB }).ex;

describe('class and name', () => {
  it('"Hwasong-18 intercontinental ballistic missile": name Hwasong-18, class ICBM', () => {
    const ex = report(
      'North Korea test-fires solid-fuel long-range missile',
      'North Korea fired a Hwasong-18 intercontinental ballistic missile on Thursday toward the East Sea, Seoul\'s military said.',
    );
    expect(fieldValue(ex, 'name')).toBe('Hwasong-18');
    expect(fieldValue(ex, 'class')).toBe('ICBM');
  });

  it('"short-range ballistic missiles" is SRBM', () => {
    const ex = report('North Korea fires missiles toward East Sea', 'North Korea fired two short-range ballistic missiles on Thursday toward the East Sea, the Joint Chiefs of Staff said.');
    expect(fieldValue(ex, 'class')).toBe('SRBM');
  });

  it('a plain "ballistic missile" is class ballistic', () => {
    const ex = report('North Korea fires missile toward East Sea', 'North Korea fired a ballistic missile on Thursday toward the East Sea, the Joint Chiefs of Staff said.');
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });

  it('a name alone does not give a class ("a new Hwasong-18 missile")', () => {
    const ex = report('North Korea test-fires new Hwasong-18 missile', 'North Korea fired a new Hwasong-18 missile on Thursday from near the capital, state media said.');
    expect(fieldValue(ex, 'name')).toBe('Hwasong-18');
    expect(fieldValue(ex, 'class')).toBeNull();
  });

  it('a designation without the word "missile" still reports the launch and names it, with no class', () => {
    const ex = report('North Korea test-fires new Hwasong-18', 'North Korea fired a Hwasong-18 on Thursday from near the capital, state media said.');
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'name')).toBe('Hwasong-18');
    expect(fieldValue(ex, 'class')).toBeNull();
  });

  it('"KN-23" is the name', () => {
    const ex = report('North Korea fires short-range missile', 'North Korea fired a KN-23 missile on Thursday into the East Sea, South Korea\'s Joint Chiefs of Staff said.');
    expect(fieldValue(ex, 'name')).toBe('KN-23');
  });

  it('"Pukguksong-3 submarine-launched ballistic missile": name Pukguksong-3, class SLBM', () => {
    const ex = report(
      'North Korea tests new submarine-launched missile',
      'North Korea test-fired a Pukguksong-3 submarine-launched ballistic missile on Thursday off its east coast, the state news agency said.',
    );
    expect(fieldValue(ex, 'name')).toBe('Pukguksong-3');
    expect(fieldValue(ex, 'class')).toBe('SLBM');
  });

  it('a Chollima-1 satellite launch is class SLV, name Chollima-1, site sohae', () => {
    const ex = report(
      'North Korea launches spy satellite',
      'North Korea launched a Chollima-1 rocket carrying a military reconnaissance satellite on Thursday from the Sohae Satellite Launching Station, state media said.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'class')).toBe('SLV');
    expect(fieldValue(ex, 'name')).toBe('Chollima-1');
    expect(fieldValue(ex, 'site')).toBe('sohae');
  });

  it('"cruise missiles" is class cruise', () => {
    const ex = report('North Korea fires cruise missiles', 'North Korea fired several strategic cruise missiles on Thursday over the West Sea, the Joint Chiefs of Staff said.');
    expect(fieldValue(ex, 'class')).toBe('cruise');
  });
});

describe('site', () => {
  const site = (sentence: string) => fieldValue(report('North Korea fires ballistic missile', sentence), 'site');

  it('"from the Wonsan area" is wonsan', () => {
    expect(site('North Korea fired a ballistic missile on Thursday from the Wonsan area, the military said.')).toBe('wonsan');
  });

  it('"from Sunan" is sunan', () => {
    expect(site('North Korea fired a ballistic missile on Thursday from Sunan, the military said.')).toBe('sunan');
  });

  it('"Tongchang-ri" is sohae', () => {
    expect(site('North Korea launched a space rocket on Thursday from Tongchang-ri on its west coast, officials said.')).toBe('sohae');
  });

  it('"the Pyongyang area" is pyongyang', () => {
    expect(site('North Korea fired a ballistic missile on Thursday from the Pyongyang area, the military said.')).toBe('pyongyang');
  });

  it('"Pyongyang said" is not a site', () => {
    expect(site('Pyongyang said it fired a new ballistic missile on Thursday to test its engine.')).toBeNull();
  });

  it('"from its east coast" is not a site', () => {
    expect(site('North Korea fired a ballistic missile on Thursday from its east coast, the military said.')).toBeNull();
  });
});

describe('landing and EEZ', () => {
  const landing = (sentence: string) => fieldValue(report('North Korea fires ballistic missile', sentence), 'landing');

  it('"into the East Sea" is sea-of-japan', () => {
    expect(landing('North Korea fired a ballistic missile on Thursday into the East Sea, the military said.')).toBe('sea-of-japan');
  });

  it('"into the Sea of Japan" is sea-of-japan', () => {
    expect(landing('North Korea fired a ballistic missile on Thursday that landed in the Sea of Japan, Tokyo said.')).toBe('sea-of-japan');
  });

  it('"into the West Sea" is yellow-sea', () => {
    expect(landing('North Korea fired a ballistic missile on Thursday into the West Sea, the military said.')).toBe('yellow-sea');
  });

  it('"into the Pacific" is pacific-ocean', () => {
    expect(landing('North Korea fired a ballistic missile on Thursday that flew over Japan and fell into the Pacific, officials said.')).toBe('pacific-ocean');
  });

  it('"from its east coast" is not a landing', () => {
    expect(landing('North Korea fired a ballistic missile on Thursday from its east coast, the military said.')).toBeNull();
  });

  it('"outside Japan\'s exclusive economic zone" gives eez outside', () => {
    const ex = report(
      'North Korea fires ballistic missile',
      'North Korea fired a ballistic missile on Thursday, and it fell outside Japan\'s exclusive economic zone, the Japanese government said.',
    );
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });

  it('"inside Japan\'s EEZ" gives eez inside', () => {
    const ex = report('North Korea fires ballistic missile', 'North Korea fired a ballistic missile on Thursday that came down inside Japan\'s EEZ, Tokyo said.');
    expect(fieldValue(ex, 'eez')).toBe('inside');
  });
});

describe('background mentions never fill the main launch', () => {
  const LEAD = 'North Korea fired a ballistic missile on Thursday into the East Sea, South Korea\'s Joint Chiefs of Staff said.';
  const withBackground = (...more: string[]) => report('North Korea fires ballistic missile into East Sea', LEAD, ...more);

  it('an earlier launch ("Last month, the North fired an ICBM that flew 1,000 km")', () => {
    const ex = withBackground('Last month, the North fired an ICBM that flew 1,000 km.');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
    expect(fieldValue(ex, 'class')).toBe('ballistic');
    expect(fieldValue(ex, 'date_local')).toBe(PUB);
  });

  it('"last Thursday\'s" test', () => {
    const ex = withBackground("Last Thursday's test involved a Hwasong-11 that flew 600 km and reached an altitude of 60 km.");
    expect(fieldValue(ex, 'distance_km')).toBeNull();
    expect(fieldValue(ex, 'apogee_km')).toBeNull();
    expect(fieldValue(ex, 'name')).toBeNull();
    expect(fieldValue(ex, 'date_local')).toBe(PUB);
  });

  it('a parade\'s ICBM', () => {
    const ex = withBackground('At a military parade in October, the North displayed a new Hwasong-20 intercontinental ballistic missile.');
    expect(fieldValue(ex, 'name')).toBeNull();
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });

  it('fragments found in Kharkiv (Hwasong-11)', () => {
    const ex = withBackground('Ukrainian investigators have said fragments of a Hwasong-11 missile were found in Kharkiv after a Russian strike.');
    expect(fieldValue(ex, 'name')).toBeNull();
    expect(ex.actor).toBe('DPRK');
  });

  it('a design range', () => {
    const ex = withBackground('The missile type is believed to have a range of up to 5,000 km.');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('a distance to Guam', () => {
    const ex = withBackground('Guam, home to a major US air base, lies some 3,400 km from North Korea.');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('a splash-down offset', () => {
    const ex = withBackground('The missile landed 200 km west of Okushiri, Japan\'s coast guard said.');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('a photo caption describing an older launch', () => {
    const ex = withBackground(
      'A Hwasong-17 intercontinental ballistic missile lifts off during a test flight that reached 6,000 km in altitude, in this undated photo released by KCNA.',
    );
    expect(fieldValue(ex, 'name')).toBeNull();
    expect(fieldValue(ex, 'class')).toBe('ballistic');
    expect(fieldValue(ex, 'apogee_km')).toBeNull();
  });
});

describe('is it a launch report?', () => {
  it('an artillery drill is not', () => {
    const ex = report(
      'North Korea fires artillery near sea border',
      'North Korea fired around 200 artillery shells near the western sea border on Thursday, South Korea\'s military said, prompting island residents to evacuate.',
    );
    expect(ex.isLaunchReport).toBe(false);
    expect(ex.actor).toBeNull();
  });

  it('a parade is not', () => {
    const ex = report(
      'North Korea shows off largest missiles at night parade',
      'North Korea displayed its largest intercontinental ballistic missiles at a night military parade in Pyongyang on Thursday, state media said.',
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a nuclear test is not', () => {
    const ex = report(
      'North Korea conducts sixth nuclear test',
      'North Korea conducted its sixth nuclear test on Thursday, claiming it had detonated a bomb that could be fitted to a long-range missile.',
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('actor', () => {
  it('a North Korean launch is "DPRK"', () => {
    const ex = report('North Korea fires ballistic missile', 'North Korea fired a ballistic missile on Thursday into the East Sea, the military said.');
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });

  it('"Seoul says North fired missile" is a DPRK launch, not a South Korean one', () => {
    const ex = report(
      'Seoul says North fired missile from Wonsan',
      'North Korea launched a short-range ballistic missile from Wonsan on Thursday, the South Korean military said.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });

  it('a Chinese test is "China"', () => {
    const ex = report(
      'China test-fires ICBM into the Pacific',
      'China test-fired an intercontinental ballistic missile carrying a dummy warhead into the Pacific Ocean on Thursday, its defence ministry said.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('China');
    expect(fieldValue(ex, 'landing')).toBe('pacific-ocean');
  });

  it('an Indian test is "India"', () => {
    const ex = report(
      'India test-fires Agni-5 missile',
      'India successfully test-fired an Agni-5 missile on Thursday from an island off the coast of Odisha, defence officials said.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('India');
  });

  it('a US test is "USA"', () => {
    const ex = report(
      'Air Force launches unarmed Minuteman III in test',
      'The U.S. Air Force launched an unarmed Minuteman III intercontinental ballistic missile early Thursday from Vandenberg Space Force Base in California.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('USA');
  });
});

describe('attribution and evidence spans', () => {
  const run = () =>
    extract({
      title: 'North Korea fires missiles toward East Sea',
      text: [
        'Seoul, May 8 -- Tensions rose again on the peninsula on Thursday.',
        'North Korea fired two short-range ballistic missiles at 7:40 a.m. on Thursday from the Wonsan area, South Korea\'s Joint Chiefs of Staff said.',
        'The missiles flew about 350 km before falling into the East Sea.',
      ].join('\n\n'),
      published: PUB,
    });

  it('values stated in a sentence naming the Joint Chiefs of Staff are attributed to "jcs"', () => {
    const { ex } = run();
    for (const f of ['count_min', 'class', 'site', 'time_local'] as const) {
      const c = ex.fields[f];
      expect(c, f).toBeDefined();
      expect(c?.attribution, f).toBe('jcs');
      expect(c?.evidence.sentence, f).toContain('Joint Chiefs of Staff');
    }
  });

  it('a value in a sentence that names no agency has attribution null', () => {
    const { ex } = run();
    expect(ex.fields.distance_km?.value).toBe(350);
    expect(ex.fields.distance_km?.attribution).toBeNull();
  });

  it('every claim\'s span slices its exact words from the article text (or title)', () => {
    const { article, ex } = run();
    expect(ex.claims.length).toBeGreaterThan(0);
    const checkable = (c: Claim): boolean => c.evidence.span.end > c.evidence.span.start;
    for (const c of ex.claims.filter(checkable)) {
      const source = c.evidence.part === 'text' ? article.text : (article.title ?? '');
      expect(source.slice(c.evidence.span.start, c.evidence.span.end), c.field).toBe(c.surface);
      expect(source.slice(c.evidence.sentenceSpan.start, c.evidence.sentenceSpan.end), c.field).toBe(c.evidence.sentence);
    }
  });

  it('the count claim quotes "two short-range ballistic missiles" in the JCS sentence', () => {
    const { article, ex } = run();
    const c = ex.fields.count_min;
    expect(c?.evidence.part).toBe('text');
    expect(c?.value).toBe(2);
    expect(c && article.text.slice(c.evidence.span.start, c.evidence.span.end)).toBe(c?.surface);
    expect(c?.surface).toContain('two');
  });
});
