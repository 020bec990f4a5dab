// The events as an aligned text table, one line per launch (what `salvo events` prints).
import type { EventField, FieldValue, Language, LaunchEvent } from '../../types.js';
import { countText } from '../event-view.js';
import type { Output } from './output.js';

const show = (v: FieldValue | null | undefined): string => (v === null || v === undefined ? '–' : String(v));
const disputedMark = (f: EventField): string => (f.disputed ? '*' : '');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** One table row per event; `languages` are those of its reports. */
export function eventRow(ev: LaunchEvent, languages: Language[]): string[] {
  const f = ev.fields;
  const km = (x: EventField): string => (x.value === null ? '–' : `${x.value} km${disputedMark(x)}`);
  const kind = [f.class.value, f.name.value].filter((x) => x !== null).join(' ');
  return [
    ev.id,
    ev.dateLocal ?? (ev.weekday !== null ? `? (${WEEKDAYS[ev.weekday]})` : '?'),
    show(f.time_local.value),
    show(f.site.value),
    countText(ev),
    kind || '–',
    km(f.distance_km),
    km(f.apogee_km),
    show(f.landing.value),
    String(ev.articleIds.length),
    languages.join(' ') || '–',
  ];
}

export const EVENT_HEADER = ['id', 'date', 'time', 'site', 'count', 'class/name', 'distance', 'apogee', 'landing', 'reports', 'languages'];
export const TABLE_LEGEND = 'times are local (KST for Korea); * marks a figure the sources disagree on';

/** Left-aligned columns separated by two spaces. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] + (c.length - [...c].length))).join('  ').trimEnd()).join('\n');
}

export const textTable: Output = {
  name: 'table',
  mediaType: 'text/plain',
  extension: 'txt',
  download: false,
  description: 'an aligned text table, one line per event (as `salvo events` prints it)',
  async render({ events }) {
    return `${table([EVENT_HEADER, ...events.map((se) => eventRow(se.event, se.languages))])}\n${TABLE_LEGEND}\n`;
  },
};
