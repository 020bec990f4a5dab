// An automaton that answers whether anchorRegex(anchors, 'iu') finds something in a text, reading each character
// once with one table look-up. The regex tries its alternation's branches one after another at every position of
// the text (a table gate's thousands of anchors start with some thirty Latin letters, so some thirty tries a
// position); the automaton (Aho-Corasick over the anchors) takes one step a character. It is made for the anchors
// that a text of Latin-1 characters (U+0000-U+00FF: nearly all of an English sentence) may hold, and reads other
// characters of a text as below.
// How it reads the text as the regex does:
// - Each character of an anchor is read by the regex with a source of its own (anchor-regex.ts charSource: the
//   character in either case as 'iu' folds it, a class of the characters folding makes it, \s+ for whitespace).
//   Which Latin-1 characters each such source accepts is asked of the regex engine itself (anchorRegex of the
//   one character, tested on each of the 256), so case folding is read exactly as the regex reads it. An anchor
//   with a character that accepts no Latin-1 character (Hangul, kanji) cannot be found in such a text and is left
//   out.
// - Latin-1 characters that the same sources accept are one letter of the automaton's alphabet (a block: "k" and
//   "K", say); a character no source accepts is the block 0.
// - Whitespace (\s+: a run of one or more) is read as one letter per run: the automaton skips a whitespace
//   character that follows another. An anchor with two whitespace characters in a row (\s+\s+, a run of two or
//   more) would then be read as one run; with such an anchor the automaton accepts more texts than the regex, so
//   it is not exact, and a text it accepts is asked of the regex again (LatinAutomaton.exact).
// A character beyond Latin-1 (a curly quote, a dash, Hangul) is read the same way when first met: the sources that
// accept it, asked of each, give its letter (a character accepted by no source is the block 0). A text holding one
// that the automaton cannot read is left to the regex (mayFindLatin answers null): a character that some anchor
// left out accepts (that anchor might be found there), one accepted by sources that accept no Latin-1 character
// together (no letter is it), and half of a surrogate pair (the regex reads the pair as one character).
// Written here, not taken from an npm Aho-Corasick package: those match strings code unit by code unit (at most
// with ASCII case folding), and what must be matched is the regex's own reading of each character (Unicode case
// folding, the folded quotes and hyphens, whitespace runs), asked of the engine, which such a package would need
// as a custom alphabet and a whitespace rule of its own: the few lines of the automaton itself are the least of it.
import { ANCHOR_AUTOMATON_MAX_STATES } from '../settings.js';
import { anchorRegex } from './anchor-regex.js';
import { WORD_BOUNDARY } from './literal-anchors.js';

const LATIN1 = 256;

export interface LatinAutomaton {
  /** Per Latin-1 character, its letter of the alphabet (block 0: accepted by no anchor character). */
  blocks: Uint8Array;
  /** Letters of the alphabet. */
  width: number;
  /** The letter of whitespace (every whitespace character of Latin-1 is one block: checked when made). */
  space: number;
  /** The next state, at state × width + letter. */
  delta: Uint16Array;
  /** 1 for a state reached at the end of some anchor. */
  accepts: Uint8Array;
  /** Accepting means the regex finds an anchor (no anchor holds two whitespace characters in a row). */
  exact: boolean;
  /**
   * Per character beyond Latin-1 in the Basic Multilingual Plane (at its code − 256): its letter + 1 once read,
   * NOT_READ before, UNREADABLE for one the automaton cannot read.
   */
  wide: Int16Array;
  /** The sources of the letters, in the order of the keys of `letters` (whitespace's first). */
  sources: RegExp[];
  /** Per set of sources (a key of '0' and '1', one per source), its letter. */
  letters: Map<string, number>;
  /** Finds a character that the sources of the anchors left out accept (one a Latin-1 text cannot hold). */
  leftOut: RegExp | null;
}

const NOT_READ = 0;
const UNREADABLE = -1;
const BMP = 0x10000;

/** Latin-1 as one string: the character at index c is U+00c. */
const LATIN1_TEXT = String.fromCharCode(...Array.from({ length: LATIN1 }, (_, c) => c));
const WHITESPACE = /^\s$/;

/** Per anchor character, the Latin-1 characters its source accepts (null: none). The same for every table. */
const accepted = new Map<string, Uint8Array | null>();
/** Per such set, the source itself (the regex of the one character). */
const sourceOf = new Map<Uint8Array, RegExp>();

function acceptedBy(c: string): Uint8Array | null {
  let set = accepted.get(c);
  if (set !== undefined) return set;
  const re = anchorRegex([c], 'iu');
  if (re === null || !re.test(LATIN1_TEXT)) set = null;
  else {
    set = new Uint8Array(LATIN1);
    for (let x = 0; x < LATIN1; x++) set[x] = re.test(LATIN1_TEXT[x]) ? 1 : 0;
    sourceOf.set(set, re);
  }
  accepted.set(c, set);
  return set;
}

/**
 * Marks at once the characters beyond Latin-1 of `anchors` (Hangul, kanji: hundreds in the tables) whose sources
 * accept no Latin-1 character, where asking each alone took most of the automaton's making: the regex of all of
 * them as one-character anchors (the alternation of their sources) finds nothing in Latin-1 when none accepts any
 * of it. Otherwise each is asked alone (acceptedBy).
 */
function noneAcceptedAmong(anchors: readonly string[]): void {
  const wide = new Set<string>();
  for (const anchor of anchors) for (const c of Array.from(anchor.replaceAll(WORD_BOUNDARY, ''))) if (c.codePointAt(0) as number >= LATIN1 && !accepted.has(c)) wide.add(c);
  if (wide.size === 0) return;
  const all = anchorRegex([...wide], 'iu');
  if (all === null || all.test(LATIN1_TEXT)) return;
  for (const c of wide) accepted.set(c, null);
}

/**
 * The automaton of `anchors` (those anchorRegex(anchors, 'iu') finds), or null when it would be too large
 * (ANCHOR_AUTOMATON_MAX_STATES) or there are no anchors to read.
 */
export function latinAutomaton(anchors: readonly string[]): LatinAutomaton | null {
  // Each anchor as the sets of Latin-1 characters its characters accept; those that no Latin-1 text holds dropped.
  const words: Uint8Array[][] = [];
  noneAcceptedAmong(anchors);
  // Whitespace is a letter of its own even where no anchor holds any (the automaton reads a run of it as one).
  const sources = new Map<Uint8Array, number>([[acceptedBy(' ') as Uint8Array, 0]]);
  // The characters whose sources accept no Latin-1 character: the anchors that hold one are left out.
  const leftOut = new Set<string>();
  for (const anchor of anchors) {
    const sets: Uint8Array[] = [];
    let found = true;
    for (const c of Array.from(anchor.replaceAll(WORD_BOUNDARY, ''))) {
      const set = acceptedBy(c);
      if (set === null) {
        found = false;
        leftOut.add(c);
        continue;
      }
      sets.push(set);
    }
    if (!found || sets.length === 0) continue;
    for (const set of sets) if (!sources.has(set)) sources.set(set, sources.size);
    words.push(sets);
  }
  if (words.length === 0) return null;
  // The alphabet: Latin-1 characters accepted by the same sources are one letter.
  const all = [...sources.keys()];
  const letterOf = new Map<string, number>([[all.map(() => '0').join(''), 0]]);
  const blocks = new Uint8Array(LATIN1);
  for (let x = 0; x < LATIN1; x++) {
    const key = all.map((s) => s[x]).join('');
    let letter = letterOf.get(key);
    if (letter === undefined) letterOf.set(key, (letter = letterOf.size));
    blocks[x] = letter;
  }
  const width = letterOf.size;
  const space = blocks[0x20];
  // Per source, the letters of the Latin-1 characters it accepts.
  const lettersOf = new Map<Uint8Array, number[]>();
  for (const set of all) {
    const letters = new Set<number>();
    for (let x = 0; x < LATIN1; x++) if (set[x] === 1) letters.add(blocks[x]);
    lettersOf.set(set, [...letters]);
  }
  for (let x = 0; x < LATIN1; x++) if (WHITESPACE.test(LATIN1_TEXT[x]) !== (blocks[x] === space)) return null;
  // The trie of the anchors' letter sequences (a run of whitespace is one letter): each state's child on a letter
  // (keyed state × width + letter) and the letters it has children on.
  const child = new Map<number, number>();
  const childLetters: number[][] = [[]];
  const ends: number[] = [0];
  let exact = true;
  for (const sets of words) {
    let states = [0];
    let afterSpace = false;
    for (const set of sets) {
      const letters = lettersOf.get(set) as number[];
      const isSpace = letters.length === 1 && letters[0] === space;
      if (isSpace && afterSpace) {
        exact = false;
        continue;
      }
      afterSpace = isSpace;
      const reached: number[] = [];
      for (const s of states) {
        // An anchor that another one starts: the shorter one is found first.
        if (ends[s] === 1) continue;
        for (const letter of letters) {
          let t = child.get(s * width + letter);
          if (t === undefined) {
            t = ends.length;
            if (t >= ANCHOR_AUTOMATON_MAX_STATES) return null;
            ends.push(0);
            childLetters.push([]);
            child.set(s * width + letter, t);
            childLetters[s].push(letter);
          }
          reached.push(t);
        }
      }
      states = reached;
    }
    for (const s of states) ends[s] = 1;
  }
  // The states numbered in breadth-first order: those near the root, where the automaton spends most of its steps
  // on ordinary text, then sit together at the start of the table, which the processor's cache keeps (numbered as
  // made, they were strewn over its half megabyte). An anchor's end is not gone past (the scan stops there), so
  // what a longer anchor made below it is left out.
  const order = [0];
  const rank = new Int32Array(ends.length).fill(-1);
  rank[0] = 0;
  for (let q = 0; q < order.length; q++) {
    const s = order[q];
    if (ends[s] === 1) continue;
    for (const letter of childLetters[s]) {
      const t = child.get(s * width + letter) as number;
      rank[t] = order.length;
      order.push(t);
    }
  }
  // Each state's next state on every letter (Aho-Corasick): along the trie, else as from its failure state (the
  // longest proper suffix of its letters that the trie holds), whose row is made before (it is nearer the root):
  // the failure state's row copied, then the trie's own children written over it.
  const count = order.length;
  const delta = new Uint16Array(count * width);
  const accepts = new Uint8Array(count);
  const fail = new Int32Array(count);
  for (let q = 0; q < count; q++) {
    const s = order[q];
    accepts[q] = ends[s] === 1 || accepts[fail[q]] === 1 ? 1 : 0;
    // A state at an anchor's end is never left (the scan stops there): no row.
    if (accepts[q] === 1) continue;
    // The root's row stays all zeros but for its children.
    if (q > 0) delta.copyWithin(q * width, fail[q] * width, fail[q] * width + width);
    for (const letter of childLetters[s]) {
      const t = rank[child.get(s * width + letter) as number];
      fail[t] = q === 0 ? 0 : delta[fail[q] * width + letter];
      delta[q * width + letter] = t;
    }
  }
  return {
    blocks,
    width,
    space,
    delta,
    accepts,
    exact,
    wide: new Int16Array(BMP - LATIN1),
    sources: all.map((set) => sourceOf.get(set) as RegExp),
    letters: letterOf,
    leftOut: leftOut.size ? anchorRegex([...leftOut], 'iu') : null,
  };
}

/** The letter + 1 of a character beyond Latin-1 (`code`), or UNREADABLE. */
function wideLetter(a: LatinAutomaton, code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return UNREADABLE;
  const c = String.fromCharCode(code);
  if (a.leftOut !== null && a.leftOut.test(c)) return UNREADABLE;
  let key = '';
  for (const source of a.sources) key += source.test(c) ? '1' : '0';
  const letter = a.letters.get(key);
  return letter === undefined ? UNREADABLE : letter + 1;
}

/**
 * Whether the automaton's anchors may be in `text`: false when none is, true when one is (exact automaton) or may
 * be (then ask the regex), null when the text holds a character the automaton cannot read (ask the regex).
 */
export function mayFindLatin(a: LatinAutomaton, text: string): boolean | null {
  const { blocks, width, space, delta, accepts, wide } = a;
  let state = 0;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter: number;
    if (c < LATIN1) letter = blocks[c];
    else {
      let known = wide[c - LATIN1];
      if (known === NOT_READ) wide[c - LATIN1] = known = wideLetter(a, c);
      if (known === UNREADABLE) return null;
      letter = known - 1;
    }
    if (letter === space) {
      if (afterSpace) continue;
      afterSpace = true;
    } else afterSpace = false;
    state = delta[state * width + letter];
    if (accepts[state] === 1) return true;
  }
  return false;
}
