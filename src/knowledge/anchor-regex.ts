// The launch prefilter's anchors (literal-anchors.ts) as one regex over an article's raw title or text. The loose
// patterns read the text with every run of whitespace made one space (spacedOnce) and the designations read it
// folded as well (curly quotes, Unicode hyphens and no-break spaces made ASCII: knowledge fold); the anchor
// regex reads the raw text, so it lets an anchor's space stand for any run of whitespace and each character that
// folding makes stand for every character folded into it (neither changes which characters are word characters,
// so a word boundary stays where it was).
import { fold } from './fold.js';
import { WORD_BOUNDARY } from './literal-anchors.js';
import { MATCHES_NOTHING } from './loose-pattern.js';

const BMP_END = 0x10000;
let foldedFrom: Map<string, string> | null = null;

/** Per character that folding produces, the characters folded into it (read off fold itself, not listed again here). */
function foldSources(): Map<string, string> {
  if (foldedFrom) return foldedFrom;
  const from = new Map<string, string>();
  let all = '';
  for (let c = 0; c < BMP_END; c++) all += String.fromCharCode(c);
  const folded = fold(all);
  for (let c = 0; c < BMP_END; c++) {
    if (folded[c] !== all[c]) from.set(folded[c], (from.get(folded[c]) ?? '') + all[c]);
  }
  foldedFrom = from;
  return from;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const CLASS_SYNTAX = /[\\\]^-]/g;
const WHITESPACE = /^\s$/;

/** One character of an anchor as the regex reads the raw text for it (a word boundary as \b only when `boundaries`). */
function charSource(c: string, boundaries: boolean): string {
  if (c === WORD_BOUNDARY) return boundaries ? '\\b' : '';
  if (WHITESPACE.test(c)) return '\\s+';
  const sources = foldSources().get(c);
  return sources ? `[${(c + sources).replace(CLASS_SYNTAX, '\\$&')}]` : c.replace(SYNTAX, '\\$&');
}

/** Both sets of anchors, one of which a text must hold to match either pattern; null if either has none. */
export const eitherAnchors = (a: string[] | null, b: string[] | null): string[] | null => (a && b ? [...a, ...b] : null);

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/**
 * A regex source for the anchors under a trie node, shared prefixes written once: the regex engine tries one branch
 * per first character, not one per anchor (with a flat alternation of some two thousand designation anchors it took
 * a hundred times longer).
 */
function trieSource(node: Trie, boundaries: boolean): string {
  const branches = [...node.next].map(([c, child]) => charSource(c, boundaries) + (child.end ? '' : trieSource(child, boundaries)));
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

/** The trie of some anchors: an anchor that another one starts is left out (the shorter one finds it). */
function trieOf(anchors: string[]): Trie {
  const root: Trie = { end: false, next: new Map() };
  for (const a of anchors) {
    let node = root;
    for (const c of Array.from(a)) {
      if (node.end) break;
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
    node.next.clear();
  }
  return root;
}

/**
 * A regex that finds any of `anchors` in raw text ([] finds nothing), or null for none (no anchors derived, or one
 * that would be empty). `flags` are the flags of the patterns the anchors come from: with 'i' (no 'u') the anchor
 * regex reads word boundaries and letter case as those patterns do; with 'iu' it reads case as broadly as Unicode
 * case folding and drops the word boundaries (\b reads letters differently under 'iu'). `wordStarts` (with 'i'):
 * how the anchors that start at a word boundary with a word character find it ('class': wordStartSource).
 */
export function anchorRegex(anchors: string[] | null, flags: 'i' | 'iu', wordStarts: WordStarts = 'boundary'): RegExp | null {
  if (anchors === null) return null;
  // Nothing to find: a regex that matches nothing, sticky so that it is tried at one position only.
  if (anchors.length === 0) return new RegExp(MATCHES_NOTHING, 'y');
  const boundaries = flags === 'i';
  const shown = boundaries ? anchors : anchors.map((a) => a.replaceAll(WORD_BOUNDARY, ''));
  if (shown.includes('')) return null;
  // The anchors that start at a word boundary share one \b in front: the regex engine then tries their branches
  // only where a word starts (half the time of a \b in front of each). Read by 'class', those whose first
  // character is a word character are read after the non-word character before them, or at the text's start.
  const atWord = shown.filter((a) => a.startsWith(WORD_BOUNDARY)).map((a) => a.slice(WORD_BOUNDARY.length));
  const anywhere = shown.filter((a) => !a.startsWith(WORD_BOUNDARY));
  const byClass = wordStarts === 'class';
  const wordFirst = byClass ? atWord.filter(startsWithWordCharacter) : [];
  const otherFirst = byClass ? atWord.filter((a) => !startsWithWordCharacter(a)) : atWord;
  const parts: string[] = [];
  if (wordFirst.length) parts.push(wordStartSource(trieSource(trieOf(wordFirst), boundaries)));
  if (otherFirst.length) parts.push(`\\b${trieSource(trieOf(otherFirst), boundaries)}`);
  if (anywhere.length) parts.push(trieSource(trieOf(anywhere), boundaries));
  return new RegExp(parts.join('|'), flags);
}

/**
 * Whether an anchor starts with a word character as a regex with the 'i' flag and no 'u' reads it: an ASCII letter,
 * digit or underscore, written as itself (charSource), which that regex matches only to ASCII word characters (its
 * case folding never maps a character beyond ASCII to one within).
 */
const startsWithWordCharacter = (anchor: string): boolean => WORD_CHARACTER.test(anchor) && charSource(anchor[0], true) === anchor[0];
const WORD_CHARACTER = /^\w/;

/**
 * How an anchor regex with 'i' finds the anchors that start at a word boundary with a word character: 'boundary',
 * after \b; 'class', after a non-word character or at the text's start (wordStartSource).
 */
export type WordStarts = 'boundary' | 'class';

/**
 * The anchors of `trie` (each starting with a word character: startsWithWordCharacter) read where a word starts, for
 * a regex with the 'i' flag and no 'u': after a non-word character (\W, read with the anchor) or at the text's
 * start (^, the 'm' flag never given), which is where \b holds before a word character. The regex engine rejects
 * a position at once by its character (a class), where \b reads the characters on both sides first. Measured on
 * the launch-report stream's sentences, the sentence facts' scan (with the rule group's anchors) took 29.6 -> 24.5
 * µs a report, and 37.7 -> 29.2 with a character beyond Latin-1 in each sentence (V8 then reads the text as two-byte
 * characters); on 5 KB firehose articles the prefilter's launch anchors took 11.4 -> 11.0 µs but 13.9 -> 17.8 in
 * two-byte texts, so it is asked for by the sentence scans only. (A lookbehind after the anchor's first character,
 * (?<=\bl)aunch, took twice the time of \b: V8 then tries every branch at every position.) The regex finds an
 * anchor in a text exactly when one with \b in front does, though a match read after \W starts one character
 * earlier: ask it whether it matches (test), never where.
 */
const wordStartSource = (trie: string): string => `\\W${trie}|^${trie}`;

/**
 * How common each character is in English text, most common first (letters read in either case): pivotAnchorRegex
 * reads each anchor from its least common character. Only the speed depends on this order, never what is found.
 */
const COMMON = ' etaoinshrdlcumwfgypbvkjxqz0123456789,.\'"-';
const commonness = (c: string): number => {
  const at = COMMON.indexOf(c.length === 1 ? c.toLowerCase() : c);
  return at < 0 ? COMMON.length : at;
};

const SURROGATE = /[\ud800-\udfff]/;

/**
 * The anchors without those that hold another one: a text in which an anchor is found holds the one inside it too
 * (each character of an anchor is read the same wherever it stands), so the shorter one alone finds as much. One
 * with a surrogate code unit is never taken to be inside another (the regex reads a pair whole).
 */
function withoutContaining(anchors: string[]): string[] {
  const kept: string[] = [];
  for (const a of [...new Set(anchors)].sort((x, y) => x.length - y.length)) {
    if (!kept.some((k) => !SURROGATE.test(k) && a.includes(k))) kept.push(a);
  }
  return kept;
}

/**
 * A regex that finds any of `anchors` in raw text exactly where anchorRegex(anchors, 'iu') does, or null when that
 * is null, written to start at each anchor's least common character and look back from there for the characters
 * before it ("photo taken by" is tried at a "k": (?:k(?:(?<=photo\s+tak)en\s+by|…)|…)). The regex engine tries it
 * at every position of the text, and most positions hold none of those first characters, so they are rejected at
 * once; read from their first characters (p, t, i, a …: those of most words) the anchors send it into their
 * branches at most positions. Exact: each character source of an anchor matches one character (whitespace, the one
 * source of several, \s+, is never the one read first), so the anchor matches from a position exactly when its
 * least common character matches where it falls, the characters before it end there and those after it follow.
 */
export function pivotAnchorRegex(anchors: string[] | null): RegExp | null {
  if (anchors === null) return null;
  if (anchors.length === 0) return new RegExp(MATCHES_NOTHING, 'y');
  const byPivot = new Map<string, string[]>();
  for (const anchor of withoutContaining(anchors.map((a) => a.replaceAll(WORD_BOUNDARY, '')))) {
    const chars = Array.from(anchor);
    if (chars.length === 0) return null;
    let pivot = -1;
    for (let i = 0; i < chars.length; i++) {
      if (WHITESPACE.test(chars[i])) continue;
      if (pivot < 0 || commonness(chars[i]) > commonness(chars[pivot])) pivot = i;
    }
    // An anchor of whitespace only (none here): the plain regex.
    const sources = chars.map((c) => charSource(c, false));
    if (pivot < 0) return anchorRegex(anchors, 'iu');
    const before = sources.slice(0, pivot + 1).join('');
    const branch = (pivot > 0 ? `(?<=${before})` : '') + sources.slice(pivot + 1).join('');
    const branches = byPivot.get(sources[pivot]) ?? [];
    branches.push(branch);
    byPivot.set(sources[pivot], branches);
  }
  // The anchors of one character ("/", ">", "|"…) as one class: V8 tries the branches of an alternation one after
  // another at every position, so one branch for them all costs less than one each. A class's contents and an
  // escaped character are written into it as they are, a plain character escaped as a class needs.
  const single: string[] = [];
  const parts: string[] = [];
  for (const [pivot, branches] of byPivot) {
    if (!branches.includes('')) parts.push(`${pivot}(?:${branches.join('|')})`);
    else if (pivot.startsWith('[')) single.push(pivot.slice(1, -1));
    else single.push(pivot.startsWith('\\') ? pivot : pivot.replace(CLASS_SYNTAX, '\\$&'));
  }
  if (single.length) parts.unshift(`[${single.join('')}]`);
  // (A class of the pivots in front, (?=[…]), made it twice as slow: V8 then tries every branch behind it anyway.)
  return new RegExp(parts.join('|'), 'iu');
}
