// Rule gates: whether a sentence may hold a match of some rule pattern read over every main sentence, asked once
// per sentence for several patterns. The rules and readers scoped to the main sentences each run their own pattern
// over every sentence of an article (the count reader's missile nouns, the time rule's launch words, the date
// rule's restated launch, the launch test's plural missile tests, the length reader's units, the landing rule's
// landings on land), and most sentences of a launch report are ordinary news sentences where none of them can
// match. Every match of a pattern holds one of its literal anchors (knowledge literal-anchors, derived from the
// pattern's source), so a sentence that holds no anchor of the group is one in which no pattern of the group can
// match: the readers skip their pattern there. A sentence that holds some anchor is read as before (that says only
// that some pattern of the group may match).
// The sentence facts (sentence-facts.ts) already scan each sentence once for the anchors of their phrase patterns
// (launch verbs, missile nouns…), and many of the group's anchors hold one of those ("\bmissile", "\blaunched"):
// a sentence holding such an anchor holds the fact anchor inside it. So the group is asked in two steps: a
// sentence in which the facts' scan finds an anchor may hold a pattern of the group (no scan of our own: on a
// report's launch sentences, and on most sentences of an article about launches, it does); else only the group's
// anchors that hold no fact anchor (the rest) are looked for. The answer depends on the words alone, so it is kept
// with the sentence's facts, remembered for the sentences of the article being read.
// The answer is for the whole sentence, as the readers here run their patterns, and holds for a part of it that
// starts after a character that is not a word character; not for a part cut inside a word, where an anchor that
// starts at a word boundary ("\bmissile") may start the part ("SLBMs" of "sSLBMs") though the sentence holds it
// nowhere.
import { anchorRegex, type Locale, patternStarts, sharedGate } from '../knowledge/index.js';
import { type Phrases, phraseAnchors, phrases } from './phrases.js';
import { factAnchors, factsOf } from './sentence-facts.js';

/**
 * The unit of a length (quantities.ts LENGTH) with the boundary after it, which every match of LENGTH holds: a
 * sentence without it (most sentences) has no length, found by a scan for a few words where LENGTH's lookbehind
 * makes the regex engine try the whole pattern at every position. Here so that the gate's group can hold it.
 */
export const LENGTH_UNIT = /(?:kilometers?|kilometres?|kms?|miles?|mi)\b/i;

/** A pattern of the group, and where its anchors come from (both ways are sound: every match holds one). */
interface Member {
  pattern: RegExp;
  anchors: (re: RegExp) => string[] | null;
}

/**
 * The patterns the shared scan answers for: those run over every main sentence whose anchors are words a news
 * sentence seldom holds (missile nouns, launch words, length units, verbs of coming down). A pattern whose anchors
 * turn up in most sentences ("north" in the bearing rule's directions, or "in a" that its matches start with) is
 * left out, since it would make the scan find something in most sentences and answer for none of them; one whose
 * matches need no telling literal is left out by sharedGate itself (it is then not covered, and always run).
 * The landing rule's landedInland is read by the strings its matches start with (knowledge patternStarts): each
 * of its branches opens with a verb ("landed", "fell", "struck", "hit", "fired") and most close with a place noun,
 * and the anchors literalAnchors keeps are the nouns ("city", "port", "base": in "report" and "database" too),
 * found in almost half the sentences of a launch report, where the verbs are found in one in twenty.
 */
export function groupMembers(p: Phrases): Member[] {
  const phrase = (pattern: RegExp): Member => ({ pattern, anchors: phraseAnchors });
  return [phrase(p.countNoun), phrase(p.rule.launchWordForTime), phrase(p.rule.launchRestated), phrase(p.rule.pluralMissileTests), phrase(LENGTH_UNIT), { pattern: p.rule.landedInland, anchors: patternStarts }];
}

/** The group's patterns. */
export const groupPatterns = (p: Phrases): RegExp[] => groupMembers(p).map((m) => m.pattern);

/**
 * A locale's gate: the patterns it answers for, and the regex of the group's anchors that hold no anchor of the
 * sentence facts' scan (an anchor that holds one, as a substring, is found only in a sentence where that one is:
 * each character of an anchor, and a word boundary marked in it, reads the text the same wherever it stands).
 */
interface RuleGate {
  covered: ReadonlySet<RegExp>;
  rest: RegExp | null;
}
const gates = new Map<Locale, RuleGate>();

/** The anchors of `anchors` that hold none of `found` (a text with one of the others holds one of `found`). */
const notHolding = (anchors: readonly string[], found: readonly string[]): string[] => anchors.filter((a) => !found.some((f) => a.includes(f)));

function gateOf(locale: Locale): RuleGate {
  let gate = gates.get(locale);
  if (!gate) {
    const members = new Map(groupMembers(phrases(locale)).map((m) => [m.pattern, m.anchors]));
    const shared = sharedGate([...members.keys()], false, (re) => (members.get(re) as Member['anchors'])(re));
    gate = { covered: shared.covered, rest: anchorRegex(notHolding(shared.anchors, factAnchors(locale)), 'i') };
    gates.set(locale, gate);
  }
  return gate;
}

/**
 * False when `re` cannot match in `text` (see the header for its parts): `re` is one of the group's patterns (of
 * `locale`'s phrases) and the sentence holds no anchor of the group. True otherwise (then run `re` as before).
 */
export function mayHold(re: RegExp, text: string, locale: Locale = 'en'): boolean {
  const gate = gateOf(locale);
  if (!gate.covered.has(re)) return true;
  const facts = factsOf(text, locale);
  return (facts.rulesMayHold ??= facts.anchored() || gate.rest === null || gate.rest.test(text));
}
