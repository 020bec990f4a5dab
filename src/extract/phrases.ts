// The phrase tables of a locale (data/locales/<lang>/phrases.json) compiled to regexes: launch verbs and nouns,
// markers of earlier launches, count and length words, and the named patterns the extraction rules read.
import { MATCHES_NOTHING, type Locale, patternAnchors, rowAnchors } from '../knowledge/index.js';
import { readDataJson } from '../paths.js';

/** The named patterns every locale's phrase table provides to the rules (see "rulePatterns" in the data). */
export const RULE_PATTERN_NAMES = [
  'pluralMissileTests', 'stateMediaByline', 'launchWordForTime', 'pluralMissileNoun', 'fromBeforeSite', 'landedInland',
  'seaNotLandingBefore', 'seaNotLandingAfter', 'coastWord', 'ofJapanAfter', 'fromJustBefore', 'reachTargetsBefore', 'motionSurface',
  'labelledImpactBefore', 'motionBeforeSea', 'notPlaceAfter', 'placePrepositionBefore', 'placeAreaAfter',
  'placeAreaOfBefore', 'joinedDays', 'stampWordBefore', 'reportingBodyAfter', 'passiveByBefore', 'originBefore',
  'possessiveLaunchAfter', 'saysAfter', 'missileNounAndRest', 'eventNounOf', 'flightDirection', 'launchRestated', 'captionCredit',
  'classModifiesNounAfter', 'classDeniedBefore', 'statementCameAfterLaunch', 'frontedDayBefore',
  'orbitBefore', 'orbitAfter', 'otherMissileBefore', 'placeBearingBefore', 'countRevisedBefore',
  'commentaryVoice', 'verbFinalClauseBreak', 'classDeniedAfter', 'backgroundAnaphor', 'chronologyEntry',
] as const;
export type RulePatternName = (typeof RULE_PATTERN_NAMES)[number];

interface PhraseTable {
  launchVerbs: string[];
  launchNouns: string[];
  missileNouns: string[];
  notLaunch: string[];
  notLaunchHead: string[];
  tallyMarkers: string[];
  tallyStrongMarkers: string[];
  tallyCounts: string[];
  earlierMarkers: string[];
  capabilityMarkers: string[];
  genericMarkers: string[];
  futureMarkers: string[];
  apogeeWords: string[];
  distanceWords: string[];
  offsetAfter: string[];
  offsetBefore: string[];
  landingTimeWords: string[];
  numberWords: Record<string, number>;
  ordinalCounts: Record<string, number>;
  pluralQuantifiers: string[];
  countAtLeast: string[];
  countAbout: string[];
  countMoreThan: string[];
  captionPatterns: string[];
  hedges: string[];
  speechVerbs: string[];
  launchEventWords: string[];
  timeEventWords: string[];
  flightVerbs: string[];
  countNouns: string[];
  countModifiers: string[];
  countFiringVerbs: string[];
  rulePatterns: Record<string, { pattern: string; flags: string }>;
  compassPoints: Record<string, number>;
  americanZones: string[];
  clockDeclarations: Record<string, string>;
}

/** Compiled phrase tables from data/locales/<lang>/phrases.json (see the comment there). */
export interface Phrases {
  launchVerb: RegExp;
  launchNoun: RegExp;
  missileNoun: RegExp;
  notLaunch: RegExp;
  notLaunchHead: RegExp;
  tallyMarker: RegExp;
  tallyStrong: RegExp;
  tallyCount: RegExp;
  earlier: RegExp;
  capability: RegExp;
  generic: RegExp;
  future: RegExp;
  apogee: RegExp;
  distance: RegExp;
  offsetAfter: RegExp;
  offsetBefore: RegExp;
  landingTime: RegExp;
  numberWords: Map<string, number>;
  numberWordSource: string;
  /** "a second missile": ordinal words and the fewest missiles they imply. */
  ordinals: Map<string, number>;
  plural: string[];
  atLeast: string[];
  about: string[];
  moreThan: string[];
  /**
   * Photo captions and file-image notes (they often describe an older launch): the table's caption patterns that
   * open the sentence ("^…"), tried at its start only, and the others; a sentence is a caption when either finds
   * one. Apart, the regex engine tries the opening ones once per sentence instead of at every position.
   */
  captionStart: RegExp;
  captionAnywhere: RegExp;
  hedge: RegExp;
  /** Global regexes: callers look for the last match before a position. */
  speech: RegExp;
  launchEvent: RegExp;
  timeEvent: RegExp;
  flightVerb: RegExp;
  countNoun: RegExp;
  /** A regex source: one modifier word (with its trailing space) between a number and its noun. */
  countModifier: string;
  countFiring: RegExp;
  /** The rules' named patterns. */
  rule: Record<RulePatternName, RegExp>;
  /** Compass words and their bearings in degrees. */
  compass: ReadonlyMap<string, number>;
  /** Zone abbreviations of American clocks: kept as written for an American launch. */
  americanZones: readonly string[];
  /** A sentence that says which clock its unzoned times are on ("using times at its Hawaii headquarters"). */
  clockDeclarations: readonly { zone: string; pattern: RegExp }[];
}

// An empty list matches nothing (an empty alternation would match everywhere).
const alt = (xs: string[]): string => (xs.length ? xs.map((x) => `(?:${x})`).join('|') : MATCHES_NOTHING);

/**
 * Where a phrase may start and end, per locale. English: at a word boundary, a plural "s" allowed ("launch" must
 * not match "launchers"). Korean and Japanese glue particles and endings to words, so a phrase may touch anything.
 */
interface PhraseBoundary {
  start: string;
  end: string;
  /** The end of a phrase that takes an English plural. */
  pluralEnd: string;
}
export const PHRASE_BOUNDARIES: Readonly<Record<Locale, PhraseBoundary>> = {
  en: { start: '\\b', end: '\\b', pluralEnd: '(?:e?s)?(?![a-z])' },
  ko: { start: '', end: '', pluralEnd: '' },
  ja: { start: '', end: '', pluralEnd: '' },
};

const cached = new Map<Locale, Phrases>();

/**
 * Per phrase pattern compiled from a table's list (`words` in phrases()), its rows each written as a whole pattern,
 * with the pattern's own boundaries: the pattern is their alternation, so what holds for every row's matches
 * (their literal anchors: knowledge rowAnchors) holds for the pattern's.
 */
const rowsOf = new WeakMap<RegExp, readonly string[]>();

/** The rows of a phrase pattern compiled from a table's list, each a whole pattern; undefined for other patterns. */
export const phraseRows = (re: RegExp): readonly string[] | undefined => rowsOf.get(re);

/**
 * A phrase pattern's literal anchors: for one compiled from a table's rows, the union of each row's (knowledge
 * rowAnchors), which keep the word boundary in front of each phrase ("\btested", not "tested", which is in
 * "contested"); else derived from its source (knowledge patternAnchors). Either is sound: every match of the
 * pattern holds one of them, so a sentence without any is one it cannot match in.
 */
export function phraseAnchors(re: RegExp): string[] | null {
  const rows = phraseRows(re);
  return rows ? rowAnchors(rows) : patternAnchors(re);
}

/** Whether a regex source has an alternation outside every group and class ("^a|b" does, "^(?:a|b)" does not). */
export function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** A pattern that holds only at the start of the text: "^" first, and no alternation around it. */
export const opensText = (source: string): boolean => source.startsWith('^') && !hasTopLevelAlternation(source);

/** A pattern that matches nothing, tried at one position only (see rulePatterns). */
const nothing = (): RegExp => new RegExp(MATCHES_NOTHING, 'y');

/** The caption patterns apart (Phrases captionStart and captionAnywhere). */
function captionParts(patterns: string[]): { captionStart: RegExp; captionAnywhere: RegExp } {
  const start = patterns.filter(opensText).map((x) => x.slice(1));
  const anywhere = patterns.filter((x) => !opensText(x));
  return {
    captionStart: start.length ? new RegExp(`^(?:${alt(start)})`, 'i') : nothing(),
    captionAnywhere: anywhere.length ? new RegExp(alt(anywhere), 'i') : nothing(),
  };
}

// "(?!)", a table's way of saying "no such phrasing in this language", is compiled sticky: it matches nothing
// either way, but the regex engine tries it at every position of the text (about a microsecond a sentence, and
// commentaryVoice is asked of every sentence twice) unless it is sticky, at lastIndex only. Its source stays as
// written, which the loose patterns and the literal anchors read as matching nothing.

function rulePatterns(t: PhraseTable, locale: Locale): Record<RulePatternName, RegExp> {
  const out = {} as Record<RulePatternName, RegExp>;
  for (const name of RULE_PATTERN_NAMES) {
    const row = t.rulePatterns[name];
    if (!row) throw new Error(`salvo: data/locales/${locale}/phrases.json lacks the rule pattern "${name}"`);
    out[name] = new RegExp(row.pattern, row.pattern === MATCHES_NOTHING ? `${row.flags}y` : row.flags);
  }
  return out;
}

export function phrases(locale: Locale = 'en'): Phrases {
  const known = cached.get(locale);
  if (known) return known;
  const t = readDataJson<PhraseTable>(`locales/${locale}/phrases.json`);
  const b = PHRASE_BOUNDARIES[locale];
  const words = (xs: string[]): RegExp => {
    const re = new RegExp(`${b.start}(?:${alt(xs)})${b.pluralEnd}`, 'i');
    rowsOf.set(re, xs.map((x) => `${b.start}(?:${x})${b.pluralEnd}`));
    return re;
  };
  const numberKeys = Object.keys(t.numberWords).sort((a, b) => b.length - a.length);
  const compiled: Phrases = {
    launchVerb: words(t.launchVerbs),
    launchNoun: words(t.launchNouns),
    missileNoun: words(t.missileNouns),
    notLaunch: words(t.notLaunch),
    notLaunchHead: words(t.notLaunchHead),
    tallyMarker: words(t.tallyMarkers),
    tallyStrong: words(t.tallyStrongMarkers),
    tallyCount: words(t.tallyCounts),
    earlier: words(t.earlierMarkers),
    capability: words(t.capabilityMarkers),
    generic: words(t.genericMarkers),
    future: words(t.futureMarkers),
    apogee: words(t.apogeeWords),
    distance: words(t.distanceWords),
    offsetAfter: new RegExp(`^\\s*(?:${alt(t.offsetAfter)})`, 'i'),
    offsetBefore: new RegExp(`(?:${alt(t.offsetBefore)})`, 'i'),
    landingTime: words(t.landingTimeWords),
    numberWords: new Map(Object.entries(t.numberWords).map(([k, v]) => [k.toLowerCase(), v])),
    numberWordSource: numberKeys.map((k) => k.replace(/ /g, '\\s+')).join('|'),
    ordinals: new Map(Object.entries(t.ordinalCounts ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    plural: t.pluralQuantifiers,
    atLeast: t.countAtLeast,
    about: t.countAbout,
    moreThan: t.countMoreThan,
    ...captionParts(t.captionPatterns),
    hedge: words(t.hedges),
    speech: new RegExp(`${b.start}(?:${alt(t.speechVerbs)})${b.end}`, 'gi'),
    launchEvent: new RegExp(`${b.start}(?:${alt(t.launchEventWords)})${b.end}`, 'gi'),
    timeEvent: new RegExp(`${b.start}(?:${alt(t.timeEventWords)})${b.end}`, 'gi'),
    flightVerb: words(t.flightVerbs),
    countNoun: new RegExp(`${b.start}(?:${alt(t.countNouns)})${b.end}`, 'gi'),
    countModifier: `(?:(?:${alt(t.countModifiers)})\\s+)`,
    countFiring: words(t.countFiringVerbs),
    rule: rulePatterns(t, locale),
    compass: new Map(Object.entries(t.compassPoints)),
    americanZones: t.americanZones,
    clockDeclarations: Object.entries(t.clockDeclarations).map(([zone, pattern]) => ({ zone, pattern: new RegExp(pattern, 'i') })),
  };
  cached.set(locale, compiled);
  return compiled;
}
