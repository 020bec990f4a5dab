// Korean clock times of a launch: "오전 7시 44분쯤" (07:44), "오후 3시 50분께" (15:50), "새벽 5시", "낮 12시 14분",
// "정오", "15시 50분"; a bare hour after a period word in the same sentence keeps that period ("오후 4시 …, 4시 14분께"
// is 16:14). A time whose next event word is a landing, an announcement or a meeting ("오전 8시 20분께 낙하",
// "오후 4시 7분 발표") rather than a launch is not returned.
import type { TimeMention } from '../../times.js';
import { koreanReaderPhrases } from './phrases.js';
import { compiled } from '../../compiled.js';

const HOURS_PER_HALF_DAY = 12;
// Without a period word, a time needs minutes or an "about" ending to be a clock time ("5시 57분께", "9시쯤").
const CLOCK = /(?:(오전|오후|새벽|아침|낮|저녁|밤)\s?)?(\d{1,2})\s?시\s?(?:(\d{1,2})\s?분|(반))?(\s?(?:쯤|께|경|무렵))?/g;

function toMinutes(period: 'am' | 'pm' | 'noon' | undefined, hour: number, minute: number): number | null {
  if (hour > 24 || minute > 59) return null;
  let h = hour;
  if (period === 'pm' && h < HOURS_PER_HALF_DAY) h += HOURS_PER_HALF_DAY;
  // "낮 1시" is 13:00; "낮 12시" is noon.
  if (period === 'noon' && h < 6) h += HOURS_PER_HALF_DAY;
  if (period === 'am' && h === HOURS_PER_HALF_DAY) h = 0;
  return (h % 24) * 60 + minute;
}

export function findKoreanTimes(text: string): TimeMention[] {
  const k = koreanReaderPhrases();
  const out: TimeMention[] = [];
  let lastPeriod: 'am' | 'pm' | 'noon' | undefined;
  const add = (start: number, surface: string, minutes: number): void => {
    const after = text.slice(start + surface.length);
    // Both patterns end at their event word: the nearer one says what happened at this time.
    const launch = k.launchAfter.exec(after);
    const other = k.notLaunchTimeAfter.exec(after);
    if (other && (!launch || other[0].length < launch[0].length)) return;
    out.push({ start, end: start + surface.length, surface, minutes, zone: 'unzoned', gloss: false });
  };
  for (const m of text.matchAll(CLOCK)) {
    const period = m[1] ? k.clockPeriods.get(m[1]) : undefined;
    if (period) lastPeriod = period;
    if (!m[1] && !m[3] && !m[4] && !m[5]) continue;
    const minutes = toMinutes(period ?? lastPeriod, Number(m[2]), m[4] ? 30 : Number(m[3] ?? 0));
    if (minutes !== null) add(m.index ?? 0, m[0].trimEnd(), minutes);
  }
  for (const [word, minutes] of k.clockWords) {
    for (const m of text.matchAll(compiled(word, 'g'))) add(m.index ?? 0, m[0], minutes);
  }
  return out.sort((a, b) => a.start - b.start);
}
