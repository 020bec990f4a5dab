// The rule group: the rule patterns read over every main sentence whose anchors one scan looks for (rule-gates.ts
// answers for them; sentence-facts.ts joins their anchors to its own scan, so that one scan of a sentence answers
// both). Here, apart from both, so that each can read the group without importing the other.
import { patternStarts, type SharedGate, sharedGate } from '../knowledge/index.js';
import { type Phrases, phraseAnchors } from './phrases.js';

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

const groups = new WeakMap<Phrases, SharedGate>();

/** The group's shared gate (knowledge sharedGate, each member read by its own anchors): made once per phrases. */
export function groupGate(p: Phrases): SharedGate {
  let gate = groups.get(p);
  if (!gate) {
    const members = new Map(groupMembers(p).map((m) => [m.pattern, m.anchors]));
    gate = sharedGate([...members.keys()], false, (re) => (members.get(re) as Member['anchors'])(re));
    groups.set(p, gate);
  }
  return gate;
}
