// Korean: the Korean readers of dates, clock times, counts and lengths, the shared rules read with the Korean
// phrases (data/locales/ko/phrases.json) and the Korean word boundary, and Korean rules where the phrasing is
// Korean-only: a launch that is only what a meeting is about, the subject marked by its particle, the site before
// "에서", the sea before "으로", the designation written in English.
import type { Configuration, Readers } from '../../configuration.js';
import { bearingParser } from '../../rules/bearing.js';
import { classParser } from '../../rules/class.js';
import { koreanActorParser } from './actor.js';
import { koreanCountParser } from './count.js';
import { koreanDateParser } from './date.js';
import { eezParser } from '../../rules/eez.js';
import { apogeeParser, distanceParser } from '../../rules/length.js';
import { timeParser } from '../../rules/time.js';
import { findKoreanCounts } from './counts.js';
import { findKoreanDates } from './dates.js';
import { koreanLandingParser } from './landing.js';
import { findKoreanLengths } from './lengths.js';
import { koreanNameParser } from './name.js';
import { koreanReportParser } from './report.js';
import { koreanSiteParser } from './site.js';
import { findKoreanTimes } from './times.js';

export const koreanReaders: Readers = {
  dates: findKoreanDates,
  times: findKoreanTimes,
  counts: findKoreanCounts,
  lengths: findKoreanLengths,
};

export const korean: Configuration = {
  locale: 'ko',
  readers: koreanReaders,
  actor: koreanActorParser,
  date: koreanDateParser,
  report: koreanReportParser,
  claims: [timeParser, distanceParser, apogeeParser, koreanCountParser, classParser, koreanNameParser, koreanSiteParser, koreanLandingParser, eezParser, bearingParser],
};
