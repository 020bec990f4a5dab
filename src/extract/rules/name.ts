// Name rule: the missile's designation.
// Reads designations from data/missiles.json in main launch sentences ("Hwasong-18", "KN-23", "Agni-V",
// "Minuteman III", "Hwasong-11s" as a plural); the first one named wins, written as the text writes it, without
// a possessive ("the Hwasong-18's engine" → "Hwasong-18").
import { findMissiles } from '../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../rule.js';

const POSSESSIVE = /['’]s$/i;

export const nameRule: Rule<ClaimCandidate> = {
  name: 'missile-designation',
  field: 'name',
  scope: mainUnits,
  find(u, ctx) {
    const m = findMissiles(u.text, ctx.locale).find((x) => inMain(u, x.start));
    return m ? [{ unit: u, field: 'name', value: m.surface.replace(POSSESSIVE, ''), span: { start: m.start, end: m.end }, parser: 'missile-name', confidence: BASE_CONFIDENCE.name }] : [];
  },
};

export const nameParser: Parser<ClaimCandidate> = { rule: nameRule, refiners: [firstOnly('first-named')] };
