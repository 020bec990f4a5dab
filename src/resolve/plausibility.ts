// Dates that cannot be right. An event named after a designation before that designation's first known flight, or
// of a class before the actor's first known flight of that class, has a wrong date, name or class: it is flagged
// with the reason (shown by the CLI, the API and every event output), not silently kept nor dropped. First flights
// come from the bundled reference list (data/reference-launches.json), which covers North Korean launches.
import { addDays } from '../calendar.js';
import { findMissiles, referenceLaunches } from '../knowledge/index.js';
import { FIRST_TEST_GRACE_DAYS } from '../settings.js';
import type { EventFlag, LaunchEvent } from '../types.js';

/** The actor the reference list speaks for. */
const REFERENCE_ACTOR = 'DPRK';

interface FirstFlights {
  byName: Map<string, { date: string; listed: string }>;
  byClass: Map<string, string>;
}

let cached: FirstFlights | null = null;

/** "2016-04" and "2016" (the reference does not know the day) count from the first day of the period. */
const dayOf = (dateUtc: string): string => (dateUtc.length === 4 ? `${dateUtc}-01-01` : dateUtc.length === 7 ? `${dateUtc}-01` : dateUtc);

/** Every name a designation goes by in the knowledge tables ("Hwasong-11A (KN-23)" → Hwasong-11A, KN-23). */
function namesOf(text: string): string[] {
  return [...new Set(findMissiles(text).filter((m) => !m.weak).flatMap((m) => [m.name, ...(m.sameAs ? [m.sameAs] : [])]))];
}

function firstFlights(): FirstFlights {
  if (cached) return cached;
  const byName = new Map<string, { date: string; listed: string }>();
  const byClass = new Map<string, string>();
  // Many launches share a designation: each listed name is looked up in the tables once.
  const names = new Map<string, string[]>();
  for (const f of referenceLaunches()) {
    const day = dayOf(f.dateUtc);
    if (f.class && (!byClass.has(f.class) || day < (byClass.get(f.class) ?? ''))) byClass.set(f.class, day);
    if (!f.missileName) continue;
    let designations = names.get(f.missileName);
    if (!designations) names.set(f.missileName, (designations = namesOf(f.missileName)));
    for (const n of designations) {
      const known = byName.get(n);
      if (!known || day < known.date) byName.set(n, { date: day, listed: f.missileName });
    }
  }
  cached = { byName, byClass };
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
      .filter((x): x is { date: string; listed: string } => x !== undefined)
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
