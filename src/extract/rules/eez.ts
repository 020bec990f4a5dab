// EEZ rule: whether the missile fell inside an exclusive economic zone.
// Reads the EEZ phrases of data/seas.json in main launch sentences ("inside Japan's exclusive economic zone",
// "outside the EEZ", "did not fall within the EEZ" → outside); the first one stated wins.
import { findEez } from '../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, NO_CANDIDATES, type Parser, type Rule } from '../rule.js';

export const eezRule: Rule<ClaimCandidate> = {
  name: 'eez-phrase',
  field: 'eez',
  scope: mainUnits,
  find(u, ctx) {
    // A loop, not find with a closure: the closure (it holds the unit) was made for every main sentence, and most
    // name no EEZ. Indexed, not for-of: the finders answer a frozen list when there is none, which for-of reads
    // through an iterator object made per sentence.
    const zones = findEez(u.text, ctx.locale);
    for (let i = 0; i < zones.length; i++) {
      const e = zones[i];
      if (inMain(u, e.start)) return [{ unit: u, field: 'eez', value: e.value, span: { start: e.start, end: e.end }, parser: 'eez', confidence: BASE_CONFIDENCE.eez }];
    }
    return NO_CANDIDATES;
  },
};

export const eezParser: Parser<ClaimCandidate> = { rule: eezRule, refiners: [firstOnly('first-stated')] };
