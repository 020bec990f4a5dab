// Korean lengths: "800km", "약 800㎞", "1,000여㎞", "2천700㎞", "800km가량", "900~1천km" (the larger figure), classified
// by the cue nearest before them in their clause ("고도", "정점고도" → apogee; "비행거리", "거리" → distance; "사거리",
// "궤도", "목표 고도" → a capability, not a flight) or by the words after them ("…를 날아갔다", "…를 비행했다" →
// distance; "…까지 상승" → apogee; "북동쪽 17㎞ 해상" → an offset; "…를 통과했다" → a height passed, neither). A cue names
// only the first figure after it.
import type { LengthMention } from '../../quantities.js';
import { koreanReaderPhrases } from './phrases.js';
import { compiled } from '../../compiled.js';

// A figure: "1,000", "1000", "2.5", "6,518.2", "2천700", "6천", "1만".
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(천|만)\s?(\d{1,3})?)?`;
const MULTIPLIER: Record<string, number> = { 천: 1000, 만: 10000 };
// A clause ends at a full stop, a comma (not one inside a figure, "5,768.5"), or a joining ending ("…했으며", "…했고",
// "…까지 상승해 989㎞를 비행", "…까지 올라가 …"): the climb's clause ends before the flight's).
const CLAUSE_BREAK = /(?<!\d)[.,;]|[.,;](?!\d)|며\s|고\s|(?:상승|도달)(?:해|하여|한 뒤|한 후)\s|올라(?:가|서)?\s/g;

function value(digits: string, mult: string | undefined, rest: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  return mult ? n * (MULTIPLIER[mult] ?? 1) + Number(rest ?? 0) : n;
}

export function findKoreanLengths(sentence: string): LengthMention[] {
  const k = koreanReaderPhrases();
  const figure = compiled(`(?<![\\d.,])(?:${NUMBER}\\s?(?:${k.lengthUnit})?\\s?(?:~|∼|-|–|에서)\\s?)?${NUMBER}\\s?여?\\s?(?:${k.lengthUnit})`, 'g');
  const out: LengthMention[] = [];
  let previousEnd = 0;
  for (const m of sentence.matchAll(figure)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const km = Math.max(value(m[4], m[5], m[6]), m[1] ? value(m[1], m[2], m[3]) : 0);
    if (!Number.isFinite(km) || km <= 0) continue;
    const head = sentence.slice(0, start);
    const breaks = [...head.matchAll(CLAUSE_BREAK)];
    // A cue names the first figure after it: in "고도 50여㎞로 약 400㎞를 비행했다" the altitude cue is the 50's, and
    // the 400 is read by the words after it.
    const clause = head.slice(Math.max(breaks.length ? (breaks[breaks.length - 1].index ?? 0) + 1 : 0, previousEnd));
    previousEnd = end;
    const after = sentence.slice(end);
    const lastCue = (re: RegExp): number => Math.max(-1, ...[...clause.matchAll(re)].map((x) => (x.index ?? 0) + x[0].length));
    let kind: LengthMention['kind'] = 'other';
    const capabilityCue = k.capabilityCue.exec(clause);
    const apogeeAt = lastCue(k.apogeeCue);
    const distanceAt = lastCue(k.distanceCue);
    if (k.offsetBefore.test(clause) || k.offsetAfter.test(after)) kind = 'offset';
    else if (k.waypointAfter.test(after)) kind = 'other';
    else if (capabilityCue && capabilityCue.index + capabilityCue[0].length >= Math.max(apogeeAt, distanceAt)) kind = 'capability';
    else if (apogeeAt >= 0 && apogeeAt > distanceAt) kind = 'apogee';
    else if (distanceAt >= 0) kind = 'distance';
    else if (k.apogeeAfter.test(after)) kind = 'apogee';
    else if (k.distanceAfter.test(after)) kind = 'distance';
    out.push({ start, end, surface: m[0], km, unit: 'km', kind, gloss: false });
  }
  return out;
}
