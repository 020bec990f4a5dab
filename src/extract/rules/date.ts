// Date rule: the main launch's local date.
// Reads, in the launch sentences (and sentences restating the launch, "the flight test was conducted on …"): explicit dates ("on Jan. 6, 2025", "13 April", "the morning of October 2"),
// weekdays ("on Tuesday", "early Sunday", "23:10 GMT on Wednesday"), relative days ("today", "the previous day"),
// "on the 15th". Leaves out datelines and page stamps ("Odisha, October 28 (KMS):", "| 24.05.2022",
// "Published On 14 Jan 2025") and dates of statements ("Seoul said Monday") unless nothing else is written.
// With no date words at all, a launch flash is dated by the reference date.
import { daysBetween, resolveWeekday, weekdayOf, withinDays } from '../../calendar.js';
import {
  BASE_CONFIDENCE,
  LATE_DATE_WINDOW_DAYS,
  LATE_LAUNCH_SENTENCE,
  OPENING_LAUNCH_SENTENCES,
  PLAUSIBLE_LAUNCH_DAYS_AFTER,
  PLAUSIBLE_LAUNCH_DAYS_BEFORE,
} from '../../settings.js';
import { type ArticleContext, type DateDecision, NO_DATE, type ReadUnit } from '../context.js';
import { type DateMention, spokenDate } from '../dates.js';
import type { Parser, Refiner, Rule } from '../rule.js';
import { toLocal } from '../times.js';

export interface DateCandidate {
  unit: ReadUnit;
  mention: DateMention;
  /** Lower is better: reading order, then explicit before weekday before relative; statements last. */
  rank: number;
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

/**
 * The sentences that may date the main launch: its launch sentences, and sentences that restate it without a
 * missile noun ("The flight test was conducted … on April 3"), in reading order.
 */
function datingSentences(ctx: ArticleContext): ReadUnit[] {
  const restated = (u: ReadUnit): boolean => u.part === 'text' && !u.launch && !u.isCaption && u.role.role === 'main' && ctx.phrases.rule.launchRestated.test(u.text);
  if (!ctx.mainLaunch.length) return [];
  return ctx.units.filter((u) => ctx.mainLaunch.includes(u) || restated(u));
}

export const dateRule: Rule<DateCandidate> = {
  name: 'launch-sentence-date',
  field: 'date_local',
  scope: datingSentences,
  find(u, ctx) {
    const i = datingSentences(ctx).indexOf(u);
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
    for (const u of new Set(candidates.map((c) => c.unit))) {
      const own = candidates.filter((c) => c.unit === u && c.mention.kind === 'weekday' && c.mention.date && c.rank < SPOKEN_PENALTY);
      const joined = own.length === 2 && ctx.phrases.rule.joinedDays.test(u.text.slice(own[0].mention.end, own[1].mention.start));
      if (own.length > 1 && !joined) {
        const latest = own.reduce((a, b) => ((b.mention.date ?? '') > (a.mention.date ?? '') ? b : a));
        for (const c of own) if (c !== latest) c.rank += EARLIER_DAY_PENALTY;
      }
    }
    return candidates;
  },
};

/** A UTC weekday ("23:10 GMT on Wednesday") becomes a local weekday through the time beside it. */
const utcWeekdayToLocal: Refiner<DateCandidate> = {
  name: 'utc-weekday-to-local',
  refine(candidates, ctx) {
    for (const c of candidates) {
      const d = c.mention;
      if (d.kind === 'weekday' && d.inUtc && d.weekday !== null) {
        const t = ctx.readers.times(c.unit.text).find((x) => x.zone === 'UTC' || x.zone === 'GMT');
        const shift = t ? toLocal(t, ctx.clockOffset).dayShift : 0;
        const wd = (d.weekday + shift + 7) % 7;
        c.mention = { ...d, weekday: wd, date: ctx.reference ? resolveWeekday(wd, ctx.reference) : null, inUtc: false };
        c.rank += 1;
      }
    }
    return candidates;
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
    const dating = datingSentences(ctx);
    for (const c of candidates) {
      const i = dating.indexOf(c.unit);
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
  refiners: [latestOfSeveralDays, utcWeekdayToLocal, openingExplicitDateFirst, resolvedFirstByRank],
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
