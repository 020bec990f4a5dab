// Sentence roles relative to the main launch (main, earlier, capability, context), and whether a sentence states a launch.
import { moreThanDaysApart } from '../calendar.js';
import { OTHER_DATE_DAYS, OTHER_WEEKDAY_DAYS } from '../settings.js';
import type { SentenceRole } from '../types.js';
import { type DateMention, spokenDate } from './dates.js';
import { findMissiles, type Locale } from '../knowledge/index.js';
import { phrases } from './phrases.js';
import { factsOf, type SentenceFacts } from './sentence-facts.js';
import type { Unit } from './units.js';
import { matchesOf, withFlags } from './compiled.js';

/** Whether a sentence states a launch: a verb of firing near a missile noun, or a launch noun with one. */
export function statesLaunch(text: string, locale: Locale = 'en'): boolean {
  const f = factsOf(text, locale);
  // The launch words first: most sentences have none, and then the designation tables need not be searched.
  if (!f.has('launchVerb') && !f.has('launchNoun')) return false;
  return f.has('missileNoun') || findMissiles(text, locale).some((m) => !m.weak);
}

interface Anchor {
  at: number;
  why: string;
}

/** No anchor (most sentences): one shared list, so that none is made per sentence. */
const NO_ANCHORS: readonly Anchor[] = Object.freeze([]);

/**
 * Where the sentence speaks of another launch, in text order: its dates far from the main launch's, its background
 * marker and its future plan (`marker`, `future`: their first matches).
 */
function backgroundAnchors(
  text: string,
  dates: readonly DateMention[],
  mainDate: string | null,
  mainMonthDay: string | null,
  marker: RegExpExecArray | null,
  future: RegExpExecArray | null,
  locale: Locale,
): readonly Anchor[] {
  // Without dates or markers there is none: the shared empty list, not a new one.
  if (dates.length === 0 && marker === null && future === null) return NO_ANCHORS;
  const anchors: Anchor[] = [];
  for (const d of dates) {
    if (d.kind === 'explicit' && d.date && mainDate && moreThanDaysApart(d.date, mainDate, OTHER_DATE_DAYS)) {
      anchors.push({ at: d.start, why: `another date (${d.surface})` });
    } else if (d.kind === 'weekday' && !d.inUtc && d.date && mainDate && moreThanDaysApart(d.date, mainDate, OTHER_WEEKDAY_DAYS) && !spokenDate(text, d.start, d.end, locale)) {
      anchors.push({ at: d.start, why: `another day (${d.surface})` });
    } else if (d.kind === 'explicit' && !d.date && !mainDate && mainMonthDay && d.monthDay && d.monthDay !== mainMonthDay) {
      anchors.push({ at: d.start, why: `another day (${d.surface})` });
    }
  }
  if (marker) anchors.push({ at: marker.index, why: `background marker "${marker[0]}"` });
  if (future) anchors.push({ at: future.index, why: `future plan "${future[0]}"` });
  anchors.sort((a, b) => a.at - b.at);
  return anchors;
}

// The two searches below take closures: kept out of sentenceRole, which would otherwise hold the variables they
// read in a context object made on every call (V8 makes it on entry), not only when a search runs.

/** A relative day inside the fronted phrase (`fronted`: its match) that is not the main launch's day. */
function frontedOtherDay(dates: readonly DateMention[], fronted: RegExpExecArray, mainDate: string | null): DateMention | undefined {
  return dates.find((d) => d.kind === 'relative' && d.start < fronted[0].length && d.date !== null && d.date !== mainDate);
}

/**
 * "On Tuesday it fired an SRBM …, and on Friday it launched an ICBM …": after the first anchor, the clause naming
 * the main day is main (up to the next anchor); null when no such clause.
 */
function mainDayClause(text: string, dates: readonly DateMention[], anchors: readonly Anchor[], first: Anchor, mainDate: string | null): RoleDecision | null {
  const own = dates.find((d) => d.start > first.at && d.date !== null && d.date === mainDate && !anchors.some((a) => a.at > first.at && a.at < d.start && a.at !== first.at));
  if (!own) return null;
  const start = clauseStart(text, own.start);
  const later = anchors.find((a) => a.at > own.start);
  return { role: 'main', mainStart: start, mainEnd: later ? clauseStart(text, later.at) : text.length, reason: `background, then the main day (${own.surface})` };
}

/** The sentence's verb of firing or of flight, else its launch noun; a labelled line ("Distance: 800 km | Apogee: 60 km") states facts without a verb. */
const verbIn = (f: SentenceFacts, text: string): RegExpExecArray | null => f.first('launchVerb') ?? f.first('flightVerb') ?? f.first('launchNoun') ?? LABELLED.exec(text);

// Background markers that are time adverbs: inside a launch clause they date that launch to another time.
const TIME_ADVERB = /^(?:last|in (?:19|20)|earlier this|earlier in|\w+ (?:days?|weeks?|months?|years?) ago|previously|so far|this year)/i;

const LABELLED = /\b(?:distance|apogee|altitude|count|type|impact|launch site|launch time)\s*:/i;

export interface RoleDecision {
  role: SentenceRole;
  /** Facts after this offset belong to a background clause ("…, its first launch since March"). */
  mainEnd: number;
  /** Facts before this offset belong to a background clause ("On Tuesday it fired …, and on Friday …"). */
  mainStart?: number;
  reason: string;
}

/**
 * The role of a sentence relative to the main launch, decided from its own words and its dates:
 * - "earlier": it speaks of another launch (a past date, "last Thursday", "previously", a perfect-tense tally);
 * - "capability": a design range or what a missile could reach;
 * - "context": captions;
 * - "main": it may state facts of the main launch, up to `mainEnd`.
 * A background anchor that comes after the sentence's launch verb only cuts off its own clause.
 * `mainDate` is the main launch's date when known: an explicit date more than two days away is an anchor.
 */
export function sentenceRole(unit: Unit, dates: DateMention[], mainDate: string | null, mainMonthDay: string | null = null, locale: Locale = 'en'): RoleDecision {
  if (unit.isCaption) return { role: 'context', mainEnd: 0, reason: 'caption' };
  if (unit.inChronology) return { role: 'earlier', mainEnd: 0, reason: 'chronology line' };
  const p = phrases(locale);
  const text = unit.text;
  const f = factsOf(text, locale);
  // "Fragments of a Hwasong-11 were found in Kharkiv": evidence, debris, artillery — not a launch being reported.
  const negative = f.first('notLaunch');
  if (negative && !f.has('launchVerb')) return { role: 'context', mainEnd: 0, reason: `not a launch ("${negative[0]}")` };
  // "Such tests typically involve a flight over the Pacific": a habit, not this launch.
  const generic = f.first('generic');
  if (generic) return { role: 'context', mainEnd: 0, reason: `generic statement ("${generic[0]}")` };
  // "A day earlier, it fired 25 missiles": a fronted day before the main launch's day tells an earlier launch.
  // Asked only once the main date is known (the first pass has none), since the fronted day is told against it.
  const fronted = mainDate ? f.first('frontedDayBefore') : null;
  const frontedDay = fronted ? frontedOtherDay(dates, fronted, mainDate) : undefined;
  if (frontedDay) return { role: 'earlier', mainEnd: 0, reason: `fronted day before the main day ("${frontedDay.surface}")` };
  const marker = f.first('earlier');
  // "… of plans to launch a satellite rocket between Thursday and Aug. 31": a launch to come, not one that happened.
  const future = f.first('future');
  const anchors = backgroundAnchors(text, dates, mainDate, mainMonthDay, marker, future, locale);
  const first = anchors[0];
  // The sentence's own event comes first when a verb of firing or of flight precedes the anchor (verbIn), looked
  // for only when there is an anchor or a capability marker to weigh it against (most sentences have neither), and
  // at most once: `v` holds it once asked (a local, not a memoizing closure, which was made for every sentence).
  let v: RegExpExecArray | null | undefined;
  // "North Korea has test-fired various missiles in recent years": a perfect-tense tally over a period.
  if (first && marker && first.at === marker.index && p.tallyMarker.test(marker[0]) && /\b(?:has|have)\s+(?:\w+\s+)?(?:fired|launched|test-fired|tested|conducted)\b/i.test(text)) {
    return { role: 'earlier', mainEnd: 0, reason: `tally over a period ("${marker[0]}")` };
  }
  // "North Korea fired five ICBMs last year": a time adverb inside the launch clause itself dates the launch.
  const adverbial = first && marker && first.at === marker.index && TIME_ADVERB.test(marker[0]) && (v = verbIn(f, text)) && clauseStart(text, first.at) === first.at;
  if (first && adverbial) return { role: 'earlier', mainEnd: 0, reason: `launch dated by "${marker[0]}"` };
  if (first) {
    if (v === undefined) v = verbIn(f, text);
    if (v && v.index < first.at && p.missileNoun.test(text.slice(0, first.at))) {
      return { role: 'main', mainEnd: clauseStart(text, first.at), reason: `main, then ${first.why}` };
    }
    // Verb-final languages close each clause with its own verb: an anchor in a later clause ("距離は約1000キロ、…
    // 昨年3月に発射されたICBMの…") leaves the clauses before it, when they state something, to this launch.
    const clauseBreak = lastBreakBefore(p.rule.verbFinalClauseBreak, text, first.at);
    if (clauseBreak > 0 && (STATED_FACT.test(text.slice(0, clauseBreak)) || p.missileNoun.test(text.slice(0, clauseBreak)))) {
      return { role: 'main', mainEnd: clauseBreak, reason: `main, then ${first.why} in a later clause` };
    }
    const own = mainDayClause(text, dates, anchors, first, mainDate);
    if (own) return own;
    return { role: first.why.startsWith('future') ? 'context' : 'earlier', mainEnd: 0, reason: first.why };
  }
  // A capability marker weighs only in a sentence without an anchor (each branch above returns): asked only then.
  const capability = f.first('capability');
  const before = capability ? verbIn(f, text) : null;
  if (capability && !(before && before.index < capability.index) && !inClosedRelativeClause(text, capability.index)) return { role: 'capability', mainEnd: 0, reason: `capability "${capability[0]}"` };
  return { role: 'main', mainEnd: text.length, reason: 'main' };
}

// "The missile, which analysts say is capable of reaching Guam, was launched …": a relative clause closed by a
// comma speaks of the missile; the sentence around it still reports the launch.
function inClosedRelativeClause(text: string, at: number): boolean {
  const open = /,\s*(?:which|who)\b[^,]*$/i.exec(text.slice(0, at));
  return open !== null && text.indexOf(',', at) > at;
}

// A figure (a length, a count, a time) written in a clause: the clause states a fact.
const STATED_FACT = /[0-9０-９]/;

/** Where the last clause break before `at` ends, or 0. */
function lastBreakBefore(clauseBreak: RegExp, text: string, at: number): number {
  const all = clauseBreak.global ? clauseBreak : withFlags(clauseBreak, `${clauseBreak.flags}g`);
  let end = 0;
  for (const m of matchesOf(all, text.slice(0, at))) end = (m.index ?? 0) + m[0].length;
  return end;
}

// The start of the clause holding `at`: back to the last comma, semicolon, dash or bracket, or a joining word.
function clauseStart(text: string, at: number): number {
  const head = text.slice(0, at);
  let cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(' – '), head.lastIndexOf(' — '), head.lastIndexOf('('));
  const joiner = /\b(?:after|following|since|as|when|while|and)\b(?![\s\S]*\b(?:after|following|since|as|when|while|and)\b)/i.exec(head);
  if (joiner && joiner.index > cut) cut = joiner.index;
  return cut > 0 ? cut : at;
}
