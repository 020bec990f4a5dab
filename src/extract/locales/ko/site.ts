// Korean site rule: where the missile was launched from. Reads gazetteer names from data/sites.json in main launch
// sentences when "에서" (from) follows them, alone or after a word of area ("평양 순안 일대에서", "원산 인근에서",
// "황해북도 황주 일대에서"). A strong name beats an ambiguous one (순안 over 평양).
import { findSites } from '../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../settings.js';
import { type ClaimCandidate, inMain, mainUnits, type Parser, type Refiner, type Rule } from '../../rule.js';
import { koreanReaderPhrases } from './phrases.js';

export const koreanSiteRule: Rule<ClaimCandidate> = {
  name: 'gazetteer-site-then-from',
  field: 'site',
  scope: (ctx) => mainUnits(ctx).filter((u) => u.launch),
  find: (u) =>
    findSites(u.text, 'ko')
      .filter((s) => inMain(u, s.start) && koreanReaderPhrases().siteFromAfter.test(u.text.slice(s.end)))
      .map((s) => ({
        unit: u,
        field: 'site',
        value: s.key,
        span: { start: s.start, end: s.end },
        parser: 'gazetteer',
        confidence: s.weak ? BASE_CONFIDENCE.siteWeak : BASE_CONFIDENCE.siteStrong,
        traits: { weak: s.weak },
      })),
};

/** In each sentence the names run from general to specific ("평양 순안"): the first strong one, else the first. */
const strongFirst: Refiner<ClaimCandidate> = {
  name: 'strong-name-first',
  refine: (candidates) => {
    const chosen = candidates.find((c) => !c.traits?.weak) ?? candidates[0];
    return chosen ? [chosen] : [];
  },
};

export const koreanSiteParser: Parser<ClaimCandidate> = { rule: koreanSiteRule, refiners: [strongFirst] };
