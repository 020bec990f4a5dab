import { describe, expect, it } from 'vitest';
import { chronologicalLiveBlog, stampMinutes } from '../src/clean/live-blog.js';
import { extract, fieldValue } from './helpers/article.js';

describe('live-blog entry stamps', () => {
  const stamps: [string, number][] = [
    ['10:42 KST', 10 * 60 + 42],
    ['[8:15 a.m. JST] The ministry said the rocket flew east.', 8 * 60 + 15],
    ['9:14PM | Ships were warned to keep clear.', 21 * 60 + 14],
    ['11:02 am', 11 * 60 + 2],
    ['Updated 3 mins ago', -3],
    ['2 hours ago', -120],
  ];
  for (const [line, minutes] of stamps) {
    it(`"${line}" is a stamp at ${minutes}`, () => {
      expect(stampMinutes(line)?.minutes).toBe(minutes);
    });
  }
  it('a dated stamp ("Mar 3, 00:20 --") is later than the evening before', () => {
    const late = stampMinutes('Mar 3, 00:20 -- Crews were sent to the coast.')?.minutes ?? 0;
    const early = stampMinutes('Mar 2, 22:40 -- Sirens sounded.')?.minutes ?? Infinity;
    expect(late).toBeGreaterThan(early);
  });
  it('a sentence that opens with a clock time is not a stamp', () => {
    expect(stampMinutes('10:42 the rocket lifted off from the pad.')).toBeNull();
    expect(stampMinutes('Northland fired a rocket at 10:42.')).toBeNull();
  });
});

describe('live blog posted newest first', () => {
  const page = ['All times local.', '14:05 KST', 'Leaders condemned the test.', '09:30 KST', 'Northland fired a rocket.', '08:50 KST', 'Reports of a launch, more soon.', '---', 'Earlier tests: May 2 and June 9.'];
  it('entries are put in the order things happened; the header and what follows a rule line stay', () => {
    expect(chronologicalLiveBlog(page)).toEqual([
      'All times local.',
      '08:50 KST',
      'Reports of a launch, more soon.',
      '09:30 KST',
      'Northland fired a rocket.',
      '14:05 KST',
      'Leaders condemned the test.',
      '---',
      'Earlier tests: May 2 and June 9.',
    ]);
  });
  it('a stamp glued to its entry goes on a line of its own', () => {
    const glued = ['9:50PM | Leaders condemned the test.', '9:14PM | Northland fired a rocket.', '8:58PM | Reports of a launch.'];
    expect(chronologicalLiveBlog(glued)).toEqual(['8:58PM |', 'Reports of a launch.', '9:14PM |', 'Northland fired a rocket.', '9:50PM |', 'Leaders condemned the test.']);
  });
  it('a page already in time order is left as it is', () => {
    const ordered = ['08:50 KST', 'First.', '09:30 KST', 'Second.', '14:05 KST', 'Third.'];
    expect(chronologicalLiveBlog(ordered)).toEqual(ordered);
  });
  it('two stamps are not a live blog', () => {
    const two = ['14:05 KST', 'Later.', '09:30 KST', 'Earlier.'];
    expect(chronologicalLiveBlog(two)).toEqual(two);
  });
  it('relative ages ("Updated N mins ago") run newest first too', () => {
    const aged = ['Updated 2 mins ago', 'C.', 'Updated 40 mins ago', 'B.', 'Updated 2 hours ago', 'A.'];
    expect(chronologicalLiveBlog(aged)).toEqual(['Updated 2 hours ago', 'A.', 'Updated 40 mins ago', 'B.', 'Updated 2 mins ago', 'C.']);
  });
});

describe('live blog: the first entry that reports the launch is the lede', () => {
  const text = [
    '[9:40 a.m. JST] Rail operators suspended some services as a precaution.',
    '[8:15 a.m. JST] The chief cabinet secretary told reporters the missile was fired at 7:12 a.m. and flew over the north of the country.',
    '[7:40 a.m. JST] Residents of two prefectures were urged to take shelter.',
    '[7:30 a.m. JST] The Defense Ministry says North Korea has launched what appears to be a ballistic missile.',
  ].join('\n');
  const { article, ex } = extract({ title: 'LIVE: Missile launch, updates', text, published: '2023-04-13' });
  it('the article opens with the first entry, which reports the launch', () => {
    expect(article.text.startsWith('[7:30 a.m. JST]\n\nThe Defense Ministry says North Korea has launched')).toBe(true);
  });
  it('the report is kept and its launch time is the launch entry\'s', () => {
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
    expect(fieldValue(ex, 'time_local')).toBe('07:12');
  });
});
