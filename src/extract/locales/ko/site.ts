// Korean site rule: where the missile was launched from. Reads gazetteer names from data/sites.json in main launch
// sentences when "에서" (from) follows them, alone or after a word of area ("평양 순안 일대에서", "원산 인근에서",
// "황해북도 황주 일대에서"). A strong name beats an ambiguous one (순안 over 평양).
import { findSites } from '../../../knowledge/index.js';
import { type ClaimCandidate, inMain, mainUnits, type Parser, type Rule } from '../../rule.js';
import { siteCandidate, strongFirst } from '../../rules/site.js';
import { koreanReaderPhrases } from './phrases.js';

export const koreanSiteRule: Rule<ClaimCandidate> = {
  name: 'gazetteer-site-then-from',
  field: 'site',
  scope: (ctx) => mainUnits(ctx).filter((u) => u.launch),
  find: (u) =>
    findSites(u.text, 'ko')
      .filter((s) => inMain(u, s.start) && koreanReaderPhrases().siteFromAfter.test(u.text.slice(s.end)))
      .map((s) => siteCandidate(u, s)),
};


export const koreanSiteParser: Parser<ClaimCandidate> = { rule: koreanSiteRule, refiners: [strongFirst] };
