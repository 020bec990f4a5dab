// EEZ rule: whether the missile fell inside an exclusive economic zone.
// Reads the EEZ phrases of data/seas.json in main launch sentences ("inside Japan's exclusive economic zone",
// "outside the EEZ", "did not fall within the EEZ" → outside); the first one stated wins.
import { findEez } from '../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../rule.js';

export const eezRule: Rule<ClaimCandidate> = {
  name: 'eez-phrase',
  field: 'eez',
  scope: mainUnits,
  find(u, ctx) {
    const e = findEez(u.text, ctx.locale).find((x) => inMain(u, x.start));
    return e ? [{ unit: u, field: 'eez', value: e.value, span: { start: e.start, end: e.end }, parser: 'eez', confidence: BASE_CONFIDENCE.eez }] : [];
  },
};

export const eezParser: Parser<ClaimCandidate> = { rule: eezRule, refiners: [firstOnly('first-stated')] };
