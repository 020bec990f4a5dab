// The UTC offsets of the zones Salvo's actors report on (data/actors.json), tabulated once from the runtime's own
// time zone database by scripts/build-zone-offsets.mjs into data/zone-offsets.json. Reading the table costs well
// under a millisecond; making the first Intl.DateTimeFormat for a zone loads ICU's zone data, about 100 ms of a
// command that only lists events. test/zone-offsets.test.ts checks the table against Intl at every change and
// between them, so a stale table fails the tests. Zones not in the table are asked of Intl (src/calendar.ts).
import { readDataJson } from './paths.js';

/** data/zone-offsets.json: per zone, the instants (ms since the epoch) its offset changes, with the new offset. */
export interface ZoneOffsetsFile {
  about: string;
  /** The span the table covers, as instants (ms); outside it the caller asks Intl. */
  from: number;
  to: number;
  /** Per IANA zone: [[instant, minutes east of UTC from that instant on], …], the first at `from`. */
  zones: Record<string, [number, number][]>;
}

let table: ZoneOffsetsFile | null = null;

/** The offset (minutes east of UTC) of a tabulated zone at an instant, or undefined when the table cannot say. */
export function tabulatedOffset(timeZone: string, instantMs: number): number | undefined {
  table ??= readDataJson<ZoneOffsetsFile>('zone-offsets.json');
  const changes = table.zones[timeZone];
  if (!changes || instantMs < table.from || instantMs >= table.to) return undefined;
  let lo = 0;
  let hi = changes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (changes[mid][0] <= instantMs) lo = mid;
    else hi = mid - 1;
  }
  return changes[lo][1];
}
