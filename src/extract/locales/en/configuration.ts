// English: chrono's English parser, the English readers of clock times, counts and lengths, and the rules and
// refiners that read English reports. The phrases they match are in data/locales/en/phrases.json; the knowledge
// tables use the English word boundary.
import * as chronoEn from 'chrono-node/en';
import type { Configuration, Readers } from '../../configuration.js';
import { findCounts } from '../../counts.js';
import { windowedChrono } from '../../chrono-window.js';
import { CALENDAR_CUE_RE, findDates } from '../../dates.js';
import { findLengths } from '../../quantities.js';
import { findTimes } from '../../times.js';
import { actorParser } from '../../rules/actor.js';
import { bearingParser } from '../../rules/bearing.js';
import { classParser } from '../../rules/class.js';
import { countParser } from '../../rules/count.js';
import { dateParser } from '../../rules/date.js';
import { eezParser } from '../../rules/eez.js';
import { landingParser } from '../../rules/landing.js';
import { apogeeParser, distanceParser } from '../../rules/length.js';
import { nameParser } from '../../rules/name.js';
import { reportParser } from '../../rules/report.js';
import { siteParser } from '../../rules/site.js';
import { timeParser } from '../../rules/time.js';

// chrono's English reading of a sentence up to where the readings findDates keeps may lie (src/extract/chrono-window.ts).
const chronoEnglish = windowedChrono(chronoEn.casual, CALENDAR_CUE_RE);

export const englishReaders: Readers = {
  dates: (text, reference, yearHint) => findDates(text, reference, yearHint, chronoEnglish),
  times: findTimes,
  counts: (sentence, names) => findCounts(sentence, names, 'en'),
  lengths: (sentence) => findLengths(sentence, 'en'),
};

export const english: Configuration = {
  locale: 'en',
  readers: englishReaders,
  actor: actorParser,
  date: dateParser,
  report: reportParser,
  claims: [timeParser, distanceParser, apogeeParser, countParser, classParser, nameParser, siteParser, landingParser, eezParser, bearingParser],
};
