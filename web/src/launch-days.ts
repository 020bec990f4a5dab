// One row per launch day: a news-derived event and the reference list's flights of the same launch together,
// dated in one clock (Korean time, KST = UTC+9, the clock of the reports and of the reference matching on the
// server). Other countries' events are put on their KST day when their time is known; without a time their
// local date is kept and the row says so.
import type { EventSummary, ReferenceLaunch } from './api.js';

/** The clock the timeline dates launches in. */
export const CLOCK = { name: 'KST', offsetMinutes: 540, zones: ['Asia/Seoul', 'Asia/Pyongyang'] };

export interface LaunchDay {
  key: string;
  /** YYYY-MM-DD in KST, or the local date when it cannot be put in KST (see `zoneNote`), or null when undated. */
  day: string | null;
  /** HH:MM in KST, when known. */
  time: string | null;
  /** Set when `day` is a local date of another clock: the IANA zone it is in. */
  zoneNote: string | null;
  actor: string;
  events: EventSummary[];
  flights: ReferenceLaunch[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A UTC date and time (YYYY-MM-DD, HH:MM) moved by `minutes`. */
export function shift(date: string, time: string, minutes: number): { date: string; time: string } {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const d = new Date(t + minutes * 60_000);
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** The offset of an IANA zone from UTC at a moment, in minutes (Intl knows the zone's history). */
export function zoneOffsetMinutes(zone: string, date: string, time: string): number {
  const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(at));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at) / 60_000);
}

/** A reference flight's day and time in KST (a flight without a time stays on its UTC date, as the server matches it). */
export function flightKst(f: ReferenceLaunch): { day: string; time: string | null } {
  if (!f.timeUtc) return { day: f.dateUtc, time: null };
  const k = shift(f.dateUtc, f.timeUtc, CLOCK.offsetMinutes);
  return { day: k.date, time: k.time };
}

/** A news event's day and time in KST, or its local date with its zone named when it cannot be converted. */
export function eventKst(e: EventSummary): { day: string | null; time: string | null; zoneNote: string | null } {
  if (!e.dateLocal) return { day: null, time: null, zoneNote: null };
  const zone = e.timeZone;
  if (!zone || CLOCK.zones.includes(zone)) return { day: e.dateLocal, time: e.timeLocal, zoneNote: null };
  if (!e.timeLocal) return { day: e.dateLocal, time: null, zoneNote: zone };
  // local → UTC (the zone's offset at about that moment) → KST
  const offset = zoneOffsetMinutes(zone, e.dateLocal, e.timeLocal);
  const k = shift(e.dateLocal, e.timeLocal, CLOCK.offsetMinutes - offset);
  return { day: k.date, time: k.time, zoneNote: null };
}

/** News events and reference flights grouped into launch days: one per actor and day. */
export function launchDays(events: EventSummary[], flights: ReferenceLaunch[]): LaunchDay[] {
  const days = new Map<string, LaunchDay>();
  const get = (key: string, init: () => LaunchDay): LaunchDay => {
    const d = days.get(key) ?? init();
    days.set(key, d);
    return d;
  };
  for (const f of flights) {
    const k = flightKst(f);
    const d = get(`DPRK ${k.day}`, () => ({ key: `DPRK ${k.day}`, day: k.day, time: null, zoneNote: null, actor: 'DPRK', events: [], flights: [] }));
    d.flights.push(f);
    if (k.time && (!d.time || k.time < d.time)) d.time = k.time;
  }
  for (const e of events) {
    const actor = e.actor ?? 'unknown';
    // The server lined the event up with its reference day; that join wins over the event's own date.
    const k = eventKst(e);
    const day = e.referenceDateKst && actor === 'DPRK' ? e.referenceDateKst : k.day;
    const key = day ? `${actor} ${day}${k.zoneNote ? ` ${k.zoneNote}` : ''}` : `${actor} undated ${e.id}`;
    const d = get(key, () => ({ key, day, time: null, zoneNote: k.zoneNote, actor, events: [], flights: [] }));
    d.events.push(e);
    if (k.time && !d.flights.some((f) => f.timeUtc)) d.time = d.time && d.time < k.time ? d.time : k.time;
  }
  return [...days.values()];
}

/** How many missiles a launch day counts once: the reference flights, else the reported number (at least one). */
export function missiles(d: LaunchDay): number {
  if (d.flights.length) return d.flights.length;
  return Math.max(1, ...d.events.map((e) => Number.parseInt(e.count.replace(/\D+/g, ''), 10) || 1));
}
