// Values as a person reads them: field labels, site and sea names instead of keys, local times with their zone
// and in UTC ("08:10 KST (23:10 UTC, 7 May)").
import { EEZ_NAMES, LANDING_NAMES, siteName } from './data.js';

export const LABELS: Record<string, string> = {
  date_local: 'Date (local)', dateLocal: 'Date (local)', time_local: 'Time (local)', site: 'Site', count_min: 'Count (at least)', count_exact: 'Count is exact',
  class: 'Class', name: 'Missile', distance_km: 'Distance', apogee_km: 'Apogee', landing: 'Landing area', eez: 'Japan EEZ', actor: 'Actor',
  bearing: 'Bearing', is_launch_report: 'Launch report', said_by: 'Said by',
};

export const label = (field: string): string => LABELS[field] ?? field.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The clock a zone's times are written in: Korean reports give Korean time (KST, UTC+9), also for 2015–2018. */
const CLOCK_OF: Record<string, { abbr: string; zone: string }> = {
  'Asia/Pyongyang': { abbr: 'KST', zone: 'Asia/Seoul' }, 'Asia/Seoul': { abbr: 'KST', zone: 'Asia/Seoul' }, 'Asia/Tokyo': { abbr: 'JST', zone: 'Asia/Tokyo' },
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date and time (YYYY-MM-DD, HH:MM) moved by `minutes`. */
export function shift(date: string, time: string, minutes: number): { date: string; time: string } {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const d = new Date(t + minutes * 60_000);
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** The offset of an IANA zone from UTC at a moment, in minutes (Intl knows the zone's history). */
export function zoneOffsetMinutes(zone: string, date: string, time: string): number {
  const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(at));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at) / 60_000);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "08:10 KST (23:10 UTC, 7 May)": a local time with its zone named and in UTC (the UTC day named when it differs). */
export function localTime(date: string | null, time: string, zone: string | null): string {
  if (!zone) return time; // the label says "(local)"
  const clock = CLOCK_OF[zone];
  const day = date && /^\d{4}-\d\d-\d\d$/.test(date) ? date : null;
  const offset = clock ? zoneOffsetMinutes(clock.zone, day ?? '2020-01-01', time) : zoneOffsetMinutes(zone, day ?? '2020-01-01', time);
  const name = clock?.abbr ?? `UTC${offset < 0 ? '−' : '+'}${Math.floor(Math.abs(offset) / 60)}${Math.abs(offset) % 60 ? `:${String(Math.abs(offset) % 60).padStart(2, '0')}` : ''}, ${zone}`;
  if (!day) return `${time} ${name}`;
  const utc = shift(day, time, -offset);
  const other = utc.date !== day ? `, ${Number(utc.date.slice(8, 10))} ${MONTHS[Number(utc.date.slice(5, 7)) - 1]}` : '';
  return `${time} ${name} (${utc.time} UTC${other})`;
}

/** A field's value for display. */
export function showValue(field: string, v: unknown, sites: Map<string, string>, ctx: { date?: string | null; zone?: string | null } = {}): string {
  if (v === null || v === undefined) return '–';
  if (field === 'site' && typeof v === 'string') return siteName(sites, v) ?? v;
  if (field === 'landing' && typeof v === 'string') return LANDING_NAMES[v] ?? v;
  if (field === 'eez' && typeof v === 'string') return EEZ_NAMES[v] ?? v;
  if (field === 'count_exact' && typeof v === 'boolean') return v ? 'yes' : 'no (at least)';
  if ((field === 'distance_km' || field === 'apogee_km') && typeof v === 'number') return `${v} km`;
  if (field === 'bearing' && typeof v === 'number') return `${v}°`;
  if (field === 'time_local' && typeof v === 'string' && /^\d\d:\d\d$/.test(v)) return localTime(ctx.date ?? null, v, ctx.zone ?? null);
  return String(v);
}
