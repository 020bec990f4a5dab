// Date arithmetic and time zones on plain strings: calendar days as YYYY-MM-DD (computed in UTC, so no machine
// time zone leaks in), clock times as minutes after midnight, zones as minutes east of UTC.
import { tabulatedOffset } from './zone-offsets.js';

export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Korea Standard Time (Seoul, and Pyongyang outside 2015-2018): the clock most launches here are told on. */
export const KST_OFFSET_MINUTES = 540;

/** The years Pyongyang kept its own clock at UTC+8:30: a "local time" then is half an hour behind KST. */
export const PYONGYANG_TIME = { from: '2015-08-15', to: '2018-05-04', behindKstMinutes: 30 } as const;

export const toDay = (d: Date): string => d.toISOString().slice(0, 10);
export const parseDay = (s: string): Date => new Date(`${s}T00:00:00Z`);
export const addDays = (s: string, n: number): string => toDay(new Date(parseDay(s).getTime() + n * DAY_MS));
/** Whether a YYYY-MM-DD string names a day that exists (not 2023-02-29, not 2024-04-31). */
export const isCalendarDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && toDay(parseDay(s)) === s;
/** Day of week, 0 = Sunday. */
export const weekdayOf = (s: string): number => parseDay(s).getUTCDay();
/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string): number => Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY_MS);
/** Whether two dates (or instants Date.parse reads) lie more than `days` days apart. */
/** Whether two dates lie at most `days` days apart (false when either does not parse). */
export const withinDays = (a: string, b: string, days: number): boolean => Math.abs(Date.parse(a) - Date.parse(b)) <= days * DAY_MS;
export const moreThanDaysApart = (a: string, b: string, days: number): boolean => Math.abs(Date.parse(a) - Date.parse(b)) > days * DAY_MS;

/**
 * The day named by a weekday, seen from a publication date: the nearest such day at most one day after
 * publication (a US- or UTC-dated report of a Korean morning launch is published "the day before") and up to six
 * days before it.
 */
export function resolveWeekday(weekday: number, published: string): string {
  const pw = weekdayOf(published);
  const back = (pw - weekday + 7) % 7; // 0..6 days back
  if (back === 6) return addDays(published, 1);
  return addDays(published, -back);
}

/** Offsets in minutes east of UTC, for zones reporters write after a time. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, KST: KST_OFFSET_MINUTES, JST: 540, 'SEOUL TIME': KST_OFFSET_MINUTES, 'TOKYO TIME': 540, 'KOREA TIME': KST_OFFSET_MINUTES,
  'PYONGYANG TIME': KST_OFFSET_MINUTES, IST: 330, PKT: 300, 'BEIJING TIME': 480, CST_CHINA: 480, HST: -600,
  PDT: -420, PST: -480, MDT: -360, MST: -420, CDT: -300, EDT: -240, EST: -300, MSK: 180, IRST: 210,
};

/** Zones written without saying whether daylight saving applies: the date decides. */
export type SeasonalZone = 'ET' | 'PT';

/**
 * US Eastern/Pacific offset on a date: daylight time from the second Sunday of March to the first Sunday of
 * November (the rule since 2007), standard time otherwise; daylight time when the date is unknown.
 */
export function usOffset(zone: SeasonalZone, date: string | null): number {
  const base = zone === 'ET' ? -300 : -480;
  if (!date) return base + 60;
  const y = Number(date.slice(0, 4));
  const nthSunday = (month: number, n: number): string => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    const day = 1 + ((7 - first) % 7) + 7 * (n - 1);
    return `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  return date >= nthSunday(2, 2) && date < nthSunday(10, 1) ? base + 60 : base;
}

/** The offset of a named zone on a date (undefined for a zone we do not know). */
export function zoneOffset(zone: string, date: string | null): number | undefined {
  return zone === 'ET' || zone === 'PT' ? usOffset(zone, date) : ZONE_OFFSETS[zone];
}

/**
 * A clock time moved from one offset to another: minutes after the new midnight and the day shift (-1, 0, +1).
 */
export function shiftClock(minutes: number, fromOffset: number, toOffset: number): { minutes: number; dayShift: number } {
  const total = minutes - fromOffset + toOffset;
  return { minutes: ((total % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY, dayShift: Math.floor(total / MINUTES_PER_DAY) };
}

/** Whether a date falls in the years Pyongyang kept its own clock. */
export const onPyongyangTime = (date: string | null): boolean => date !== null && date >= PYONGYANG_TIME.from && date <= PYONGYANG_TIME.to;

export const formatMinutes = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One formatter per zone: making one loads the zone's rules, which costs far more than using it. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The offset (minutes east of UTC) of an IANA zone at an instant, from the runtime's time zone database: the
 * actors' zones from its table in data/zone-offsets.json (src/zone-offsets.ts), any other from Intl.
 */
export function zoneOffsetAt(timeZone: string, instantMs: number): number {
  const tabulated = tabulatedOffset(timeZone, instantMs);
  if (tabulated !== undefined) return tabulated;
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instantMs));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

/**
 * A wall-clock date and time (YYYY-MM-DD, HH:MM) on an IANA zone's clock as a UTC date and time, with the zone's
 * offset then; null when the date or time does not parse.
 */
export function wallClockToUtc(date: string, time: string, timeZone: string): { date: string; time: string; offsetMinutes: number } | null {
  if (!/^\d{4}-\d\d-\d\d$/.test(date) || !/^\d\d:\d\d$/.test(time)) return null;
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) return null;
  // The offset at the wall time read as UTC is right except within hours of a change; one more step settles it.
  let offset = zoneOffsetAt(timeZone, wall);
  offset = zoneOffsetAt(timeZone, wall - offset * 60_000);
  const iso = new Date(wall - offset * 60_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), offsetMinutes: offset };
}

/** An offset as ISO 8601 writes it: "+09:00", "-07:00". */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day as people write it: "7 May 2025", or "7 May" without the year. */
export function dayText(date: string, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTH_ABBREVIATIONS[m - 1]}${withYear ? ` ${y}` : ''}`;
}
