// CSV for spreadsheets, in two column sets. "salvo" (the default): one row per event with its id and actor, the
// local date and time with their clock named beside the same moment in UTC (never a local date beside a UTC
// time), units in the headers, and the count as a number with an "exact" column. "cns": the column names and
// order of the CNS North Korea Missile Test Database, so rows can be laid beside that list.
import { outletName } from '../../headline.js';
import { siteByKey } from '../../knowledge/index.js';
import { referenceDays } from '../../resolve/reference.js';
import type { EventSummary, LaunchEvent } from '../../types.js';
import { eventSummary } from '../event-view.js';
import type { Output } from './output.js';
import { CSV_COLUMN_SETS } from './names.js';
import { type EventSources, eventSources } from './sources.js';

export { CSV_COLUMN_SETS } from './names.js';

export const CSV_COLUMNS = [
  'event id', 'actor', 'date (local)', 'time (local)', 'time zone', 'UTC offset', 'date (UTC)', 'time (UTC)',
  'missile name', 'class', 'count', 'count exact', 'facility', 'facility key', 'latitude (deg N)', 'longitude (deg E)',
  'landing', 'Japan EEZ', 'distance (km)', 'apogee (km)', 'confirmation', 'test outcome', 'disputed fields',
  'reports', 'date updated (UTC)', 'sources',
] as const;

/** The CNS North Korea Missile Test Database's columns, in its order. */
export const CNS_COLUMNS = [
  'Date', 'Date Entered/Updated', 'Launch Time (UTC)', 'Missile Name', 'Missile Type', 'Launch Agency/Authority',
  'Facility Name', 'Facility Location', 'Facility Latitude', 'Facility Longitude', 'Landing Location', 'Apogee',
  'Distance Travelled', 'Confirmation Status', 'Test Outcome', 'Additional Information', 'Source(s)',
] as const;

type Cell = string | number | boolean | null;

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: Cell): string {
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

/** The outcome the reference list gives the event's launch day: "Success", "Failure", "Mixed", or null. */
function referenceOutcome(ev: LaunchEvent): string | null {
  if (!ev.reference) return null;
  const outcomes = new Set((referenceDays().get(ev.reference.dateKst)?.flights ?? []).map((f) => f.outcome).filter((o) => o !== null));
  if (outcomes.size === 0) return null;
  if (outcomes.size > 1) return 'Mixed';
  return outcomes.has('success') ? 'Success' : 'Failure';
}

/** The addresses of the reports (or outlet and headline when a report has no URL). */
function sourceList(src: EventSources): string {
  return src.articles
    .map((a) => a && (a.url ?? [outletName(a.source), a.headline].filter(Boolean).join(': ')))
    .filter(Boolean)
    .join(' | ');
}

function salvoRow(s: EventSummary, ev: LaunchEvent, src: EventSources, updatedAt: string): Cell[] {
  const site = s.site ? siteByKey(s.site) : undefined;
  return [
    s.id, s.actor, s.launch.dateLocal, s.launch.timeLocal, s.launch.zone, s.launch.utcOffset && `UTC${s.launch.utcOffset}`,
    s.launch.dateUtc, s.launch.timeUtc, s.name, s.class, s.countMin, s.countExact, s.siteName, s.site,
    site?.lat ?? null, site?.lon ?? null, s.landingName, s.eez, s.distanceKm, s.apogeeKm,
    confirmation(s.reports, src.saidBy), referenceOutcome(ev), s.disputed.join(' '), s.reports, updatedAt.slice(0, 10), sourceList(src),
  ];
}

const UNKNOWN = 'Unknown';
const km = (v: number | null): string => (v === null ? UNKNOWN : `${v} km`);

function cnsRow(s: EventSummary, ev: LaunchEvent, src: EventSources, updatedAt: string): Cell[] {
  const site = s.site ? siteByKey(s.site) : undefined;
  const notes: string[] = [];
  // The CNS list dates launches in UTC; without a launch time the UTC day is unknown, so the local day stands in.
  if (!s.launch.dateUtc && s.launch.dateLocal) notes.push(`Date is the local date (${s.launch.zone}); launch time unknown.`);
  if (s.countMin !== null) notes.push(`${s.countExact ? '' : 'At least '}${s.countMin} missile${s.countMin === 1 ? '' : 's'}.`);
  if (s.launch.text && s.launch.timeLocal) notes.push(`Local time ${s.launch.text}.`);
  if (s.disputed.length) notes.push(`Sources disagree on: ${s.disputed.join(', ')}.`);
  notes.push(`Salvo event ${s.id}.`);
  return [
    s.launch.dateUtc ?? s.launch.dateLocal, updatedAt.slice(0, 10), s.launch.timeUtc ?? UNKNOWN, s.name ?? UNKNOWN, s.class ?? UNKNOWN,
    s.actor ?? UNKNOWN, s.siteName ?? UNKNOWN, UNKNOWN, site?.lat ?? null, site?.lon ?? null, s.landingName ?? UNKNOWN,
    km(s.apogeeKm), km(s.distanceKm), confirmation(s.reports, src.saidBy), referenceOutcome(ev) ?? UNKNOWN, notes.join(' '), sourceList(src),
  ];
}

export const csv: Output = {
  name: 'csv',
  mediaType: 'text/csv',
  extension: 'csv',
  download: true,
  columnSets: CSV_COLUMN_SETS,
  description: `CSV, one row per event; columns=salvo (default): ${CSV_COLUMNS.join(', ')}; columns=cns: the CNS database's ${CNS_COLUMNS.join(', ')}`,
  async render({ store, events, columns }) {
    const cns = columns === 'cns';
    const lines = [(cns ? CNS_COLUMNS : CSV_COLUMNS).map(csvCell).join(',')];
    const sources = await eventSources(store, events.map((se) => se.event));
    for (const se of events) {
      const src = sources.get(se.event.id) ?? { articles: [], saidBy: [] };
      const row = (cns ? cnsRow : salvoRow)(eventSummary(se), se.event, src, se.updatedAt);
      lines.push(row.map(csvCell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  },
};
