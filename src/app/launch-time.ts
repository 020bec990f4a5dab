// When a launch happened, told on two clocks: the local date and time as stored, on the clock the actor's table
// names (KST for launches from Korea: the reporting clock of the JCS and Yonhap, never Pyongyang's 2015-2018
// UTC+8:30), with that clock named; and the same moment in UTC. "08:10 KST (23:10 UTC, 7 May)".
import { dayText, offsetText, wallClockToUtc, zoneOffsetAt } from '../calendar.js';
import { recordClock } from '../knowledge/index.js';
import type { LaunchMoment } from '../types.js';

export type { LaunchMoment } from '../types.js';

const MIDDAY = '12:00';

/** The launch moment of an actor's local date and time. */
export function launchMoment(actor: string | null, dateLocal: string | null, timeLocal: string | null): LaunchMoment {
  const { clock, standardOffsetMinutes } = recordClock(actor);
  const date = dateLocal && /^\d{4}-\d\d-\d\d$/.test(dateLocal) ? dateLocal : null;
  const time = timeLocal && /^\d\d:\d\d$/.test(timeLocal) ? timeLocal : null;
  const utc = date && time ? wallClockToUtc(date, time, clock.timeZone) : null;
  const offset = utc?.offsetMinutes ?? (date ? zoneOffsetAt(clock.timeZone, Date.parse(`${date}T${MIDDAY}:00Z`) - standardOffsetMinutes * 60_000) : null);
  const zone = offset !== null && offset !== standardOffsetMinutes && clock.daylight ? clock.daylight : clock.standard;
  let text: string | null = null;
  if (date && time && utc) text = `${time} ${zone} (${utc.time} UTC, ${dayText(utc.date, utc.date.slice(0, 4) !== date.slice(0, 4))})`;
  else if (date) text = `${dayText(date)} (${zone})`;
  return {
    dateLocal: date,
    timeLocal: time,
    zone,
    timeZone: clock.timeZone,
    utcOffset: offset === null ? null : offsetText(offset),
    dateUtc: utc?.date ?? null,
    timeUtc: utc?.time ?? null,
    text,
  };
}
