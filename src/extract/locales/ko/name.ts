// Korean name rule: the missile's designation, written in English. Reads designations from data/missiles.json in
// main launch sentences ("화성-18형", "북극성-3형", "노동미사일", "KN-23"); the first one named wins, as the table's
// romanized name (화성-18형 → Hwasong-18), since Korean spellings are not what the record stores. A likeness
// ("북한판 이스칸데르"), a nickname ("…로 불리는") or the missile a new one was built on ("…를 기반으로") is not it.
import { findMissiles } from '../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../../rule.js';
import { koreanReaderPhrases } from './phrases.js';

export const koreanNameRule: Rule<ClaimCandidate> = {
  name: 'missile-designation-romanized',
  field: 'name',
  scope: mainUnits,
  find(u) {
    const k = koreanReaderPhrases();
    const named = (x: { start: number; end: number }): boolean => !k.nameLikenessBefore.test(u.text.slice(0, x.start)) && !k.nameLineageAfter.test(u.text.slice(x.end));
    const m = findMissiles(u.text, 'ko').find((x) => inMain(u, x.start) && !x.weak && named(x));
    return m ? [{ unit: u, field: 'name', value: m.name, span: { start: m.start, end: m.end }, parser: 'missile-name', confidence: BASE_CONFIDENCE.name }] : [];
  },
};

export const koreanNameParser: Parser<ClaimCandidate> = { rule: koreanNameRule, refiners: [firstOnly('first-named')] };
