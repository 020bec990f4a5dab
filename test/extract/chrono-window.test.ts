import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/clean/index.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { ROOT } from '../helpers/cli.js';
import * as chronoEn from 'chrono-node/en';
import type { ParsedResult, ParsingContext } from 'chrono-node';
import { isWall, literalRuns, windowedChrono } from '../../src/extract/chrono-window.js';
import { CALENDAR_CUE_RE, readCalendarDates } from '../../src/extract/dates.js';
import { rng } from '../../scripts/seeded-random.mjs';

// chrono-window gives chrono a sentence up to the end of a "wall" word only; the readings readCalendarDates keeps
// must be the same as from the whole sentence, and chrono's results before the wall the same too. The sentences
// below are made up.

const windowed = windowedChrono(chronoEn.casual, CALENDAR_CUE_RE);
const REFERENCES = [null, '2024-03-05', '2031-12-31'];

/** Everything chrono tells of a result, for comparing two readings. */
const resultJson = (r: ParsedResult): string =>
  JSON.stringify({ index: r.index, text: r.text, start: r.start.date().toISOString(), startTags: [...r.start.tags()].sort(), known: [
    'year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'timezoneOffset',
  ].map((c) => [c, r.start.isCertain(c as 'year'), r.start.get(c as 'year')]), end: r.end ? [r.end.date().toISOString(), [...r.end.tags()].sort()] : null, tags: [...r.tags()].sort() });

const instant = (reference: string | null): Date => (reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12)));

const cutOf = (text: string): number => windowed.cutOf(text);

/** The differences between the plain and the windowed reading of `text`, as strings (none expected). */
function differences(text: string): string[] {
  const out: string[] = [];
  const cut = cutOf(text);
  for (const reference of REFERENCES) {
    const plain = readCalendarDates(text, reference, chronoEn);
    const cutRead = readCalendarDates(text, reference, windowed);
    if (JSON.stringify(plain) !== JSON.stringify(cutRead)) out.push(`${reference}: ${JSON.stringify(plain)} vs ${JSON.stringify(cutRead)}`);
    // Every result chrono finds before the cut, whatever readCalendarDates keeps of it, is found alike.
    const option = { forwardDate: false };
    const all = chronoEn.parse(text, { instant: instant(reference), timezone: 0 }, option).filter((r) => r.index < cut).map(resultJson);
    const part = chronoEn.parse(text.slice(0, cut), { instant: instant(reference), timezone: 0 }, option).map(resultJson);
    if (JSON.stringify(all) !== JSON.stringify(part)) out.push(`${reference} raw: ${all.join(' ')} vs ${part.join(' ')}`);
  }
  return out;
}

const SENTENCES = [
  "SEOUL, January 10, 2031 - North Korea fired a ballistic missile from the Wonsan area on Friday morning, South Korea's Joint Chiefs of Staff said.",
  'TOKYO, March 3, 2030 - Japan said the missile, fired at 7:30 a.m. KST, fell outside its waters on Tuesday.',
  'The test of January 10 - Korea said it was the third this year - came 3 days after the summit on Monday.',
  'North Korea fired missiles on May 5 and May 7, 2024, and again at 11 p.m. on Sunday.',
  'Launched on 12/03/2024 (2230 GMT Wednesday), the rocket flew 600 km, officials said later.',
  'On Friday, January 10 the missile flew eastward, hours before the meeting in Tokyo.',
  'The statement dated 2019-07-25 followed launches from Sinpo until 4 p.m. the next afternoon.',
  'January 10 Korea; January 11 missile; January 12 launched at noon.',
  'Pyongyang tested weapons from March 2 to March 5 and from 9 to 11 April.',
  'The ministry spokesperson said the projectile, launched June 1st, 2023, was a cruise missile.',
  'MARCH 3, 2031 - KOREA FIRED TWO MISSILES AT DAWN.',
  'It happened potato 5 tatami on May 9 hottest 10 tat 7:30 p.m.',
];

// Pieces of random sentences: dates, times, chrono's words, walls and words that are not, punctuation and spaces.
const PIECES = [
  'January', 'Jan.', 'May', 'mar', 'Sept.', 'December', '10', '3', '31', '2024', '1999', '12/03/2024', '2019-07-25',
  '5/6', '7:30', '23:10', 'a.m.', 'p.m.', 'am', 'GMT', 'KST', 'UTC+9', '+09:00', 'Friday', 'Mon', 'weekend', 'morning',
  'tonight', 'noon', 'today', 'yesterday', 'ago', 'later', 'after', 'before', 'until', 'through', 'to', 'at', 'on',
  'of', 'in', 'within', 'the', 'a', 'an', 'few', 'days', 'hours', 'week', 'next', 'last', 'this', 'st', 'th', 'AD',
  'BC', 'Korea', 'missile', 'ballistic', 'fired', 'launched', 'ministry', 'North', 'Wonsan', 'potato', 'tatami',
  'hottest', 'stat', 'Tokyo', 'Seoul', 'sad', 'mosaic', 'weapons', 'spokesperson', '-', '–', ',', '.', '(', ')', '/',
  ';', '"', "'", 'é', 'x',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '', ', ', '  ', '\u00a0'];

function randomSentences(seed: number, n: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = 2 + Math.floor(next() * 18);
    let s = '';
    for (let j = 0; j < words; j++) s += (j ? SEPARATORS[Math.floor(next() * SEPARATORS.length)] : '') + PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return out;
}

describe('chrono window', () => {
  it('reads the same dates from written sentences as chrono over the whole sentence', () => {
    for (const text of SENTENCES) expect(differences(text), text).toEqual([]);
    // The window engages on most of them (the dateline is read up to "North Korea").
    expect(SENTENCES.filter((t) => cutOf(t) < t.length).length).toBeGreaterThan(6);
    expect(SENTENCES[0].slice(0, cutOf(SENTENCES[0]))).toBe('SEOUL, January 10, 2031 - North Korea');
  });

  it('reads the same dates from random sentences as chrono over the whole sentence (seeded)', () => {
    const texts = randomSentences(9, 6000);
    const differ = texts.flatMap((t) => differences(t).map((d) => `${t} => ${d}`));
    expect(differ).toEqual([]);
    // Both answers are tested often: sentences cut short, sentences read whole, and cut ones that hold readings.
    const cut = texts.filter((t) => cutOf(t) < t.length);
    expect(cut.length).toBeGreaterThan(500);
    expect(texts.length - cut.length).toBeGreaterThan(500);
    expect(cut.filter((t) => readCalendarDates(t, '2024-03-05', chronoEn).readings.length > 0).length).toBeGreaterThan(100);
  });

  it('finds walls only among words no row of literal runs spells', () => {
    const runs = new Set(['t', 'at', 'a', 'd', 'to', 'the']);
    expect(isWall('korea', runs, 3)).toBe(true);
    // "tatad" is a row of runs from its start; "xtat" from after its 't' (the time pattern's boundary "T").
    expect(isWall('tatad', runs, 3)).toBe(false);
    expect(isWall('xtat', runs, 3)).toBe(false);
    expect(isWall('xyzat', runs, 3)).toBe(true);
    expect(literalRuns(String.raw`(\W|^)(?:in\s*)?(jan\.?|mins?|a\s{0,2}couple)[a-z]\u00e9`)).toEqual(['in', 'jan', 'min', 's', 'a', 'couple']);
  });

  it("rests on what chrono's patterns are (the premises in chrono-window's header)", () => {
    for (const forwardDate of [false, true]) {
      const context = { option: { forwardDate } } as unknown as ParsingContext;
      for (const parser of chronoEn.casual.parsers) {
        const source = parser.pattern(context).source;
        const name = parser.constructor.name;
        // Its classes read no letter, but for [^\d] at its start (a digit follows) and the month name's look-ahead.
        const classes = source.match(/\[(?:\\.|[^\]])*\]/g) ?? [];
        for (const c of classes) {
          if (c.startsWith('[^')) {
            expect(['[^\\d]', '[^\\s\\w]', '[^0-9]'], `${name} ${c}`).toContain(c);
            continue;
          }
          expect(/[A-Za-z]/.test(c.replace(/\\./g, '')), `${name} ${c}`).toBe(false);
        }
        if (source.includes('[^\\d]')) expect(source.startsWith('([^\\d]|^)([0-3]'), name).toBe(true);
        if (source.includes('[^\\s\\w]') || source.includes('[^0-9]')) expect(source.endsWith('(?=[^\\s\\w]|\\s+[^0-9]|\\s+$|$)'), name).toBe(true);
        // No look-behind; a left boundary of a non-word character, the start, a 't' or a word boundary.
        expect(/\(\?<[=!]/.test(source), name).toBe(false);
        expect(['(\\W|^)', '([^\\d]|^)', '(^|\\s|T|\\b)'].some((b) => source.startsWith(b)), name).toBe(true);
        // It ends on a look-ahead for a non-word character or on a digit, never inside a word.
        const ends = ['(?=\\W|$)', '(?=(?:\\W|$))', '(?=\\W|$)(?!\\:\\d)', '(?=[^\\s\\w]|\\s+[^0-9]|\\s+$|$)', '(\\W|$)', '([0-9]{4})'];
        expect(ends.some((e) => source.endsWith(e)), `${name} ${source.slice(-30)}`).toBe(true);
      }
    }
    // The parsers whose extract reads the text after a match: the time parser (its range pattern, whose runs are
    // read) and the slash date (a slash and a digit); and the refiners, which read what chrono-window's header says.
    const names = chronoEn.casual.parsers.map((p) => p.constructor.name);
    expect(names).toEqual([
      'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENTimeUnitWithinFormatParser', 'ENMonthNameLittleEndianParser',
      'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser', 'ENTimeUnitAgoFormatParser',
      'ENTimeUnitLaterFormatParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser',
      'ENTimeUnitCasualRelativeFormatParser',
    ]);
    expect(chronoEn.casual.refiners.map((r) => r.constructor.name)).toEqual([
      'OverlapRemovalRefiner', 'ENMergeRelativeAfterDateRefiner', 'ENMergeRelativeFollowByDateRefiner', 'OverlapRemovalRefiner',
      'ExtractTimezoneOffsetRefiner', 'MergeWeekdayComponentRefiner', 'ENMergeDateTimeRefiner', 'ExtractTimezoneAbbrRefiner',
      'OverlapRemovalRefiner', 'ForwardDateRefiner', 'UnlikelyFormatFilter', 'ENMergeDateTimeRefiner', 'ENExtractYearSuffixRefiner',
      'ENMergeDateRangeRefiner', 'ENUnlikelyFormatFilter',
    ]);
  });
});

const CORPORA = [
  ...readdirSync(join(ROOT, 'test')).filter((d) => d.startsWith('corpus')).map((d) => join(ROOT, 'test', d)),
  ...['seeds', 'dev', 'dev2'].map((d) => join(ROOT, '..', 'shared', 'corpus', d)),
].filter((d) => existsSync(join(d, 'articles')));

describe('the chrono window reads the same dates on every corpus at hand', () => {
  for (const dir of CORPORA) {
    it(`${dir.slice(dir.lastIndexOf('/', dir.lastIndexOf('/') - 1) + 1)}: every sentence, cleaned (read as English)`, async () => {
      let sentences = 0;
      const differ: string[] = [];
      for await (const item of ingestPaths([join(dir, 'articles')])) {
        if (!item.ok) continue;
        const article = cleanDocument(item.doc);
        const texts = [article.title ?? '', ...article.sentences.map((s) => article.text.slice(s.start, s.end))];
        for (const text of texts) {
          sentences++;
          for (const reference of [article.published?.date ?? null, null]) {
            const plain = JSON.stringify(readCalendarDates(text, reference, chronoEn));
            if (plain !== JSON.stringify(readCalendarDates(text, reference, windowed))) differ.push(`${item.doc.origin}: ${text}`);
          }
        }
      }
      expect(differ).toEqual([]);
      expect(sentences).toBeGreaterThan(0);
    }, 300_000);
  }
});
