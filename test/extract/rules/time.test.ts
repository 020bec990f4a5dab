import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('times', () => {
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

describe('counts joined, ranged and sized; dates by day of month; US zones spelled out', () => {
  it('"5:21 p.m. Eastern time on Saturday" in April is EDT: 06:21 KST on Sunday', () => {
    const ex = run(null, ['North Korea attempted to launch a missile on Sunday morning local time.', 'US officials said they tracked the launch at 5:21 p.m. Eastern time on Saturday.'], '2025-04-19');
    expect(fieldValue(ex, 'time_local')).toBe('06:21');
  });
});

describe('labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('a US test "at 1:26 a.m. Pacific Time Wednesday" keeps its local clock', () => {
    const ex = run(null, ['The US Air Force launched an unarmed Minuteman III missile at 1:26 a.m. Pacific Time Wednesday from Vandenberg Space Force Base.'], '2025-05-07');
    expect(fieldValue(ex, 'time_local')).toBe('01:26');
  });
});

describe('clock readings: Seoul "local time" in 2015-2018, glosses, military clocks, ranges, stamps, declared clocks', () => {
  const time = (sentences: string[], published: string, title = 'North Korea fires ballistic missile'): string | null =>
    fieldValue(run(title, sentences, published), 'time_local') as string | null;

  it('a bare "local time" in a 2017 wire report is Seoul time, kept as written', () => {
    expect(time(['North Korea fired a ballistic missile at 6:42 a.m. local time on Wednesday from near Sinpo, the South Korean military said.'], '2017-04-05')).toBe('06:42');
  });

  it('"Pyongyang time" in 2017 is half an hour behind Seoul', () => {
    expect(time(['North Korea fired a ballistic missile at 6:12 a.m. Pyongyang time on Wednesday, officials said.'], '2017-04-05')).toBe('06:42');
  });

  it('a GMT gloss decides over "local time" ("7:00 a.m. local time (2200 GMT Tuesday)")', () => {
    expect(time(['North Korea fired a ballistic missile at 7:00 a.m. local time (2200 GMT Tuesday) on Wednesday, Seoul said.'], '2017-04-05')).toBe('07:00');
  });

  it('"18.17 GMT on Tuesday" with a dot is read, and converted to KST', () => {
    expect(time(['North Korea launched a ballistic missile at 18.17 GMT on Tuesday, the US military said.'], '2017-07-05')).toBe('03:17');
  });

  it('"1900 hours" and "0755 h" are military clock times', () => {
    const india = run('India tests Agni missile', ['India successfully test-fired an Agni missile at 1900 hours on Wednesday from an island off Odisha, the ministry said.'], '2024-04-04');
    expect(fieldValue(india, 'time_local')).toBe('19:00');
    expect(time(['North Korea fired a ballistic missile at 0755 h on Friday, the military said.'], FRI)).toBe('07:55');
  });

  it('"at 2:41 and 2:52 p.m." shares the p.m. of the second time', () => {
    expect(time(['North Korea fired two ballistic missiles from Uiju at 2:41 and 2:52 p.m. on Friday, the military said.'], FRI)).toBe('14:41');
  });

  it('"between 11:50 p.m. and 12:10 a.m." takes the first time, not the earlier clock reading', () => {
    expect(time(['North Korea fired several missiles between 11:50 p.m. and 12:10 a.m. on Friday, the military said.'], FRI)).toBe('23:50');
  });

  it('a live blog stamp ("EARLIER 9:14AM | …") is not a launch time', () => {
    expect(time(['EARLIER 9:14AM | Reports say North Korea has launched a missile from its east coast.'], FRI)).toBeNull();
  });

  it('the time of a meeting called after the launch is not the launch time', () => {
    expect(time(['The launch was reported to the president, who convened a security meeting at 7:30 a.m. on Friday, the military said.'], FRI, 'North Korea fires ballistic missile from Wonsan')).toBeNull();
  });

  it('a sentence that says it uses Hawaii time converts its unzoned times (11:49 a.m. HST → 06:49 KST)', () => {
    expect(time(['A US Pacific Command spokesman, using times at its Hawaii headquarters, said the first missile was fired at 11:49 a.m. on Friday.'], FRI)).toBe('06:49');
  });
});
