// Lines an event up with the bundled reference list of North Korean launches (CNS/NTI): the matching day, the
// fields that differ, and for an undated event the one reference day its weekday, site and distance fit.
import { referenceLaunches, siteDistanceKm, type ReferenceLaunch } from '../knowledge/index.js';
import type { LaunchEvent, ReferenceAlignment } from '../types.js';
import { addDays, weekdayOf } from '../calendar.js';
import { FIGURE_FIT_WEAK, SAME_SITE_KM } from '../settings.js';
import { differsBeyondTolerance } from './consensus.js';

/**
 * What undated reports say of their date: the span they were written in (see src/knowledge/officeholders.ts),
 * and the month-days they write without a year.
 */
export interface DateWindowLike {
  from: string | null;
  to: string | null;
  /**
   * Month-days ("12-04") the launch day must agree with: a dateline's ("SEOUL, Dec. 4 (Agency)"), the
   * publication day, which the launch lies on or up to daysAfter days before; or the launch's own, written in a
   * sentence reporting it ("fired … on Dec. 4"), which it lies on (daysAfter 0).
   */
  monthDays?: { monthDay: string; daysAfter: number; of: 'publication' | 'launch' }[];
}

/** Whether a day (YYYY-MM-DD) agrees with every month-day the reports write. */
export function agreesWithMonthDays(day: string, window: DateWindowLike | null): boolean {
  for (const { monthDay, daysAfter } of window?.monthDays ?? []) {
    let fits = false;
    for (let k = 0; k <= daysAfter && !fits; k++) fits = addDays(day, k).slice(5) === monthDay;
    if (!fits) return false;
  }
  return true;
}

/** The reference list's flights of one launch day, in Korean time. */
export interface ReferenceDay {
  dayKst: string;
  dateUtc: string;
  flights: ReferenceLaunch[];
}

let days: Map<string, ReferenceDay> | null = null;
/** Reference days whose flights all lack a time, by the KST day after their UTC date (the first such day). */
let untimedByNextDay: Map<string, ReferenceDay> | null = null;

// The reference list dates flights in UTC; Korean reports date them in KST (UTC+9). A flight with a time is put on
// its KST day; one without a time is kept on its UTC date (the later KST day is tried too when matching).
function kstDay(f: ReferenceLaunch): string | null {
  if (!/^\d{4}-\d\d-\d\d$/.test(f.dateUtc)) return null;
  if (!f.timeUtc) return f.dateUtc;
  const hour = Number(f.timeUtc.slice(0, 2));
  return hour >= 15 ? addDays(f.dateUtc, 1) : f.dateUtc;
}

/** Reference launch days by KST date (North Korean launches only). */
export function referenceDays(): Map<string, ReferenceDay> {
  if (days) return days;
  days = new Map();
  for (const f of referenceLaunches()) {
    const day = kstDay(f);
    if (!day) continue;
    const d = days.get(day) ?? { dayKst: day, dateUtc: f.dateUtc, flights: [] };
    d.flights.push(f);
    days.set(day, d);
  }
  return days;
}

let months: ReferenceDay[] | null = null;

/**
 * Reference flights the list dates to a month only ("1984-09", the early tests), one entry per month: no day to
 * match a report by, but launches all the same (the timeline lists them, dated by their month).
 */
export function referenceMonths(): ReferenceDay[] {
  if (months) return months;
  const byMonth = new Map<string, ReferenceDay>();
  for (const f of referenceLaunches()) {
    if (!/^\d{4}-\d\d$/.test(f.dateUtc)) continue;
    const m = byMonth.get(f.dateUtc) ?? { dayKst: f.dateUtc, dateUtc: f.dateUtc, flights: [] };
    m.flights.push(f);
    byMonth.set(f.dateUtc, m);
  }
  months = [...byMonth.values()];
  return months;
}

/** The first reference day whose flights have no time and whose UTC date is the day before `day`. */
function untimedDayBefore(day: string): ReferenceDay | undefined {
  if (!untimedByNextDay) {
    untimedByNextDay = new Map();
    for (const d of referenceDays().values()) {
      const next = addDays(d.dateUtc, 1);
      if (d.flights.every((f) => !f.timeUtc) && !untimedByNextDay.has(next)) untimedByNextDay.set(next, d);
    }
  }
  return untimedByNextDay.get(day);
}

/** Reference days in [from, to] (YYYY-MM-DD, KST), oldest first. */
export function referenceDaysBetween(from: string, to: string): ReferenceDay[] {
  return [...referenceDays().values()].filter((d) => d.dayKst >= from && d.dayKst <= to).sort((a, b) => (a.dayKst < b.dayKst ? -1 : 1));
}

const maxOf = (xs: (number | null)[]): number | null => {
  const ns = xs.filter((x): x is number => x !== null);
  return ns.length ? Math.max(...ns) : null;
};


function compare(ev: LaunchEvent, day: ReferenceDay, dateInferred: boolean): ReferenceAlignment {
  const facilities = [...new Set(day.flights.map((f) => f.facility).filter((x): x is string => x !== null))];
  const distanceKm = maxOf(day.flights.map((f) => f.distanceKm));
  const apogeeKm = maxOf(day.flights.map((f) => f.apogeeKm));
  const differences: ReferenceAlignment['differences'] = [];
  const site = ev.fields.site.value;
  // Sites within 50 km of each other (Wonsan and the Hodo peninsula) are the same place for this purpose.
  if (typeof site === 'string' && facilities.length && !facilities.some((f) => siteDistanceKm(f, site) <= SAME_SITE_KM)) differences.push({ field: 'site', event: site, reference: facilities.join(', ') });
  const dist = ev.fields.distance_km.value;
  if (typeof dist === 'number' && distanceKm !== null && differsBeyondTolerance(dist, distanceKm)) differences.push({ field: 'distance_km', event: dist, reference: distanceKm });
  const apo = ev.fields.apogee_km.value;
  if (typeof apo === 'number' && apogeeKm !== null && differsBeyondTolerance(apo, apogeeKm)) differences.push({ field: 'apogee_km', event: apo, reference: apogeeKm });
  const cls = ev.fields.class.value;
  const classes = [...new Set(day.flights.map((f) => f.class).filter((x): x is NonNullable<typeof x> => x !== null))];
  if (typeof cls === 'string' && cls !== 'ballistic' && classes.length && !classes.includes(cls as (typeof classes)[number])) differences.push({ field: 'class', event: cls, reference: classes.join(', ') });
  return {
    dateUtc: day.dateUtc,
    dateKst: day.dayKst,
    flights: day.flights.length,
    missiles: [...new Set(day.flights.map((f) => f.missileName).filter((x): x is string => x !== null))],
    facility: facilities[0] ?? null,
    distanceKm,
    apogeeKm,
    differences,
    dateInferred,
  };
}

/**
 * Links an event to the reference list: a dated North Korean event to the flights of its KST day (or, for flights
 * with no time, the UTC day before); an undated one to the single reference day whose weekday (or written launch
 * month-day), site and figures agree with it, and which contradicts no month-day the reports write, whose date it
 * may then take (marked as inferred).
 */
export function alignEvent(ev: LaunchEvent, window: DateWindowLike | null = null): ReferenceAlignment | null {
  if (ev.actor !== 'DPRK') return null;
  const everyDay = referenceDays();
  if (ev.dateLocal) {
    const day = everyDay.get(ev.dateLocal) ?? untimedDayBefore(ev.dateLocal);
    return day ? compare(ev, day, false) : null;
  }
  // The launch's own month-day, when the reports write it, agrees with every day still tried: that is evidence,
  // and it stands in for a weekday the reports do not give ("fired … on Sept. 18").
  const writtenLaunchDay = window?.monthDays?.some((m) => m.of === 'launch') ?? false;
  if (ev.weekday === null && !writtenLaunchDay) return null;
  const sameWeekday = (d: ReferenceDay): boolean => ev.weekday === null || weekdayOf(d.dayKst) === ev.weekday;
  // A month-day written in the reports is never contradicted: only reference days that agree with it are tried.
  const all = new Map([...everyDay].filter(([day]) => agreesWithMonthDays(day, window)));
  const site = ev.fields.site.value;
  const dist = ev.fields.distance_km.value;
  // Dated by the office-holders the reports name: the one reference day with this weekday in that window, if its
  // site and class do not contradict the reports, is the launch (its figures may still differ: that is shown).
  if (window && (window.from || window.to)) {
    const cls = ev.fields.class.value;
    const inWindow = [...all.values()].filter(
      (d) =>
        sameWeekday(d) &&
        (!window.from || d.dayKst >= window.from) &&
        (!window.to || d.dayKst <= window.to) &&
        (typeof site !== 'string' || d.flights.some((f) => f.facility && siteDistanceKm(f.facility, site) <= SAME_SITE_KM)) &&
        (typeof cls !== 'string' || cls === 'ballistic' || d.flights.some((f) => f.class === null || f.class === cls)),
    );
    if (inWindow.length === 1) return compare(ev, inWindow[0], true);
    if (inWindow.length > 1) return null;
  }
  const fits = [...all.values()].filter((d) => {
    if (!sameWeekday(d)) return false;
    let evidence = writtenLaunchDay ? 1 : 0;
    if (typeof site === 'string') {
      if (!d.flights.some((f) => f.facility && siteDistanceKm(f.facility, site) <= SAME_SITE_KM)) return false;
      evidence++;
    }
    const refDist = maxOf(d.flights.map((f) => f.distanceKm));
    if (typeof dist === 'number' && refDist !== null) {
      if (differsBeyondTolerance(dist, refDist) && Math.abs(dist - refDist) > FIGURE_FIT_WEAK * Math.max(dist, refDist)) return false;
      evidence++;
    }
    return evidence >= 2;
  });
  return fits.length === 1 ? compare(ev, fits[0], true) : null;
}
