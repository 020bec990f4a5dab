// Publication-date parsing: machine dates (ISO, RFC 2822), datelines written in text, and dates in URL paths.

export interface ParsedDate {
  date: string;
  instant: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const pad = (n: number): string => String(n).padStart(2, '0');

function makeDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 February and the like
  return `${y}-${pad(m)}-${pad(d)}`;
}

const monthNumber = (name: string): number => MONTHS[name.slice(0, 4).toLowerCase()] ?? MONTHS[name.slice(0, 3).toLowerCase()];

// 2024-01-14, 2024-01-14T10:31, 2024-01-14 10:31:05.123+09:00, …Z, …+0900
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i;

/**
 * Parses a machine-written date (meta tags, JSON-LD, <time datetime>, records).
 * `date` is the calendar date as written (not shifted to UTC); `instant` only when a time and a zone are given.
 */
export function parseMachineDate(value: string | null | undefined): ParsedDate | null {
  if (!value) return null;
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const date = makeDate(+iso[1], +iso[2], +iso[3]);
    if (!date) return null;
    const [, , , , hh, mm, ss, frac, zone] = iso;
    if (!hh || !zone) return { date, instant: null };
    const offset = /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const instant = `${date}T${hh}:${mm}:${ss ?? '00'}${frac ?? ''}${offset}`;
    return { date, instant: Number.isNaN(Date.parse(instant)) ? null : instant };
  }
  if (/^\d{8}$/.test(s)) {
    const date = makeDate(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
    return date ? { date, instant: null } : null;
  }
  const written = findWrittenDate(s);
  if (!written) return null;
  // RFC 2822 ("Tue, 14 Jan 2025 10:31:00 GMT") carries a zone: Date.parse gives the instant.
  const hasZone = /\d{1,2}:\d{2}(?::\d{2})?\s*(GMT|UTC|Z|[+-]\d{4})\b/i.test(s);
  const ms = hasZone ? Date.parse(s) : NaN;
  return { date: written.date, instant: Number.isNaN(ms) ? null : new Date(ms).toISOString() };
}

const WRITTEN_PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }[] = [
  // "date 2025-05-09", "2025-05-09 10:31", "2025.05.09"
  { re: /\b(\d{4})[-./](\d{2})[-./](\d{2})\b/, pick: (m) => [+m[1], +m[2], +m[3]] },
  // "May 8, 2025", "Sept. 15, 2021", "May 8 2025"
  { re: new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [+m[3], monthNumber(m[1]), +m[2]] },
  // "8 May 2025", "08 May, 2025", "22 Oct. 2025"
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\.?,?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [+m[3], monthNumber(m[2]), +m[1]] },
];

/** The earliest full date (with year) written in `text`, and where it starts. */
export function findWrittenDate(text: string): { date: string; index: number } | null {
  let best: { date: string; index: number } | null = null;
  for (const { re, pick } of WRITTEN_PATTERNS) {
    const m = re.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    const date = makeDate(...pick(m));
    if (date) best = { date, index: m.index };
  }
  return best;
}

/**
 * A dateline date in the first lines of a text ("date 2025-05-09", "May 8, 2025", "2025-05-09 10:31").
 * Only short lines or the start of a line count: a date deep inside the lead's prose is usually the event's.
 */
export function findDatelineDate(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 4);
  for (const line of lines) {
    const found = findWrittenDate(line.length <= 80 ? line : line.slice(0, 40));
    if (found) return found.date;
  }
  return null;
}

const URL_PATTERNS: RegExp[] = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/, // /2024/01/14/
  /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/, // /2024-01-14-slug
  /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/, // /20240114/
];

/** A date written in a URL's path. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  for (const re of URL_PATTERNS) {
    const m = re.exec(path);
    const date = m && makeDate(+m[1], +m[2], +m[3]);
    if (date) return date;
  }
  return null;
}

/** Hostname without `www.`, or null when the URL does not parse. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
