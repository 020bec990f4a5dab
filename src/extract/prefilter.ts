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
import { anchorRegex, eitherAnchors, fold, literalAnchors, type Locale, loosen, ruleSets, spacedOnce } from '../knowledge/index.js';
import { readDataJson } from '../paths.js';
import { REPORT_CONFIDENCE } from '../settings.js';
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
  const made: Vocabulary = {
    launch: new RegExp(launch, 'i'),
    missileNoun: new RegExp(missileNoun, 'i'),
    // The launch words compile with 'i' alone, and so does their anchor regex; the missile nouns ('i') share one
    // with the designations ('iu'), which reads case at least as broadly as either.
    launchAnchor: anchorRegex(literalAnchors(launch), 'i'),
    missileAnchor: anchorRegex(eitherAnchors(literalAnchors(missileNoun), designations().anchors), 'iu'),
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

/**
 * Whether the title (when there is one) or else the text holds an anchor, asked in that order. Not a list of the
 * parts read with some and a closure: this is asked of every document and of each unit, and those were made for
 * each call.
 */
const anchoredInArticle = (anchor: RegExp | null, a: { title: string | null; text: string }): boolean =>
  anchor === null || (a.title !== null && anchor.test(a.title)) || anchor.test(a.text);

/**
 * Whether a text (the title and body, raw or cleaned) may hold a launch report in `locale`: a word of launching,
 * and a missile noun or designation. False means no sentence of it can state a launch.
 */
export function mayReportLaunch(raw: string, locale: Locale): boolean {
  const v = vocabulary(locale);
  return anchored(v.launchAnchor, raw) && anchored(v.missileAnchor, raw) && looselyMayReport(raw, v);
}

/**
 * mayReportLaunch of an article's prefilterText, asked of its title and text without joining them first: the
 * anchors hold no line break, so they are found in the two apart exactly when in the joined text.
 */
export function mayReportLaunchOf(a: { title: string | null; text: string }, locale: Locale): boolean {
  return anchorsMayReportLaunchOf(a, locale) && looselyMayReport(prefilterText(a), vocabulary(locale));
}

/**
 * The first half of mayReportLaunchOf, its anchor scan alone: false means the article cannot be a launch report
 * (true, only that the loose patterns must tell). Linear in the text, whatever it holds.
 */
export function anchorsMayReportLaunchOf(a: { title: string | null; text: string }, locale: Locale): boolean {
  const v = vocabulary(locale);
  return anchoredInArticle(v.launchAnchor, a) && anchoredInArticle(v.missileAnchor, a);
}

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
