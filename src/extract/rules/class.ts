// Class rule: the missile's class.
// Reads class phrases from data/classes.json in main launch sentences ("short-range ballistic missile", "an
// intercontinental ballistic missile", "cruise missiles", "multiple rocket launcher", "space launch vehicle").
// A stated range class beats a plain "ballistic"; suggestive (weak) phrases and hypersonic glide vehicles do not
// decide; names never imply a class. A class word that modifies another noun ("cruise missile submarine") or is
// denied or in doubt ("not an ICBM", "whether it is a ballistic missile"), or another missile's (compared with,
// held by a force, answered by this launch: "a drill responding to the North's IRBM") states nothing.
import { findClassPhrases } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, CLASS_BEFORE_CHARS } from '../../settings.js';
import type { ArticleContext } from '../context.js';
import { type ClaimCandidate, inMain, mainUnits, NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';

// Classes that say nothing about range.
const RANGELESS = new Set(['ballistic', 'HGV']);

/** The candidate states a range class. One module function: `decided` asks it after every sentence of the scope. */
const statesRange = (c: ClaimCandidate): boolean => !RANGELESS.has(String(c.value));

/**
 * The phrase states this missile's class: it is not a modifier of another noun ("a cruise missile submarine", "its
 * ballistic missile program"), and it is not denied or in doubt ("not consistent with an ICBM", "whether it was a
 * ballistic missile"; verb-final languages deny after the word: "ICBMではない", "ICBM은 아니다").
 */
function stated(ctx: ArticleContext, text: string, c: { start: number; end: number }): boolean {
  const r = ctx.phrases.rule;
  const before = text.slice(Math.max(0, c.start - CLASS_BEFORE_CHARS), c.start);
  const after = text.slice(c.end);
  return !r.classModifiesNounAfter.test(after) && !r.classDeniedAfter.test(after) && !r.classDeniedBefore.test(before) && !r.otherMissileBefore.test(before);
}

export const classRule: Rule<ClaimCandidate> = {
  name: 'class-phrase',
  field: 'class',
  scope: mainUnits,
  find(u, ctx) {
    // A loop, not filter and map: most main sentences name no class, and the chain made two lists and two closures
    // for each of them. Indexed, not for-of: the finders answer a frozen list when there is none, which for-of
    // reads through an iterator object made per sentence.
    let found: ClaimCandidate[] | undefined;
    const phrases = findClassPhrases(u.text, ctx.locale);
    for (let i = 0; i < phrases.length; i++) {
      const c = phrases[i];
      if (!inMain(u, c.start) || c.weak || !stated(ctx, u.text, c)) continue;
      (found ??= []).push({ unit: u, field: 'class', value: c.class, span: { start: c.start, end: c.end }, parser: 'class-phrase', confidence: BASE_CONFIDENCE.classSpecific });
    }
    return found ?? NO_CANDIDATES;
  },
};

/** The first range class, else the first plain "ballistic". */
const rangeClassFirst: Refiner<ClaimCandidate> = {
  name: 'range-class-first',
  refine(candidates) {
    const specific = candidates.find(statesRange);
    if (specific) return [specific];
    const ballistic = candidates.find((c) => c.value === 'ballistic');
    return ballistic ? [{ ...ballistic, confidence: BASE_CONFIDENCE.classBallistic }] : [];
  },
  // The first range class wins whatever follows it.
  decided: (candidates) => candidates.some(statesRange),
};

export const classParser: Parser<ClaimCandidate> = { rule: classRule, refiners: [rangeClassFirst] };
