// Landing rule: where the missiles came down.
// Reads, in main launch sentences, a landing on land ("landed inland", "fell on land", "crashed … inland") and the
// seas of data/seas.json where a preposition of motion or place leads to them ("into the East Sea", "toward the Sea
// of Japan", "landed in the Pacific", "Impact: East Sea"). Not the coast a missile left from ("from the east
// coast"), not "the Asia-Pacific" or "Indo-Pacific Command", not reach ("remote targets in the Pacific"), and not
// "off the east coast of Japan" (that is the Pacific), not waters it flew over ("flew 4,000 km over the Pacific")
// or was fired from ("took place in the waters off Sinpo"). A test range, a training ground, an air base or a
// struck city is a landing on land. The first sentence that states one wins.
import { findSeas, mayMatch, type SeaMatch } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, SEA_AFTER_CHARS, SEA_BEFORE_CHARS } from '../../settings.js';
import type { ArticleContext, ReadUnit } from '../context.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, NO_CANDIDATES, type Parser, type Rule } from '../rule.js';
import { mayHold } from '../rule-gates.js';

// A hyphen glued to the sea name: "Asia-Pacific", "Pacific-based".
const HYPHEN_END = /[-‐]$/;
const HYPHEN_START = /^[-‐]/;

/** The sea is where the missiles went. */
function landingContext(ctx: ArticleContext, text: string, s: SeaMatch): boolean {
  const r = ctx.phrases.rule;
  if (s.weak) return false;
  const before = text.slice(Math.max(0, s.start - SEA_BEFORE_CHARS), s.start);
  const after = text.slice(s.end, s.end + SEA_AFTER_CHARS);
  if (HYPHEN_END.test(before) || HYPHEN_START.test(after)) return false;
  if (r.seaNotLandingAfter.test(after)) return false;
  if (r.seaNotLandingBefore.test(text.slice(0, s.start))) return false;
  if (r.coastWord.test(s.surface) && r.ofJapanAfter.test(after)) return false;
  if (r.fromJustBefore.test(before)) return false;
  if (r.reachTargetsBefore.test(before)) return false;
  if (r.motionSurface.test(s.surface)) return true;
  if (r.labelledImpactBefore.test(before)) return true;
  return r.motionBeforeSea.test(before);
}

/**
 * The first sea of the unit's main clause where the missiles went. A loop, not find with a closure: the closure
 * (it holds the unit) was made for every main sentence, and most name no sea.
 */
function landingSea(ctx: ArticleContext, u: ReadUnit): SeaMatch | undefined {
  // Indexed, not for-of: the finders answer a frozen list when there is no sea, which for-of reads through an
  // iterator object made per sentence.
  const seas = findSeas(u.text, ctx.locale);
  for (let i = 0; i < seas.length; i++) if (inMain(u, seas[i].start) && landingContext(ctx, u.text, seas[i])) return seas[i];
  return undefined;
}

export const landingRule: Rule<ClaimCandidate> = {
  name: 'landing-area',
  field: 'landing',
  scope: mainUnits,
  find(u, ctx) {
    const landed = ctx.phrases.rule.landedInland;
    // The rule gates' shared scan first (no verb of coming down in most sentences), then the loosened pattern.
    const inland = mayHold(landed, u.text, ctx.locale) && mayMatch(landed, u.text) ? landed.exec(u.text) : null;
    if (inland && inMain(u, inland.index)) {
      return [{ unit: u, field: 'landing', value: 'land', span: { start: inland.index, end: inland.index + inland[0].length }, parser: 'landing', confidence: BASE_CONFIDENCE.landingLand }];
    }
    const sea = landingSea(ctx, u);
    return sea ? [{ unit: u, field: 'landing', value: sea.landing, span: { start: sea.start, end: sea.end }, parser: 'sea', confidence: BASE_CONFIDENCE.landingSea }] : NO_CANDIDATES;
  },
};

export const landingParser: Parser<ClaimCandidate> = { rule: landingRule, refiners: [firstOnly('first-stated')] };
