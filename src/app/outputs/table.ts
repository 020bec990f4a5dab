// The events as an aligned text table, one line per launch (what `salvo events` prints).
import type { EventField, Language, LaunchEvent } from '../../types.js';
import { countText } from '../event-facts.js';
import { valueText } from '../labels.js';
import { launchMoment } from '../launch-time.js';
import type { Output } from './output.js';

/** "*" after a value when independent sources disagree on any of its fields. */
const mark = (...fs: EventField[]): string => (fs.some((f) => f.disputed) ? '*' : '');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** One table row per event; `languages` are those of its reports. Values by name, times with their clock. */
export function eventRow(ev: LaunchEvent, languages: Language[]): string[] {
  const f = ev.fields;
  const km = (x: EventField): string => (x.value === null ? '–' : `${x.value} km${mark(x)}`);
  const kind = [f.class.value, f.name.value].filter((x) => x !== null).join(' ');
  const time = typeof f.time_local.value === 'string' ? f.time_local.value : null;
  const launch = launchMoment(ev.actor, ev.dateLocal, time);
  return [
    ev.id,
    `${ev.dateLocal ?? (ev.weekday !== null ? `? (${WEEKDAYS[ev.weekday]})` : '?')}${mark(f.date_local)}`,
    time === null ? '–' : `${time} ${launch.zone}${mark(f.time_local)}`,
    `${f.site.value === null ? '–' : valueText('site', f.site.value)}${mark(f.site)}`,
    `${countText(ev)}${mark(f.count_min, f.count_exact)}`,
    kind ? `${kind}${mark(f.class, f.name)}` : '–',
    km(f.distance_km),
    km(f.apogee_km),
    `${f.landing.value === null ? '–' : valueText('landing', f.landing.value)}${mark(f.landing, f.eez)}`,
    String(ev.articleIds.length),
    languages.join(' ') || '–',
  ];
}

export const EVENT_HEADER = ['id', 'date', 'time', 'site', 'count', 'class/name', 'distance', 'apogee', 'landing', 'reports', 'languages'];
export const TABLE_LEGEND = 'dates and times are local, on the clock named (KST for Korea); * marks a value the sources disagree on';

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
