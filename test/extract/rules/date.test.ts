import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('datelines and page stamps are not launch dates', () => {
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

describe('an explicit date in the opening launch sentences beats a headline weekday', () => {
  it('headline "on Saturday", body "early on Sunday, March 9" → March 9', () => {
    const ex = run(
      'North Korea fires ballistic missiles on Saturday',
      ["North Korea launched several ballistic missiles early on Sunday, March 9, South Korea's Joint Chiefs of Staff said."],
      '2025-03-09',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-03-09');
  });
});

describe('"the morning of October 2" is October 2', () => {
  it('not the publication day', () => {
    const ex = run(
      'North Korea fired missiles this week',
      ['North Korea fired two short-range ballistic missiles on the morning of October 2, the Joint Chiefs of Staff said.'],
      '2024-10-04',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2024-10-02');
  });
});

describe('without a publication date, the latest written date or a year hint stands in', () => {
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

describe('dates of statements, plans and spans of days', () => {
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

describe('counts joined, ranged and sized; dates by day of month; US zones spelled out', () => {
  it('"on the 8th" in a piece dated the 9th is the 8th of the same month', () => {
    const ex = run(null, ['North Korea fired two ballistic missiles from near Pyongyang on the 8th, according to the Joint Chiefs of Staff.'], FRI);
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });
});

describe('datelines behind a wire tag; a sentence restating the launch dates it', () => {
  it('"(WIRE- AGENCY) Chennai, March 7 (Agency)" is a dateline, not the launch date', () => {
    const ex = run(
      null,
      ['(WIRE- AGENCY) Chennai, March 7 (Agency) India successfully test-fired a Prithvi missile from an island off Odisha on Wednesday, officials said.'],
      '2024-03-07', // a Thursday
    );
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-06');
  });

  it('"The flight test was conducted … on March 5" dates a launch whose first sentence has only the dateline', () => {
    const ex = run(
      null,
      [
        'Chennai, March 7 (Agency) The army and the research agency carried out a test of a new surface-to-air missile system.',
        'The ministry informed on Thursday that the flight test was conducted from a range near Chandipur at around 1100 hours on March 5.',
      ],
      '2024-03-07',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-05');
    expect(fieldValue(ex, 'time_local')).toBe('11:00');
  });
});

describe('bylines in brackets and "comes as" clauses do not date the launch', () => {
  it('"SEOUL (Some News / Agency - 10th May, 2025) … on Friday" is the Friday', () => {
    const ex = run(null, ['SEOUL (Some News / Agency - 10th May, 2025) North Korea test-fired a ballistic missile on Friday, the state news agency said.'], '2025-05-10');
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });

  it('"The launch comes as the envoy visits Seoul on Monday" leaves a flash dated by publication', () => {
    const ex = run(
      'North Korea fires two missiles',
      ['North Korea has fired two short-range missiles from the west of the country, the military said.', 'The launch comes as a US envoy visits Seoul on Monday for talks.'],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });
});

describe('background clauses: "came hours after …"; "a day earlier" dates the launch against the statement', () => {
  it('"The launch came hours after state media described its firing of rockets on Monday" keeps the flash date', () => {
    const ex = run(
      'North Korea fires another projectile',
      ['North Korea has fired another unidentified projectile, the military said.', 'The launch came hours after state media described its firing of rockets on Monday as a routine drill.'],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });

  it('"said on Saturday that it had fired an ICBM a day earlier" is the Friday', () => {
    const ex = run(null, ['North Korea said on Saturday that it had fired an intercontinental ballistic missile a day earlier, in what it called a sudden drill.'], '2025-05-10');
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });
});

describe('rule: statement-came-days-after-launch', () => {
  it('"said Wednesday it tested … The announcement came a day after … detected the launch" → Tuesday', () => {
    const ex = run(
      'Pyongyang says it tested a new missile',
      [
        'TOKYO (Agency) — North Korea said Wednesday it tested a new medium-range missile with a glide vehicle, state media reported.',
        'The announcement came a day after Japanese radars detected the launch from a site near the capital.',
      ],
      '2025-05-07', // a Wednesday
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-06');
  });

  it('a launch with its own day is not moved by such a sentence', () => {
    const ex = run(
      'North Korea fires missile',
      [
        'North Korea fired a ballistic missile on Monday, officials in Seoul said.',
        'The statement came a day after the launch was detected.',
      ],
      '2025-05-06',
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-05');
  });
});

describe('rule: day-before-another-launch-day and a fronted "A day earlier,"', () => {
  it('"A day earlier, it fired 20 missiles" opening a report of Friday\'s launch is background', () => {
    const ex = run(
      'North Korea fires two missiles',
      [
        'A day earlier, North Korea fired a total of 20 missiles over several hours.',
        'SEOUL – North Korea fired two ballistic missiles into the East Sea on Friday morning, the military said.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
    expect(fieldValue(ex, 'count_min')).toBe(2);
  });

  it('"said on Friday that it fired … a day earlier. A day earlier, Tokyo said …" keeps the day before', () => {
    const ex = run(
      'North Korea confirms missile test',
      [
        'North Korea said on Friday that it had test-fired a long-range missile a day earlier.',
        "A day earlier, Japan's defence ministry said the missile had landed in the sea west of Hokkaido.",
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });
});

describe('rule: zoned-day-to-local', () => {
  it('"at 10:40 a.m. Hawaii time today" is the next day in Korea', () => {
    const ex = run(
      'Pacific command tracks missile',
      ['HONOLULU -- The command detected a North Korean ballistic missile launch at 10:40 a.m. Hawaii time today, a spokesman said.'],
      '2025-05-08', // Thursday in Hawaii; 10:40 HST is 05:40 KST on Friday
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });

  it('a bare "on Thursday night" that is the GMT day of "(21:10 GMT on Thursday)" moves with it', () => {
    const ex = run(
      'North Korea fires two missiles',
      [
        'North Korea on Thursday night fired two ballistic missiles toward the East Sea, the military said.',
        'The launches happened at 06:10 local time (21:10 GMT on Thursday), the statement added.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe(FRI);
  });
});

describe('rule: a statement day with an adverb before its verb', () => {
  it('"Seoul on Friday sharply condemned the strike … late on Thursday" is the Thursday', () => {
    const ex = run(
      'Missile strike condemned',
      ['Seoul on Friday sharply condemned the missile strike that the neighbour carried out on a border town late on Thursday.'],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });
});

describe('rule: launch-restated sentences', () => {
  it('"the tests appear to be the same ones that Tokyo said it carried out on Wednesday" dates them', () => {
    const ex = run(
      'North Korea says it tested two missiles',
      [
        'North Korea said on Friday that its leader had overseen the testing of two new missiles.',
        'State media said the launch of a new cruise missile was part of the drill.',
        'The tests appear to be the same ones that Tokyo said the North had carried out on Wednesday.',
      ],
      FRI,
    );
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-07');
  });
});
