// What a locale's configuration is: its language (for the knowledge matcher's word boundary and its phrase data),
// the readers that find dates, clock times, counts and lengths in its sentences, and the parsers (a rule and its
// refiners) that read it, in the order claims are made.
import type { Locale } from '../knowledge/index.js';
import type { Span } from '../types.js';
import type { CountMention } from './counts.js';
import type { DateMention } from './dates.js';
import type { LengthMention } from './quantities.js';
import type { Parser, ClaimCandidate } from './rule.js';
import type { ActorCandidate } from './rules/actor.js';
import type { DateCandidate } from './rules/date.js';
import type { ReportCandidate } from './rules/report.js';
import type { TimeMention } from './times.js';

/** How a locale's sentences are read for dates, clock times, counts and lengths: the rules call these. */
export interface Readers {
  /** Dates in a sentence, resolved against the reference date (or a year hint when there is none). */
  dates(text: string, reference: string | null, yearHint: number | null): DateMention[];
  times(text: string): TimeMention[];
  /** Counts of fired missiles; `names` are the spans of designations, which count like a missile noun. */
  counts(sentence: string, names: readonly Span[]): CountMention[];
  lengths(sentence: string): LengthMention[];
}

export interface Configuration {
  locale: Locale;
  readers: Readers;
  /** Who launched: decided first, since times and UTC weekdays are read on the launcher's clock. */
  actor: Parser<ActorCandidate>;
  /** The main launch's date: decided next, since it tells the main sentences from the background. */
  date: Parser<DateCandidate>;
  /** Whether the article reports a launch at all. */
  report: Parser<ReportCandidate>;
  /** The claim parsers, in claim order (the date claim comes first, from the date decision). */
  claims: readonly Parser<ClaimCandidate>[];
}
