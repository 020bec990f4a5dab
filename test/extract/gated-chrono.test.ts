// chrono with gated parsers (extract/gated-chrono.ts) reads exactly as chrono: every result the same (JSON of each,
// tags included), on sentences written here and on seeded random texts built from chrono's own words; and each
// gate is a necessary condition of its parser's regex (the regex never matches a text its gate turns away).
import { casual, type ParsingResult } from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { gatedChrono } from '../../src/extract/gated-chrono.js';
import { mulberry32 } from '../../src/resolve/copies/hash.js';

const gated = gatedChrono(casual);

/** Every result as JSON, the tag sets as sorted lists (a Set has no JSON). */
const asJson = (results: ParsingResult[]): string => JSON.stringify(results, (_key, value: unknown) => (value instanceof Set ? [...(value as Set<string>)].sort() : value));

const REFERENCES = [new Date(Date.UTC(2031, 0, 10, 12)), new Date(Date.UTC(2000, 0, 1, 12)), new Date(Date.UTC(2024, 1, 29, 3))];

/** Whether the gated chrono reads `text` as chrono does, against each reference, with and without forwardDate. */
function expectSameReading(text: string): void {
  for (const instant of REFERENCES) {
    for (const forwardDate of [false, true]) {
      const plain = casual.parse(text, { instant, timezone: 0 }, { forwardDate });
      const mine = gated.parse(text, { instant, timezone: 0 }, { forwardDate });
      expect(asJson(mine), JSON.stringify(text)).toBe(asJson(plain));
    }
  }
}

/** A context as chrono's parsers read it for their patterns. */
const contextOf = (text: string) => ({ text, option: {}, refDate: REFERENCES[0] }) as unknown as Parameters<(typeof casual.parsers)[number]['pattern']>[0];

/** Per parser, whether its regex matches the text while its gate turns the text away (never allowed). */
function expectGatesNecessary(text: string): void {
  const context = contextOf(text);
  casual.parsers.forEach((parser, i) => {
    const own = parser.pattern(context);
    const given = gated.parsers[i].pattern(context);
    if (new RegExp(own.source, own.flags).test(text)) expect(given, `${parser.constructor.name}: ${JSON.stringify(text)}`).toBe(own);
  });
}

const WRITTEN = [
  'HARBOR CITY, May 3, 2031 - The navy fired two cruise missiles on Tuesday morning, officials said.',
  'The launch came three days ago, and another is expected within 5 minutes of midnight.',
  'Two hours later, a second rocket flew from the coast; a third followed 40 minutes after that.',
  'The test was on 2031-05-01T10:30:00Z, the ministry said, and again on 5/6/2031 and 10/2031.',
  'It happened last night at 10:30 p.m., or maybe this evening at 9 o\'clock.',
  'Officials said the drill ran from Jan. 6 to Jan. 9, 2031, then again on the 3rd of March.',
  'On Friday, July 4 the missile was fired at 23:10 GMT, about 12 hours before noon.',
  'Next week the council meets; last month it met twice, and the month after next it will meet again.',
  'The rocket lifted off yesterday, a few weeks earlier than the tests planned for tomorrow.',
  'Within a couple of days the crew returned, several minutes from now or half an hour hence.',
  'The report (filed 12.03.2031) said the launch was set for the weekend, or a weekday after this.',
  'A projectile flew 600 km; the flight lasted 9 min and ended +2d later at 0930 local time.',
  'Tonight at 8 pm and overmorrow at dawn, tmrw morning, this afternoon at 3.',
  'In 2031 the tests resumed in sept, in Oct. and in December 2031 AD.',
  'No dates here at all: a council approved a park budget.',
  '',
];

describe('chrono with gated parsers', () => {
  it('keeps chrono\'s parsers and refiners, in the same order', () => {
    expect(gated.parsers.length).toBe(casual.parsers.length);
    expect(gated.refiners).toEqual(casual.refiners);
    gated.parsers.forEach((p, i) => expect(Object.getPrototypeOf(p)).toBe(casual.parsers[i]));
  });

  it('gates some parsers: a dateline with no "ago" never reaches the "ago" parser\'s scan', () => {
    const context = contextOf('HARBOR CITY, May 3, 2031 - The navy fired two cruise missiles, officials said.');
    const turnedAway = gated.parsers.filter((p, i) => p.pattern(context) !== casual.parsers[i].pattern(context));
    expect(turnedAway.map((p) => p.constructor.name)).toContain('ENTimeUnitAgoFormatParser');
    const ago = contextOf('It flew three days ago.');
    const agoParser = casual.parsers.findIndex((p) => p.constructor.name === 'ENTimeUnitAgoFormatParser');
    expect(gated.parsers[agoParser].pattern(ago)).toBe(casual.parsers[agoParser].pattern(ago));
  });

  it('reads written sentences as chrono does', () => {
    for (const text of WRITTEN) {
      expectSameReading(text);
      expectGatesNecessary(text);
    }
    expect(gated.parse(WRITTEN[0], REFERENCES[0]).length).toBeGreaterThan(0);
  });

  it('reads seeded random texts of chrono\'s words as chrono does', () => {
    const words = [
      'ago', 'before', 'earlier', 'later', 'after', 'from now', 'henceforth', 'forward', 'out', 'within', 'in', 'for',
      '3', '10', '12', '31', '2031', '0930', 'two', 'eleven', 'a', 'an', 'few', 'several', 'half', 'couple of', 'the',
      'hours', 'hour', 'days', 'day', 'weeks', 'minutes', 'mins', 'h', 'd', 's', 'm', 'y', 'w', 'qtr', 'about',
      'this', 'last', 'past', 'next', 'now', 'today', 'tonight', 'tomorrow', 'tmr', 'yesterday', 'last night', 'morning',
      'evening', 'noon', 'midnight', 'Jan.', 'January', 'MAY', 'may', 'sept', 'Oct', 'Friday', 'Fri.', 'weekend', 'on',
      'at', 'p.m.', 'am', 'o\'clock', 'third', 'twenty-first', 'of', 'AD', 'BC', 'GMT', 'EST', '+', 'T', 'Z',
      '2031-05-01', '12:30', '5/6', '/', '-', '.', ',', ':', '(', ')', 'missile', 'fired', 'Seoul', 'said',
    ];
    const separators = [' ', ' ', ' ', '', ', ', '  ', '\n', '-', '/'];
    const rnd = mulberry32(7031);
    const pick = <T>(xs: readonly T[]): T => xs[rnd() % xs.length];
    let read = 0;
    for (let n = 0; n < 800; n++) {
      let text = '';
      const count = 1 + (rnd() % 14);
      for (let w = 0; w < count; w++) text += pick(words) + pick(separators);
      expectSameReading(text);
      expectGatesNecessary(text);
      if (casual.parse(text, REFERENCES[0]).length) read++;
    }
    // The texts are read as dates often, and often not.
    expect(read).toBeGreaterThan(150);
    expect(read).toBeLessThan(750);
  });
});
