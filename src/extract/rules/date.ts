// Date rule: the main launch's local date.
// Reads, in the launch sentences (and sentences restating the launch, "the flight test was conducted on …"): explicit dates ("on Jan. 6, 2025", "13 April", "the morning of October 2"),
// weekdays ("on Tuesday", "early Sunday", "23:10 GMT on Wednesday"), relative days ("today", "the previous day"),
// "on the 15th". Leaves out datelines and page stamps ("Odisha, October 28 (KMS):", "| 24.05.2022",
// "Published On 14 Jan 2025") and dates of statements ("Seoul said Monday") unless nothing else is written.
// With no date words at all, a launch flash is dated by the reference date.
import { addDays, daysBetween, resolveWeekday, weekdayOf, withinDays } from '../../calendar.js';
import {
  BASE_CONFIDENCE,
  LATE_DATE_WINDOW_DAYS,
  LATE_LAUNCH_SENTENCE,
  OPENING_LAUNCH_SENTENCES,
  PLAUSIBLE_LAUNCH_DAYS_AFTER,
  PLAUSIBLE_LAUNCH_DAYS_BEFORE,
  ZONED_DAY_GAP_CHARS,
  DATELINE_UNITS,
} from '../../settings.js';
import { type ArticleContext, type DateDecision, NO_DATE, type ReadUnit } from '../context.js';
import { type DateMention, spokenDate } from '../dates.js';
import type { Parser, Refiner, Rule } from '../rule.js';
import { testGated } from '../rule-gates.js';
import { type TimeMention, toLocal } from '../times.js';

export interface DateCandidate {
  unit: ReadUnit;
  mention: DateMention;
  /** Lower is better: reading order, then explicit before weekday before relative; statements last. */
  rank: number;
  /** The day was told on another clock and has been moved to the local one. */
  zoned?: boolean;
}

// Rank steps: a later launch sentence, a kind of date, a statement's date.
const SENTENCE_STEP = 10;
export const SPOKEN_PENALTY = 1000;
/** The rank of an explicit date in the opening launch sentences that is a plausible launch day. */
export const OPENING_EXPLICIT_RANK = -1;
const EARLIER_DAY_PENALTY = 5;
const KIND_RANK: Record<DateMention['kind'], number> = { explicit: 0, weekday: 1, relative: 2 };

// A date right after a bar ("| 24.05.2022") is a page stamp.
const AFTER_BAR = /\|\s*$/;
// A dateline: a capitalised place before the date, and a bracket, colon or dash after it.
// A wire tag may come first ("(MENAFN- IANS) New Delhi, April 4 (IANS)").
const DATELINE_PLACE = /^(?:\([^)]{1,30}\)\s*)?[A-Z][\w.' -]{0,40},?\s*$/;
// A date inside an opening byline bracket: "SEOUL (Some News / Agency - 19th February, 2023) North Korea …".
const BYLINE_BRACKET_BEFORE = /^[A-Z][A-Za-z .,'-]{0,40}\([^()]{0,60}$/;
const BRACKET_CLOSE_AFTER = /^[^()]{0,5}\)/;
const DATELINE_MARK = /^\s*(?:\(|:|-|—|–|\/)/;

/** Datelines and page stamps date the article, not the launch. */
function isPublicationStamp(ctx: ArticleContext, text: string, d: DateMention): boolean {
  if (d.kind !== 'explicit') return false;
  const before = text.slice(0, d.start);
  const after = text.slice(d.end, d.end + 12);
  if (ctx.phrases.rule.stampWordBefore.test(before)) return true;
  if (AFTER_BAR.test(before)) return true;
  if (BYLINE_BRACKET_BEFORE.test(before) && BRACKET_CLOSE_AFTER.test(after)) return true;
  return DATELINE_PLACE.test(before) && DATELINE_MARK.test(after);
}

/** The month and day of the article's dateline or page stamp ("Pyongyang, July 19 (Agency)"), year or not. */
export function datelineMonthDay(ctx: ArticleContext): string | null {
  for (const u of ctx.units.slice(0, DATELINE_UNITS)) for (const d of u.dates) if (d.monthDay && isPublicationStamp(ctx, u.text, d)) return d.monthDay;
  return null;
}

/**
 * The month and day of this launch written without a year ("fired a missile from Kaechon on Dec. 4"): an
 * explicit date in the sentence that first reports the main launch, or in the sentence just before or after it,
 * when that sentence's role stays main once the main date is known; inside its main clause; neither a dateline
 * nor a statement's day ("Seoul said on Dec. 5"). Background dates further on are not read ("The last test was
 * conducted on March 10" in a later paragraph), nor those after the main clause ("…, its first launch since
 * Nov. 18"). Null when no such month-day is written, or when those sentences write different ones.
 */
export function launchMonthDay(ctx: ArticleContext): string | null {
  const body = ctx.units.filter((u) => u.part === 'text' && !u.isCaption);
  const inBody = new Set(body);
  const lede = ctx.mainLaunch.find((u) => inBody.has(u) && u.role.role === 'main');
  if (!lede) return null;
  const at = body.indexOf(lede);
  const written = new Set<string>();
  for (const u of body.slice(Math.max(0, at - 1), at + 2)) {
    if (u.role.role !== 'main') continue;
    for (const d of u.dates) {
      if (d.kind !== 'explicit' || !d.monthDay || d.start >= u.role.mainEnd || d.start < (u.role.mainStart ?? 0)) continue;
      if (isPublicationStamp(ctx, u.text, d) || spokenDate(u.text, d.start, d.end, ctx.locale)) continue;
      written.add(d.monthDay);
    }
  }
  return written.size === 1 ? [...written][0] : null;
}

/**
 * The sentences that may date the main launch: its launch sentences, and sentences that restate it without a
 * missile noun ("The flight test was conducted … on April 3"), in reading order.
 */
function datingSentences(ctx: ArticleContext): ReadUnit[] {
  let dating = datingOf.get(ctx);
  if (!dating) datingOf.set(ctx, (dating = findDatingSentences(ctx)));
  return dating;
}

/** Each article's dating sentences, found once: the date rule reads them, then a refiner asks for their order. */
const datingOf = new WeakMap<ArticleContext, ReadUnit[]>();

function findDatingSentences(ctx: ArticleContext): ReadUnit[] {
  const restated = (u: ReadUnit): boolean => u.part === 'text' && !u.launch && !u.isCaption && u.role.role === 'main' && testGated(ctx.phrases.rule.launchRestated, u.text, ctx.locale);
  if (!ctx.mainLaunch.length) return [];
  const launches = new Set(ctx.mainLaunch);
  return ctx.units.filter((u) => launches.has(u) || restated(u));
}

export const dateRule: Rule<DateCandidate> = {
  name: 'launch-sentence-date',
  field: 'date_local',
  scope: datingSentences,
  find(u, ctx, i) {
    const reference = ctx.reference;
    const out: DateCandidate[] = [];
    for (const d of u.dates) {
      if (d.start >= u.role.mainEnd || isPublicationStamp(ctx, u.text, d)) continue;
      // Beyond the opening sentences, only a date close to publication can be the launch day.
      if (i >= LATE_LAUNCH_SENTENCE && !(d.date && reference && withinDays(d.date, reference, LATE_DATE_WINDOW_DAYS))) continue;
      const spoken = spokenDate(u.text, d.start, d.end, ctx.locale);
      out.push({ unit: u, mention: d, rank: (spoken ? SPOKEN_PENALTY : 0) + i * SENTENCE_STEP + KIND_RANK[d.kind] });
    }
    return out;
  },
};

/**
 * Several launch days in one sentence ("On Tuesday it fired …, and on Friday it launched …"): the latest is the
 * news, the earlier ones background — unless they are one span of days ("on Saturday and Sunday").
 */
const latestOfSeveralDays: Refiner<DateCandidate> = {
  name: 'latest-of-several-days',
  refine(candidates, ctx) {
    const weekdaysIn = new Map<ReadUnit, DateCandidate[]>();
    for (const c of candidates) {
      if (!weekdaysIn.has(c.unit)) weekdaysIn.set(c.unit, []);
      if (c.mention.kind === 'weekday' && c.mention.date && c.rank < SPOKEN_PENALTY) weekdaysIn.get(c.unit)?.push(c);
    }
    for (const [u, own] of weekdaysIn) {
      const joined = own.length === 2 && ctx.phrases.rule.joinedDays.test(u.text.slice(own[0].mention.end, own[1].mention.start));
      if (own.length > 1 && !joined) {
        const latest = own.reduce((a, b) => ((b.mention.date ?? '') > (a.mention.date ?? '') ? b : a));
        for (const c of own) if (c !== latest) c.rank += EARLIER_DAY_PENALTY;
      }
    }
    return candidates;
  },
};

/** Whether a time is written on a named clock (GMT, Hawaii time, ET …), not "local" or bare. */
const isZoned = (t: TimeMention): boolean => t.zone !== 'local' && t.zone !== 'unzoned';

/**
 * A day told on another clock becomes a local day through the zoned time beside it: "23:10 GMT on Wednesday",
 * "(2045 GMT on Monday)", "11:57 a.m. Hawaii time today". A bare weekday naming the same day as such a converted
 * one was told on that clock too ("on Monday night … (20:45 GMT on Monday)"): it moves with it.
 */
const zonedDayToLocal: Refiner<DateCandidate> = {
  name: 'zoned-day-to-local',
  refine(candidates, ctx) {
    const moved = new Map<number, number>();
    for (const c of candidates) {
      const d = c.mention;
      const sameDayWord = d.kind === 'relative' && d.date !== null && d.date === ctx.reference;
      if (d.kind !== 'weekday' && !sameDayWord) continue;
      const times = ctx.readers.times(c.unit.text).filter(isZoned);
      const beside = times.filter((t) => t.end <= d.start && d.start - t.end <= ZONED_DAY_GAP_CHARS).pop();
      const t = beside ?? (d.inUtc ? times.find((x) => x.zone === 'UTC' || x.zone === 'GMT') : undefined);
      if (!t && !d.inUtc) continue;
      const shift = t ? toLocal(t, ctx.clockOffset, ctx.reference).dayShift : 0;
      if (d.kind === 'weekday' && d.weekday !== null) {
        const wd = (d.weekday + shift + 7) % 7;
        if (shift !== 0) moved.set(d.weekday, wd);
        c.mention = { ...d, weekday: wd, date: ctx.reference ? resolveWeekday(wd, ctx.reference) : null, inUtc: false };
      } else if (d.date) {
        const date = addDays(d.date, shift);
        c.mention = { ...d, date, weekday: weekdayOf(date) };
      }
      c.rank += 1;
      c.zoned = true;
    }
    for (const c of candidates) {
      const d = c.mention;
      const to = d.kind === 'weekday' && d.weekday !== null && !c.zoned ? moved.get(d.weekday) : undefined;
      if (to !== undefined) c.mention = { ...d, weekday: to, date: ctx.reference ? resolveWeekday(to, ctx.reference) : null };
    }
    return candidates;
  },
};

/**
 * "North Korea said Wednesday it tested … The report came a day after the militaries detected the launch": when
 * the only days written are the statement's, the launch lies the stated number of days before it.
 */
const launchDaysBeforeStatement: Refiner<DateCandidate> = {
  name: 'statement-came-days-after-launch',
  refine(candidates, ctx) {
    if (candidates.some((c) => c.mention.date && c.rank < SPOKEN_PENALTY)) return candidates;
    const statement = candidates.filter((c) => c.mention.date).sort((a, b) => a.rank - b.rank)[0];
    const said = statement?.mention.date;
    if (!said) return candidates;
    for (const u of ctx.units) {
      if (u.part !== 'text' || u.isCaption) continue;
      const m = ctx.phrases.rule.statementCameAfterLaunch.exec(u.text);
      if (!m) continue;
      const days = m[1] ? (ctx.phrases.numberWords.get(m[1].toLowerCase()) ?? Number(m[1])) : 0;
      const date = addDays(said, -days);
      const mention: DateMention = { kind: 'relative', start: m.index, end: m.index + m[0].length, surface: m[0], date, weekday: weekdayOf(date), yearStated: false, monthDay: date.slice(5), inUtc: false };
      return [{ unit: u, mention, rank: statement.rank - SPOKEN_PENALTY }, ...candidates];
    }
    return candidates;
  },
};

/**
 * "A day earlier, North Korea fired 25 missiles … SEOUL – North Korea fired three missiles on Thursday": a past
 * relative day that is exactly the day before another launch sentence's own day tells the earlier launch.
 */
const dayBeforeAnotherLaunchDay: Refiner<DateCandidate> = {
  name: 'day-before-another-launch-day',
  refine(candidates, ctx) {
    // The sentences that launch on each day.
    const launchingOn = new Map<string, Set<ReadUnit>>();
    for (const c of candidates) {
      const d = c.mention.date;
      if (c.mention.kind === 'relative' || !d || c.rank >= SPOKEN_PENALTY || !c.unit.launch) continue;
      launchingOn.set(d, (launchingOn.get(d) ?? new Set<ReadUnit>()).add(c.unit));
    }
    return candidates.filter((c) => {
      const d = c.mention.date;
      if (c.mention.kind !== 'relative' || !d || !ctx.reference || d >= ctx.reference) return true;
      const next = launchingOn.get(addDays(d, 1));
      return !next || (next.size === 1 && next.has(c.unit));
    });
  },
};

/**
 * An explicit date in the opening launch sentences beats a weekday elsewhere, when it is a plausible launch day
 * for this publication date (within a week before it, or the day after).
 */
const openingExplicitDateFirst: Refiner<DateCandidate> = {
  name: 'opening-explicit-date-first',
  refine(candidates, ctx) {
    const reference = ctx.reference;
    const dating = new Map(datingSentences(ctx).map((u, i) => [u, i]));
    for (const c of candidates) {
      const i = dating.get(c.unit) ?? -1;
      const d = c.mention;
      const plausible = d.kind === 'explicit' && d.date !== null && (!reference || (daysBetween(d.date, reference) <= PLAUSIBLE_LAUNCH_DAYS_BEFORE && daysBetween(d.date, reference) >= -PLAUSIBLE_LAUNCH_DAYS_AFTER));
      if (plausible && i < OPENING_LAUNCH_SENTENCES && c.rank < SPOKEN_PENALTY) c.rank = OPENING_EXPLICIT_RANK;
    }
    return candidates;
  },
};

/** A weekday without a reference pins no day: a candidate that resolves to a date goes first, then by rank. */
const resolvedFirstByRank: Refiner<DateCandidate> = {
  name: 'resolved-first-by-rank',
  refine: (candidates) => candidates.sort((a, b) => (a.mention.date ? 0 : 1) - (b.mention.date ? 0 : 1) || a.rank - b.rank),
};

export const dateParser: Parser<DateCandidate> = {
  rule: dateRule,
  refiners: [latestOfSeveralDays, zonedDayToLocal, dayBeforeAnotherLaunchDay, openingExplicitDateFirst, launchDaysBeforeStatement, resolvedFirstByRank],
};

/**
 * The main launch's local date from the refined candidates: the best one, else (a flash with no date words) the
 * reference date.
 */
export function decideDate(candidates: DateCandidate[], ctx: ArticleContext): DateDecision {
  const best = candidates[0];
  const reference = ctx.reference;
  if (best) {
    const d = best.mention;
    const span = { start: d.start, end: d.end };
    if (d.date) {
      const explicit = d.kind === 'explicit';
      return { value: d.date, monthDay: d.date.slice(5), weekday: weekdayOf(d.date), unit: best.unit, span, parser: `date-${d.kind}`, confidence: explicit ? BASE_CONFIDENCE.dateExplicit : BASE_CONFIDENCE.dateInferred, implied: !explicit || !d.yearStated };
    }
    return { ...NO_DATE, monthDay: d.monthDay, weekday: d.weekday, unit: best.unit, span };
  }
  if (reference && ctx.mainLaunch.length) return { value: reference, monthDay: reference.slice(5), weekday: weekdayOf(reference), unit: null, span: null, parser: 'publication-date', confidence: BASE_CONFIDENCE.publicationDate, implied: true };
  return NO_DATE;
}
