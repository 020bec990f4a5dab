// The Japanese readers: dates (2023年3月9日 and 令和5年3月9日 by chrono's Japanese parser; bare day numbers "6日",
// 本日, 昨日, 同日 by our own patterns), clock times (午前7時44分ごろ, 午後0時1分, 正午, 午前9時半), counts (N発,
// 少なくとも3発, 数発, 複数発; not a per-launch それぞれ1発 / 1発ずつ) and lengths (1,100キロ, 約800km, 最高高度約100キロ, 500キロ以上, ㎞), all on the
// width-folded text so full-width digits read like ASCII ones.
import * as chronoJa from 'chrono-node/ja';
import { addDays, isCalendarDay, weekdayOf } from '../../../calendar.js';
import type { Readers } from '../../configuration.js';
import type { CountMention } from '../../counts.js';
import { chronoInstant, type DateMention, readOnce } from '../../dates.js';
import type { LengthMention } from '../../quantities.js';
import type { TimeMention } from '../../times.js';
import { foldWidth, jaPatterns } from './patterns.js';
import { withFlags } from '../../compiled.js';

const KANJI_DIGITS = '〇一二三四五六七八九十';
const NOON_MINUTES = 12 * 60;
const THOUSAND = 1000;
const pad = (n: number): string => String(n).padStart(2, '0');
// Digits with thousands commas, and a middle dot as the decimal point (5768・5).
const numberOf = (s: string): number => (/^\d/.test(s) ? Number(s.replace(/,/g, '').replace('・', '.')) : KANJI_DIGITS.indexOf(s));

const dateMention = (kind: DateMention['kind'], start: number, surface: string, date: string | null, yearStated: boolean): DateMention => ({
  kind, start, end: start + surface.length, surface, date, weekday: date ? weekdayOf(date) : null, yearStated, monthDay: date ? date.slice(5) : null, inUtc: false,
});

/** The latest day numbered `day` on or before the reference date (this month's, else last month's). */
function dayOnOrBefore(day: number, reference: string): string | null {
  if (day < 1 || day > 31) return null;
  const refDay = Number(reference.slice(8, 10));
  const month = day <= refDay ? reference.slice(0, 8) : addDays(`${reference.slice(0, 8)}01`, -1).slice(0, 8);
  const date = `${month}${pad(day)}`;
  return isCalendarDay(date) ? date : null;
}

/** What findJapaneseDates reads of a chrono reading: one with a month written (月) and a sure month and day. */
interface JapaneseReading {
  index: number;
  text: string;
  yearStated: boolean;
  /** chrono's year: the written one, else its guess from the reference date. */
  year: number | null;
  month: number | null;
  day: number | null;
}

interface JapaneseReadings {
  readings: JapaneseReading[];
  referenceFree: boolean;
}

// 同年, 今年, 本年: chrono takes the year from the reference date, so a reading with one depends on it.
const YEAR_FROM_REFERENCE = /[同今本]\s*年/;

/**
 * chrono's readings of a width-folded sentence that findJapaneseDates keeps, against `reference` (or 1 January
 * 2000). Each holds 月, so a sentence without it is not given to chrono. They are reference-free when each states
 * its year (in digits or an era): chrono guesses a missing year from the reference date, and takes 同年 or 今年 from
 * it; a sure month, day and written year read the same against any date.
 */
function readJapaneseDates(text: string, reference: string | null): JapaneseReadings {
  if (!text.includes('月')) return { readings: [], referenceFree: true };
  const instant = chronoInstant(reference);
  const readings: JapaneseReading[] = [];
  let referenceFree = true;
  for (const r of chronoJa.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    if (!r.text.includes('月') || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    const yearStated = r.start.isCertain('year');
    if (!yearStated || YEAR_FROM_REFERENCE.test(r.text)) referenceFree = false;
    readings.push({ index: r.index, text: r.text, yearStated, year: r.start.get('year'), month: r.start.get('month'), day: r.start.get('day') });
  }
  return { readings, referenceFree };
}

export function findJapaneseDates(raw: string, reference: string | null, yearHint: number | null): DateMention[] {
  const text = foldWidth(raw);
  const p = jaPatterns();
  const out: DateMention[] = [];
  // chrono reads against the reference date, else 1 January of the year hint, else of 2000 (readJapaneseDates).
  const readAgainst = reference ?? (yearHint !== null ? `${String(yearHint).padStart(4, '0')}-01-01` : null);
  // Explicit dates: a month and a day written (2023年3月9日, 令和5年3月9日, 3月9日).
  for (const r of readOnce(chronoJa, text, readAgainst, readJapaneseDates).readings) {
    const { yearStated, year: y, month: m, day: d } = r;
    if (y === null || m === null || d === null) continue;
    const canPin = yearStated || reference !== null || yearHint !== null;
    const surface = raw.slice(r.index, r.index + r.text.length);
    const date = `${y}-${pad(m)}-${pad(d)}`;
    // 2月29日 of a year that has none, 4月31日: no launch is dated by it.
    out.push(dateMention('explicit', r.index, surface, canPin && isCalendarDay(date) ? date : null, yearStated));
  }
  const free = (start: number, end: number): boolean => !out.some((o) => start < o.end && end > o.start);
  for (const m of text.matchAll(p.bareDay)) {
    const start = m.index ?? 0;
    if (!free(start, start + m[0].length)) continue;
    out.push(dateMention('explicit', start, raw.slice(start, start + m[0].length), reference ? dayOnOrBefore(Number(m[1]), reference) : null, false));
  }
  const relative = (re: RegExp, back: number): void => {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (free(start, start + m[0].length)) out.push(dateMention('relative', start, m[0], reference ? addDays(reference, -back) : null, false));
    }
  };
  relative(p.today, 0);
  relative(p.yesterday, 1);
  out.sort((a, b) => a.start - b.start);
  // 同日: the day named just before it in the sentence.
  for (const m of text.matchAll(p.sameDay)) {
    const start = m.index ?? 0;
    const before = out.filter((o) => o.end <= start && o.date).pop();
    if (before) out.push(dateMention('relative', start, m[0], before.date, false));
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findJapaneseTimes(raw: string): TimeMention[] {
  const text = foldWidth(raw);
  const p = jaPatterns();
  const out: TimeMention[] = [];
  for (const m of text.matchAll(p.clock)) {
    let h = Number(m[2]);
    const min = m[3] ? Number(m[3]) : m[4] ? 30 : 0;
    if (m[1] === '午後' && h < 12) h += 12;
    if (h > 23 || min > 59) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, surface: raw.slice(start, start + m[0].length), minutes: h * 60 + min, zone: 'unzoned', gloss: false });
  }
  for (const m of text.matchAll(p.noon)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, surface: m[0], minutes: NOON_MINUTES, zone: 'unzoned', gloss: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findJapaneseCounts(raw: string): CountMention[] {
  const text = foldWidth(raw);
  const p = jaPatterns();
  const out: CountMention[] = [];
  const committed = (end: number): boolean => !p.possibilityAfter.test(text.slice(end));
  for (const m of text.matchAll(p.counter)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const n = numberOf(m[2]);
    // "それぞれ1発", "1発ずつ": a count per launch; the total is stated beside it ("合わせて2発").
    const each = p.eachBefore.test(text.slice(0, start)) || p.eachAfter.test(text.slice(end));
    if (n <= 0 || each || !committed(end)) continue;
    out.push({ start, end, surface: raw.slice(start, end), min: n, exact: !m[1] && !m[3] && !m[0].startsWith('約') && !m[0].startsWith('およそ'), numeric: true });
  }
  for (const m of text.matchAll(p.pluralCounter)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (committed(end)) out.push({ start, end, surface: raw.slice(start, end), min: 2, exact: false, numeric: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

// A clause ends at a Japanese comma or full stop.
const CLAUSE_BREAK = /[、。]/g;

export function findJapaneseLengths(raw: string): LengthMention[] {
  const text = foldWidth(raw);
  const p = jaPatterns();
  const out: LengthMention[] = [];
  for (const m of text.matchAll(p.length)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const km = numberOf(m[1]) * (m[2] ? THOUSAND : 1);
    if (!Number.isFinite(km) || km <= 0) continue;
    const head = text.slice(0, start);
    const clause = head.slice(Math.max(0, ...[...head.matchAll(CLAUSE_BREAK)].map((x) => (x.index ?? 0) + 1)));
    const after = text.slice(end);
    const lastCue = (re: RegExp): number => Math.max(-1, ...[...clause.matchAll(withFlags(re, 'gu'))].map((x) => (x.index ?? 0) + x[0].length));
    let kind: LengthMention['kind'] = 'other';
    if (p.farthestBefore.test(clause) && p.distanceAfter.test(after)) kind = 'distance';
    else if (p.capabilityBefore.test(clause)) kind = 'capability';
    else if (p.offsetBefore.test(clause) || p.offsetAfter.test(after)) kind = 'offset';
    else if (p.distanceAfter.test(after)) kind = 'distance';
    else if (p.apogeeAfter.test(after)) kind = 'apogee';
    else if (lastCue(p.apogeeBefore) > lastCue(p.distanceBefore)) kind = 'apogee';
    else if (lastCue(p.distanceBefore) >= 0) kind = 'distance';
    out.push({ start, end, surface: raw.slice(start, end), km, unit: 'km', kind, gloss: false });
  }
  return out;
}

export const japaneseReaders: Readers = {
  dates: findJapaneseDates,
  times: findJapaneseTimes,
  // A Japanese count is written with its counter (2発), so designations need no counting of their own.
  counts: (sentence) => findJapaneseCounts(sentence),
  lengths: findJapaneseLengths,
};
