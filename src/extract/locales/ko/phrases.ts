// The "readers" section of data/locales/ko/phrases.json compiled: the words the Korean readers of dates, clock
// times, counts and lengths look for.
import { readDataJson } from '../../../paths.js';

export interface KoreanReaderPhrases {
  dayBefore: string;
  sameDay: string;
  durationAfterDay: RegExp;
  clockPeriods: ReadonlyMap<string, 'am' | 'pm' | 'noon'>;
  clockWords: ReadonlyMap<string, number>;
  notLaunchTimeAfter: RegExp;
  launchAfter: RegExp;
  countNumerals: ReadonlyMap<string, number>;
  countSeveral: ReadonlyMap<string, number>;
  countAfterNotMissile: RegExp;
  countBeforeNotMissile: RegExp;
  countHedgeAfter: RegExp;
  nameLikenessBefore: RegExp;
  nameLineageAfter: RegExp;
  lengthUnit: string;
  capabilityCue: RegExp;
  apogeeCue: RegExp;
  distanceCue: RegExp;
  offsetBefore: RegExp;
  distanceAfter: RegExp;
  waypointAfter: RegExp;
  apogeeAfter: RegExp;
  offsetAfter: RegExp;
  siteFromAfter: RegExp;
  seaLandingAfter: RegExp;
  statementSubjectBefore: RegExp;
  statementAfterDate: RegExp;
  subjectAfter: RegExp;
  passiveLaunch: RegExp;
  launchNotTheNews: RegExp;
}

/**
 * The table as written in the JSON file, derived from the compiled shape so a key is declared once: a pattern is a
 * regular-expression source, a map an object, and the day words lists of alternatives.
 */
type ReaderTable = {
  [K in keyof KoreanReaderPhrases]: K extends 'dayBefore' | 'sameDay'
    ? string[]
    : KoreanReaderPhrases[K] extends RegExp
      ? string
      : KoreanReaderPhrases[K] extends ReadonlyMap<string, infer V>
        ? Record<string, V>
        : KoreanReaderPhrases[K];
};

let cached: KoreanReaderPhrases | null = null;

export function koreanReaderPhrases(): KoreanReaderPhrases {
  if (cached) return cached;
  const t = readDataJson<{ readers: ReaderTable }>('locales/ko/phrases.json').readers;
  const re = (s: string): RegExp => new RegExp(s);
  cached = {
    dayBefore: t.dayBefore.join('|'),
    sameDay: t.sameDay.join('|'),
    durationAfterDay: re(t.durationAfterDay),
    clockPeriods: new Map(Object.entries(t.clockPeriods)),
    clockWords: new Map(Object.entries(t.clockWords)),
    notLaunchTimeAfter: re(t.notLaunchTimeAfter),
    launchAfter: re(t.launchAfter),
    countNumerals: new Map(Object.entries(t.countNumerals)),
    countSeveral: new Map(Object.entries(t.countSeveral)),
    countAfterNotMissile: re(t.countAfterNotMissile),
    countBeforeNotMissile: re(t.countBeforeNotMissile),
    countHedgeAfter: re(t.countHedgeAfter),
    nameLikenessBefore: re(t.nameLikenessBefore),
    nameLineageAfter: re(t.nameLineageAfter),
    lengthUnit: t.lengthUnit,
    capabilityCue: re(t.capabilityCue),
    apogeeCue: new RegExp(t.apogeeCue, 'g'),
    distanceCue: new RegExp(t.distanceCue, 'g'),
    offsetBefore: re(t.offsetBefore),
    distanceAfter: re(t.distanceAfter),
    waypointAfter: re(t.waypointAfter),
    apogeeAfter: re(t.apogeeAfter),
    offsetAfter: re(t.offsetAfter),
    siteFromAfter: re(t.siteFromAfter),
    seaLandingAfter: re(t.seaLandingAfter),
    statementSubjectBefore: re(t.statementSubjectBefore),
    statementAfterDate: re(t.statementAfterDate),
    subjectAfter: re(t.subjectAfter),
    passiveLaunch: re(t.passiveLaunch),
    launchNotTheNews: re(t.launchNotTheNews),
  };
  return cached;
}
