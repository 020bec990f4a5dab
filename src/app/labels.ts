// Display names for fields and values, the same in the CLI, the API's history and alerts, and the feeds: "Date
// (local)" not `dateLocal`, "Sea of Japan (East Sea)" not `sea-of-japan`, "Distance revised to 600 km" not
// "distance_km 500 → 600".
import { eezName, landingName, siteByKey } from '../knowledge/index.js';
import type { EventVersion, FieldChange, FieldName, FieldValue } from '../types.js';

/** What a reader calls each field (and the event's date, which history records as `dateLocal`). */
export const FIELD_LABELS: Readonly<Record<FieldName | 'dateLocal', string>> = {
  dateLocal: 'Date (local)',
  date_local: 'Date (local)',
  time_local: 'Time (local)',
  site: 'Launch site',
  count_min: 'Count',
  count_exact: 'Count exact',
  class: 'Class',
  name: 'Missile',
  distance_km: 'Distance',
  apogee_km: 'Apogee',
  landing: 'Landing',
  eez: "Japan's EEZ",
};

/** A field's value as a reader sees it: names for keys, units for figures, words for yes/no. */
export function valueText(field: FieldName | 'dateLocal', v: FieldValue | null): string {
  if (v === null) return '—';
  switch (field) {
    case 'site': return siteByKey(String(v))?.name ?? String(v);
    case 'landing': return landingName(String(v));
    case 'eez': return eezName(String(v));
    case 'distance_km':
    case 'apogee_km': return `${v} km`;
    case 'count_exact': return v === true ? 'exact' : 'at least';
    default: return String(v);
  }
}

/** One change in words: "Distance revised to 600 km (was 500 km)", "Landing reported: Pacific Ocean". */
export function changeText(c: Pick<FieldChange, 'field' | 'from' | 'to'>): string {
  const label = FIELD_LABELS[c.field];
  if (c.from === null) return `${label} reported: ${valueText(c.field, c.to)}`;
  if (c.to === null) return `${label} withdrawn (was ${valueText(c.field, c.from)})`;
  return `${label} revised to ${valueText(c.field, c.to)} (was ${valueText(c.field, c.from)})`;
}

/** An event's history with each change also in words (label, from and to as a reader sees them, a sentence). */
export function historyView(versions: EventVersion[]): (EventVersion & { changes: (FieldChange & { label: string; fromText: string; toText: string; text: string })[] })[] {
  return versions.map((v) => ({
    ...v,
    changes: v.changes.map((c) => ({ ...c, label: FIELD_LABELS[c.field], fromText: valueText(c.field, c.from), toText: valueText(c.field, c.to), text: changeText(c) })),
  }));
}
