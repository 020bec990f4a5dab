// Korean count parser: the shared count rule and refiners read with the Korean count reader, and one more refiner:
// a launch stated with a bare noun and no counter ("탄도미사일을 발사했다") commits to one missile but not to
// exactly one, since Korean nouns carry no number.
import type { ClaimCandidate, Parser, Refiner } from '../../rule.js';
import { countParser } from '../../rules/count.js';

const IMPLIED_SINGULAR = 'count-singular';

const bareNounNotExact: Refiner<ClaimCandidate> = {
  name: 'bare-noun-not-exact',
  refine: (candidates) => candidates.map((c) => (c.field === 'count_exact' && c.parser === IMPLIED_SINGULAR ? { ...c, value: false } : c)),
};

export const koreanCountParser: Parser<ClaimCandidate> = { rule: countParser.rule, refiners: [...countParser.refiners, bareNounNotExact] };
