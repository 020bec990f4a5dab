import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/types.js';
import { extract, fieldValue } from './helpers/article.js';

// One focused test per extraction rule the lead added. Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('rule 1: a tally over a period is not a launch report', () => {
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

describe('rule 2: ground tests, NOTAMs, forecasts, parades and unveilings are not launch reports; a firing drill is', () => {
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

describe('rule 3: "launchers" and "launching ground" are not the verb "launch"', () => {
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

describe('rule 4: an anniversary piece is background', () => {
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

describe('rule 5: datelines and page stamps are not launch dates', () => {
  it('"Balasore, November 14 (Agency): … on Wednesday" is the Wednesday', () => {
    const ex = run(
      'India test-fires nuclear-capable missile',
      ['Balasore, November 14 (Agency): India test-fired a nuclear-capable Agni-Prime missile from an island off the Odisha coast on Wednesday, defence officials said.'],
      '2024-11-14', // a Thursday
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe('2024-11-13');
  });

  it('"Published On 21 Feb 2025" at the top is ignored', () => {
    const ex = run(
      'North Korea fires cruise missiles',
      ['Published On 21 Feb 2025\nNorth Korea fired several cruise missiles over the West Sea on Wednesday, the military said.'],
      '2025-02-21', // a Friday
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-02-19');
  });

  it('"| 19.05.2022" is ignored', () => {
    const ex = run(
      'North Korea fires ballistic missile',
      ['Defence desk | 19.05.2022\nNorth Korea fired a ballistic missile toward the East Sea on Tuesday, the military said.'],
      '2022-05-19', // a Thursday
    );
    expect(fieldValue(ex, 'date_local')).toBe('2022-05-17');
  });
});

describe('rule 6: an explicit date in the opening launch sentences beats a headline weekday', () => {
  it('headline "on Saturday", body "early on Sunday, March 9" → March 9', () => {
    const ex = run(
      'North Korea fires ballistic missiles on Saturday',
      ["North Korea launched several ballistic missiles early on Sunday, March 9, South Korea's Joint Chiefs of Staff said."],
      '2025-03-09',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-03-09');
  });
});

describe('rule 7: "the morning of October 2" is October 2', () => {
  it('not the publication day', () => {
    const ex = run(
      'North Korea fired missiles this week',
      ['North Korea fired two short-range ballistic missiles on the morning of October 2, the Joint Chiefs of Staff said.'],
      '2024-10-04',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2024-10-02');
  });
});

describe('rule 8: without a publication date, the latest written date or a year hint stands in', () => {
  it('a caption dated "March 12, 2025" pins "Tuesday" to March 11, 2025', () => {
    const ex = run(
      'North Korea tests new cruise missile',
      [
        'North Korea fired a new strategic cruise missile over the West Sea on Tuesday, state media said.',
        'This photo, released by state media on March 12, 2025, shows the missile leaving its launcher.',
      ],
      null,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-03-11');
  });

  it('a year in the URL pins "July 12"', () => {
    const ex = run(
      'North Korea fires missile into East Sea',
      ['North Korea fired a ballistic missile into the East Sea on July 12, the military said.'],
      null,
      'https://news.example.org/world/2023/07/north-korea-missile',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2023-07-12');
  });

  it('a year written in the text pins "July 4"', () => {
    const ex = run(
      'North Korea fires missile into East Sea',
      ['North Korea fired a ballistic missile into the East Sea on July 4, the military said.', 'Officials counted it as the ninth launch of 2019.'],
      null,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2019-07-04');
  });
});

describe('rule 9: times', () => {
  const time = (sentence: string, published: string, title = 'North Korea fires ballistic missile'): string | null =>
    fieldValue(run(title, [sentence], published), 'time_local') as string | null;

  it('"3:05 p.m. ET" in late November is EST → 05:05 KST', () => {
    expect(time('North Korea launched a ballistic missile at 3:05 p.m. ET, U.S. officials said.', '2024-11-27')).toBe('05:05');
  });

  it('"3:05 p.m. ET" in July is EDT → 04:05 KST', () => {
    expect(time('North Korea launched a ballistic missile at 3:05 p.m. ET, U.S. officials said.', '2024-07-10')).toBe('04:05');
  });

  it('"9:50 a.m. Hawaii time" → 04:50 KST', () => {
    expect(time('North Korea launched a ballistic missile at 9:50 a.m. Hawaii time, U.S. Indo-Pacific Command said.', '2024-07-10')).toBe('04:50');
  });

  it('a US test at "1:12 a.m. PDT" stays 01:12 (USA actor)', () => {
    const ex = run(
      'Air Force test-launches unarmed Minuteman III',
      ['The U.S. Air Force launched an unarmed Minuteman III missile at 1:12 a.m. PDT on Tuesday from Vandenberg Space Force Base, California.'],
      '2024-06-04',
    );
    expect(ex.actor).toBe('USA');
    expect(fieldValue(ex, 'time_local')).toBe('01:12');
  });

  it('a KCNA-datelined text in 2016 ("at 10:00") is on Pyongyang time → 10:30 KST', () => {
    const ex = run(
      'DPRK launches ballistic rocket',
      ['Pyongyang, March 1 (KCNA) -- The Korean People\'s Army launched a ballistic rocket at 10:00 from the east coast, the agency said.'],
      '2016-03-02',
    );
    expect(fieldValue(ex, 'time_local')).toBe('10:30');
  });

  it('the earliest launch time wins ("around 6:50 a.m." then "the first was fired at 6:41 a.m.")', () => {
    const ex = run(
      'North Korea fires ballistic missiles',
      [
        'North Korea launched two ballistic missiles at around 6:50 a.m. on Friday from the Wonsan area, the military said.',
        'The first was fired at 6:41 a.m. and the second eleven minutes later.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'time_local')).toBe('06:41');
  });

  it('a time after a landing/warning word ("forecast to come down … around 9 a.m.") is not the launch time', () => {
    const ex = run(
      'North Korea fires ballistic missile',
      ["North Korea fired a ballistic missile on Friday that Japan's defence ministry said was forecast to come down outside its waters around 9 a.m."],
      FRI,
    );
    expect(fieldValue(ex, 'time_local')).toBeNull();
  });
});

describe('rule 10: lengths', () => {
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

describe('rule 11: counts', () => {
  const counts = (title: string, paragraphs: string[]) => {
    const ex = run(title, paragraphs, FRI);
    return { min: fieldValue(ex, 'count_min'), exact: fieldValue(ex, 'count_exact') };
  };

  it('a bare plural after "The North" counts (2, not exact)', () => {
    expect(counts('Seoul reports launches', ['The North launched short-range missiles toward the East Sea on Friday, the JCS said.'])).toEqual({ min: 2, exact: false });
  });

  it('"an unarmed Minuteman 3 missile" is one missile, not three', () => {
    const ex = run('Air Force tests ICBM', ['The U.S. Air Force launched an unarmed Minuteman 3 missile from California early on Friday.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(1);
  });

  it('three satellites and a later "ballistic missiles" are not a missile count', () => {
    const ex = run(
      'Iran puts satellites into orbit',
      ['Iran launched a Simorgh rocket carrying three research satellites on Friday, in a programme that Washington says advances its work on ballistic missiles.'],
      FRI,
    );
    expect(fieldValue(ex, 'count_min')).toBe(1);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
  });

  it('a bare plural gives way to a later figure ("fired missiles … three short-range missiles were launched")', () => {
    expect(
      counts('North Korea fires missiles', [
        'North Korea fired missiles into the East Sea on Friday morning.',
        'The Joint Chiefs of Staff said three short-range ballistic missiles were launched from near the capital.',
      ]),
    ).toEqual({ min: 3, exact: true });
  });

  it('a number hedged elsewhere is not exact ("three" in the lead, "at least three" later)', () => {
    expect(
      counts('North Korea fires missiles', [
        'North Korea fired three ballistic missiles toward the East Sea on Friday, the military said.',
        "Japan's defence ministry said at least three missiles were launched.",
      ]),
    ).toEqual({ min: 3, exact: false });
  });

  it('no count words, singular launch sentence → 1, exact', () => {
    expect(counts('India tests Agni-Prime', ['India flight-tested the Agni-Prime from an island off Odisha on Friday, the defence ministry said.'])).toEqual({
      min: 1,
      exact: true,
    });
  });

  it('no count words, "missile tests" → 2, not exact', () => {
    expect(
      counts('Iran holds missile tests', ['Iran conducted missile tests on Thursday and Friday along its southern coast, state television said.']),
    ).toEqual({ min: 2, exact: false });
  });
});

describe('rule 12: sentence roles', () => {
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

describe('rule 13: landing', () => {
  const landing = (sentence: string, title = 'North Korea fires ballistic missile') => fieldValue(run(title, [sentence], FRI), 'landing');

  it('"landed in the Pacific" is pacific-ocean', () => {
    expect(landing('North Korea fired a ballistic missile on Friday that landed in the Pacific, Japan said.')).toBe('pacific-ocean');
  });

  it('"the Asia-Pacific summit" is no landing', () => {
    expect(landing('North Korea fired a ballistic missile on Friday as leaders gathered for the Asia-Pacific summit in Lima.')).toBeNull();
  });

  it('"Indo-Pacific Command" is no landing', () => {
    expect(landing('North Korea fired a ballistic missile on Friday, U.S. Indo-Pacific Command said in a statement.')).toBeNull();
  });

  it('"remote targets in the Pacific" is no landing', () => {
    expect(landing('North Korea fired an ICBM on Friday in a show of its ability to hit remote targets in the Pacific, state media said.')).toBeNull();
  });

  it('"off the east coast of Japan in the Pacific Ocean" is pacific-ocean, not sea-of-japan', () => {
    expect(landing('North Korea fired an ICBM on Friday that splashed down off the east coast of Japan in the Pacific Ocean, Tokyo said.')).toBe('pacific-ocean');
  });

  it('a generic "Such launches typically involve a flight over the Pacific" is no landing', () => {
    const ex = run(
      'Air Force tests unarmed Minuteman III',
      [
        'The U.S. Air Force launched an unarmed Minuteman III missile from Vandenberg Space Force Base on Friday.',
        'Such launches typically involve a flight over the Pacific.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'landing')).toBeNull();
  });
});

describe('rule 14: sites', () => {
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

describe('rule 15: actor', () => {
  it('"Seoul says North launched missile" + body "North Korea fired …" → DPRK', () => {
    const ex = run('Seoul says North launched ballistic missile', ["North Korea fired a ballistic missile toward the East Sea on Friday, South Korea's military said."], FRI);
    expect(ex.actor).toBe('DPRK');
  });

  it('"a missile fired by North Korea" (passive agent) → DPRK', () => {
    const ex = run('Missile lands near Japan', ['A ballistic missile fired by North Korea fell into the sea off Hokkaido on Friday, Tokyo said.'], FRI);
    expect(ex.actor).toBe('DPRK');
  });

  it('"North Korea\'s launch of …" (possessive) → DPRK', () => {
    const ex = run('Tokyo protests', ["Japan protested North Korea's launch of a ballistic missile on Friday through diplomatic channels in Beijing."], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });
});

describe('rule 16: confidence', () => {
  const conf = (sentence: string, field: 'name' | 'distance_km'): number => {
    const ex = run('North Korea fires missile', [sentence], FRI);
    const c = ex.fields[field];
    if (!c) throw new Error(`no ${field} claim in: ${sentence}`);
    return c.confidence;
  };

  it('a hedged sentence ("possibly") lowers confidence against the same sentence unhedged', () => {
    const plain = conf('North Korea fired a KN-23 missile on Friday that flew 600 km.', 'distance_km');
    const hedged = conf('North Korea fired a KN-23 missile on Friday that possibly flew 600 km.', 'distance_km');
    expect(hedged).toBeLessThan(plain);
  });

  it('"believed to be" lowers the name\'s confidence', () => {
    const plain = conf('North Korea fired a missile on Friday that was a KN-23.', 'name');
    const hedged = conf('North Korea fired a missile on Friday that was believed to be a KN-23.', 'name');
    expect(hedged).toBeLessThan(plain);
  });

  it('a value attributed to the Joint Chiefs of Staff is surer than the same unattributed', () => {
    const bare = run('North Korea fires missile', ['North Korea fired a ballistic missile on Friday that flew 600 km.'], FRI);
    const jcs = run('North Korea fires missile', ['North Korea fired a ballistic missile on Friday that flew 600 km, the Joint Chiefs of Staff said.'], FRI);
    expect(jcs.fields.distance_km?.attribution).toBe('jcs');
    expect(bare.fields.distance_km?.attribution).toBeNull();
    expect(jcs.fields.distance_km!.confidence).toBeGreaterThan(bare.fields.distance_km!.confidence);
  });
});

describe('rule 23: dates of statements, plans and spans of days', () => {
  it('a launch announced for a window ahead ("plans to launch … between Thursday and Aug. 31") is no launch date', () => {
    const ex = run(
      'Japan warns of possible missile launch',
      [
        'The Japanese government said at 4:10 a.m. on Friday that a possible ballistic missile had been launched from North Korea.',
        'North Korea had notified Japan on Tuesday of plans to launch a satellite rocket sometime between Friday and May 16.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });

  it('a weekday right before a speech verb dates the statement ("on Tuesday hailed … the previous day")', () => {
    const ex = run(null, ['North Korea on Saturday hailed its test-firing of a new cruise missile the previous day, state media said.'], '2025-05-10');
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });

  it('"tests on Saturday and Sunday" take the first day of the span', () => {
    const ex = run(null, ['North Korea carried out long-range cruise missile tests on Saturday and Sunday, state media reported on Monday.'], '2025-05-12');
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-10');
  });

  it('with no publication date, a year written once in the text pins "January 14" to that year', () => {
    const ex = run(null, ['The Joint Chiefs of Staff said North Korea fired a ballistic missile on the morning of January 14.', 'It was the second launch by the North in 2029.'], null);
    expect(fieldValue(ex, 'date_local')).toBe('2029-01-14');
  });

  it('"confirmed the launch of the missile, dubbed X, on Friday" dates the confirmation; "test fired on Thursday" the launch', () => {
    const ex = run(
      null,
      [
        'State media confirmed the launch of the missile, dubbed the Hwasong-19, on Friday morning.',
        'A new intercontinental ballistic missile was test fired on Thursday, the agency said.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });
});

describe('rule 24: counts joined, ranged and sized; dates by day of month; US zones spelled out', () => {
  it('"an ICBM and two short-range ballistic missiles" adds up to 3, exact', () => {
    const ex = run(null, ['North Korea fired an ICBM and two short-range ballistic missiles into the sea on Friday, Seoul said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(3);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
  });

  it('"two or three missiles" commits to 2, not exact', () => {
    const ex = run(null, ['North Korea fired two or three short-range missiles toward the East Sea on Friday, officials said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
  });

  it('"Twelve 240mm rockets fired at once" counts 12; "multiple rocket launchers" is a weapon, not a count', () => {
    const ex = run('Kim watches firing of multiple rocket launchers', ['Twelve 240mm rockets fired at once hit a target island on Friday, state media said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(12);
  });

  it('"nearly two dozen missiles" is 24, not exact', () => {
    const ex = run(null, ['North Korea fired nearly two dozen missiles of several types on Friday, the military said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(24);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
  });

  it('"on the 8th" in a piece dated the 9th is the 8th of the same month', () => {
    const ex = run(null, ['North Korea fired two ballistic missiles from near Pyongyang on the 8th, according to the Joint Chiefs of Staff.'], FRI);
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });

  it('"5:21 p.m. Eastern time on Saturday" in April is EDT: 06:21 KST on Sunday', () => {
    const ex = run(null, ['North Korea attempted to launch a missile on Sunday morning local time.', 'US officials said they tracked the launch at 5:21 p.m. Eastern time on Saturday.'], '2025-04-19');
    expect(fieldValue(ex, 'time_local')).toBe('06:21');
  });
});

describe('rule 25: launches in the background of other news', () => {
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

describe('rule 26: labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('a labelled summary line ("Distance: 800 km | Apogee: 60 km | Impact: East Sea") fills the fields', () => {
    const ex = run(null, [
      'North Korea fired two short-range ballistic missiles on Friday, the Joint Chiefs of Staff said.',
      'Type: SRBM | Distance: 800 km | Apogee: 60 km | Impact: East Sea',
    ], FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(800);
    expect(fieldValue(ex, 'apogee_km')).toBe(60);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });

  it('"outside Japan\'s economic zone" (without "exclusive") is the EEZ', () => {
    const ex = run(null, ['North Korea fired a ballistic missile on Friday that fell outside Japan\'s economic zone, Tokyo said.'], FRI);
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });

  it('"each completing a 250-kilometre flight" is a distance', () => {
    const ex = run(null, ['North Korea fired two missiles on Friday, each completing a 250-kilometre flight, the military said.'], FRI);
    expect(fieldValue(ex, 'distance_km')).toBe(250);
  });

  it('"a long-range rocket on Friday carrying what it said was a satellite" is a satellite launch', () => {
    const ex = run(null, ['North Korea launched a long-range rocket on Friday carrying what it said was an observation satellite.'], FRI);
    expect(fieldValue(ex, 'class')).toBe('SLV');
  });

  it('a US test "at 1:26 a.m. Pacific Time Wednesday" keeps its local clock', () => {
    const ex = run(null, ['The US Air Force launched an unarmed Minuteman III missile at 1:26 a.m. Pacific Time Wednesday from Vandenberg Space Force Base.'], '2025-05-07');
    expect(fieldValue(ex, 'time_local')).toBe('01:26');
  });
});

describe('rule 27: landings on land', () => {
  it('"hitting a mock target in the central desert" lands on land', () => {
    const ex = run(null, ['Iran test-fired a ballistic missile on Friday, hitting a mock target in the central desert, state TV said.'], FRI);
    expect(fieldValue(ex, 'landing')).toBe('land');
  });

  it('warheads that "reached the Kura test range on the Kamchatka peninsula" landed on land', () => {
    const ex = run(null, ['Russia test-launched an intercontinental ballistic missile from Plesetsk on Friday, and its warheads reached the Kura test range on the Kamchatka peninsula.'], FRI);
    expect(fieldValue(ex, 'landing')).toBe('land');
  });
});

describe('rule 28: the actor is where a missile came from', () => {
  it('"a ballistic missile was launched from Yemen, the IDF said" is a Houthi launch, not an Israeli one', () => {
    const ex = run('Missile from Yemen intercepted over central Israel', ['Sirens sounded across central Israel early on Friday after a ballistic missile was launched from Yemen, the Israeli military said.'], FRI);
    expect(ex.actor).toBe('Houthis');
  });
});

describe('rule 29: a site in a sentence about "the launch"', () => {
  it('"The launch took place … near Pyongyang\'s Sunan airport" gives the site sunan', () => {
    const ex = run(null, [
      'North Korea fired a ballistic missile over Japan on Friday, the Joint Chiefs of Staff said.',
      "The launch took place at 6:57 a.m. near Pyongyang's Sunan airport, the military said.",
    ], FRI);
    expect(fieldValue(ex, 'site')).toBe('sunan');
  });
});
