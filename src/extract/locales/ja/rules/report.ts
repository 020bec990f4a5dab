// Japanese report refiner: a headline or lead sentence whose launch is not itself the news does not report it —
// the launch as the occasion of a meeting, a resolution or an order ("発射で緊急会合", "発射したことを受けて、…会合を
// 開いた"), a launch to come ("発射に備え", "打ち上げを予告", "打ち上げるという通報") or a hypothetical one ("発射が
// 強行されれば"). Verb-final word order puts what the sentence is about after the launch word, so the shared rule's
// "negative before the missile noun" cannot see it.
import type { Refiner } from '../../../rule.js';
import type { ReportCandidate } from '../../../rules/report.js';
import { jaPatterns } from '../patterns.js';

export const launchNotTheNews: Refiner<ReportCandidate> = {
  name: 'launch-not-the-news',
  refine: (candidates) => candidates.map((c) => (c.reports && jaPatterns().launchNotTheNews.test(c.unit.text) ? { ...c, reports: false } : c)),
};
