// Japanese time rule: the clock time of the first launch.
// A Japanese clause puts its verb after the time, so a time belongs to the first event word after it:
// "午前7時9分ごろ、…発射した" is a launch time; "午前8時18分ごろ落下した" (landing) and "午前11時15分ごろ、…と発表した"
// (announcement) are not. Japan's clock is Korea's, so the time is taken as written. Of the launch times, the
// earliest stated to the minute; a round hour (正午ごろ) only when no precise time lies near it.
import { formatMinutes } from '../../../../calendar.js';
import { BASE_CONFIDENCE, ROUND_HOUR_SAME_LAUNCH_MINUTES } from '../../../../settings.js';
import { type ClaimCandidate, inMain, mainUnits, type Parser, type Refiner, type Rule } from '../../../rule.js';
import { foldWidth, jaPatterns } from '../patterns.js';
import { factsOf } from '../../../sentence-facts.js';
import { withFlags } from '../../../compiled.js';

export const japaneseTimeRule: Rule<ClaimCandidate> = {
  name: 'clock-time-before-launch-verb',
  field: 'time_local',
  // "① 7時39分頃、…から発射し": a launch verb is enough, the missile having been named before.
  scope: (ctx) => mainUnits(ctx).filter((u) => factsOf(u.text, ctx.locale).has('launchVerb')),
  find(u, ctx) {
    const p = jaPatterns();
    const text = foldWidth(u.text);
    return ctx.readers
      .times(u.text)
      .filter((t) => {
        if (!inMain(u, t.start)) return false;
        const next = withFlags(p.timeEventAfter, 'u').exec(text.slice(t.end));
        return next !== null && p.launchEvent.test(next[0]);
      })
      .map((t) => ({ unit: u, field: 'time_local', value: t.minutes, span: { start: t.start, end: t.end }, parser: 'time', confidence: BASE_CONFIDENCE.time, traits: { exact: t.minutes % 60 !== 0 } }));
  },
};

/** The earliest launch time, a round hour giving way to a precise time close to it. */
const earliestPrecise: Refiner<ClaimCandidate> = {
  name: 'earliest-precise-time',
  refine(candidates) {
    const precise = candidates.filter((c) => c.traits?.exact);
    const kept = candidates.filter((c) => c.traits?.exact || !precise.some((x) => Math.abs(Number(x.value) - Number(c.value)) <= ROUND_HOUR_SAME_LAUNCH_MINUTES));
    if (!kept.length) return [];
    const first = kept.reduce((a, b) => (Number(b.value) < Number(a.value) ? b : a));
    return [{ ...first, value: formatMinutes(Number(first.value)) }];
  },
};

export const japaneseTimeParser: Parser<ClaimCandidate> = { rule: japaneseTimeRule, refiners: [earliestPrecise] };
