// Japanese count refiner: how many missiles, and whether the figure is exact.
// The shared count rule reads the Japanese counts (N発 exact; 少なくとも N発, N発以上, 数発, 複数発 not exact) in main
// sentences. The body's first count commits (the headline's only when the body has none); it is exact only when no
// other statement hedges the same figure. A launch stated with no counter at all ("弾道ミサイルを発射",
// "弾道ミサイルの可能性があるもの") commits to one missile, not exactly one: Japanese nouns have no number.
import { BASE_CONFIDENCE } from '../../../../settings.js';
import { countRule } from '../../../rules/count.js';
import { type ClaimCandidate, mainUnits, type Parser, type Refiner } from '../../../rule.js';

const committedJapaneseCount: Refiner<ClaimCandidate> = {
  name: 'committed-count-or-one-unnumbered',
  refine(counts, ctx) {
    const primary = counts.find((c) => c.unit.part === 'text') ?? counts[0];
    if (primary) {
      const exact = primary.traits?.exact === true && !counts.some((c) => c.value === primary.value && c.traits?.exact !== true);
      return [primary, { ...primary, field: 'count_exact', value: exact, confidence: BASE_CONFIDENCE.countExact }];
    }
    const first = mainUnits(ctx).find((u) => u.launch);
    if (!first) return [];
    const implied = { unit: first, span: { start: 0, end: 0 }, parser: 'count-unnumbered', confidence: BASE_CONFIDENCE.countImplied, implied: true };
    return [
      { ...implied, field: 'count_min', value: 1 },
      { ...implied, field: 'count_exact', value: false },
    ];
  },
};

export const japaneseCountParser: Parser<ClaimCandidate> = { rule: countRule, refiners: [committedJapaneseCount] };
