// CSV with the columns of the CNS North Korea Missile Test Database, for spreadsheets; latitude and longitude
// are the launch site's.
import { eventSummary, impactOf, utcTime } from '../event-view.js';
import type { Output } from './output.js';
import { eventSources } from './sources.js';

export const CSV_COLUMNS = [
  'date', 'launch time UTC', 'missile name', 'type', 'facility', 'latitude', 'longitude', 'landing location',
  'apogee', 'distance', 'confirmation', 'sources',
] as const;

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Who counts as an official body when a report quotes it. */
const OFFICIAL = /\b(?:Joint Chiefs|JCS|Ministry|ministry|Defen[cs]e|military|Cabinet|Coast Guard|coast guard|INDOPACOM|government)\b/;

/**
 * Confirmed when two or more independent reports carry the event, or an official body (a military, a
 * ministry, a coast guard) is quoted; else unconfirmed.
 */
function confirmation(reports: number, saidBy: string[]): string {
  return reports >= 2 || saidBy.some((s) => OFFICIAL.test(s)) ? 'Confirmed' : 'Unconfirmed';
}

export const csv: Output = {
  name: 'csv',
  mediaType: 'text/csv',
  extension: 'csv',
  download: true,
  description: `CSV, columns after the CNS database: ${CSV_COLUMNS.join(', ')}`,
  async render({ store, events }) {
    const lines = [CSV_COLUMNS.map(csvCell).join(',')];
    for (const se of events) {
      const s = eventSummary(se);
      const src = await eventSources(store, se.event);
      const impact = await impactOf(store, se.event);
      const sources = src.articles.map((a) => a?.url ?? [a?.source, a?.title].filter(Boolean).join(': ')).filter(Boolean);
      lines.push(
        [
          s.dateLocal,
          utcTime(s.actor, s.dateLocal, s.timeLocal),
          s.name,
          s.class,
          s.siteName,
          impact?.site.lat ?? null,
          impact?.site.lon ?? null,
          s.landing,
          s.apogeeKm,
          s.distanceKm,
          confirmation(s.reports, src.saidBy),
          sources.join(' | '),
        ]
          .map(csvCell)
          .join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  },
};
