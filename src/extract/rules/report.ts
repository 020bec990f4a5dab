// Report rule: is the article a launch report?
// Reads the headline and the lead (the first two real body sentences): a launch reported as news — a verb of
// firing ("fired", "launched"), a launch as an event ("the test-firing of"), or a launch pinned to a day. Not a
// tally over a period ("has fired 16 missiles in 2017"), an artillery drill, a parade, debris, missile defence, nor
// an article whose launch lies over a month before publication (history retold), nor commentary in the writer's
// arguing voice (the locale's sentence endings).
import { daysBetween } from '../../calendar.js';
import { COMMENTARY_MIN_SENTENCES, LEAD_MIN_WORDS, LEAD_SENTENCES, REPORT_CONFIDENCE, STALE_REPORT_CONFIDENCE, STALE_REPORT_DAYS } from '../../settings.js';
import type { ArticleContext, ReadUnit } from '../context.js';
import type { Parser, Rule } from '../rule.js';
import type { Unit } from '../units.js';

export interface ReportCandidate {
  unit: ReadUnit;
  /** The sentence reports a launch as news. */
  reports: boolean;
}

export interface ReportDecision {
  value: boolean;
  confidence: number;
}

// A year alone ("in 2017") dates a tally, not a launch.
const YEAR_ONLY = /^\s*(?:in\s+)?(?:19|20)\d\d\s*$/;
// A gap between words; global, for hasWords' count (its lastIndex is set before each use).
const WORD_GAP = /\s+/g;

/**
 * Whether the text has at least `n` words as `text.split(/\s+/)` counts them (the pieces are one more than the
 * gaps, an empty piece at either end included). The gaps are counted by test, up to n - 1, instead of splitting:
 * split made every word of the sentence as a string only to count them.
 */
function hasWords(text: string, n: number): boolean {
  WORD_GAP.lastIndex = 0;
  let pieces = 1;
  while (pieces < n && WORD_GAP.test(text)) pieces++;
  return pieces >= n;
}
// Where a background clause starts: a comma, semicolon, bracket or dash, or a joining word.
const CLAUSE_BREAK = /^(?:\s*[,;(\u2014\u2013]|\s+-\s|\s*(?:after|following|since|as|when|while|and)\b)/i;

/** "North Korea has fired 16 missiles during 10 tests in 2017": many launches over a period, not one launch. */
function isTally(u: ReadUnit, ctx: ArticleContext): boolean {
  const p = ctx.phrases;
  // Tally words in a trailing background clause ("…, its 10th launch so far this year") leave the launch news;
  // inside the launch clause itself ("fired a series of missiles in recent months") they make the tally.
  const separated = CLAUSE_BREAK.test(u.text.slice(u.role.mainEnd));
  const main = separated ? u.text.slice(u.role.mainStart ?? 0, u.role.mainEnd) : u.text;
  if (p.tallyStrong.test(main)) return true;
  if (!p.tallyMarker.test(main) || !p.tallyCount.test(main)) return false;
  // A sentence that dates its launch to a day reports that day's launch, however many missiles it lists.
  return !u.dates.some((d) => d.kind === 'weekday' || (d.kind === 'explicit' && !YEAR_ONLY.test(d.surface)));
}

function reports(u: ReadUnit, ctx: ArticleContext): boolean {
  const p = ctx.phrases;
  if (!u.launch || u.role.role !== 'main') return false;
  const mainPart = u.text.slice(u.role.mainStart ?? 0, u.role.mainEnd);
  // Strong negatives (artillery, debris, missile defence) anywhere in the main clause; weaker ones (a parade,
  // drills, a summit) only before the missile noun, i.e. when they are what the sentence is about.
  const head = mainPart.replace(p.rule.missileNounAndRest, '');
  if (p.notLaunch.test(mainPart) || p.notLaunchHead.test(head)) return false;
  // In the body, a launch is reported with a verb ("fired") or pinned to a day; "the number of launches" is talk.
  const eventNoun = p.rule.eventNounOf.test(mainPart);
  if (u.part === 'text' && !p.launchVerb.test(mainPart) && !eventNoun && !u.dates.some((d) => d.start < u.role.mainEnd)) return false;
  return !isTally(u, ctx);
}

/** Commentary hung on a launch: several body sentences in the writer's arguing voice (the locale's endings). */
export function isCommentaryIn(units: readonly Unit[], voice: RegExp): boolean {
  return units.filter((u) => u.part === 'text' && !u.isCaption && voice.test(u.text)).length >= COMMENTARY_MIN_SENTENCES;
}

const isCommentary = (ctx: ArticleContext): boolean => isCommentaryIn(ctx.units, ctx.phrases.rule.commentaryVoice);

/** Some body sentence (not a caption) reports a launch as news. */
function bodyReports(ctx: ArticleContext): boolean {
  return ctx.units.some((u) => u.part === 'text' && !u.isCaption && reports(u, ctx));
}

/** The headline, then the lead: the first real body sentences (page furniture like "ARSTECHNICA.COM" is not). */
function headlineAndLead(ctx: ArticleContext): ReadUnit[] {
  const title = ctx.units.find((u) => u.part === 'title');
  const lead: ReadUnit[] = [];
  // The first LEAD_SENTENCES only: the words of the sentences after them are not counted.
  for (const u of ctx.units) {
    if (lead.length >= LEAD_SENTENCES) break;
    if (u.part === 'text' && !u.isCaption && hasWords(u.text, LEAD_MIN_WORDS)) lead.push(u);
  }
  return title ? [title, ...lead] : lead;
}

/** The report rule over a locale's headline and lead (languages without spaces cannot count words). */
export const reportRuleOver = (scope: (ctx: ArticleContext) => ReadUnit[]): Rule<ReportCandidate> => ({
  name: 'headline-or-lead-reports-launch',
  field: 'is_launch_report',
  scope,
  find: (u, ctx) => [{ unit: u, reports: reports(u, ctx) }],
});

export const reportRule: Rule<ReportCandidate> = reportRuleOver(headlineAndLead);

export const reportParser: Parser<ReportCandidate> = { rule: reportRule, refiners: [] };

/**
 * The decision: a stale date makes history, commentary is no report; else the headline and the lead vote. The second lead sentence counts
 * only when the first is not about launches at all (a KCNA "issued the following report:" opener) and the headline
 * is not about something else (sanctions, a meeting).
 */
export function decideReport(candidates: ReportCandidate[], ctx: ArticleContext): ReportDecision {
  const date = ctx.date.value;
  if (date !== null && ctx.reference !== null && daysBetween(date, ctx.reference) > STALE_REPORT_DAYS) return { value: false, confidence: STALE_REPORT_CONFIDENCE };
  if (isCommentary(ctx)) return { value: false, confidence: REPORT_CONFIDENCE.one };
  const title = candidates.find((c) => c.unit.part === 'title');
  const lead = candidates.filter((c) => c.unit.part === 'text');
  const t = title?.reports ?? false;
  const titleElsewhere = title !== undefined && !title.unit.launch && ctx.phrases.notLaunchHead.test(title.unit.text);
  const l = lead.length > 0 && (lead[0].reports || (!lead[0].unit.launch && !titleElsewhere && lead.length > 1 && lead[1].reports));
  // "Missile launch! US lifts sanctions on five officials": a headline's launch word over a lead about something
  // else (sanctions, talks) is a teaser, not the news — unless the body goes on to report a launch itself (a page
  // whose first lines are a related story or a widget, then the launch news).
  const leadElsewhere = lead.length > 0 && !lead[0].unit.launch && ctx.phrases.notLaunchHead.test(lead[0].unit.text) && !l && !bodyReports(ctx);
  if (t && leadElsewhere) return { value: false, confidence: REPORT_CONFIDENCE.one };
  if (t && l) return { value: true, confidence: REPORT_CONFIDENCE.both };
  if (t || l) return { value: true, confidence: REPORT_CONFIDENCE.one };
  return { value: false, confidence: REPORT_CONFIDENCE.neither };
}
