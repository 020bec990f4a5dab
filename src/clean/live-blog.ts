// Live blogs: a page of timestamped entries ("10:42 KST", "[8:15 a.m. JST] …", "Oct 1, 19:55 -- …",
// "9:14AM | …", "Updated 3 mins ago") posted newest first. Put back in the order things happened, the first
// entry that reports the launch becomes the lede, and a later entry's reactions no longer stand in for it.
import { MIN_LIVE_BLOG_ENTRIES } from '../settings.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// An entry stamp at the start of a line: optional bracket, optional "Mon D," date, a clock time with optional
// a.m./p.m. and zone letters, closed by the end of the line, a bracket, or a dash/bar/colon separator.
const CLOCK_STAMP = new RegExp(
  String.raw`^\[?\s*(?:(?<month>[A-Z][a-z]{2,8})\.?\s+(?<day>\d{1,2}),?\s+)?` +
    String.raw`(?<hour>\d{1,2})[:.](?<minute>\d{2})\s*(?<half>[ap])?\.?\s*(?:m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*` +
    String.raw`(?:\]\s*|\s(?:--|[-–—|:])\s*|\|\s*|$)`,
  'i',
);
// "Updated 3 mins ago", "2 hours ago": the age of the entry, older the larger it is.
const AGE_STAMP = /^(?:updated\s+)?(?<count>\d{1,3})\s*(?<unit>min(?:ute)?s?|h(?:ou)?rs?)\s+ago\b[\s:|–—-]*/i;
// A rule line ("---", "***") closes the blog: what follows it (a chronology, a footer) stays in place.
const RULE_LINE = /^[-–—_*=]{3,}$/;

/** The moment a stamp names, in minutes on a common scale where later is larger; null when not a stamp. */
export function stampMinutes(line: string): { minutes: number; length: number } | null {
  const age = AGE_STAMP.exec(line);
  if (age?.groups) {
    const n = Number(age.groups.count);
    return { minutes: -(age.groups.unit.toLowerCase().startsWith('h') ? n * 60 : n), length: age[0].length };
  }
  const m = CLOCK_STAMP.exec(line);
  if (!m?.groups) return null;
  const { month, day, hour, minute, half } = m.groups;
  const monthIndex = month ? MONTHS.indexOf(month.slice(0, 3).toLowerCase()) : -1;
  if (month && monthIndex < 0) return null;
  let h = Number(hour);
  if (h > 23 || Number(minute) > 59) return null;
  if (half) h = (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  const dayMinutes = monthIndex >= 0 ? (monthIndex * 31 + Number(day)) * 24 * 60 : 0;
  return { minutes: dayMinutes + h * 60 + Number(minute), length: m[0].length };
}

/** "[7:30 a.m. JST] The ministry said …" → the stamp and the entry's text as lines of their own. */
function splitStamp(line: string): string[] {
  const stamp = stampMinutes(line);
  const rest = stamp ? line.slice(stamp.length).trim() : '';
  return stamp && rest !== '' ? [line.slice(0, stamp.length).trim(), rest] : [line];
}

interface Entry {
  minutes: number;
  lines: string[];
}

/**
 * The lines in the order things happened: when at least MIN_LIVE_BLOG_ENTRIES lines open with a stamp and the
 * stamps run newest first, the entries (each a stamped line and the lines up to the next stamp) are reversed.
 * Lines before the first stamp and from a rule line on keep their place; a page in time order is left as it is.
 * A stamp glued to its entry's text goes on a line of its own, so the entry's first sentence reads as a sentence.
 */
export function chronologicalLiveBlog(lines: string[]): string[] {
  const first = lines.findIndex((l) => stampMinutes(l) !== null);
  if (first < 0) return lines;
  const ruleAt = lines.findIndex((l, i) => i > first && RULE_LINE.test(l));
  const end = ruleAt < 0 ? lines.length : ruleAt;
  const entries: Entry[] = [];
  for (const line of lines.slice(first, end)) {
    const stamp = stampMinutes(line);
    if (stamp) entries.push({ minutes: stamp.minutes, lines: [line] });
    else entries[entries.length - 1].lines.push(line);
  }
  if (entries.length < MIN_LIVE_BLOG_ENTRIES) return lines;
  const newestFirst = entries.every((e, i) => i === 0 || e.minutes <= entries[i - 1].minutes);
  if (!newestFirst || entries[0].minutes === entries[entries.length - 1].minutes) return lines;
  return [...lines.slice(0, first), ...entries.reverse().flatMap((e) => e.lines.flatMap(splitStamp)), ...lines.slice(end)];
}
