// The launch prefilter: a cheap look at an article's words, before sentences are split and dates parsed, that tells
// whether it can be a launch report at all. A launch report needs a sentence that states a launch (roles.ts
// statesLaunch: a missile noun or designation, and a verb or noun of launching) or the locale's "missile tests"
// phrasing. The prefilter asks the same of the whole raw title and text, with each pattern of the locale's phrase
// table (data/locales/<lang>/phrases.json) and of the designation table (data/missiles.json) loosened (see
// knowledge/loose-pattern.ts) so that it can only say yes more often than the sentence-by-sentence reading. An article it
// turns away is read as the full extraction would read it: not a launch report, no claims, no date.
//
// Before the loose patterns, a cheaper test: every match of them contains one of a few literal anchors derived
// from the same patterns (knowledge/literal-anchors.ts), so an article with no missile anchor, or no launch anchor, is
// turned away after one scan by the regex engine for a handful of words, never copied, folded or respaced.
//
// A launch report usually says so in its title or first paragraph, so the prefilter first asks its leading parts —
// the first line (the title), then the lines up to PREFILTER_LEAD_CHARS — and answers "may" as soon as one passes,
// reading the whole text only when none does. The answer is the same as the whole text's (see leadMayReport).
import { anchorRegex, eitherAnchors, fold, literalAnchors, type Locale, loosen, matchesInLongerText, ruleSets, spacedOnce } from '../knowledge/index.js';
import { readDataJson } from '../paths.js';
import { PREFILTER_LEAD_CHARS, REPORT_CONFIDENCE } from '../settings.js';
import type { Article, Extraction } from '../types.js';
import { PHRASE_BOUNDARIES, phrases } from './phrases.js';
import { isCommentaryIn } from './rules/report.js';
import { articleUnits, type Unit } from './units.js';

/** The launch vocabulary of a locale's phrase table. */
interface VocabularyTable {
  launchVerbs: string[];
  launchNouns: string[];
  missileNouns: string[];
  rulePatterns: { pluralMissileTests: { pattern: string; flags: string } };
}

interface Vocabulary {
  /** A verb or noun of launching, or the "missile tests" phrasing. */
  launch: RegExp;
  /** A missile noun, or the "missile tests" phrasing. */
  missileNoun: RegExp;
  /** The anchors of `launch`, as a regex on the raw text; null when the patterns give none (never in the shipped tables). */
  launchAnchor: RegExp | null;
  /** The anchors of `missileNoun` and of the designations together, the same way. */
  missileAnchor: RegExp | null;
  /** Whether a leading part that passes lets the whole text pass (leadMayReport): true for the shipped tables. */
  leadsSuffice: boolean;
}

const alt = (sources: string[]): string => sources.map((s) => `(?:${loosen(s)})`).join('|');

const vocabularies = new Map<Locale, Vocabulary>();

function vocabulary(locale: Locale): Vocabulary {
  const known = vocabularies.get(locale);
  if (known) return known;
  const t = readDataJson<VocabularyTable>(`locales/${locale}/phrases.json`);
  // The phrase tables compile case-insensitively (phrases.ts); so does the prefilter.
  // A phrase starts where the locale lets it (phrases.ts: at a word boundary in English).
  // The boundary is written before each phrase (the same regex as before the alternation), so that each phrase's
  // anchors keep it (literal-anchors.ts): "tested" after a boundary is not the end of "contested".
  const words = (xs: string[]): string => xs.map((x) => `${PHRASE_BOUNDARIES[locale].start}(?:${loosen(x)})`).join('|');
  const plural = loosen(t.rulePatterns.pluralMissileTests.pattern);
  const launch = `${words([...t.launchVerbs, ...t.launchNouns])}|${plural}`;
  const missileNoun = `${words(t.missileNouns)}|${plural}`;
  const launchRegex = new RegExp(launch, 'i');
  const missileNounRegex = new RegExp(missileNoun, 'i');
  // The launch words compile with 'i' alone, and so does their anchor regex; the missile nouns ('i') share one
  // with the designations ('iu'), which reads case at least as broadly as either.
  const launchAnchor = anchorRegex(literalAnchors(launch), 'i');
  const missileAnchor = anchorRegex(eitherAnchors(literalAnchors(missileNoun), designations().anchors), 'iu');
  const regexes = [launchRegex, missileNounRegex, designations().regex, launchAnchor, missileAnchor];
  const made: Vocabulary = {
    launch: launchRegex,
    missileNoun: missileNounRegex,
    launchAnchor,
    missileAnchor,
    leadsSuffice: regexes.every((re) => re === null || matchesInLongerText(re)),
  };
  vocabularies.set(locale, made);
  return made;
}

// Designations that are not weak (a weak one alone never makes a sentence state a launch), on folded text as the
// knowledge matcher reads it; compiled with the matcher's flags. The same for every locale.
interface Designations {
  /** The literal anchors of the loosened designations (null: none derived). */
  anchors: string[] | null;
  /** The loosened designations, one alternation. */
  regex: RegExp;
}
let designationsMade: Designations | null = null;
function designations(): Designations {
  if (!designationsMade) {
    const source = alt(ruleSets().missiles.filter((r) => !r.weak).map((r) => r.source));
    designationsMade = { anchors: literalAnchors(source), regex: new RegExp(source, 'iu') };
  }
  return designationsMade;
}

/** Whether a text as the loose patterns read it (spacedOnce) may hold a launch report: see mayReportLaunch. */
function looselyMayReport(raw: string, v: Vocabulary): boolean {
  const text = spacedOnce(raw);
  if (!v.launch.test(text)) return false;
  return v.missileNoun.test(text) || designations().regex.test(fold(text));
}

/** Whether the text holds an anchor (no anchors derived: always). */
const anchored = (anchor: RegExp | null, text: string): boolean => anchor === null || anchor.test(text);

/** Whether both anchor regexes find an anchor in the text. */
const anchoredBoth = (v: Vocabulary, text: string): boolean => anchored(v.launchAnchor, text) && anchored(v.missileAnchor, text);

/**
 * Whether the title (when there is one) or else the text holds an anchor, asked in that order: not a list of the
 * parts read with a closure, which this, asked of every document, would make for each call.
 */
const anchoredInArticle = (anchor: RegExp | null, a: { title: string | null; text: string }): boolean =>
  anchor === null || (a.title !== null && anchor.test(a.title)) || anchor.test(a.text);

/**
 * Whether a leading part of a text passes the whole test (anchors and loose patterns): if it does, so does the
 * whole text, when the part is the text cut just before a whitespace character (a line break) and v.leadsSuffice.
 * Why: every regex of the test then matches in a text wherever it matched in a start of it after which no word
 * boundary moves (knowledge matchesInLongerText). The anchors read the raw part, followed in the text by the
 * whitespace character, a non-word one. The loose patterns read spacedOnce(part), which is the start of
 * spacedOnce(text): a whitespace run inside the part is one inside the text; one cut at the part's end becomes a
 * space at the part's end, as it does in the text, the part's last character then a non-word one; else the text
 * goes on with the space its run became. fold reads one character for one, so fold(spacedOnce(part)) is the start
 * of fold(spacedOnce(text)) in the same way, a space folded to itself.
 */
const leadMayReport = (v: Vocabulary, part: string): boolean => anchoredBoth(v, part) && looselyMayReport(part, v);

/**
 * The end of a text's lead: the first line break at or after PREFILTER_LEAD_CHARS (and after `from`), or -1 when
 * there is none (the lead would be the whole text).
 */
const leadEnd = (text: string, from: number): number => text.indexOf('\n', Math.max(from, PREFILTER_LEAD_CHARS));

/**
 * The loose test of a text whose anchors were found: its lead (the lines up to PREFILTER_LEAD_CHARS) first, which
 * answers for the text when it passes (leadMayReport: the lead's anchors are not needed, the text's were found),
 * then the whole text. `from`: where to look for the lead's end (past the first line, already asked).
 */
function looselyMayReportLeadFirst(v: Vocabulary, text: string, from: number): boolean {
  const end = v.leadsSuffice ? leadEnd(text, from) : -1;
  return (end > 0 && looselyMayReport(text.slice(0, end), v)) || looselyMayReport(text, v);
}

/**
 * Whether a text (the title and body, raw or cleaned) may hold a launch report in `locale`: a word of launching,
 * and a missile noun or designation. False means no sentence of it can state a launch. Asked of the first line,
 * then of the lead, before the whole text (the same answer: leadMayReport).
 */
export function mayReportLaunch(raw: string, locale: Locale): boolean {
  const v = vocabulary(locale);
  const firstBreak = v.leadsSuffice ? raw.indexOf('\n') : -1;
  if (firstBreak > 0 && leadMayReport(v, raw.slice(0, firstBreak))) return true;
  return anchoredBoth(v, raw) && looselyMayReportLeadFirst(v, raw, firstBreak + 1);
}

/** mayReportLaunch of the whole text alone, as it was before the leading parts were asked first: for the tests. */
export function mayReportLaunchWhole(raw: string, locale: Locale): boolean {
  const v = vocabulary(locale);
  return anchoredBoth(v, raw) && looselyMayReport(raw, v);
}

/**
 * mayReportLaunch of an article's prefilterText, asked of its title (the text's first part, followed by a line
 * break) first and then of its title and text without joining them: the anchors hold no line break, so they are
 * found in the two apart exactly when in the joined text.
 */
export function mayReportLaunchOf(a: { title: string | null; text: string }, locale: Locale): boolean {
  const v = vocabulary(locale);
  if (v.leadsSuffice && a.title && leadMayReport(v, a.title)) return true;
  return anchorsMayReportLaunchOf(a, locale) && looselyMayReportLeadFirst(v, prefilterText(a), (a.title ?? '').length + 1);
}

/**
 * The first half of mayReportLaunchOf, its anchor scan alone: false means the article cannot be a launch report
 * (true, only that the loose patterns must tell). Linear in the text, whatever it holds.
 */
export function anchorsMayReportLaunchOf(a: { title: string | null; text: string }, locale: Locale): boolean {
  const v = vocabulary(locale);
  return anchoredInArticle(v.launchAnchor, a) && anchoredInArticle(v.missileAnchor, a);
}

/** Whether a locale's leading parts answer for the whole text (every regex of its test reads a start as the text), for the tests. */
export const prefilterLeadsSuffice = (locale: Locale): boolean => vocabulary(locale).leadsSuffice;

/** The anchor regexes of a locale (null: none derived, the test always passes), for the tests. */
export function prefilterAnchors(locale: Locale): { launch: RegExp | null; missile: RegExp | null } {
  const v = vocabulary(locale);
  return { launch: v.launchAnchor, missile: v.missileAnchor };
}

/**
 * Whether any unit (the title, a sentence) may state a launch: the same loose test as mayReportLaunch, unit by
 * unit, as the extraction asks statesLaunch (and the "missile tests" phrasing) of each unit. An article with a
 * launch word in one sentence and a missile word in another passes mayReportLaunch but not this.
 */
export const mayReportLaunchIn = (units: readonly Unit[], locale: Locale): boolean => units.some((u) => mayReportLaunch(u.text, locale));

/** The title and text of an article as the prefilter reads them. */
export const prefilterText = (a: { title: string | null; text: string }): string => `${a.title ?? ''}\n${a.text}`;

/**
 * The extraction of an article the prefilter turned away, as the full reading makes it: with no launch sentence
 * there is no main date, no report and no claim; the report decision's confidence still tells commentary apart.
 */
export function unlaunchedExtraction(article: Article, locale: Locale, units: Unit[] = articleUnits(article, locale)): Extraction {
  const commentary = isCommentaryIn(units, phrases(locale).rule.commentaryVoice);
  return {
    articleId: article.id,
    isLaunchReport: false,
    reportConfidence: commentary ? REPORT_CONFIDENCE.one : REPORT_CONFIDENCE.neither,
    actor: null,
    claims: [],
    fields: {},
    weekday: null,
  };
}
