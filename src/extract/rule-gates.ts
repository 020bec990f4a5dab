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
// anchors that hold no fact anchor (the rest) are looked for. Both steps are one scan, made by the sentence facts
// (SentenceFacts.anchoredWide: the facts' anchors and the rest together, which answers "no" for both at once in
// most sentences, where the two scans one after the other cost a third more). The answer depends on the words
// alone, so it is kept with the sentence's facts, remembered for the sentences of the article being read.
// The answer is for the whole sentence, as the readers here run their patterns, and holds for a part of it that
// starts after a character that is not a word character; not for a part cut inside a word, where an anchor that
// starts at a word boundary ("\bmissile") may start the part ("SLBMs" of "sSLBMs") though the sentence holds it
// nowhere.
import type { Locale } from '../knowledge/index.js';
import { phrases } from './phrases.js';
import { groupGate } from './rule-group.js';
import { factsOf } from './sentence-facts.js';

export { groupMembers, groupPatterns, LENGTH_UNIT } from './rule-group.js';

/** Per locale, the patterns the gate answers for (rule-group.ts groupGate). */
const covers = new Map<Locale, ReadonlySet<RegExp>>();

function coveredIn(locale: Locale): ReadonlySet<RegExp> {
  let covered = covers.get(locale);
  if (!covered) covers.set(locale, (covered = groupGate(phrases(locale)).covered));
  return covered;
}

/**
 * False when `re` cannot match in `text` (see the header for its parts): `re` is one of the group's patterns (of
 * `locale`'s phrases) and the sentence holds no anchor of the group. True otherwise (then run `re` as before).
 */
export function mayHold(re: RegExp, text: string, locale: Locale = 'en'): boolean {
  if (!coveredIn(locale).has(re)) return true;
  const facts = factsOf(text, locale);
  return (facts.rulesMayHold ??= facts.anchoredWide());
}

/** Whether a pattern of the group matches in `text`: the gate first (mayHold), then the pattern itself. */
export const testGated = (re: RegExp, text: string, locale: Locale = 'en'): boolean => mayHold(re, text, locale) && re.test(text);
