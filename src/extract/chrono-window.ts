// The part of a sentence chrono needs to read for the readings findDates keeps: the sentence up to the end of a
// "wall" word after the last calendar cue, when there is one, else all of it. On a launch dateline ("SEOUL, May 3,
// 2031 - North Korea fired a ballistic missile from … on Friday morning, …") chrono then reads "SEOUL, May 3, 2031 -
// North Korea fired a ballistic" and neither scans the rest nor makes, merges and drops its weekday and time of day.
//
// Why the readings are the same. A wall is a maximal run of ASCII letters (at least CHRONO_WALL_MIN_LETTERS) that a
// non-word character follows, and that no path of chrono's patterns can read through:
//  - chrono's parser patterns (and the time parser's pattern for the second time of a range, and the refiners'
//    gap patterns) read letters only as literal letters (their only letter-reading classes are the negated ones
//    [^\d], followed by a digit, and the look-ahead [^0-9] at the end of a month name), case-insensitively
//    without the 'u' flag, where no other character folds to an ASCII letter. So a path reads a word's letters as a
//    row of the patterns' literal runs (literalRuns: the letters between two metacharacters, a letter under a
//    quantifier a run of its own), and it reads the whole word only if the word is such a row of runs;
//  - a path starts inside a word only after a 't' (the time pattern's left boundary "T") or through [^\d], which
//    needs a digit after it; a match that would start there (and so the next scan chrono starts one character on)
//    has to read on to the end of the word. So a wall is a word none of whose rows (from its start, or after a 't')
//    is a row of runs (isWall);
//  - every parser pattern ends on a look-ahead for a non-word character (or on a digit), so no reading ends inside
//    the wall either; the refiners read after a reading at most a time-zone abbreviation of two to four letters
//    (hence the five letters), a sign and digits, or a year, and merge two readings only across a gap of spaces,
//    punctuation and one of a few words that are runs themselves.
// So every reading before the wall and every path that reads into it are the same in the sentence and in its part
// up to the wall's end, whatever follows; and the readings after the wall, which that part lacks, are never merged
// with those before it and are dropped by readCalendarDates unless the calendar cue matches after the wall, which
// the wall is chosen to exclude. test/extract/chrono-window.test.ts compares the readings on written and seeded
// random sentences, and checks the premises above against chrono's patterns.
import type { Chrono, ParsingContext } from 'chrono-node';
import { CHRONO_WALL_MIN_LETTERS, CHRONO_WALL_WORDS_REMEMBERED } from '../settings.js';

/** What readCalendarDates asks of chrono, and where the windowed reader cuts a sentence. */
export interface ChronoWindow extends Pick<Chrono, 'parse'> {
  /** The length of the part of `text` chrono reads: the end of a wall, else the text's length. */
  cutOf(text: string): number;
}

/**
 * The literal letter runs of a regex source, lower-cased: the letters between two metacharacters; a letter a
 * quantifier follows is a run of its own and ends the run before it. Letters in escapes (\s, \d, \u00a0) and in
 * character classes are not literal (the classes of chrono's patterns hold no letter: checked by the test).
 */
export function literalRuns(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      end();
      const next = source[i + 1];
      i += next === 'u' ? 5 : next === 'x' ? 3 : next === 'c' ? 2 : 1;
      continue;
    }
    if (c === '[') {
      end();
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      end();
      continue;
    }
    const quantified = i + 1 < source.length && /[?*+{]/.test(source[i + 1]);
    if (quantified) {
      end();
      runs.push(c.toLowerCase());
      continue;
    }
    run += c.toLowerCase();
  }
  end();
  return runs;
}

/** The regexes a parser or refiner of chrono reads a sentence with, as far as they read letters after a match. */
function patternsOf(chrono: Chrono): RegExp[] {
  const patterns: RegExp[] = [];
  // A parser may build its pattern from the options (the 'within' parser, from forwardDate): both are read.
  for (const forwardDate of [false, true]) {
    // The parsers read only the options of the context they are given (the context of an empty text).
    const context = { option: { forwardDate } } as unknown as ParsingContext;
    for (const parser of chrono.parsers) {
      patterns.push(parser.pattern(context));
      // The time parser reads the second time of a range ("7 to 9 p.m.") after a match with a pattern of its own.
      const following = (parser as { getFollowingTimePatternThroughCache?: () => RegExp }).getFollowingTimePatternThroughCache;
      if (typeof following === 'function') patterns.push(following.call(parser));
    }
  }
  // The merging refiners' gaps ("to", "at", "on" …).
  for (const refiner of chrono.refiners) {
    const between = (refiner as { patternBetween?: () => RegExp }).patternBetween;
    if (typeof between === 'function') patterns.push(between.call(refiner));
  }
  return patterns;
}

/** Whether a word (lower-cased) is a wall of chrono's patterns, given their literal runs (see the header). */
export function isWall(word: string, runs: ReadonlySet<string>, longestRun: number): boolean {
  const n = word.length;
  // row[i]: the word from i on is a row of runs.
  const row: boolean[] = new Array<boolean>(n + 1).fill(false);
  row[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let k = 1; k <= longestRun && i + k <= n; k++) {
      if (row[i + k] && runs.has(word.slice(i, i + k))) {
        row[i] = true;
        break;
      }
    }
  }
  if (row[0]) return false;
  for (let i = 1; i < n; i++) if (word[i - 1] === 't' && row[i]) return false;
  return true;
}

// A maximal run of ASCII letters long enough to be a wall.
const WORD = new RegExp(`(?<![A-Za-z])[A-Za-z]{${CHRONO_WALL_MIN_LETTERS},}(?![A-Za-z])`, 'g');
// A word character (as \w reads it without the 'u' flag): a wall is followed by another character.
const WORD_CHARACTER = /\w/;

/**
 * chrono reading only the part of a sentence up to the end of its first wall after the last match of `cue` (see the
 * header). `cue` must match in every text that holds a reading the caller keeps (readCalendarDates's
 * mayHoldCalendarDate): the readings after the wall are not read.
 */
export function windowedChrono(chrono: Chrono, cue: RegExp): ChronoWindow {
  const runs = new Set<string>();
  for (const pattern of patternsOf(chrono)) for (const run of literalRuns(pattern.source)) runs.add(run);
  let longestRun = 0;
  for (const run of runs) longestRun = Math.max(longestRun, run.length);
  const everyCue = new RegExp(cue.source, cue.flags.includes('g') ? cue.flags : `${cue.flags}g`);
  const oneCue = new RegExp(cue.source, cue.flags.replace('g', ''));
  // Walls by word, lower-cased: the same words come back sentence after sentence.
  const walls = new Map<string, boolean>();
  const wall = (word: string): boolean => {
    const lower = word.toLowerCase();
    let known = walls.get(lower);
    if (known === undefined) {
      known = isWall(lower, runs, longestRun);
      if (walls.size >= CHRONO_WALL_WORDS_REMEMBERED) walls.clear();
      walls.set(lower, known);
    }
    return known;
  };
  const cutOf = (text: string): number => {
    let from = 0;
    everyCue.lastIndex = 0;
    for (let m = everyCue.exec(text); m !== null; m = everyCue.exec(text)) {
      from = m.index + m[0].length;
      if (m[0].length === 0) everyCue.lastIndex++;
    }
    WORD.lastIndex = from;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      const end = m.index + m[0].length;
      if (end >= text.length) break;
      if (WORD_CHARACTER.test(text[end]) || !wall(m[0])) continue;
      // The cue is asked of the rest itself: a match of the whole text's scan may have looked back past its start.
      if (oneCue.test(text.slice(end))) continue;
      return end;
    }
    return text.length;
  };
  return {
    cutOf,
    parse: (text, reference, option) => {
      const cut = cutOf(text);
      return chrono.parse(cut < text.length ? text.slice(0, cut) : text, reference, option);
    },
  };
}
