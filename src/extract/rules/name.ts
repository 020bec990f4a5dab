// Name rule: the missile's designation.
// Reads designations from data/missiles.json in main launch sentences ("Hwasong-18", "KN-23", "Agni-V",
// "Minuteman III", "Hwasong-11s" as a plural); the first one named wins, written as the text writes it, without
// a possessive ("the Hwasong-18's engine" → "Hwasong-18"). A designation in doubt or denied ("whether the missile
// was a Hwasong-14", "not a Hwasong-15"), compared with ("similar to the Russian Iskander") or held by a force
// ("a brigade operates Rodong missiles", "the navy has the JL-2") is not this launch's.
import { findMissiles, type MissileMatch } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, CLASS_BEFORE_CHARS } from '../../settings.js';
import type { ArticleContext, ReadUnit } from '../context.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, NO_CANDIDATES, type Parser, type Rule } from '../rule.js';

const POSSESSIVE = /['’]s$/i;

/** The designation names this launch's missile: not in doubt, denied, compared with or held by a force. */
function namesThisMissile(ctx: ArticleContext, text: string, start: number): boolean {
  const r = ctx.phrases.rule;
  const before = text.slice(Math.max(0, start - CLASS_BEFORE_CHARS), start);
  return !r.classDeniedBefore.test(before) && !r.otherMissileBefore.test(before);
}

/**
 * The first designation of the unit's main clause that names this launch's missile. A loop, not find with a
 * closure: the closure (it holds the unit) was made for every main sentence, and most name no missile.
 */
function firstDesignation(ctx: ArticleContext, u: ReadUnit): MissileMatch | undefined {
  // Indexed, not for-of: the finders answer a frozen list when there is no designation, which for-of reads through
  // an iterator object made per sentence.
  const named = findMissiles(u.text, ctx.locale);
  for (let i = 0; i < named.length; i++) if (inMain(u, named[i].start) && namesThisMissile(ctx, u.text, named[i].start)) return named[i];
  return undefined;
}

export const nameRule: Rule<ClaimCandidate> = {
  name: 'missile-designation',
  field: 'name',
  scope: mainUnits,
  find(u, ctx) {
    const m = firstDesignation(ctx, u);
    return m ? [{ unit: u, field: 'name', value: m.surface.replace(POSSESSIVE, ''), span: { start: m.start, end: m.end }, parser: 'missile-name', confidence: BASE_CONFIDENCE.name }] : NO_CANDIDATES;
  },
};

export const nameParser: Parser<ClaimCandidate> = { rule: nameRule, refiners: [firstOnly('first-named')] };
