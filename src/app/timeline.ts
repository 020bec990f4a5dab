// The timeline: one row per launch day. A news event and the reference flights it lines up with are one row; a
// reference day no stored event matches is a row of its own; an event the reference list lacks is a row of its own.
// Every row is dated on one clock, named (the actor's reporting clock: KST for Korea), with the UTC moment beside
// it; sites and landings by name; the outcome as its own field. Sorting, a text filter and paging are done here,
// and the per-period counts of the chart, so that no launch is counted twice (a news event and its reference
// flights) and the reference list's counts hold only its own (North Korean) launches.
import { addDays, formatMinutes, KST_OFFSET_MINUTES, shiftClock } from '../calendar.js';
import { landingName, siteByKey, type ReferenceLaunch } from '../knowledge/index.js';
import { referenceDays, referenceMonths, type ReferenceDay } from '../resolve/reference.js';
import type { EventFilter, Store } from '../store/store.js';
import type { EventSummary, FlightView, LaunchDay, LaunchMoment, Outcome, PeriodCount } from '../types.js';
import { eventSummary } from './event-view.js';
import { launchMoment } from './launch-time.js';

/** The reference list's actor: it lists North Korean launches only. */
export const REFERENCE_ACTOR = 'DPRK';

export type { FlightView, LaunchDay, Outcome, PeriodCount } from '../types.js';

export const TIMELINE_SORTS = ['date', 'time', 'actor', 'class', 'missile', 'site', 'landing', 'count', 'distance', 'apogee', 'outcome', 'reports', 'languages', 'kind'] as const;
export type TimelineSort = (typeof TIMELINE_SORTS)[number];

export interface TimelineQuery extends EventFilter {
  /** Which rows: every row, or only those with news reports, or only those in the reference list. */
  source?: 'all' | 'news' | 'reference';
  /** Words every row shown must contain (in its actor, class, missiles, site, landing, outcome, id or date). */
  q?: string;
  sort: TimelineSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const siteName = (key: string | null): string | null => (key ? (siteByKey(key)?.name ?? key) : null);
const maxOf = (xs: (number | null)[]): number | null => {
  const ns = xs.filter((x): x is number => x !== null);
  return ns.length ? Math.max(...ns) : null;
};

/** A reference flight's moment in KST (the reference list gives UTC); without a time, its UTC date as it is. */
function flightMoment(f: ReferenceLaunch): LaunchMoment {
  if (!f.timeUtc) return launchMoment(REFERENCE_ACTOR, f.dateUtc, null);
  const local = shiftClock(minutesOf(f.timeUtc), 0, KST_OFFSET_MINUTES);
  return launchMoment(REFERENCE_ACTOR, local.dayShift ? addDays(f.dateUtc, local.dayShift) : f.dateUtc, formatMinutes(local.minutes));
}

/** The earliest flight of a day that has a time, on the KST clock. */
function firstTimedFlight(flights: ReferenceLaunch[]): LaunchMoment | null {
  const moments = flights.filter((f) => f.timeUtc).map(flightMoment);
  return moments.sort((a, b) => (`${a.dateLocal} ${a.timeLocal}` < `${b.dateLocal} ${b.timeLocal}` ? -1 : 1))[0] ?? null;
}

function flightView(f: ReferenceLaunch): FlightView {
  return {
    dateUtc: f.dateUtc, timeUtc: f.timeUtc, launch: flightMoment(f), missileName: f.missileName, class: f.class, siteName: siteName(f.facility),
    landingName: f.landing ? landingName(f.landing) : null, distanceKm: f.distanceKm, apogeeKm: f.apogeeKm, outcome: f.outcome,
  };
}

function flightLanding(flights: ReferenceLaunch[]): string | null {
  const landing = flights.find((f) => f.landing)?.landing;
  return landing ? landingName(landing) : null;
}

function outcomeOf(flights: ReferenceLaunch[]): Outcome | null {
  const seen = new Set(flights.map((f) => f.outcome).filter((o) => o !== null));
  if (seen.size === 0) return null;
  return seen.size > 1 ? 'mixed' : [...seen][0];
}

function fromEvent(s: EventSummary, day: ReferenceDay | undefined, dateInferred: boolean): LaunchDay {
  const flights = day?.flights ?? [];
  return {
    id: s.id, eventId: s.id, actor: s.actor, date: s.dateLocal, launch: s.launch, kind: day ? 'both' : 'news', dateInferred,
    class: s.class ?? flights.find((f) => f.class)?.class ?? null,
    missiles: s.name ? [s.name] : [...new Set(flights.map((f) => f.missileName).filter((x): x is string => x !== null))],
    siteName: s.siteName ?? siteName(flights.find((f) => f.facility)?.facility ?? null),
    landingName: s.landingName ?? flightLanding(flights),
    count: s.countMin, countExact: s.countExact, distanceKm: s.distanceKm, apogeeKm: s.apogeeKm, outcome: outcomeOf(flights),
    reports: s.reports, languages: s.languages, disputed: s.disputed, flights: flights.map(flightView),
  };
}

function fromReference(day: ReferenceDay): LaunchDay {
  const f = day.flights;
  // The reference list gives UTC; the row is dated on the reporting clock like every other Korean row.
  const launch = firstTimedFlight(f) ?? launchMoment(REFERENCE_ACTOR, day.dayKst, null);
  return {
    id: `reference-${day.dayKst}`, eventId: null, actor: REFERENCE_ACTOR, date: day.dayKst, launch, kind: 'reference', dateInferred: false,
    class: f.find((x) => x.class)?.class ?? null,
    missiles: [...new Set(f.map((x) => x.missileName).filter((x): x is string => x !== null))],
    siteName: siteName(f.find((x) => x.facility)?.facility ?? null),
    landingName: flightLanding(f),
    count: f.length, countExact: true, distanceKm: maxOf(f.map((x) => x.distanceKm)), apogeeKm: maxOf(f.map((x) => x.apogeeKm)),
    outcome: outcomeOf(f), reports: 0, languages: [], disputed: [], flights: f.map(flightView),
  };
}

/** Every launch day matching the filters (unsorted): stored events joined with their reference days. */
export async function launchDays(store: Store, filter: EventFilter & { source?: TimelineQuery['source'] }): Promise<LaunchDay[]> {
  const stored = (await store.queryEvents({ ...filter, order: 'asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).events;
  const days = referenceDays();
  const matched = new Set<string>();
  const rows: LaunchDay[] = [];
  for (const se of stored) {
    const ref = se.event.reference;
    const day = ref ? days.get(ref.dateKst) : undefined;
    if (day) matched.add(day.dayKst);
    rows.push(fromEvent(eventSummary(se), day, ref?.dateInferred ?? false));
  }
  // Reference days no event matched, under the same filters (a language filter is about reports: none then).
  const wantsReference = !filter.language && (!filter.actor || filter.actor === REFERENCE_ACTOR) && filter.source !== 'news';
  if (wantsReference) {
    for (const day of [...days.values(), ...referenceMonths()]) {
      if (matched.has(day.dayKst)) continue;
      if ((filter.from && day.dayKst < filter.from) || (filter.to && day.dayKst > filter.to)) continue;
      if (filter.class && !day.flights.some((f) => f.class === filter.class)) continue;
      if (filter.site && !day.flights.some((f) => f.facility === filter.site)) continue;
      rows.push(fromReference(day));
    }
  }
  if (filter.source === 'news') return rows.filter((r) => r.kind !== 'reference');
  if (filter.source === 'reference') return rows.filter((r) => r.kind !== 'news');
  return rows;
}

/** The text a row is searched in. */
const haystack = (r: LaunchDay): string =>
  [r.id, r.date, r.launch.timeLocal, r.launch.zone, r.actor, r.class, ...r.missiles, r.siteName, r.landingName, r.outcome, r.kind, ...r.languages].filter(Boolean).join(' ').toLowerCase();

const sortKey = (r: LaunchDay, by: TimelineSort): string | number | null => {
  switch (by) {
    case 'date': return r.date && `${r.date} ${r.launch.timeLocal ?? ''}`;
    case 'time': return r.launch.timeLocal;
    case 'actor': return r.actor;
    case 'class': return r.class;
    case 'missile': return r.missiles[0] ?? null;
    case 'site': return r.siteName;
    case 'landing': return r.landingName;
    case 'count': return r.count;
    case 'distance': return r.distanceKm;
    case 'apogee': return r.apogeeKm;
    case 'outcome': return r.outcome;
    case 'reports': return r.reports;
    case 'languages': return r.languages.join(' ') || null;
    case 'kind': return r.kind;
  }
};

/**
 * Orders rows by a column; rows without a value go last in either order; ties fall back to the date, then the
 * id, so pages are stable.
 */
function compareBy(by: TimelineSort, order: 'asc' | 'desc'): (a: LaunchDay, b: LaunchDay) => number {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (x: string | number | null, y: string | number | null): number => {
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
    return c * sign;
  };
  return (a, b) => cmp(sortKey(a, by), sortKey(b, by)) || cmp(a.date, b.date) || (a.id < b.id ? -1 : 1);
}

/** One page of the timeline, with the number of rows that match. */
export async function timelinePage(store: Store, q: TimelineQuery): Promise<{ total: number; rows: LaunchDay[] }> {
  let rows = await launchDays(store, q);
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) rows = rows.filter((r) => words.every((w) => haystack(r).includes(w)));
  rows.sort(compareBy(q.sort, q.order));
  return { total: rows.length, rows: rows.slice(q.offset, q.offset + q.limit) };
}

/** Launch days per period and class, each day counted once (see PeriodCount). */
export async function launchDayCounts(store: Store, filter: EventFilter & { source?: TimelineQuery['source'] }, by: 'year' | 'month'): Promise<PeriodCount[]> {
  const counts = new Map<string, PeriodCount>();
  for (const r of await launchDays(store, filter)) {
    if (!r.date) continue;
    const period = r.date.slice(0, by === 'year' ? 4 : 7);
    const key = `${period}\u0000${r.class ?? ''}`;
    const c = counts.get(key) ?? { period, class: r.class, launchDays: 0, referenceDays: 0, referenceFlights: 0, newsOnlyDays: 0, missiles: 0 };
    c.launchDays += 1;
    if (r.kind === 'news') {
      c.newsOnlyDays += 1;
      c.missiles += Math.max(1, r.count ?? 1);
    } else {
      c.referenceDays += 1;
      c.referenceFlights += r.flights.length;
      c.missiles += r.flights.length;
    }
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : (a.class ?? '') < (b.class ?? '') ? -1 : 1));
}
