// What a locale's configuration is: its language (for the knowledge matcher's word boundary and its phrase data),
// its chrono date parser, and the parsers (a rule and its refiners) that read it, in the order claims are made.
import type { Locale } from '../knowledge/index.js';
import type { DateParser } from './dates.js';
import type { Parser, ClaimCandidate } from './rule.js';
import type { ActorCandidate } from './rules/actor.js';
import type { DateCandidate } from './rules/date.js';
import type { ReportCandidate } from './rules/report.js';

export interface Configuration {
  locale: Locale;
  dateParser: DateParser;
  /** Who launched: decided first, since times and UTC weekdays are read on the launcher's clock. */
  actor: Parser<ActorCandidate>;
  /** The main launch's date: decided next, since it tells the main sentences from the background. */
  date: Parser<DateCandidate>;
  /** Whether the article reports a launch at all. */
  report: Parser<ReportCandidate>;
  /** The claim parsers, in claim order (the date claim comes first, from the date decision). */
  claims: readonly Parser<ClaimCandidate>[];
}
