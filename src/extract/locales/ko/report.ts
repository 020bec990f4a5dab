// Korean report refiner: a headline or lead sentence whose launch is not itself the news does not report it — the
// launch as the subject of a meeting or a resolution ("北 ICBM 발사 논의", "발사와 관련해 공개회의를 열었다") or of
// preparations against it ("발사에 대비해"). Korean puts what the sentence is about after the launch word, so the
// shared rule's "negative before the missile noun" cannot see it.
import type { Parser, Refiner } from '../../rule.js';
import { reportParser, type ReportCandidate } from '../../rules/report.js';
import { koreanReaderPhrases } from './phrases.js';

const launchNotTheNews: Refiner<ReportCandidate> = {
  name: 'launch-not-the-news',
  refine: (candidates) => candidates.map((c) => (c.reports && koreanReaderPhrases().launchNotTheNews.test(c.unit.text) ? { ...c, reports: false } : c)),
};

export const koreanReportParser: Parser<ReportCandidate> = { rule: reportParser.rule, refiners: [...reportParser.refiners, launchNotTheNews] };
