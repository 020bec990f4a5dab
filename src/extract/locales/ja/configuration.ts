// Japanese: the Japanese readers (chrono's Japanese parser for written dates, our own for bare day numbers, 午前/午後
// times, N発 counts and キロ lengths), the shared rules where Japanese reads like any language through its phrase
// data (actor, date — with a statement's own day put last —, class, EEZ, bearing), and Japanese rules where the word
// order differs (the time's verb, the sea's motion and the site's から come after them; what a headline is about comes
// after its launch word), words cannot be counted (the lead), nouns have no number (the count) and names are
// transliterated (the name). Phrases are in data/locales/ja/phrases.json and rules.json; the knowledge tables match
// without word boundaries.
import { LEAD_MIN_CHARS_CJK, LEAD_SENTENCES } from '../../../settings.js';
import type { Configuration } from '../../configuration.js';
import type { ArticleContext, ReadUnit } from '../../context.js';
import { actorParser } from '../../rules/actor.js';
import { bearingParser } from '../../rules/bearing.js';
import { classParser } from '../../rules/class.js';
import { japaneseDateParser } from './rules/date.js';
import { eezParser } from '../../rules/eez.js';
import { apogeeParser, distanceParser } from '../../rules/length.js';
import { reportRuleOver } from '../../rules/report.js';
import { jaPatterns } from './patterns.js';
import { japaneseReaders } from './readers.js';
import { japaneseCountParser } from './rules/count.js';
import { japaneseLandingParser } from './rules/landing.js';
import { japaneseNameParser } from './rules/name.js';
import { launchNotTheNews } from './rules/report.js';
import { japaneseSiteParser } from './rules/site.js';
import { japaneseTimeParser } from './rules/time.js';

/** The headline, then the first body sentences long enough to be prose (counted in characters), past a release's
 *  or transcript's labelled header lines (日時：…, 場所：…). */
function headlineAndLead(ctx: ArticleContext): ReadUnit[] {
  const title = ctx.units.find((u) => u.part === 'title');
  const formLine = jaPatterns().formLine;
  const body = ctx.units.filter((u) => u.part === 'text' && !u.isCaption && u.text.trim().length >= LEAD_MIN_CHARS_CJK && !formLine.test(u.text.trim()));
  return [...(title ? [title] : []), ...body.slice(0, LEAD_SENTENCES)];
}

export const japanese: Configuration = {
  locale: 'ja',
  readers: japaneseReaders,
  actor: actorParser,
  date: japaneseDateParser,
  report: { rule: reportRuleOver(headlineAndLead), refiners: [launchNotTheNews] },
  claims: [japaneseTimeParser, distanceParser, apogeeParser, japaneseCountParser, classParser, japaneseNameParser, japaneseSiteParser, japaneseLandingParser, eezParser, bearingParser],
};
