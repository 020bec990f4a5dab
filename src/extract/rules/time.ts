// Time rule: the local time of the first launch.
// Reads clock times in main launch sentences ("at 7:10 a.m.", "2310 GMT", "14:55 local time", "3:05 p.m. ET",
// "9:50 a.m. Hawaii time") and converts them to the launching country's clock. Leaves out times of landings,
// warnings and announcements ("forecast to come down around 9 a.m."). A zone of the launching country itself
// ("3:33 a.m. PDT" for a US test) is kept as written. North Korea kept UTC+8:30 from 2015 to 2018: "Pyongyang
// time" then, or a local or unzoned time in KCNA's own text, is half an hour behind KST; a bare "local time" in other
// reports is Seoul's clock. A GMT gloss, when given, settles it.
import { formatMinutes, KST_OFFSET_MINUTES, MINUTES_PER_DAY, onPyongyangTime, PYONGYANG_TIME } from '../../calendar.js';
import { actorInfo } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, TIME_EVENT_LOOKBACK, TIME_GLOSS_GAP } from '../../settings.js';
import type { Span } from '../../types.js';
import type { ArticleContext } from '../context.js';
import { testGated } from '../rule-gates.js';
import { type ClaimCandidate, inMain, mainUnits, NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';
import { toLocal } from '../times.js';
import { matchesOf, withFlags } from '../compiled.js';

// "UPDATE 11:40AM | …": a live blog's post time, not an event's.
const LIVE_BLOG_STAMP = /^\s*\|/;
// "between 23:50 and 00:10": the range starts with the first launch; the second time is not one.
const SECOND_OF_RANGE = /\bbetween\s+\S+(?:\s+\S+){0,3}\s+and\s*$/i;
// Time zones of the Americas are written by their clock's name.
const AMERICAN_TIME_ZONE = 'America/';

/** Launch times in a sentence, converted to the launching country's clock. */
export function launchTimes(text: string, ctx: ArticleContext): { minutes: number; span: Span }[] {
  const p = ctx.phrases;
  const date = ctx.date.value;
  const info = actorInfo(ctx.actor);
  const offset = info?.utcOffsetMinutes ?? KST_OFFSET_MINUTES;
  const homeZones = new Set(info?.clock.timeZone.startsWith(AMERICAN_TIME_ZONE) ? p.americanZones : []);
  // A time belongs to the nearest event word before it: a landing, a warning, an announcement, or the firing.
  const found = ctx.readers.times(text).filter((t) => {
    const near = text.slice(Math.max(0, t.start - TIME_EVENT_LOOKBACK), t.start);
    const lastIn = (s: string, re: RegExp): number => Math.max(-1, ...matchesOf(withFlags(re, 'gi'), s).map((m) => m.index ?? -1));
    // With no event word close by, the last one earlier in the sentence ("The missile fell … around 3:44 p.m.").
    const before = lastIn(near, p.landingTime) < 0 && lastIn(near, p.timeEvent) < 0 ? text.slice(0, t.start) : near;
    const last = (re: RegExp): number => lastIn(before, re);
    return last(p.landingTime) <= last(p.timeEvent) && !LIVE_BLOG_STAMP.test(text.slice(t.end, t.end + 3)) && !SECOND_OF_RANGE.test(before);
  });
  // "using times at its Hawaii headquarters, … at 11.49am": the sentence names the clock of its unzoned times.
  const declared = p.clockDeclarations.find((d) => d.pattern.test(text))?.zone;
  const pyongyangClock = onPyongyangTime(date) && offset === KST_OFFSET_MINUTES;
  const out: { minutes: number; span: Span }[] = [];
  for (const t of found) {
    const span = { start: t.start, end: t.end };
    if (t.gloss && out.length) continue; // "8 a.m. (2300 GMT)": the gloss restates the time before it
    const gloss = found.find((g) => g.gloss && g.start > t.end && g.start - t.end < TIME_GLOSS_GAP && (g.zone === 'UTC' || g.zone === 'GMT'));
    if (pyongyangClock && onPyongyangClock(t.zone, ctx.fromStateMedia)) {
      out.push({ minutes: gloss ? toLocal(gloss, offset).minutes : (t.minutes + PYONGYANG_TIME.behindKstMinutes) % MINUTES_PER_DAY, span });
    } else if (gloss && (t.zone === 'local' || t.zone === 'unzoned')) {
      // "9:00 a.m. local time (0030 GMT)": the moment in a named zone decides.
      out.push({ minutes: toLocal(gloss, offset, date).minutes, span });
    } else if (t.zone === 'unzoned' && declared && !homeZones.has(declared)) {
      out.push({ minutes: toLocal({ ...t, zone: declared }, offset, date).minutes, span });
    } else if (t.zone === 'unzoned' || t.zone === 'local' || homeZones.has(t.zone)) {
      out.push({ minutes: t.minutes, span });
    } else {
      out.push({ minutes: toLocal(t, offset, date).minutes, span });
    }
  }
  return out;
}

/**
 * Whether a time of 2015-2018 is on Pyongyang's UTC+8:30 clock: "Pyongyang time" always; a bare "local time" or an
 * unzoned time only in North Korean state media's own text (South Korean, Japanese and wire reports wrote Seoul's
 * clock as "local time").
 */
export function onPyongyangClock(zone: string, fromStateMedia: boolean): boolean {
  if (zone === 'PYONGYANG TIME') return true;
  return fromStateMedia && (zone === 'local' || zone === 'unzoned');
}

export const timeRule: Rule<ClaimCandidate> = {
  name: 'clock-time-of-launch',
  field: 'time_local',
  scope: (ctx) => mainUnits(ctx).filter((u) => u.launch || testGated(ctx.phrases.rule.launchWordForTime, u.text, ctx.locale)),
  find(u, ctx) {
    // A loop, not filter and map: most of these sentences state no clock time, and the chain made two lists and
    // two closures for each of them.
    let found: ClaimCandidate[] | undefined;
    for (const t of launchTimes(u.text, ctx)) if (inMain(u, t.span.start)) (found ??= []).push({ unit: u, field: 'time_local', value: t.minutes, span: t.span, parser: 'time', confidence: BASE_CONFIDENCE.time });
    return found ?? NO_CANDIDATES;
  },
};

/** The earliest launch time stated is the first launch's. */
const earliestTime: Refiner<ClaimCandidate> = {
  name: 'earliest-time',
  refine(candidates) {
    if (!candidates.length) return [];
    const first = candidates.reduce((a, b) => (Number(b.value) < Number(a.value) ? b : a));
    return [{ ...first, value: formatMinutes(Number(first.value)) }];
  },
};

export const timeParser: Parser<ClaimCandidate> = { rule: timeRule, refiners: [earliestTime] };
