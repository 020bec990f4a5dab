// Korean landing rule: where the missiles came down. Reads the seas of data/seas.json in main launch sentences when
// a particle of direction follows them ("동해상으로 발사", "동해로", "북태평양으로", "서해상에 탄착"), not "동해쪽에서"
// (from there); rows that are landings on land by their own words ("내륙 지역에 낙하") count as written. The first
// sentence that states one wins.
import { findSeas } from '../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../../rule.js';
import { koreanReaderPhrases } from './phrases.js';

export const koreanLandingRule: Rule<ClaimCandidate> = {
  name: 'sea-then-direction-particle',
  field: 'landing',
  scope: mainUnits,
  find(u) {
    const toward = koreanReaderPhrases().seaLandingAfter;
    const sea = findSeas(u.text, 'ko').find((s) => !s.weak && inMain(u, s.start) && (s.landing === 'land' || toward.test(u.text.slice(s.end))));
    if (!sea) return [];
    const confidence = sea.landing === 'land' ? BASE_CONFIDENCE.landingLand : BASE_CONFIDENCE.landingSea;
    return [{ unit: u, field: 'landing', value: sea.landing, span: { start: sea.start, end: sea.end }, parser: 'sea', confidence }];
  },
};

export const koreanLandingParser: Parser<ClaimCandidate> = { rule: koreanLandingRule, refiners: [firstOnly('first-stated')] };
