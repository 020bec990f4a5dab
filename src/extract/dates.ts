// Date mentions in a sentence: explicit calendar dates (read by the locale's chrono parser), weekday words and
// relative days, resolved against the article's reference date.
import type { Chrono } from 'chrono-node';
import type { Locale } from '../knowledge/index.js';
import { matchesOf } from './compiled.js';
import { phrases } from './phrases.js';
import { readDataJson } from '../paths.js';
import { RECENT_TEXT_MAX_CHARS, SENTENCE_FACTS_RECENT } from '../settings.js';

import { addDays, daysBetween, isCalendarDay, resolveWeekday, weekdayOf } from '../calendar.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];


/** The chrono parser of a locale (chrono.en for English): the configuration picks it. */
export type DateParser = Pick<Chrono, 'parse'>;

/** A date-like expression found in a sentence. */
export interface DateMention {
  kind: 'explicit' | 'weekday' | 'relative';
  start: number;
  end: number;
  surface: string;
  /** Resolved calendar date, when the expression (and the reference) pin it. */
  date: string | null;
  /** Day of week named or implied, 0 = Sunday. */
  weekday: number | null;
  /** Whether the year was written. */
  yearStated: boolean;
  /** "MM-DD" of an explicit date, even when its year cannot be pinned. */
  monthDay: string | null;
  /** For "23:10 GMT on Wednesday": the weekday is in UTC, not local time. */
  inUtc: boolean;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Each month's first three letters ("jan" … "dec"). */
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));
// A month's name or its abbreviation ("jan", "sept"), as a whole word: chrono reads a clock time with a zone's
// abbreviation after it ("at 10:30 NOVT", Novosibirsk time; "10:30 MART", Marquesas), whose first letters are not a month.
const MONTH_WORD = `(?:${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')}|sept)(?![a-z])`;
// A month name with a day number beside it ("January 14", "13 April"), not a month and year ("March 2025").
const MONTH_NAME = new RegExp(String.raw`\b${MONTH_WORD}\.?\s*\d{1,2}(?!\d)|(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?${MONTH_WORD}`, 'i');
const WEEKDAY_RE = /\b(?:(early|late|on|this|last|next|past)\s+)?(?:(early|late)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:'s)?\b/gi;
const RELATIVE_RE = /\b(today|this morning|this afternoon|this evening|tonight|yesterday|the previous day|the day before|a day earlier|overnight)\b/gi;
const DAY_OF_MONTH_RE = /\bon the (\d{1,2})(?:st|nd|rd|th)\b(?! (?:of|century|anniversary|floor|day))/gi;

// The cues the two kinds of date need in a sentence, which most sentences lack; each is a regex that matches in a
// sentence exactly when the plain pattern in its comment does (test/extract/date-cues.test.ts compares them), written
// to start at a digit or a rare letter and look back from there: the regex engine tries a pattern at every position
// of a sentence, and a first character most positions lack is rejected at once, where the plain patterns' common
// first letters (a, d, m, o, s …) send it into their alternations. Measured with callgrind on the sentences of the
// launch-report stream: some 9,400 instructions a sentence for the plain patterns, 3,000 for DATE_CUE.
const MONTH = `(?:${MONTHS.join('|')})`;
// What every chrono reading kept by readCalendarDates has in its words (the tests after parsing): MONTH_NAME, a
// month's name beside a day number, or a numeric date. The sentence holds the reading's words, so it holds a
// match of MONTH_NAME without its boundaries (a reading may start or end inside a word or a number of the
// sentence), "(?:jan|…|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|…|dec)", or of NUMERIC_DATE,
// "\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}": all start or end at a digit, so this is their union read from a digit.
const CALENDAR_CUE = String.raw`\d(?:(?<=${MONTH}[a-z]*\.?\s*\d)|(?:st|nd|rd|th)?\s*(?:of\s+)?${MONTH}|\d{3}-\d{2}-\d{2}|\d?[./]\d{1,2}[./]\d{4})`;
// What each of WEEKDAY_RE, DAY_OF_MONTH_RE and RELATIVE_RE needs in a sentence to match in it,
// "day|morning|afternoon|evening|tonight|overnight|on the \d", read from the y, g, f or digit in each.
const DAY_CUE = String.raw`y(?<=day)|g(?:(?<=morning|evening)|ht(?<=tonight|overnight))|f(?<=af)ternoon|\d(?<=on the \d)`;
/** The calendar cue as a regex: what chrono-window needs to know of the readings readCalendarDates keeps. */
export const CALENDAR_CUE_RE = new RegExp(CALENDAR_CUE, 'i');
const DAY_CUE_RE = new RegExp(DAY_CUE, 'i');
// Either cue: one scan tells most sentences (which hold neither) from the rest, which are then asked for each.
const DATE_CUE_RE = new RegExp(`${CALENDAR_CUE}|${DAY_CUE}`, 'i');

/** Whether a sentence may hold a chrono reading readCalendarDates keeps: it is given to chrono only then. */
export const mayHoldCalendarDate = (text: string): boolean => CALENDAR_CUE_RE.test(text);
/** Whether a sentence may name a weekday, a relative day or a day of the month. */
export const mayNameADay = (text: string): boolean => DAY_CUE_RE.test(text);
/** Whether a sentence may hold a date of either kind (mayHoldCalendarDate or mayNameADay). */
export const mayHoldADate = (text: string): boolean => DATE_CUE_RE.test(text);

interface EraFile {
  eras: { word: string; offset: number }[];
}
const ERAS = readDataJson<EraFile>('calendar-eras.json').eras;
// An era year right after a month and day: "February 7, Juche 105" (group 1 the era word, group 2 its year).
const ERA_YEAR = new RegExp(String.raw`^,?\s*(${ERAS.map((e) => e.word).join('|')})\s+(\d{1,3})\b`, 'i');

/** The Gregorian year an era year right after `end` names ("…7, Juche 105" → 2016), with where its words end. */
function eraYearAfter(text: string, end: number): { year: number; end: number } | null {
  const m = ERA_YEAR.exec(text.slice(end));
  if (!m) return null;
  const era = ERAS.find((e) => e.word.toLowerCase() === m[1].toLowerCase());
  return era ? { year: era.offset + Number(m[2]), end: end + m[0].length } : null;
}

const NUMERIC_DATE = /\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}/;

/**
 * What chrono read in a sentence, as findDates uses it: where, which words, and only the components it was sure
 * of (its guesses come from the reference date; findDates makes its own from the words).
 */
export interface CalendarReading {
  index: number;
  text: string;
  monthDayCertain: boolean;
  yearCertain: boolean;
  /** The certain components, else null. */
  year: number | null;
  month: number | null;
  day: number | null;
}

/** chrono's readings of a sentence, and whether chrono reads the same against any other reference date. */
export interface CalendarReadings {
  readings: CalendarReading[];
  referenceFree: boolean;
}

// Words of a reading counted from another date ("three days after May 5", "May 5 +2d", not "2019-07-25"): chrono works its sure
// components out from the guessed ones.
const COUNTED_FROM = /\b(?:ago|before|from|after|since|later|within)\b|(?<!\w)[+-]\s*\d/i;

/**
 * The instant chrono reads a sentence against: noon UTC of `reference`, else of 1 January 2000, a day on which
 * every reading is a real day (day 1, a 31-day month, a leap year), which `referenceFree` relies on.
 */
export const chronoInstant = (reference: string | null): Date => (reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12)));

/**
 * chrono's readings of a sentence against `reference` (the publication date, or null), the unlikely ones dropped.
 * chrono guesses the components a sentence leaves out from the reference date; the guesses decide no more than
 * which end of a range comes first, the sure components of a reading counted from another date, and whether a
 * reading without a sure month and day (or a "February 29" without a year) is a real day and kept at all. Against
 * the fallback reference (1 January 2000: day 1, a 31-day month, a leap year) every reading is a real day, so with
 * none of those the readings are the same against any reference (`referenceFree`).
 */
export function readCalendarDates(text: string, reference: string | null, parser: DateParser): CalendarReadings {
  if (!mayHoldCalendarDate(text)) return { readings: [], referenceFree: true };
  const ref = chronoInstant(reference);
  const readings: CalendarReading[] = [];
  let referenceFree = true;
  for (const r of parser.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const monthName = MONTH_NAME.test(r.text);
    // chrono also reads "7.5" or "1,000" as dates now and then: insist on a month name or a full numeric date.
    if (!monthName && !NUMERIC_DATE.test(r.text)) continue;
    const monthDayCertain = r.start.isCertain('month') && r.start.isCertain('day');
    const yearCertain = r.start.isCertain('year');
    const month = monthDayCertain ? r.start.get('month') : null;
    const day = monthDayCertain ? r.start.get('day') : null;
    if (r.end || !monthDayCertain || COUNTED_FROM.test(r.text) || (month === 2 && day === 29 && !yearCertain)) referenceFree = false;
    // chrono marks "the morning of January 14" as day-uncertain; a written month and number still pin it.
    if (!monthDayCertain && !monthName) continue;
    readings.push({ index: r.index, text: r.text, monthDayCertain, yearCertain, year: yearCertain ? r.start.get('year') : null, month, day });
  }
  return { readings, referenceFree };
}

// chrono's readings of the sentences read without a reference date, for the article being read: an undated
// article's sentences are read against no date first (to find the latest date written on the page, which then
// stands in for the reference), then against that date, and the second reading reuses the first when it is
// reference-free. Per reader (a locale's chrono); cleared for every article (forgetDateReadings).
const unreferenced = new Map<object, Map<string, { referenceFree: boolean }>>();

/**
 * `read(text, reference)`, read once per sentence where the reference cannot matter: the reading against no
 * reference (null) is remembered and given again for any reference when it is reference-free. `reader` keys the
 * memo (the same reader always reads a text the same way, into the same type R).
 */
export function readOnce<R extends { referenceFree: boolean }>(reader: object, text: string, reference: string | null, read: (text: string, reference: string | null) => R): R {
  let memo = unreferenced.get(reader);
  if (!memo) unreferenced.set(reader, (memo = new Map()));
  const known = memo.get(text) as R | undefined;
  if (known && (reference === null || known.referenceFree)) return known;
  const made = read(text, reference);
  if (reference === null && text.length <= RECENT_TEXT_MAX_CHARS) {
    if (memo.size >= SENTENCE_FACTS_RECENT) memo.clear();
    memo.set(text, made);
  }
  return made;
}

/** chrono's readings of a sentence against `reference`: read once per sentence where the reference cannot matter. */
export const readingsFor = (text: string, reference: string | null, parser: DateParser): CalendarReadings =>
  readOnce(parser, text, reference, (t, r) => readCalendarDates(t, r, parser));

/** Forgets the readings of the last article's sentences: called when an article's context is made. */
export function forgetDateReadings(): void {
  for (const memo of unreferenced.values()) memo.clear();
}

/**
 * Finds explicit calendar dates (via chrono-node, which knows "Jan. 6, 2025", "13 April", "September 11 and 12"),
 * weekday words and relative days. `reference` is the publication date (or null); `parser` is the locale's chrono;
 * `readings`: chrono's readings of the sentence when the caller has them, else they are read here (readingsFor).
 */
export function findDates(text: string, reference: string | null, yearHint: number | null, parser: DateParser, readings?: CalendarReadings): DateMention[] {
  // Neither cue (most sentences): chrono would keep no reading (mayHoldCalendarDate), and no day is named.
  if (readings === undefined && !mayHoldADate(text)) return [];
  const out: DateMention[] = [];
  // Without a publication date, a year seen elsewhere (URL, text) still pins "January 14".
  const pad = (n: number): string => String(n).padStart(2, '0');
  for (const r of (readings ?? readingsFor(text, reference, parser)).readings) {
    const writtenYear = /\b((?:19|20)\d\d)\b/.exec(r.text);
    // "11/03/2024" read month-first would lie in the future of the article: then it is day-first (11 March).
    const numeric = /^(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)$/.exec(r.text.trim());
    if (numeric && reference) {
      const mdY = `${numeric[3]}-${numeric[1].padStart(2, '0')}-${numeric[2].padStart(2, '0')}`;
      const dmY = `${numeric[3]}-${numeric[2].padStart(2, '0')}-${numeric[1].padStart(2, '0')}`;
      const chosen = Number(numeric[1]) > 12 || (mdY > addDays(reference, 1) && Number(numeric[2]) <= 12 && dmY <= addDays(reference, 1)) ? dmY : mdY;
      if (isCalendarDay(chosen)) {
        out.push({ kind: 'explicit', start: r.index, end: r.index + r.text.length, surface: r.text, date: chosen, weekday: weekdayOf(chosen), yearStated: true, inUtc: false, monthDay: chosen.slice(5) });
        continue;
      }
    }
    // "May 14, Juche 106": the state-media era year states the year.
    const era = writtenYear ? null : eraYearAfter(text, r.index + r.text.length);
    const yearStated = r.yearCertain || writtenYear !== null || era !== null;
    const y = era ? era.year : writtenYear ? Number(writtenYear[1]) : r.year;
    let m = r.month;
    let d = r.day;
    if (!r.monthDayCertain) {
      // chrono fills an uncertain day from the reference ("the morning of October 2" → the 3rd): read it ourselves.
      const written = writtenMonthDay(r.text);
      if (!written) continue;
      [m, d] = written;
    }
    if (m === null || d === null) continue;
    let date: string | null = null;
    if (yearStated && y !== null) date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    else if (reference) date = nearestYear(m, d, reference);
    else if (yearHint) date = `${yearHint}-${pad(m)}-${pad(d)}`;
    // "February 29" of a year that has none, "April 31": the writer slipped, and no launch is dated by it.
    if (date !== null && !isCalendarDay(date)) date = null;
    const start = r.index;
    const surface = era ? text.slice(start, era.end) : r.text;
    // Drop a weekday chrono swallowed ("Wednesday, July 4"): we read weekdays ourselves below.
    const monthDay = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    out.push({ kind: 'explicit', start, end: start + surface.length, surface, date, weekday: date ? weekdayOf(date) : null, yearStated, inUtc: false, monthDay });
  }
  // No weekday, day of the month or relative day can be named without one of these words.
  if (!mayNameADay(text)) return out.sort((a, b) => a.start - b.start);
  for (const m of matchesOf(WEEKDAY_RE, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((o) => o.kind === 'explicit' && start >= o.start && end <= o.end && /\d/.test(o.surface))) {
      // "Wednesday, July 4": the explicit date carries it.
    }
    const qualifier = (m[1] ?? '').toLowerCase();
    if (qualifier === 'last' || qualifier === 'next' || qualifier === 'past') continue;
    const weekday = WEEKDAYS.indexOf(m[3].toLowerCase());
    const before = text.slice(Math.max(0, start - 40), start);
    const inUtc = /\b(?:gmt|utc|z)\s*(?:on\s*)?$/i.test(before) || /\(\s*\d{1,2}:?\d{2}\s*(?:gmt|utc)[^)]*$/i.test(before);
    out.push({
      kind: 'weekday',
      start,
      end,
      surface: m[0],
      date: reference && !inUtc ? resolveWeekday(weekday, reference) : null,
      weekday,
      yearStated: false,
      inUtc,
      monthDay: null,
    });
  }
  // "on the 15th": a day of the publication month (or of the month before, when the day has not come yet).
  for (const m of matchesOf(DAY_OF_MONTH_RE, text)) {
    const day = Number(m[1]);
    if (!reference || day < 1 || day > 31) continue;
    const start = m.index ?? 0;
    if (out.some((o) => start < o.end && start + m[0].length > o.start)) continue;
    const refDay = Number(reference.slice(8, 10));
    const month = day <= refDay ? reference.slice(0, 8) : addDays(`${reference.slice(0, 8)}01`, -1).slice(0, 8);
    const date = `${month}${String(day).padStart(2, '0')}`;
    if (!isCalendarDay(date)) continue;
    out.push({ kind: 'explicit', start, end: start + m[0].length, surface: m[0], date, weekday: weekdayOf(date), yearStated: false, inUtc: false, monthDay: date.slice(5) });
  }
  for (const m of matchesOf(RELATIVE_RE, text)) {
    const start = m.index ?? 0;
    const word = m[1].toLowerCase();
    const back = /yesterday|previous day|day before|day earlier/.test(word) ? 1 : 0;
    const date = reference ? addDays(reference, -back) : null;
    out.push({ kind: 'relative', start, end: start + m[0].length, surface: m[0], date, weekday: date ? weekdayOf(date) : null, yearStated: false, inUtc: false, monthDay: null });
  }
  // "On Tuesday it hailed the test of the previous day": a relative day counts back from the weekday named.
  const anchor = out.find((d) => d.kind === 'weekday' && d.date);
  for (const d of out) {
    if (d.kind === 'relative' && anchor?.date && /previous day|day before|day earlier/i.test(d.surface) && d.start > anchor.start) {
      d.date = addDays(anchor.date, -1);
      d.weekday = weekdayOf(d.date);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function writtenMonthDay(text: string): [number, number] | null {
  const a = /\b([a-z]{3})[a-z]*\.?\s*(\d{1,2})(?!\d)/i.exec(text);
  const b = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([a-z]{3})[a-z]*/i.exec(text);
  const pairs: [string, string][] = [];
  if (a) pairs.push([a[1], a[2]]);
  if (b) pairs.push([b[2], b[1]]);
  for (const [mon, day] of pairs) {
    const mi = MONTHS.indexOf(mon.toLowerCase());
    if (mi >= 0 && Number(day) >= 1 && Number(day) <= 31) return [mi + 1, Number(day)];
  }
  return null;
}

/** The year that puts month/day nearest to (and preferably not after) the reference date; null when no year near it has that day. */
function nearestYear(month: number, day: number, reference: string): string | null {
  const ry = Number(reference.slice(0, 4));
  let best: string | null = null;
  let bestCost = Infinity;
  for (const y of [ry - 1, ry, ry + 1]) {
    const s = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isCalendarDay(s)) continue;
    const diff = daysBetween(reference, s); // positive: after publication
    const cost = diff > 2 ? diff * 4 : Math.abs(diff);
    if (cost < bestCost) {
      bestCost = cost;
      best = s;
    }
  }
  return best;
}


/** The patterns spokenDate reads, per locale: compiled once. */
interface SpokenPatterns {
  /** A verb of speaking right after the date. */
  speechAfter: RegExp;
  launchVerbs: RegExp;
  launchNouns: RegExp;
}
const spokenPatterns = new Map<Locale, SpokenPatterns>();

function spoken(locale: Locale): SpokenPatterns {
  const known = spokenPatterns.get(locale);
  if (known) return known;
  const p = phrases(locale);
  const made: SpokenPatterns = {
    speechAfter: new RegExp(`^\\s*(?:morning|evening|night)?\\s*,?\\s*(?:[a-z]+ly\\s+)?(?:${p.speech.source})`, 'i'),
    launchVerbs: p.launchVerb.global ? p.launchVerb : new RegExp(p.launchVerb.source, 'gi'),
    launchNouns: new RegExp(p.launchNoun.source, 'gi'),
  };
  spokenPatterns.set(locale, made);
  return made;
}

/** A date that follows a verb of speaking (with no verb of firing in between) dates the statement, not the launch. */
export function spokenDate(text: string, at: number, end = at, locale: Locale = 'en'): boolean {
  const p = phrases(locale);
  const s = spoken(locale);
  // "North Korea on Tuesday hailed …", "Seoul said Monday", "Pakistan on Wednesday strongly condemned …": the
  // day belongs to the statement.
  if (s.speechAfter.test(text.slice(end, end + 30))) return true;
  const before = text.slice(Math.max(0, at - 70), at);
  const lastIndex = (re: RegExp): number => Math.max(-1, ...matchesOf(re, before).map((m) => m.index ?? -1));
  const speech = lastIndex(p.speech);
  if (speech < 0) return false;
  // A verb of firing after the speech verb dates the launch ("said the North fired … on Friday"); a launch noun
  // only when the date follows it closely ("confirmed the launch on Friday", not "… the launch of the missile,
  // dubbed the Hwasong-18, on Friday").
  if (lastIndex(s.launchVerbs) > speech) return false;
  const noun = lastIndex(s.launchNouns);
  return !(noun > speech && before.length - noun < 30);
}

