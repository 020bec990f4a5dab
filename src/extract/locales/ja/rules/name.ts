// Japanese name rule: the missile's designation, written in English.
// Reads designations of data/missiles.json in main sentences (火星18, 火星12型, ノドン, イスカンデル, サルマト) and
// gives the table's canonical name (Hwasong-18, Nodong, Iskander, Sarmat): a Japanese surface is a transliteration,
// not a spelling to keep. Generic family words (スカッド) do not name the missile. The first one named wins.
import { findMissiles } from '../../../../knowledge/index.js';
import { BASE_CONFIDENCE } from '../../../../settings.js';
import { type ClaimCandidate, firstOnly, inMain, mainUnits, type Parser, type Rule } from '../../../rule.js';

export const japaneseNameRule: Rule<ClaimCandidate> = {
  name: 'designation-canonical-name',
  field: 'name',
  scope: mainUnits,
  find(u, ctx) {
    const m = findMissiles(u.text, ctx.locale).find((x) => !x.weak && inMain(u, x.start));
    return m ? [{ unit: u, field: 'name', value: m.name, span: { start: m.start, end: m.end }, parser: 'missile-name', confidence: BASE_CONFIDENCE.name }] : [];
  },
};

export const japaneseNameParser: Parser<ClaimCandidate> = { rule: japaneseNameRule, refiners: [firstOnly('first-named')] };
