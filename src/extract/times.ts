// Clock times in English text ("8:10 a.m.", "2310 GMT", "14:55 local time") with their zones, and their
// conversion to the launching country's clock.
import { shiftClock, zoneOffset } from '../calendar.js';
import { matchesOf } from './compiled.js';

/** A clock time found in a sentence, with the zone it was given in. */
export interface TimeMention {
  start: number;
  end: number;
  surface: string;
  /** Minutes after midnight, as written (in `zone`). */
  minutes: number;
  /** "unzoned" when no zone was written, "local" for "local time", else a zone name ("UTC", "KST", "PDT", …). */
  zone: string;
  /** Whether this time is a gloss in brackets after another time ("8 a.m. (2300 GMT)"). */
  gloss: boolean;
}


const ZONE_WORDS = String.raw`(GMT|UTC|KST|JST|IST|PKT|HST|PDT|PST|MDT|MST|CDT|EDT|EST|MSK|IRST|Z|ET|PT|local time|local|Hawaii time|Washington time|Eastern (?:Standard |Daylight )?time|Pacific (?:Standard |Daylight )?time|Korea(?:n)? (?:standard )?time|Seoul time|Tokyo time|Pyongyang time|Beijing time|Japan time)`;

const AMPM = String.raw`(a\.?\s?m\.?|p\.?\s?m\.?|am\b|pm\b)`;
// "8:10 a.m.", "8.10am", "9 a.m.", "11:42 p.m. local time", with an optional zone after.
const CLOCK_12 = new RegExp(String.raw`\b(\d{1,2})(?:[:.](\d{2}))?\s*${AMPM}(?:\s*\(?\s*${ZONE_WORDS}\b)?`, 'gi');
// "23:10 GMT", "2310 GMT", "2310GMT", "18.17 GMT", "14:55 local", "at 07:09 KST".
const CLOCK_24 = new RegExp(String.raw`\b([01]?\d|2[0-3])[:.]?([0-5]\d)\s*(?:hours?\s*)?${ZONE_WORDS}\b`, 'gi');
// "1900 hours", "0755 h", "0755 hrs": a four-digit military clock, no zone.
const CLOCK_HOURS = /\b([01]\d|2[0-3])[:.]?([0-5]\d)\s*(?:hours|hrs|h)\b/gi;
// "at 14:55" without a zone (24-hour clock, needs the colon).
const CLOCK_24_BARE = /\b(?:at|around|about|from|between)\s+([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m|am|pm))/gi;
// "at 2:41 and 2:52 p.m.", "between 11:40 and 11:55 a.m.": the half of day written after the second time.
const SHARED_AMPM_AFTER = /^\s*(?:and|to|-|–)\s*\d{1,2}(?:[:.]\d{2})?\s*(a|p)\.?\s?m\b/i;

function normaliseZone(z: string | undefined): string {
  if (!z) return 'unzoned';
  const u = z.toUpperCase().replace(/\s+/g, ' ');
  if (u === 'LOCAL' || u === 'LOCAL TIME') return 'local';
  if (u.startsWith('KOREA')) return 'KST';
  if (u === 'JAPAN TIME') return 'JST';
  if (u === 'BEIJING TIME') return 'BEIJING TIME';
  if (u === 'ET' || u === 'PT') return u; // daylight saving or not depends on the date: see toLocal
  if (u === 'HAWAII TIME') return 'HST';
  if (u === 'WASHINGTON TIME' || u === 'EASTERN TIME') return 'ET';
  if (u === 'PACIFIC TIME') return 'PT';
  if (u === 'EASTERN STANDARD TIME') return 'EST';
  if (u === 'EASTERN DAYLIGHT TIME') return 'EDT';
  if (u === 'PACIFIC STANDARD TIME') return 'PST';
  if (u === 'PACIFIC DAYLIGHT TIME') return 'PDT';
  return u;
}

export function findTimes(text: string): TimeMention[] {
  const out: TimeMention[] = [];
  const add = (start: number, surface: string, h: number, m: number, zone: string): void => {
    if (h > 23 || m > 59) return;
    const end = start + surface.length;
    if (out.some((o) => start < o.end && end > o.start)) return;
    const before = text.slice(Math.max(0, start - 3), start);
    out.push({ start, end, surface, minutes: h * 60 + m, zone, gloss: /\(\s*$/.test(before) });
  };
  for (const m of matchesOf(CLOCK_12, text)) {
    let h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    if (h < 1 || h > 12) continue;
    const pm = /^p/i.test(m[3]);
    if (pm && h !== 12) h += 12;
    if (!pm && h === 12) h = 0;
    add(m.index ?? 0, m[0].replace(/[\s(]+$/, ''), h, min, normaliseZone(m[4]));
  }
  for (const m of matchesOf(CLOCK_24, text)) {
    // A bare four-digit number before a zone is a time only when it looks like one (2310 GMT, not 2017 GMT+9).
    add(m.index ?? 0, m[0], Number(m[1]), Number(m[2]), normaliseZone(m[3]));
  }
  for (const m of matchesOf(CLOCK_HOURS, text)) add(m.index ?? 0, m[0], Number(m[1]), Number(m[2]), 'unzoned');
  for (const m of matchesOf(CLOCK_24_BARE, text)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1]);
    let h = Number(m[1]);
    const shared = SHARED_AMPM_AFTER.exec(text.slice((m.index ?? 0) + m[0].length));
    if (shared && h >= 1 && h <= 12) h = /p/i.test(shared[1]) ? (h % 12) + 12 : h % 12;
    add(start, m[0].slice(m[0].indexOf(m[1])), h, Number(m[2]), 'unzoned');
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Converts a time to the launching country's local clock. `localOffset` is minutes east of UTC for the
 * launch place (KST 540). Returns minutes after local midnight and the day shift (-1, 0, +1) from the zone's date.
 */
export function toLocal(t: TimeMention, localOffset: number, date: string | null = null): { minutes: number; dayShift: number } {
  if (t.zone === 'local' || t.zone === 'unzoned') return { minutes: t.minutes, dayShift: 0 };
  const off = zoneOffset(t.zone, date);
  if (off === undefined) return { minutes: t.minutes, dayShift: 0 };
  return shiftClock(t.minutes, off, localOffset);
}


