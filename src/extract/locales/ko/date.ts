// Korean date refiners, run on the shared date rule's candidates:
// - a date right after a reporting subject ("조선중앙통신은 3일 …보도했다", "합참은 이날 …") or right before a source
//   ("7일 군 소식통에 따르면") dates the statement;
// - of the plausible days in the opening launch sentences, the latest is the news ("지난 2일 … 발사 후 일주일 만",
//   then "북한이 9일 … 발사했다"): Korean reports give the background launch first as often as last; a span of
//   days ("11일과 12일") is dated by its first day.
import { dateParser, OPENING_EXPLICIT_RANK, SPOKEN_PENALTY, type DateCandidate } from '../../rules/date.js';
import type { Parser, Refiner } from '../../rule.js';
import { koreanReaderPhrases } from './phrases.js';

const statementDateLast: Refiner<DateCandidate> = {
  name: 'statement-date-last',
  refine(candidates) {
    const k = koreanReaderPhrases();
    for (const c of candidates) {
      const text = c.unit.text;
      if (k.statementSubjectBefore.test(text.slice(0, c.mention.start)) || k.statementAfterDate.test(text.slice(c.mention.end))) c.rank += SPOKEN_PENALTY;
    }
    return candidates;
  },
};

const latestOpeningDayFirst: Refiner<DateCandidate> = {
  name: 'latest-opening-day-first',
  refine(candidates, ctx) {
    const opening = candidates.filter((c) => c.rank === OPENING_EXPLICIT_RANK && c.mention.date);
    if (opening.length < 2) return candidates;
    let latest = opening.reduce((a, b) => ((b.mention.date ?? '') > (a.mention.date ?? '') ? b : a));
    // "11일과 12일": one span of days, dated by its first day.
    const spanStart = opening.find((c) => c.unit === latest.unit && c.mention.end <= latest.mention.start && ctx.phrases.rule.joinedDays.test(c.unit.text.slice(c.mention.end, latest.mention.start)));
    if (spanStart) latest = spanStart;
    return [latest, ...candidates.filter((c) => c !== latest)];
  },
};

const [statementsAware, ...rest] = [statementDateLast, ...dateParser.refiners];
export const koreanDateParser: Parser<DateCandidate> = { rule: dateParser.rule, refiners: [statementsAware, ...rest, latestOpeningDayFirst] };
