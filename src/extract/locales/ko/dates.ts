// Korean dates: full dates ("2023년 3월 9일"), month and day ("3월 9일", "지난 8월 24일"), bare day numbers ("15일",
// "지난 4일", "지난달 15일") and relative days ("이날", "오늘", "전날", "어제"). A day without a month is the latest
// such day on or before the reference date ("지난달" moves it to the month before); a month and day without a
// year, the latest such date on or before the day after the reference.
import { addDays, isCalendarDay, weekdayOf } from '../../../calendar.js';
import type { DateMention } from '../../dates.js';
import { koreanReaderPhrases } from './phrases.js';
import { compiled } from '../../compiled.js';

const pad = (n: number): string => String(n).padStart(2, '0');

// "2023년 3월 9일", "3월 9일", "지난 8월 24일"; a day number may be followed by a duration word ("12일 만에").
const FULL = /(?:((?:19|20)\d\d)\s?년\s?)?(\d{1,2})\s?월\s?(\d{1,2})\s?일/g;
const DAY = /(?<![\d월.])(?:(지난달|지난\s?달|전달|이달|이번\s?달|같은\s?달|오는)\s?)?(\d{1,2})\s?일(?![\d])/g;

/** The latest date with this day number on or before the reference, in its month or (earlier) the month before. */
function latestDay(day: number, reference: string, monthsBack: number): string | null {
  let month = reference.slice(0, 7);
  for (let i = 0; i < monthsBack; i++) month = addDays(`${month}-01`, -1).slice(0, 7);
  if (monthsBack === 0 && day > Number(reference.slice(8, 10))) month = addDays(`${month}-01`, -1).slice(0, 7);
  const date = `${month}-${pad(day)}`;
  return isCalendarDay(date) ? date : null;
}

function monthDayYear(month: number, day: number, reference: string | null, yearHint: number | null): string | null {
  if (!reference) return yearHint ? `${yearHint}-${pad(month)}-${pad(day)}` : null;
  const limit = addDays(reference, 1);
  const y = Number(reference.slice(0, 4));
  const same = `${y}-${pad(month)}-${pad(day)}`;
  return same <= limit ? same : `${y - 1}-${pad(month)}-${pad(day)}`;
}

export function findKoreanDates(text: string, reference: string | null, yearHint: number | null): DateMention[] {
  const k = koreanReaderPhrases();
  const out: DateMention[] = [];
  const overlaps = (s: number, e: number): boolean => out.some((o) => s < o.end && e > o.start);
  const push = (kind: DateMention['kind'], start: number, surface: string, date: string | null, yearStated: boolean): void => {
    out.push({ kind, start, end: start + surface.length, surface, date, weekday: date ? weekdayOf(date) : null, yearStated, monthDay: date ? date.slice(5) : null, inUtc: false });
  };
  for (const m of text.matchAll(FULL)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const date = m[1] ? `${m[1]}-${pad(month)}-${pad(day)}` : monthDayYear(month, day, reference, yearHint);
    push('explicit', m.index ?? 0, m[0], date && isCalendarDay(date) ? date : null, m[1] !== undefined);
  }
  for (const m of text.matchAll(DAY)) {
    const start = m.index ?? 0;
    const day = Number(m[2]);
    if (day < 1 || day > 31 || overlaps(start, start + m[0].length)) continue;
    if (k.durationAfterDay.test(text.slice(start + m[0].length))) continue;
    const qualifier = (m[1] ?? '').replace(/\s/g, '');
    // "오는 24일": a day to come; "같은 달 29일": a month named elsewhere.
    if (qualifier === '오는' || qualifier === '같은달') continue;
    const back = qualifier === '지난달' || qualifier === '전달' ? 1 : 0;
    const date = reference ? latestDay(day, reference, back) : null;
    push('explicit', start, m[0], date, false);
  }
  for (const m of text.matchAll(compiled(`${k.dayBefore}|${k.sameDay}`, 'g'))) {
    const start = m.index ?? 0;
    if (overlaps(start, start + m[0].length)) continue;
    const before = compiled(`^(?:${k.dayBefore})$`).test(m[0]);
    push('relative', start, m[0], reference ? addDays(reference, before ? -1 : 0) : null, false);
  }
  return out.sort((a, b) => a.start - b.start);
}
