// Japanese date refiner, run on the shared date rule's candidates: a day number right after a reporting subject and
// closed by a comma ("朝鮮中央通信は19日、…18日午後に発射した", "国営メディアは25日、前日の24日に…") dates the statement
// when the same sentence goes on to name another day: that day comes first. A statement day alone in its sentence
// ("防衛省は4日、…発射されたと発表した") still dates the launch.
import { dateParser, SPOKEN_PENALTY, type DateCandidate } from '../../../rules/date.js';
import type { Parser, Refiner } from '../../../rule.js';
import { jaPatterns } from '../patterns.js';

const statementDateLast: Refiner<DateCandidate> = {
  name: 'statement-date-last',
  refine(candidates) {
    const p = jaPatterns();
    for (const c of candidates) {
      const text = c.unit.text;
      const laterDay = candidates.some((o) => o.unit === c.unit && o.mention.start > c.mention.start && o.mention.date && o.mention.date !== c.mention.date);
      if (laterDay && p.statementSubjectBefore.test(text.slice(0, c.mention.start)) && p.statementDateAfter.test(text.slice(c.mention.end))) c.rank += SPOKEN_PENALTY;
    }
    return candidates;
  },
};

export const japaneseDateParser: Parser<DateCandidate> = { rule: dateParser.rule, refiners: [statementDateLast, ...dateParser.refiners] };
