// extract: Article → Extraction, by running a locale's configuration: the actor, then the date (which tells the
// main sentences from the background), then whether the article is a launch report, then every claim parser.
// Each claim gets evidence (its words and sentence) and a confidence adjusted for hedges, depth and attribution.
import { type AgencyMatch, dateWindow, findAgencies } from '../knowledge/index.js';
import {
  BASE_CONFIDENCE,
  CONFIDENCE_CEILING,
  CONFIDENCE_FLOOR,
  CONFIDENCE_NUDGE,
  LATE_SENTENCE_INDEX,
  OFFICIAL_AGENCY_KINDS,
} from '../settings.js';
import type { Article, Claim, ClaimField, Extraction, FieldName, Span } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import type { Configuration } from './configuration.js';
import { type ArticleContext, createContext, setActor } from './context.js';
import { sentenceRole } from './roles.js';
import { type ClaimCandidate, runParser } from './rule.js';
import { datelineMonthDay, decideDate, launchMonthDay } from './rules/date.js';
import { decideReport } from './rules/report.js';
import type { Unit } from './units.js';

/** The article read with one configuration (`units`: its units, when the caller has made them already). */
export function extractWith(config: Configuration, article: Article, units?: readonly Unit[]): Extraction {
  const ctx = createContext(article, config, units);
  setActor(ctx, runParser(config.actor, ctx)[0]?.actor ?? null);
  ctx.date = decideDate(runParser(config.date, ctx), ctx);
  const date = ctx.date;
  // Second pass: now that the main date is known, sentences anchored on other dates are background. A sentence
  // without dates keeps its first-pass role: sentenceRole reads the main date only against the sentence's dates.
  for (const u of ctx.units) if (u.dates.length > 0) u.role = sentenceRole(u, u.dates, date.value, date.monthDay, ctx.locale);
  continueBackground(ctx);
  const isReport = decideReport(runParser(config.report, ctx), ctx);

  const candidates: ClaimCandidate[] = [];
  if (date.value && date.unit && date.span) {
    candidates.push({ unit: date.unit, field: 'date_local', value: date.value, span: date.span, parser: date.parser, confidence: date.confidence, implied: date.implied });
  } else if (date.value && ctx.units.length) {
    candidates.push({ unit: ctx.units[0], field: 'date_local', value: date.value, span: { start: 0, end: 0 }, parser: 'publication-date', confidence: BASE_CONFIDENCE.publicationDate, implied: true });
  }
  for (const parser of config.claims) candidates.push(...runParser(parser, ctx));
  const read = new Map<Unit, SentenceSources>();
  const claims = candidates.map((c) => makeClaim(ctx, c, read));

  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) if (isFieldName(c.field) && !fields[c.field]) fields[c.field] = c;
  return {
    articleId: article.id,
    isLaunchReport: isReport.value,
    reportConfidence: isReport.confidence,
    actor: isReport.value ? ctx.actor : null,
    claims: isReport.value ? claims : [],
    fields: isReport.value ? fields : {},
    weekday: date.weekday,
    // Only undated reports need it: a dated one has its day already.
    ...(isReport.value && !date.value ? { dateWindow: undatedClues(ctx) } : {}),
  };
}

/**
 * When an undated report was written: the office-holders it names, its dateline's month and day, the launch's
 * own month and day written without a year (see launchMonthDay), the year its URL or text points to. Null when
 * it gives none of them.
 */
function undatedClues(ctx: ArticleContext): Extraction['dateWindow'] {
  const article = ctx.article;
  const window = dateWindow(`${article.title ?? ''}\n${article.text}`);
  const monthDay = datelineMonthDay(ctx);
  const launchDay = launchMonthDay(ctx);
  if (!window && !monthDay && !launchDay && ctx.yearHint === null) return null;
  return { ...(window ?? { from: null, to: null, by: [] }), monthDay, ...(launchDay ? { launchMonthDay: launchDay } : {}), year: ctx.yearHint };
}

/**
 * "It fired on the 4th, its first launch this year. The said missiles flew 1,000 km.": a sentence opening on the
 * locale's anaphor for another launch ("해당 미사일들은", "当時") right after a background sentence goes on about it.
 */
function continueBackground(ctx: ArticleContext): void {
  const anaphor = ctx.phrases.rule.backgroundAnaphor;
  const body = ctx.units.filter((u) => u.part === 'text');
  for (let i = 1; i < body.length; i++) {
    const u = body[i];
    if (body[i - 1].role.role === 'earlier' && u.role.role === 'main' && u.dates.length === 0 && anaphor.test(u.text)) {
      u.role = { role: 'earlier', mainEnd: 0, reason: 'goes on about the background launch before it' };
    }
  }
}

const isFieldName = (f: ClaimField): f is FieldName => (FIELD_NAMES as readonly string[]).includes(f);

/**
 * What a claim's confidence and attribution read of its sentence: the agencies it names and whether it hedges.
 * Both depend on the sentence's words alone, so they are read once per sentence however many claims it holds (the
 * lede holds most of them): the same answers as reading them per claim, without the repeated table look-up and
 * its copied matches.
 */
interface SentenceSources {
  agencies: readonly AgencyMatch[];
  hedged: boolean;
}

function sourcesOf(ctx: ArticleContext, u: Unit, read: Map<Unit, SentenceSources>): SentenceSources {
  let known = read.get(u);
  if (!known) read.set(u, (known = { agencies: findAgencies(u.text, ctx.locale), hedged: ctx.phrases.hedge.test(u.text) }));
  return known;
}

/**
 * A claim's confidence: the parser's base figure, lowered when the sentence hedges or sits deep in the article
 * (late sentences more often speak of something else), raised when an official source is named.
 */
function adjustedConfidence(base: number, u: Unit, hedged: boolean, agencyKind: string | null): number {
  let c = base;
  if (hedged) c -= CONFIDENCE_NUDGE;
  if (u.index > LATE_SENTENCE_INDEX) c -= CONFIDENCE_NUDGE;
  if (agencyKind && OFFICIAL_AGENCY_KINDS.has(agencyKind)) c += CONFIDENCE_NUDGE;
  return Math.round(Math.min(CONFIDENCE_CEILING, Math.max(CONFIDENCE_FLOOR, c)) * 100) / 100;
}

function makeClaim(ctx: ArticleContext, c: ClaimCandidate, read: Map<Unit, SentenceSources>): Claim {
  const u = c.unit;
  const span = c.span;
  const base = u.span.start;
  const sources = sourcesOf(ctx, u, read);
  const agency = nearestAgency(sources.agencies, span);
  return {
    field: c.field,
    value: c.value,
    surface: u.text.slice(span.start, span.end),
    evidence: {
      articleId: ctx.article.id,
      part: u.part,
      span: { start: base + span.start, end: base + span.end },
      sentenceSpan: { start: u.span.start, end: u.span.end },
      sentence: u.text,
    },
    attribution: agency?.key ?? null,
    saidBy: agency?.name ?? ctx.article.source,
    confidence: adjustedConfidence(c.confidence, u, sources.hedged, agency?.kind ?? null),
    parser: c.parser,
    implied: c.implied ?? false,
  };
}

/** The agency named nearest to the value's words in its sentence (`hits`: the agencies the sentence names). */
function nearestAgency(hits: readonly AgencyMatch[], span: Span): AgencyMatch | null {
  if (!hits.length) return null;
  const dist = (h: { start: number; end: number }): number => (h.end <= span.start ? span.start - h.end : h.start >= span.end ? h.start - span.end : 0);
  return hits.reduce((a, b) => (dist(b) < dist(a) ? b : a));
}
