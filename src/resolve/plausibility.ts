// Dates that cannot be right. An event named after a designation before that designation's first known flight, or
// of a class before the actor's first known flight of that class, has a wrong date, name or class: it is flagged
// with the reason (shown by the CLI, the API and every event output), not silently kept nor dropped. First flights
// come from the bundled reference list (data/reference-launches.json), which covers North Korean launches,
// precomputed into data/first-flights.json (see first-flights.ts).
import { addDays } from '../calendar.js';
import { findMissiles } from '../knowledge/index.js';
import { readDataJson } from '../paths.js';
import { FIRST_TEST_GRACE_DAYS } from '../settings.js';
import type { EventFlag, LaunchEvent } from '../types.js';
import { type FirstFlight, type FirstFlights, type FirstFlightsFile, fromFile } from './first-flights.js';

/** The actor the reference list speaks for. */
const REFERENCE_ACTOR = 'DPRK';

let cached: FirstFlights | null = null;

/** Every name a designation goes by in the knowledge tables ("Hwasong-11A (KN-23)" → Hwasong-11A, KN-23). */
export function designationsOf(text: string): string[] {
  return [...new Set(findMissiles(text).filter((m) => !m.weak).flatMap((m) => [m.name, ...(m.sameAs ? [m.sameAs] : [])]))];
}

/** Precomputed for the tables' canonical names (data/first-flights.json); matched for any other name. */
const namesOf = (text: string): string[] => firstFlights().designations.get(text) ?? designationsOf(text);

function firstFlights(): FirstFlights {
  if (!cached) cached = fromFile(readDataJson<FirstFlightsFile>('first-flights.json'));
  return cached;
}

/** The flags of an event whose date comes before a first known flight of its designation or class. */
export function dateFlags(ev: LaunchEvent): EventFlag[] {
  if (ev.actor !== REFERENCE_ACTOR || !ev.dateLocal) return [];
  const date = ev.dateLocal;
  const first = firstFlights();
  const tooEarly = (firstDay: string): boolean => date < addDays(firstDay, -FIRST_TEST_GRACE_DAYS);
  const flags: EventFlag[] = [];
  const name = ev.fields.name.value;
  if (typeof name === 'string') {
    const earliest = namesOf(name)
      .map((n) => first.byName.get(n))
      .filter((x): x is FirstFlight => x !== undefined)
      .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    if (earliest && tooEarly(earliest.date)) {
      flags.push({ field: 'date_local', kind: 'name-before-first-flight', reason: `${date} is before the first known flight of ${name} (${earliest.listed}, ${earliest.date}): the date or the name is wrong` });
    }
  }
  const cls = ev.fields.class.value;
  const firstOfClass = typeof cls === 'string' ? first.byClass.get(cls) : undefined;
  if (typeof cls === 'string' && firstOfClass && tooEarly(firstOfClass)) {
    flags.push({ field: 'date_local', kind: 'class-before-first-flight', reason: `${date} is before North Korea's first known ${cls} flight (${firstOfClass}): the date or the class is wrong` });
  }
  return flags;
}
