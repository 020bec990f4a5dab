import { readDataJson } from '../paths.js';

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
}

/** Compiled phrase tables from data/phrases.json (see the comment there). */
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
  plural: string[];
  atLeast: string[];
  about: string[];
  moreThan: string[];
  /** Photo captions and file-image notes (they often describe an older launch). */
  caption: RegExp;
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
}

const alt = (xs: string[]): string => xs.map((x) => `(?:${x})`).join('|');
// A phrase ends at a word boundary (a plural "s" allowed): "launch" must not match "launchers".
const words = (xs: string[]): RegExp => new RegExp(`\\b(?:${alt(xs)})(?:e?s)?(?![a-z])`, 'i');

let cached: Phrases | null = null;

export function phrases(): Phrases {
  if (cached) return cached;
  const t = readDataJson<PhraseTable>('phrases.json');
  const numberKeys = Object.keys(t.numberWords).sort((a, b) => b.length - a.length);
  cached = {
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
    plural: t.pluralQuantifiers,
    atLeast: t.countAtLeast,
    about: t.countAbout,
    moreThan: t.countMoreThan,
    caption: new RegExp(t.captionPatterns.map((x) => `(?:${x})`).join('|'), 'i'),
    hedge: words(t.hedges),
    speech: new RegExp(`\\b(?:${alt(t.speechVerbs)})\\b`, 'gi'),
    launchEvent: new RegExp(`\\b(?:${alt(t.launchEventWords)})\\b`, 'gi'),
    timeEvent: new RegExp(`\\b(?:${alt(t.timeEventWords)})\\b`, 'gi'),
    flightVerb: words(t.flightVerbs),
    countNoun: new RegExp(`\\b(?:${alt(t.countNouns)})\\b`, 'gi'),
    countModifier: `(?:(?:${alt(t.countModifiers)})\\s+)`,
    countFiring: words(t.countFiringVerbs),
  };
  return cached;
}
