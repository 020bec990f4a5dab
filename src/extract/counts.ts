// Counts of fired missiles in a sentence, read with a locale's count words (English by default).
import type { Locale } from '../knowledge/index.js';
import { afterLastMatch, matchesOf } from './compiled.js';
import { type Phrases, phrases } from './phrases.js';
import { mayHold } from './rule-gates.js';

/** How many missiles a phrase commits to: "two" (2, exact), "at least two" (2), "multiple" (2), "about 10" (10). */
export interface CountMention {
  start: number;
  end: number;
  surface: string;
  min: number;
  exact: boolean;
  /** A number (or the singular) was written, not just a plural or "several". */
  numeric: boolean;
}


function qualifierKind(q: string, p: Phrases): 'atLeast' | 'about' | 'moreThan' | null {
  const s = q.toLowerCase().replace(/\s+/g, ' ').trim();
  if (p.atLeast.includes(s)) return 'atLeast';
  if (p.moreThan.includes(s)) return 'moreThan';
  if (p.about.includes(s)) return 'about';
  return null;
}

/**
 * Counts of fired missiles in a sentence. `names` are the spans of missile designations found by the
 * knowledge tables: "a Minuteman III" counts like "a missile".
 */
/** The look-backs before a missile noun, per locale: compiled once. */
interface CountPatterns {
  numbered: RegExp;
  pluralRe: RegExp;
  ordinalRe: RegExp | null;
  /** "two or three", "three to four": the lower figure before the one read. */
  range: RegExp;
  /** "the missiles", "its rockets": a bare plural after a definite word. */
  definite: RegExp;
}
const compiled = new Map<Locale, CountPatterns>();

function countPatterns(locale: Locale, p: Phrases): CountPatterns {
  const known = compiled.get(locale);
  if (known) return known;
  const quals = [...p.atLeast, ...p.moreThan, ...p.about].map((q) => q.replace(/ /g, '\\s+')).join('|');
  const plural = p.plural.map((q) => q.replace(/ /g, '\\s+')).join('|');
  const made: CountPatterns = {
    numbered: new RegExp(String.raw`(?:\b(${quals})\s+)?(?<![\w-])(${p.numberWordSource}|\d{1,3})\s+${p.countModifier}{0,5}$`, 'i'),
    pluralRe: new RegExp(String.raw`\b(${plural})\s+${p.countModifier}{0,5}$`, 'i'),
    range: new RegExp(String.raw`(?<![\w-])(${p.numberWordSource}|\d{1,3})\s+(?:or|to)\s+$`, 'i'),
    definite: new RegExp(String.raw`\b(?:the|these|those|its|their|both)\s+${p.countModifier}{0,5}$`, 'i'),
    ordinalRe: p.ordinals.size ? new RegExp(String.raw`\b(?:a|the)\s+(${[...p.ordinals.keys()].join('|')})\s+${p.countModifier}{0,5}$`, 'i') : null,
  };
  compiled.set(locale, made);
  return made;
}

// Where a clause ends, for the look-back from a noun to its firing verb.
const CLAUSE_BREAK = /[;:]|,\s+(?:which|that|while|but|a|an|the)\b|\bthat\b/i;

type NameSpan = { start: number; end: number };

export function findCounts(sentence: string, names: readonly NameSpan[] = [], locale: Locale = 'en'): CountMention[] {
  const p = phrases(locale);
  // No missile noun where the rule gates find no anchor of one (most sentences): the noun pattern is not run there.
  const nounMatches = mayHold(p.countNoun, sentence, locale) ? matchesOf(p.countNoun, sentence) : [];
  // No noun to count and no designation (most sentences of an article): nothing to look back from. Asked here,
  // apart from the reading (countsBefore), whose closures' variables V8 holds in a context object made on every
  // call of the function that has them.
  if (nounMatches.length === 0 && names.length === 0) return [];
  return countsBefore(sentence, nounMatches, names, p, countPatterns(locale, p));
}

/** The counts before the missile nouns (`nounMatches`) and designations (`names`) of a sentence. */
function countsBefore(sentence: string, nounMatches: readonly RegExpExecArray[], names: readonly NameSpan[], p: Phrases, patterns: CountPatterns): CountMention[] {
  const { numbered, pluralRe, ordinalRe, range, definite } = patterns;
  const out: CountMention[] = [];
  const nouns = nounMatches.map((m) => ({ start: m.index ?? 0, text: m[0] }));
  for (const n of names) {
    // A name followed by a missile noun ("a Hwasong-18 ICBM") is counted at that noun, not twice.
    if (nouns.some((x) => x.start >= n.start && x.start <= n.end + 40)) continue;
    nouns.push({ start: n.start, text: sentence.slice(n.start, n.end) });
  }
  // No noun to count (most sentences of an article): nothing to look back from.
  if (nouns.length === 0) return [];
  // A designation between a number and its noun reads as a modifier ("two Musudan intermediate-range missiles"):
  // the look-back sees blanks where names are, so positions still index the sentence.
  const masked = names.reduce((s, n) => s.slice(0, n.start) + ' '.repeat(n.end - n.start) + s.slice(n.end), sentence);
  nouns.sort((a, b) => a.start - b.start);
  for (const m of nouns.map((x) => Object.assign([x.text], { index: x.start }))) {
    const nounStart = m.index ?? 0;
    const nounEnd = nounStart + m[0].length;
    const before = masked.slice(Math.max(0, nounStart - 80), nounStart);
    // The firing verb must be in the same clause: "launched three satellites, a programme that … ballistic
    // missiles" does not count missiles.
    const window = sentence.slice(Math.max(0, nounStart - 100), nounStart);
    const clauseBefore = afterLastMatch(CLAUSE_BREAK, window);
    const after = sentence.slice(nounEnd, nounEnd + 40);
    const fired = p.countFiring.test(clauseBefore) || /^\s*(?:(?:were|was|had been|have been|being)\s+)?(?:\w+\s+)?(?:fired|launched|test-fired)\b/i.test(after);
    if (!fired) continue;
    // "test-fired a second Musudan missile": at least two were fired.
    const ordinal = ordinalRe?.exec(before);
    if (ordinal) {
      const start = nounStart - before.length + ordinal.index;
      out.push({ start, end: nounEnd, surface: sentence.slice(start, nounEnd), min: p.ordinals.get(ordinal[1].toLowerCase()) ?? 2, exact: false, numeric: true });
      continue;
    }
    const n = before.match(numbered);
    if (n) {
      const word = n[2].toLowerCase().replace(/\s+/g, ' ');
      const numberAt = nounStart - before.length + (n.index ?? 0) + (n[0].length - n[0].trimStart().length) + (n[1] ? n[0].indexOf(n[2], n[1].length) : 0);
      // "Minuteman 3 missile": the number belongs to the name.
      if (names.some((x) => numberAt >= x.start && numberAt < x.end)) continue;
      let value = /^\d+$/.test(word) ? Number(word) : (p.numberWords.get(word) ?? NaN);
      if (!Number.isFinite(value) || value <= 0 || value > 200) continue;
      // "a missile" is a count of one only for a singular noun ("a series of missiles" is handled below).
      const pluralNoun = /s$/i.test(m[0]) && !/ss$/i.test(m[0]);
      if ((word === 'a' || word === 'an' || word === 'another') && pluralNoun) {
        const pl = before.match(pluralRe);
        if (!pl) continue;
      } else {
        // Before an article the word is a preposition, not a hedge: sirens "over a missile" speak of one.
        const q = n[1] && word !== 'a' && word !== 'an' ? qualifierKind(n[1], p) : null;
        if (q === 'moreThan') value += 1;
        let start = nounStart - before.length + (n.index ?? 0);
        // "two or three missiles": the smaller figure, hedged.
        const lower = range.exec(before.slice(0, n.index ?? 0));
        if (lower) {
          const low = /^\d+$/.test(lower[1]) ? Number(lower[1]) : (p.numberWords.get(lower[1].toLowerCase().replace(/\s+/g, ' ')) ?? value);
          start = nounStart - before.length + lower.index;
          out.push({ start, end: nounEnd, surface: sentence.slice(start, nounEnd), min: Math.min(low, value), exact: false, numeric: true });
          continue;
        }
        out.push({ start, end: nounEnd, surface: sentence.slice(start, nounEnd), min: value, exact: q === null, numeric: true });
        continue;
      }
    }
    const pl = before.match(pluralRe);
    const isPluralNoun = /s$/i.test(m[0]) && !/ss$/i.test(m[0]);
    if (pl || isPluralNoun) {
      // A bare plural after "the" ("the missiles flew") says nothing about how many were fired.
      if (!pl && definite.test(before)) continue;
      const start = pl ? nounStart - before.length + (pl.index ?? 0) : nounStart;
      out.push({ start, end: nounEnd, surface: sentence.slice(start, nounEnd), min: 2, exact: false, numeric: false });
    }
  }
  return mergeJoinedCounts(sentence, out);
}

/**
 * "an ICBM and two short-range ballistic missiles": counts joined by "and" in one clause add up (3, exact);
 * "two or three missiles" commits to the smaller figure only (2, not exact).
 */
function mergeJoinedCounts(sentence: string, counts: CountMention[]): CountMention[] {
  const out: CountMention[] = [];
  for (const c of counts) {
    const prev = out[out.length - 1];
    const between = prev ? sentence.slice(prev.end, c.start) : '';
    if (prev && prev.numeric && c.numeric && /^\s*,?\s*(?:and|plus)\s*$/i.test(between)) {
      out[out.length - 1] = { start: prev.start, end: c.end, surface: sentence.slice(prev.start, c.end), min: prev.min + c.min, exact: prev.exact && c.exact, numeric: true };
      continue;
    }
    out.push(c);
  }
  return out;
}

