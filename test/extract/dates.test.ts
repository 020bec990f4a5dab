import { describe, expect, it } from 'vitest';
import { english } from '../../src/extract/locales/en/configuration.js';
import { resolveWeekday } from '../../src/calendar.js';
import { extract, fieldValue } from '../helpers/article.js';

// Launch dates are local (KST for North Korea), resolved from the text against the publication date
// (FORMAT.md, `date_local`). Every fixture below is made up.

describe('resolveWeekday', () => {
  it('a weekday one day after a US-dated publication is that next day (published Wednesday, "Thursday")', () => {
    expect(resolveWeekday(4, '2023-07-12')).toBe('2023-07-13');
  });

  it('a weekday two or more days ahead is read backwards (published Monday 2019-05-06, "Wednesday")', () => {
    expect(resolveWeekday(3, '2019-05-06')).toBe('2019-05-01');
  });

  it('the publication weekday itself is the publication day', () => {
    expect(resolveWeekday(5, '2025-05-09')).toBe('2025-05-09');
  });
});

describe('state-media era years (Juche year + 1911)', () => {
  const first = (t: string, published: string | null) => english.readers.dates(t, published, null)[0];
  it('"March 3, Juche 104" is 2015-03-03, even read against a later publication date', () => {
    const d = first('The rocket was fired on March 3, Juche 104, from the western coast.', '2016-01-10');
    expect(d.date).toBe('2015-03-03');
    expect(d.yearStated).toBe(true);
  });
  it('an era year with a Gregorian gloss ("October 9, Juche 109 (2020)") gives the same year', () => {
    expect(first('It lifted off at 10:00 hours, October 9, Juche 109 (2020).', null).date).toBe('2020-10-09');
  });
  it('without the era word a bare month and day still takes the publication year', () => {
    expect(first('It lifted off on October 9, 109 seconds after ignition.', '2021-11-01').date).toBe('2021-10-09');
  });
});

describe('findDates', () => {
  it('reads "early Thursday" as a weekday resolved against the publication date', () => {
    const d = english.readers.dates('The launch took place early Thursday from a coastal site.', '2023-07-12', null);
    const wd = d.find((x) => x.kind === 'weekday');
    expect(wd?.weekday).toBe(4);
    expect(wd?.date).toBe('2023-07-13');
  });

  it('reads "Jan. 6, 2025" as an explicit date with the year stated', () => {
    const d = english.readers.dates('The rocket lifted off on Jan. 6, 2025, according to officials.', '2025-01-07', null);
    const ex = d.find((x) => x.kind === 'explicit');
    expect(ex?.date).toBe('2025-01-06');
    expect(ex?.yearStated).toBe(true);
  });

  it('reads "13 April" with the year taken from the publication date', () => {
    const d = english.readers.dates('Officials confirmed the launch of 13 April in a short notice.', '2025-04-14', null);
    expect(d.find((x) => x.kind === 'explicit')?.date).toBe('2025-04-13');
  });

  it('puts "Dec. 30" in the previous year when published on 2 January', () => {
    const d = english.readers.dates('The test on Dec. 30 was the last of the year.', '2025-01-02', null);
    expect(d.find((x) => x.kind === 'explicit')?.date).toBe('2024-12-30');
  });

  it('does not read a clock time with a zone abbreviation that starts like a month ("10:30 NOVT") as a date', () => {
    for (const zone of ['NOVT', 'MART', 'JUNT']) {
      const d = english.readers.dates(`The drill began at 10:30 ${zone} near the border.`, '2024-03-20', null);
      expect(d.filter((x) => x.kind === 'explicit'), zone).toEqual([]);
    }
    // A month written out, or cut short with a point, still dates the sentence.
    const d = english.readers.dates('The drill began on Nov. 30 at 10:30 and ended on 2 December.', '2024-12-20', null);
    expect(d.filter((x) => x.kind === 'explicit').map((x) => x.date)).toEqual(['2024-11-30', '2024-12-02']);
  });

  it('does not read "last Thursday" as the launch weekday', () => {
    const d = english.readers.dates('A similar weapon was tested last Thursday.', '2025-05-09', null);
    expect(d.filter((x) => x.kind === 'weekday')).toEqual([]);
  });
});

describe('date_local of the main launch (whole article)', () => {
  it('"early Thursday" in a Wednesday-dated report is the Thursday after publication', () => {
    const { ex } = extract({
      title: 'North Korea launches ballistic missile toward the sea',
      text: 'North Korea fired a ballistic missile early Thursday, South Korea\'s Joint Chiefs of Staff said, in its latest show of force.',
      published: '2023-07-12',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2023-07-13');
  });

  it('"Wednesday" in a Monday 2019-05-06 report is the Wednesday before (2019-05-01)', () => {
    const { ex } = extract({
      title: 'Pyongyang tested short-range weapons, Seoul says',
      text: 'North Korea launched several short-range projectiles on Wednesday from its east coast, officials in Seoul said in a briefing.',
      published: '2019-05-06',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2019-05-01');
  });

  it('an explicit "May 8" gives that day of the publication year', () => {
    const { ex } = extract({
      title: 'North Korea fires missiles into waters off east coast',
      text: 'North Korea fired several short-range ballistic missiles on May 8 from the Wonsan area, the military in Seoul said.',
      published: '2025-05-09',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });

  it('an explicit "Jan. 6, 2025" is the launch date', () => {
    const { ex } = extract({
      title: 'Missile launch reported near the capital',
      text: 'On Jan. 6, 2025, North Korea fired a ballistic missile from the Pyongyang area toward the East Sea, Seoul said.',
      published: '2025-01-07',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2025-01-06');
  });

  it('an explicit "13 April" is the launch date', () => {
    const { ex } = extract({
      title: 'North Korea test-fires cruise missiles over the sea',
      text: 'North Korea launched two cruise missiles on 13 April, the state news agency reported, calling the drill a success.',
      published: '2025-04-14',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2025-04-13');
  });

  it('infers the year from the publication date across New Year ("Dec. 30" published 2025-01-02)', () => {
    const { ex } = extract({
      title: 'Year-end missile launch confirmed by Seoul',
      text: 'North Korea fired a short-range ballistic missile on Dec. 30 into the East Sea, the Joint Chiefs of Staff said.',
      published: '2025-01-02',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2024-12-30');
  });

  it('"today" is the publication day', () => {
    const { ex } = extract({
      title: 'North Korea fires missile, Seoul says',
      text: 'North Korea fired a ballistic missile today into the waters off its east coast, the South Korean military said.',
      published: '2024-10-31',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2024-10-31');
  });

  it('"the previous day" is the day before publication', () => {
    const { ex } = extract({
      title: 'Military confirms launch of short-range missile',
      text: 'North Korea launched a short-range ballistic missile the previous day, according to the Joint Chiefs of Staff.',
      published: '2024-10-31',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2024-10-30');
  });

  it('a date after "said" dates the statement, not the launch', () => {
    const { ex } = extract({
      title: 'Seoul reports two short-range launches',
      text: 'South Korea\'s military said on Friday that North Korea fired two short-range ballistic missiles on Thursday toward the East Sea.',
      published: '2025-05-09',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });

  it('a statement weekday at the end of the sentence does not date the launch', () => {
    const { ex } = extract({
      title: 'North Korea fired missile toward Japan',
      text: 'North Korea fired a ballistic missile on Thursday, Japan\'s Ministry of Defense said on Friday.',
      published: '2025-05-09',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2025-05-08');
  });

  it('"(23:10 GMT on Wednesday)" is a Thursday launch in KST', () => {
    const { ex } = extract({
      title: 'North Korea launches long-range missile',
      text: 'North Korea fired a long-range ballistic missile toward the sea early in the morning (23:10 GMT on Wednesday), Japanese officials said.',
      published: '2023-07-12',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2023-07-13');
  });

  it('a breaking report with no date words is about the publication day', () => {
    const { ex } = extract({
      title: 'North Korea fires ballistic missile, Seoul says',
      text: 'North Korea fired a ballistic missile into the East Sea, South Korea\'s Joint Chiefs of Staff said. No further details were given.',
      published: '2024-10-31',
    });
    expect(fieldValue(ex, 'date_local')).toBe('2024-10-31');
  });

  it('without a publication date the date is null but the weekday is kept', () => {
    const { ex } = extract({
      title: 'North Korea fires ballistic missile into the sea',
      text: 'North Korea fired a ballistic missile on Thursday into the East Sea, South Korea\'s military said.',
      published: null,
    });
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBeNull();
    expect(ex.weekday).toBe(4);
  });
});
