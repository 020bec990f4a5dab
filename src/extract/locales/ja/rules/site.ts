// Japanese site rule: where the missile was launched from. Reads gazetteer names from data/sites.json in main launch
// sentences when "から" (from) or "で" (at) follows them — after a kanji gloss in brackets, a word of area or an
// airport, as NHK writes katakana names ("ピョンヤン(平壌)付近から", "ピョンソン(平城)付近から", "平壌国際空港で",
// "東倉里の西海衛星発射場から"). Japanese puts the particle after the place, so the shared rule's "from … X" cannot
// see it. A strong name beats an ambiguous one.
import { findSites } from '../../../../knowledge/index.js';
import { type ClaimCandidate, inMain, mainUnits, type Parser, type Rule } from '../../../rule.js';
import { siteCandidate, strongFirst } from '../../../rules/site.js';
import { jaPatterns } from '../patterns.js';

export const japaneseSiteRule: Rule<ClaimCandidate> = {
  name: 'gazetteer-site-then-kara',
  field: 'site',
  scope: (ctx) => mainUnits(ctx).filter((u) => u.launch),
  find: (u, ctx) =>
    findSites(u.text, ctx.locale)
      .filter((s) => inMain(u, s.start) && jaPatterns().siteFromAfter.test(u.text.slice(s.end)))
      .map((s) => siteCandidate(u, s)),
};


export const japaneseSiteParser: Parser<ClaimCandidate> = { rule: japaneseSiteRule, refiners: [strongFirst] };
