// Korean counts of missiles: "3발", "두 발", "한 발" (exact), "1기", "수발", "여러 발", "수십 발" (several, not exact),
// "2발 이상", "10여 발" (hedged, not exact). "발" must stand alone as the counter: "발사", "발표" are other words.
import type { CountMention } from '../../counts.js';
import { koreanReaderPhrases } from './phrases.js';
import { compiled } from '../../compiled.js';

export function findKoreanCounts(sentence: string): CountMention[] {
  const k = koreanReaderPhrases();
  const numerals = [...k.countNumerals.keys()].sort((a, b) => b.length - a.length).join('|');
  const several = [...k.countSeveral.keys()].sort((a, b) => b.length - a.length).join('|');
  // Group 1 a figure or numeral word, group 2 "여" (some), group 3 the counter; or group 4 a word for several.
  const counter = compiled(`(?<![\\d가-힣])(?:(\\d{1,3}|${numerals})\\s?(여)?\\s?(발|기)|(${several})\\s?발)`, 'g');
  const out: CountMention[] = [];
  for (const m of sentence.matchAll(counter)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = sentence.slice(end);
    if (k.countAfterNotMissile.test(after) || k.countBeforeNotMissile.test(sentence.slice(0, start))) continue;
    const surface = m[0];
    if (m[4]) {
      out.push({ start, end, surface, min: k.countSeveral.get(m[4]) ?? 2, exact: false, numeric: false });
      continue;
    }
    // "1기" counts missiles only as a figure; "한 기" is rare and "기" glues to too many words.
    if (m[3] === '기' && !/^\d/.test(m[1])) continue;
    const value = /^\d+$/.test(m[1]) ? Number(m[1]) : (k.countNumerals.get(m[1]) ?? NaN);
    if (!Number.isFinite(value) || value <= 0) continue;
    const hedged = m[2] !== undefined || k.countHedgeAfter.test(after);
    out.push({ start, end, surface, min: value, exact: !hedged, numeric: true });
  }
  return out;
}
