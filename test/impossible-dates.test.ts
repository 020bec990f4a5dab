// Days that do not exist ("February 29" of a year that has none, "April 31") never date a launch, in any of the
// three languages; the real day beside them still does. Made-up reports.
import { describe, expect, it } from 'vitest';
import { isCalendarDay } from '../src/calendar.js';
import { english } from '../src/extract/locales/en/configuration.js';
import { japanese } from '../src/extract/locales/ja/configuration.js';
import { korean } from '../src/extract/locales/ko/configuration.js';
import { extract, fieldValue } from './helpers/article.js';

describe('isCalendarDay', () => {
  it('knows leap years and month lengths', () => {
    expect([isCalendarDay('2024-02-29'), isCalendarDay('2023-02-29'), isCalendarDay('1900-02-29'), isCalendarDay('2000-02-29')]).toEqual([true, false, false, true]);
    expect([isCalendarDay('2023-04-30'), isCalendarDay('2023-04-31'), isCalendarDay('2023-13-01'), isCalendarDay('2023-1-01')]).toEqual([true, false, false, false]);
  });
});

describe('impossible dates', () => {
  const dates = (readers: typeof english.readers, text: string, published: string | null, hint: number | null): string[] =>
    readers.dates(text, published, hint).flatMap((d) => (d.kind === 'explicit' && d.date !== null ? [d.date] : []));

  it('English: "February 29" with the year 2023 written, hinted or implied by publication gives no date', () => {
    expect(dates(english.readers, 'The rocket flew on February 29, 2023, officials said.', null, null)).toEqual([]);
    expect(dates(english.readers, 'The rocket flew on February 29, officials said.', null, 2023)).toEqual([]);
    expect(dates(english.readers, 'The rocket flew on February 29, officials said.', '2023-03-05', null)).toEqual([]);
    expect(dates(english.readers, 'The rocket flew on 4/31/2023, officials said.', '2023-05-02', null)).toEqual([]);
    expect(dates(english.readers, 'The rocket flew on February 29, officials said.', '2024-03-01', null)).toEqual(['2024-02-29']);
  });

  it('English: "on the 31st" in a month of 30 days is not a day', () => {
    expect(dates(english.readers, 'It was fired on the 31st from the coast.', '2023-05-20', null)).toEqual([]);
    expect(dates(english.readers, 'It was fired on the 31st from the coast.', '2023-04-20', null)).toEqual(['2023-03-31']);
  });

  it('Korean and Japanese: 2월 29일 and 2月29日 of 2023 give no date, of 2024 they do', () => {
    expect(dates(korean.readers, '북한은 2023년 2월 29일 미사일을 발사했다.', null, null)).toEqual([]);
    expect(dates(korean.readers, '북한은 2024년 2월 29일 미사일을 발사했다.', null, null)).toEqual(['2024-02-29']);
    expect(dates(japanese.readers, '北朝鮮は2023年2月29日、ミサイルを発射した。', null, null)).toEqual([]);
    expect(dates(japanese.readers, '北朝鮮は2月29日、ミサイルを発射した。', '2023-03-02', null)).toEqual([]);
    expect(dates(japanese.readers, '北朝鮮は2024年2月29日、ミサイルを発射した。', null, null)).toEqual(['2024-02-29']);
  });

  it('a launch report dated only by "February 29 … 2023" gets no launch date, and a real day still dates one', () => {
    const body = (day: string): string =>
      `SEOUL -- North Korea fired a short-range ballistic missile into the sea off its east coast on ${day}, South Korea's military said. It was the third launch in 2023.`;
    const impossible = extract({ title: 'North Korea fires a ballistic missile', text: body('February 29'), published: null });
    expect(impossible.ex.isLaunchReport).toBe(true);
    expect(fieldValue(impossible.ex, 'date_local')).toBeNull();
    const real = extract({ title: 'North Korea fires a ballistic missile', text: body('February 28'), published: null });
    expect(fieldValue(real.ex, 'date_local')).toBe('2023-02-28');
  });
});
