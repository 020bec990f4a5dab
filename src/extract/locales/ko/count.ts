// Korean count parser: the shared count rule and refiners read with the Korean count reader, and two more refiners:
// a launch stated with a bare noun and no counter ("탄도미사일을 발사했다") commits to one missile but not to
// exactly one, since Korean nouns carry no number; and launches on two days ("11일과 12일 … 시험발사") are at least
// two missiles.
import type { ArticleContext } from '../../context.js';
import type { ClaimCandidate, Parser, Refiner } from '../../rule.js';
import { countParser } from '../../rules/count.js';

const IMPLIED_SINGULAR = 'count-singular';

const bareNounNotExact: Refiner<ClaimCandidate> = {
  name: 'bare-noun-not-exact',
  refine: (candidates) => candidates.map((c) => (c.field === 'count_exact' && c.parser === IMPLIED_SINGULAR ? { ...c, value: false } : c)),
};

/** The sentence dating the launch names two days joined as one span ("11일과 12일"). */
function launchOnTwoDays(ctx: ArticleContext): boolean {
  const u = ctx.date.unit;
  if (!u) return false;
  const days = u.dates.filter((d) => d.kind === 'explicit' && d.date);
  return days.some((d, i) => i > 0 && d.date !== days[i - 1].date && ctx.phrases.rule.joinedDays.test(u.text.slice(days[i - 1].end, d.start)));
}

const twoDaysAtLeastTwo: Refiner<ClaimCandidate> = {
  name: 'two-launch-days-at-least-two',
  refine: (candidates, ctx) => {
    if (!candidates.some((c) => c.parser === IMPLIED_SINGULAR) || !launchOnTwoDays(ctx)) return candidates;
    return candidates.map((c) => (c.parser !== IMPLIED_SINGULAR ? c : { ...c, value: c.field === 'count_min' ? 2 : false }));
  },
};

export const koreanCountParser: Parser<ClaimCandidate> = { rule: countParser.rule, refiners: [...countParser.refiners, bareNounNotExact, twoDaysAtLeastTwo] };
