// Line-level cleaning: strip glued boilerplate, join wrapped lines, drop boilerplate, link lists,
// duplicates and the repeated title; a live blog posted newest first is put in the order things happened.
// Returns the kept lines (future paragraphs) and what was removed.
import type { RemovedBlock } from '../types.js';
import { comparable, lineSketch, sketchOfComparable } from './comparable.js';
import { DATE_MARKER, matchBoilerplateLine, mayStartWithPrefix, PREFIX_RULES, splitJoinedLine, type BoilerplateRule } from './boilerplate.js';
import { MAX_BOILERPLATE_LINE_CHARS, MAX_LINK_LIST_ITEMS } from '../settings.js';
import { chronologicalLiveBlog } from './live-blog.js';
import { lastCodePoint } from './text-end.js';

/** Strips boilerplate glued to the start of a line; a prefix only counts when a real line follows it. */
function stripPrefixes(line: string, removed: RemovedBlock[], isFirstLine: boolean): string {
  let rest = line;
  if (isFirstLine) {
    const marker = DATE_MARKER.pattern.exec(rest);
    if (marker) {
      removed.push({ text: marker[0], reason: DATE_MARKER.reason });
      rest = rest.slice(marker[0].length).trim();
    }
  }
  // Collect a chain of glued prefixes ("Privacy Policy" + "reCAPTCHA"), then accept it only if what follows
  // starts like a real line: "Privacy PolicyreCAPTCHANorth…" strips, "Terms of service were…" does not.
  const chain: RemovedBlock[] = [];
  let after = rest;
  // A line no prefix rule matches (mayStartWithPrefix) ends the chain as the loop over the rules would.
  for (let found = true; found && after !== '' && mayStartWithPrefix(after); ) {
    found = false;
    for (const rule of PREFIX_RULES) {
      const m = rule.pattern.exec(after);
      if (!m) continue;
      chain.push({ text: m[0], reason: rule.reason });
      after = after.slice(m[0].length).trimStart();
      found = true;
      break;
    }
  }
  if (chain.length > 0 && (after === '' || /^[\p{Lu}\p{N}"“‘'(]/u.test(after))) {
    removed.push(...chain);
    rest = after;
  }
  return rest;
}

// A line cut in the middle of a sentence: no closing punctuation, and the next line goes on in lower case, or
// with a figure and its lower-case unit after a lower-case word ("…an altitude of more than" + "2,500 km.").
// Only the end of the line before is read (its last character, kept as a line grows by joins; the last bracket in
// it, read back from its last piece and only when asked), so joining thousands of wrapped lines costs time in
// proportion to their length: a bracket is looked for back to the last piece holding one, and once a line is joined
// after that look its new last piece holds one.
const CLOSING = new Set(['.', '!', '?', ':', ';', '"', '”', '’', "'", ')', ']', '…']);

/** The last round bracket in `s`, '(' or ')', or null when it has none. */
function lastBracket(s: string): '(' | ')' | null {
  const open = s.lastIndexOf('(');
  const close = s.lastIndexOf(')');
  if (open < 0 && close < 0) return null;
  return open > close ? '(' : ')';
}

/**
 * A line kept so far, as the pieces joined into it (joined once at the end: a string grown by += is re-copied
 * each time it is read), with what the join test reads of it.
 */
interface RawLine {
  pieces: string[];
  length: number;
  /** The last code point of the line. */
  last: string;
  /** The boilerplate rule the whole line matches, or null (tested once per line as it grows, read again below). */
  rule: BoilerplateRule | null;
}

const rawLine = (text: string): RawLine => ({
  pieces: [text], length: text.length, last: lastCodePoint(text), rule: matchBoilerplateLine(text),
});

/**
 * The last round bracket in a kept line: that of its last piece holding one (the spaces joining them hold none).
 * Read only when the join test gets that far (a line that ends open, before one that does not go on in lower case),
 * not for every line: two scans of each whole line were 3 % of the cleaning (V8 profile of launch reports).
 */
function lineBracket(line: RawLine): '(' | ')' | null {
  for (let i = line.pieces.length - 1; i >= 0; i--) {
    const bracket = lastBracket(line.pieces[i]);
    if (bracket !== null) return bracket;
  }
  return null;
}

/** Joins `next` to `line` with a space, keeping what the join test reads up to date. */
function join(line: RawLine, next: RawLine): void {
  line.pieces.push(next.pieces[0]);
  line.length += 1 + next.length;
  line.last = next.last;
  // Only built while short enough to be tested: a longer line is never boilerplate (MAX_BOILERPLATE_LINE_CHARS).
  line.rule = line.length <= MAX_BOILERPLATE_LINE_CHARS ? matchBoilerplateLine(line.pieces.join(' ')) : null;
}

const endsOpen = (line: RawLine): boolean => !CLOSING.has(line.last);
// A bracket left open at the end of a line ("at 5:58 a.m. (2058 GMT" + "Tuesday) from near …") goes on too.
// Its patterns are made once here: a regex literal in the function is a new RegExp object at each evaluation.
const STARTS_LOWER = /^\p{Ll}/u;
const IS_LOWER = /^\p{Ll}$/u;
const FIGURE_AND_LOWER_UNIT = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*\p{Ll}/u;
const CLOSES_BRACKET = /^[^()]*\)/;
const continuesSentence = (line: string, previous: RawLine): boolean =>
  STARTS_LOWER.test(line) ||
  (IS_LOWER.test(previous.last) && FIGURE_AND_LOWER_UNIT.test(line)) ||
  (CLOSES_BRACKET.test(line) && lineBracket(previous) === '(');

// Items of a link list: short headline-like lines, or numbered/bulleted links. A line that ends like a
// sentence (also 。, ！, ？ and a closing 」 or 』 after them) is text again.
function isLinkItem(line: string): boolean {
  if (/^\[\d{1,3}\]/.test(line) || /^https?:\/\/\S+$/.test(line)) return true;
  const words = line.split(' ').length;
  return words <= 20 && !/[.!?。！？]["”’'」』]?$/.test(line);
}

// A run of blanks other than a single space (which would be replaced by itself): each becomes one space.
const BLANK_RUN = / [ \t\f\v]+|[\t\f\v][ \t\f\v]*/g;

/**
 * Whether BLANK_RUN finds a run in `line`: exactly when it holds two spaces in a row, a tab, a form feed or a
 * vertical tab (a run is a space before another blank, or one of the other three). Told by the string search, which
 * skips to each, where the regex engine tries BLANK_RUN at every position: starting at a space, it stops at every
 * word (about 5,800 instructions a line of a launch report, callgrind, against some 3,300 for the four searches).
 */
export const hasBlankRun = (line: string): boolean => line.includes('  ') || line.includes('\t') || line.includes('\f') || line.includes('\v');

/** A line and its comparable form, made when first asked for (keyOf). */
interface SeenLine {
  line: string;
  key: string | null;
}

const keyOf = (seen: SeenLine): string => (seen.key ??= comparable(seen.line));
/** The sketch of a line without letters or digits. */
const EMPTY_SKETCH = sketchOfComparable('');

export interface CleanLines {
  lines: string[];
  removed: RemovedBlock[];
}

export function cleanLines(text: string, title: string | null): CleanLines {
  const removed: RemovedBlock[] = [];
  const joined: RawLine[] = [];
  for (const stored of text.split('\n')) {
    for (const line of splitJoinedLine(stored)) {
      const trimmed = (hasBlankRun(line) ? line.replace(BLANK_RUN, ' ') : line).trim();
      if (trimmed === '') continue;
      const rest = stripPrefixes(trimmed, removed, joined.length === 0 && removed.length === 0);
      if (rest === '') continue;
      const previous = joined.at(-1);
      const next = rawLine(rest);
      // Never glue boilerplate to a neighbour ("Close" + "newsletters…"): each must stay droppable on its own.
      const wrapped = previous !== undefined && endsOpen(previous) && continuesSentence(rest, previous);
      if (wrapped && !previous.rule && !next.rule) join(previous, next);
      else joined.push(next);
    }
  }

  const kept: string[] = [];
  // The lines kept so far by their sketch (lineSketch): a line's comparable form is made only when the title's sketch
  // or a kept line's is its own (lines with the same form have the same sketch). Per sketch, the kept line whose
  // form is not made yet (the first of the sketch: a list of one, so held alone); once a second line has the sketch,
  // the first one's form is made and goes to `keys` (null here then), where every later line of the sketch is
  // looked up: each form is made once and looked up by hash, so a page of many lines with one sketch ("Item 1 …
  // list", "Item 2 … list") is not compared line by line.
  const pending = new Map<string, SeenLine | null>();
  const keys = new Set<string>();
  const titleKey = title ? comparable(title) : null;
  const titleSketch = titleKey ? sketchOfComparable(titleKey) : null;
  let linkListLeft = 0;
  // Each joined line made as it is read (not all first into a list of objects, read once).
  for (const joinedLine of joined) {
    // A line of one piece (most lines) is that piece: join would copy it.
    const line = joinedLine.pieces.length === 1 ? joinedLine.pieces[0] : joinedLine.pieces.join(' ');
    const rule = joinedLine.rule;
    const sketch = lineSketch(line);
    const current: SeenLine = { line, key: null };
    if (linkListLeft > 0) {
      if (isLinkItem(line)) {
        removed.push({ text: line, reason: 'link-list' });
        linkListLeft--;
        continue;
      }
      linkListLeft = 0;
    }
    if (titleKey && sketch === titleSketch && keyOf(current) === titleKey) {
      removed.push({ text: line, reason: 'title' });
      continue;
    }
    if (rule) {
      removed.push({ text: line, reason: rule.reason });
      if (rule.startsLinkList) linkListLeft = MAX_LINK_LIST_ITEMS;
      continue;
    }
    // Exact repeats (captions shown twice, a headline repeated) — only a line with letters counts (an empty form's
    // sketch is the cut alone).
    if (sketch !== EMPTY_SKETCH) {
      const waiting = pending.get(sketch);
      if (waiting === undefined) pending.set(sketch, current);
      else {
        if (waiting !== null) {
          keys.add(keyOf(waiting));
          pending.set(sketch, null);
        }
        const key = keyOf(current);
        if (keys.has(key)) {
          removed.push({ text: line, reason: 'duplicate' });
          continue;
        }
        keys.add(key);
      }
    }
    kept.push(line);
  }
  return { lines: chronologicalLiveBlog(kept), removed };
}
