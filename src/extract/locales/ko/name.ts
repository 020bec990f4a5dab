// Korean name rule: the missile's designation, written in English. Reads designations from data/missiles.json in
// main launch sentences ("화성-18형", "북극성-3형", "노동미사일", "KN-23"); the first one named wins, as the table's
// romanized name (화성-18형 → Hwasong-18), since Korean spellings are not what the record stores.
import { findMissiles } from '../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../../rule.js';

export const koreanNameRule: Rule<ClaimCandidate> = {
  name: 'missile-designation-romanized',
  field: 'name',
  scope: mainUnits,
  find(u) {
    const m = findMissiles(u.text, 'ko').find((x) => inMain(u, x.start) && !x.weak);
    return m ? [{ unit: u, field: 'name', value: m.name, span: { start: m.start, end: m.end }, parser: 'missile-name', confidence: BASE_CONFIDENCE.name }] : [];
  },
};

export const koreanNameParser: Parser<ClaimCandidate> = { rule: koreanNameRule, refiners: [firstOnly('first-named')] };
