// Japanese landing rule: where the missiles came down.
// Japanese states the motion after the sea: "日本海に向けて発射", "日本海へ", "日本海に落下", "日本海(日本のEEZ外)に落下",
// "日本海に弾道ミサイルを発射" → that sea; "陸地に落下", "内陸部に落下", "目標に命中" → land. Not a sea named as where
// a missile came from ("黄海に近い…付近から") nor a weak form (東海岸, 東海) alone. The first statement wins.
import { findSeas } from '../../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../../../rule.js';
import { jaPatterns } from '../patterns.js';

export const japaneseLandingRule: Rule<ClaimCandidate> = {
  name: 'sea-then-motion',
  field: 'landing',
  scope: mainUnits,
  find(u, ctx) {
    const out: ClaimCandidate[] = [];
    const inland = ctx.phrases.rule.landedInland.exec(u.text);
    if (inland && inMain(u, inland.index)) {
      out.push({ unit: u, field: 'landing', value: 'land', span: { start: inland.index, end: inland.index + inland[0].length }, parser: 'landing', confidence: BASE_CONFIDENCE.landingLand });
    }
    const sea = findSeas(u.text, ctx.locale).find((s) => !s.weak && s.landing !== 'land' && inMain(u, s.start) && jaPatterns().landingAfterSea.test(u.text.slice(s.end)));
    if (sea) out.push({ unit: u, field: 'landing', value: sea.landing, span: { start: sea.start, end: sea.end }, parser: 'sea', confidence: BASE_CONFIDENCE.landingSea });
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};

export const japaneseLandingParser: Parser<ClaimCandidate> = { rule: japaneseLandingRule, refiners: [firstOnly('first-stated')] };
