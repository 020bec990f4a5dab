// Korean date refiners, run on the shared date rule's candidates:
// - a date right after a reporting subject ("조선중앙통신은 3일 …보도했다", "합참은 이날 …") dates the statement;
// - of the plausible days in the opening launch sentences, the latest is the news ("지난 2일 … 발사 후 일주일 만",
//   then "북한이 9일 … 발사했다"): Korean reports give the background launch first as often as last.
import { dateParser, OPENING_EXPLICIT_RANK, SPOKEN_PENALTY, type DateCandidate } from '../../rules/date.js';
import type { Parser, Refiner } from '../../rule.js';
import { koreanReaderPhrases } from './phrases.js';

const statementDateLast: Refiner<DateCandidate> = {
  name: 'statement-date-last',
  refine(candidates) {
    const subject = koreanReaderPhrases().statementSubjectBefore;
    for (const c of candidates) if (subject.test(c.unit.text.slice(0, c.mention.start))) c.rank += SPOKEN_PENALTY;
    return candidates;
  },
};

const latestOpeningDayFirst: Refiner<DateCandidate> = {
  name: 'latest-opening-day-first',
  refine(candidates) {
    const opening = candidates.filter((c) => c.rank === OPENING_EXPLICIT_RANK && c.mention.date);
    if (opening.length < 2) return candidates;
    const latest = opening.reduce((a, b) => ((b.mention.date ?? '') > (a.mention.date ?? '') ? b : a));
    return [latest, ...candidates.filter((c) => c !== latest)];
  },
};

const [statementsAware, ...rest] = [statementDateLast, ...dateParser.refiners];
export const koreanDateParser: Parser<DateCandidate> = { rule: dateParser.rule, refiners: [statementsAware, ...rest, latestOpeningDayFirst] };
