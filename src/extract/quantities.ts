// Lengths in a sentence (distances flown, altitudes reached, offsets, ranges), read with a locale's cue words.
import type { Locale } from '../knowledge/index.js';
import { phrases } from './phrases.js';
import { afterLastMatch, matchesOf, withFlags } from './compiled.js';
import { LENGTH_UNIT, testGated } from './rule-gates.js';

/** A length in a sentence ("about 800 kilometers", "497 miles", "1 500 km"), classified by what it measures. */
export interface LengthMention {
  start: number;
  end: number;
  surface: string;
  km: number;
  unit: 'km' | 'mi';
  /** What the words around it say it measures (an orbit's height is neither distance nor apogee). */
  kind: 'distance' | 'apogee' | 'offset' | 'capability' | 'orbit' | 'other';
  /** True when it is a gloss of a figure just before it ("800 km (497 miles)"). */
  gloss: boolean;
}

const MILE_KM = 1.609344;
// Numbers: "1,000", "1 500" (space as thousands separator), "99.8", "7,688"; units in all their spellings.
// "99.8 and 42.5 kilometers", "70-200 km", "300 to 400 km": the first figure of a pair shares the unit.
// A speed is not a length: "15,000 miles per hour", "20 km/h", "5 km a second".
const LENGTH = /(?<![\d.,])(?:(\d+(?:\.\d+)?)\s*(?:and|to|or|-|–)\s*)?(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:-\s*)?(kilometers?|kilometres?|kms?|miles?|mi)\b(?!\s*(?:\/\s*(?:h|hr|s|sec)\b|(?:per|an?)\s+(?:hour|second|minute)\b))/gi;
// A relative clause closed before the figure ("the missiles, which are capable of striking Guam, flew 1,000 km")
// speaks of the missile, not of the figure: it is dropped from the look-back.
const CLOSED_RELATIVE = /,\s*(?:which|who)\b[^,]*,/gi;
// Where a clause ends, for the look-back from a figure to its cue words.
const CLAUSE_BREAK = /[;|]|,\s(?:and|but|while|which|who)\b|\bwhile\b|\bwhereas\b/i;

function parseNumber(s: string): number {
  return Number(s.replace(/[, ]/g, ''));
}

export function findLengths(sentence: string, locale: Locale = 'en'): LengthMention[] {
  const p = phrases(locale);
  const out: LengthMention[] = [];
  // A sentence without a length unit (most sentences) has no length: the rule gates' shared scan, else the unit's own.
  if (!testGated(LENGTH_UNIT, sentence, locale)) return out;
  for (const m of matchesOf(LENGTH, sentence)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // Of a pair, the larger figure: distances and altitudes are scored as the largest stated.
    const value = Math.max(parseNumber(m[2]), m[1] ? parseNumber(m[1]) : 0);
    if (!Number.isFinite(value) || value <= 0) continue;
    const unit: 'km' | 'mi' = /^k/i.test(m[3]) ? 'km' : 'mi';
    const km = unit === 'km' ? value : Math.round(value * MILE_KM);
    const before = sentence.slice(Math.max(0, start - 90), start);
    // Only the clause the number sits in speaks for it: cut the look-back at the last clause break.
    const clause = afterLastMatch(CLAUSE_BREAK, before.replace(CLOSED_RELATIVE, ','));
    // A bracketed gloss right after the figure ("800km (500 miles) before …") is skipped when reading on.
    const after = sentence.slice(end, end + 80).replace(/^\s*\([^)]*\)/, '');
    const gloss = /\(\s*(?:about\s+|some\s+|around\s+|roughly\s+)?$/.test(sentence.slice(Math.max(0, start - 12), start)) && out.length > 0 && out[out.length - 1].end >= start - 14;
    let kind: LengthMention['kind'] = 'other';
    // Where the last cue of a kind ends (ends, not starts: "reached a height" must beat "reached").
    const lastCue = (re: RegExp): number => Math.max(-1, ...matchesOf(withFlags(re, 'gi'), clause).map((x) => (x.index ?? 0) + x[0].length));
    const apogeeAt = lastCue(p.apogee);
    const distanceAt = lastCue(p.distance);
    if (p.capability.test(clause) || /^\s*(?:-\s*)?range\b/i.test(after)) kind = 'capability';
    // An orbit named after the last word of flight: "circle the Earth at an altitude of 500 km", "a 500 km orbit".
    else if (lastCue(p.rule.orbitBefore) > distanceAt || p.rule.orbitAfter.test(after)) kind = 'orbit';
    else if (/^\s*(?:\([^)]*\)\s*)?away from (?:its|the) launch/i.test(after)) kind = 'distance';
    else if (p.offsetAfter.test(after) && !/^\s*(?:into|in)\b/i.test(after)) kind = 'offset';
    else if (p.offsetBefore.test(clause)) kind = 'offset';
    // The nearest cue before the figure decides: "reached an altitude of 480 miles and flew 2,300 miles".
    else if (apogeeAt >= 0 && apogeeAt > distanceAt) kind = 'apogee';
    else if (distanceAt >= 0) kind = 'distance';
    else if (/^\s*(?:\)\s*)?(?:high|in altitude|in height|into (?:the )?(?:sky|space|air))/i.test(after)) kind = 'apogee';
    else if (/^\s*(?:\)\s*)?(?:before|and (?:landed|fell|crashed|splashed)|flights?\b|trip\b|journey\b)/i.test(after)) kind = 'distance';
    else {
      // "one flew 430 km, and the other 690 km": a bare figure right after a classified one shares its kind.
      const prev = out[out.length - 1];
      if (prev && (prev.kind === 'distance' || prev.kind === 'apogee') && start - prev.end < 45) kind = prev.kind;
    }
    out.push({ start, end, surface: m[0], km, unit, kind, gloss });
  }
  // A miles gloss takes the kind of the figure it glosses.
  for (let i = 1; i < out.length; i++) if (out[i].gloss) out[i].kind = out[i - 1].kind;
  return out;
}
