import type { EventField, FieldValue, LaunchEvent } from '../types.js';

const show = (v: FieldValue | null | undefined): string => (v === null || v === undefined ? '–' : String(v));

/** Count as people say it: "2", "≥2". */
export function countText(ev: LaunchEvent): string {
  const n = ev.fields.count_min.value;
  if (n === null) return '–';
  return ev.fields.count_exact.value === true ? String(n) : `≥${n}`;
}

const disputedMark = (f: EventField): string => (f.disputed ? '*' : '');

/** One table row per event, for `salvo events`. */
export function eventRow(ev: LaunchEvent): string[] {
  const f = ev.fields;
  const km = (x: EventField): string => (x.value === null ? '–' : `${x.value} km${disputedMark(x)}`);
  const kind = [f.class.value, f.name.value].filter((x) => x !== null).join(' ');
  return [
    ev.id,
    ev.dateLocal ?? (ev.weekday !== null ? `? (${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][ev.weekday]})` : '?'),
    show(f.time_local.value),
    show(f.site.value),
    countText(ev),
    kind || '–',
    km(f.distance_km),
    km(f.apogee_km),
    show(f.landing.value),
    String(ev.articleIds.length),
  ];
}

export const EVENT_HEADER = ['id', 'date', 'time', 'site', 'count', 'class/name', 'distance', 'apogee', 'landing', 'reports'];

/** Left-aligned columns separated by two spaces. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] + (c.length - [...c].length))).join('  ').trimEnd()).join('\n');
}
