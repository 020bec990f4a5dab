// ArticleContext: what every rule may know about the article besides the sentence it reads — the reference date
// and how it was found, a year hint for dates written without one, the sentences with their dates and roles,
// who launched and on which clock, and (once decided) the main launch's date.
import { addDays, KST_OFFSET_MINUTES } from '../calendar.js';
import { actorInfo, type Locale } from '../knowledge/index.js';
import type { Article, Span } from '../types.js';
import { matchesOf } from './compiled.js';
import type { Readers } from './configuration.js';
import { type DateMention, forgetDateReadings } from './dates.js';
import { type Phrases, phrases } from './phrases.js';
import { type RoleDecision, sentenceRole, statesLaunch } from './roles.js';
import { testGated } from './rule-gates.js';
import { forgetSentenceFacts } from './sentence-facts.js';
import { STATE_MEDIA_DATELINE_CHARS } from '../settings.js';
import { articleUnits, type Unit } from './units.js';

/** A sentence with everything the parsers found in it and its role. */
export interface ReadUnit extends Unit {
  dates: DateMention[];
  launch: boolean;
  role: RoleDecision;
}

/**
 * Where the reference date came from: ingest's publication date, else the latest full date written on the page,
 * else the last day of a month the page is stamped with.
 */
export type ReferenceFrom = 'published' | 'latest-written-date' | 'month-stamp' | 'none';

/** The main launch's local date, and the words that state it. */
export interface DateDecision {
  value: string | null;
  monthDay: string | null;
  weekday: number | null;
  unit: ReadUnit | null;
  span: Span | null;
  parser: string;
  confidence: number;
  implied: boolean;
}

export const NO_DATE: DateDecision = { value: null, monthDay: null, weekday: null, unit: null, span: null, parser: 'none', confidence: 0, implied: false };

export interface ArticleContext {
  readonly article: Article;
  readonly locale: Locale;
  readonly phrases: Phrases;
  /** The locale's readers of dates, clock times, counts and lengths. */
  readonly readers: Readers;
  /** The date "Monday" and "yesterday" are counted from. */
  readonly reference: string | null;
  readonly referenceFrom: ReferenceFrom;
  /** A year for dates written without one, when there is no reference date. */
  readonly yearHint: number | null;
  readonly units: ReadUnit[];
  /** North Korean state media (a KCNA dateline or byline) tell time on Pyongyang's clock. */
  readonly fromStateMedia: boolean;
  /** Launch sentences whose first-pass role is main (before the main date is known). */
  readonly mainLaunch: ReadUnit[];
  /** Who launched, once the actor parser has run. */
  actor: string | null;
  /** The launching country's clock, minutes east of UTC. */
  clockOffset: number;
  /** The main launch's date, once the date parser has run. */
  date: DateDecision;
}

/** The publication date as ingest parsed it: the one value resolve and the extractor both start from. */
export const publicationDate = (article: Article): string | null => article.published?.date ?? null;

/** The reference date and how it was found. */
export function referenceOf(article: Article, readers: Readers): { reference: string | null; from: ReferenceFrom } {
  const published = publicationDate(article);
  if (published) return { reference: published, from: 'published' };
  const latest = latestWrittenDate(article, readers);
  if (latest) return { reference: latest, from: 'latest-written-date' };
  const month = stampedMonth(article);
  return month ? { reference: month, from: 'month-stamp' } : { reference: null, from: 'none' };
}

// A year and month the page is stamped with: a leading "date 2017-05" / "2017年5月" line, or "/2017/05/" in the URL.
const MONTH_STAMP_LINE = /^\s*(?:(?:date|dated|published|updated)\s*:?\s*)?((?:19|20)\d\d)\s*[-/.年]\s*(0?[1-9]|1[0-2])(?:\s*月)?(?![\d/.-]|\s*\d{1,2}\s*日)/i;
const MONTH_IN_URL = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\//;

/**
 * A page dated only to a month ("date 2017-05" over the text): its last day stands in for the publication date, so
 * a bare day number ("29日", "the 29th") falls inside that month.
 */
function stampedMonth(article: Article): string | null {
  const m = article.text.match(MONTH_STAMP_LINE) ?? article.url?.match(MONTH_IN_URL);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(nextMonth, -1);
}

const sentenceTexts = (article: Article): string[] => [article.title ?? '', ...article.sentences.map((s) => article.text.slice(s.start, s.end))];

/**
 * With no publication date, the latest full date written on the page (a caption's, a dateline's) stands in for
 * it, so that "Monday" and "the previous day" can still be pinned.
 */
function latestWrittenDate(article: Article, readers: Readers): string | null {
  let latest: string | null = null;
  for (const t of sentenceTexts(article)) {
    for (const d of readers.dates(t, null, null)) if (d.kind === 'explicit' && d.yearStated && d.date && (!latest || d.date > latest)) latest = d.date;
  }
  return latest;
}

// "/2025/05/…", "/20250509…": a year in a URL path.
const YEAR_IN_URL = /\/((?:19|20)\d\d)(?:[/_-]|[01]\d)/;
const YEAR_WORD = /\b((?:19|20)\d\d)\b/g;

/** A year for dates written without one when the publication date is unknown: from the URL, else the text. */
export function yearHintOf(article: Article, locale: Locale = 'en'): number | null {
  const fromUrl = article.url?.match(YEAR_IN_URL);
  if (fromUrl) return Number(fromUrl[1]);
  const tally = new Map<number, number>();
  // Years in sentences about launches count double: page chrome ("© 2026") should not outvote "in 2025".
  for (const t of sentenceTexts(article)) {
    const weight = statesLaunch(t, locale) ? 2 : 1;
    for (const m of matchesOf(YEAR_WORD, t)) tally.set(Number(m[1]), (tally.get(Number(m[1])) ?? 0) + weight);
  }
  // The most mentioned year; ties go to the later one (background years tend to be older).
  let best: number | null = null;
  for (const [y, n] of tally) if (best === null || n > (tally.get(best) ?? 0) || (n === tally.get(best) && y > best)) best = y;
  return best;
}

/**
 * The context of an article read in a locale: units with their dates, launch flags and first-pass roles.
 * `made`: the article's units (articleUnits), when the caller has them already; they are copied, not changed.
 */
export function createContext(article: Article, config: { locale: Locale; readers: Readers }, made?: readonly Unit[]): ArticleContext {
  const { locale, readers } = config;
  const p = phrases(locale);
  forgetSentenceFacts();
  forgetDateReadings();
  const hint = publicationDate(article) ? null : yearHintOf(article, locale);
  const { reference, from } = referenceOf(article, readers);
  // Written out field by field, in the unit's order: made by an object spread ({ ...u, dates, … }) the units read
  // several times slower in every rule (measured on the launch-report stream: a third of the context's time).
  // The role is the first pass's (without a main date), to find the sentences that report the launch and its
  // date: sentenceRole reads the unit's words, caption and chronology marks and its dates, not its launch flag
  // (set below), so it is decided here rather than over a placeholder role made for every unit and dropped.
  const units: ReadUnit[] = (made ?? articleUnits(article, locale)).map((u) => {
    const dates = readers.dates(u.text, reference, hint);
    return {
      part: u.part,
      index: u.index,
      span: u.span,
      text: u.text,
      paragraph: u.paragraph,
      isCaption: u.isCaption,
      inChronology: u.inChronology,
      dates,
      launch: !u.isCaption && statesLaunch(u.text, locale),
      role: sentenceRole(u, dates, null, null, locale),
    };
  });
  // "succeeded in cruise missile tests on Saturday and Sunday": plural tests pinned to days are launches too.
  for (const u of units) if (!u.launch && !u.isCaption && testGated(p.rule.pluralMissileTests, u.text, locale) && u.dates.some((d) => d.kind !== 'relative')) u.launch = true;
  return {
    article,
    locale,
    phrases: p,
    readers,
    reference,
    referenceFrom: from,
    yearHint: hint,
    units,
    fromStateMedia: p.rule.stateMediaByline.test(`${article.title ?? ''} ${article.text.slice(0, STATE_MEDIA_DATELINE_CHARS)}`),
    mainLaunch: units.filter((u) => u.launch && u.role.role === 'main'),
    actor: null,
    clockOffset: KST_OFFSET_MINUTES,
    date: NO_DATE,
  };
}

/** Sets the actor and its clock. */
export function setActor(ctx: ArticleContext, actor: string | null): void {
  ctx.actor = actor;
  ctx.clockOffset = actorInfo(actor)?.utcOffsetMinutes ?? KST_OFFSET_MINUTES;
}
