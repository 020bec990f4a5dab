// Literal anchors of a regex: a set of strings such that every match of the pattern contains one of them. The
// launch prefilter (prefilter.ts) derives them from the loosened phrase and designation patterns, so that one
// scan of an article for a handful of literal words ("missile", "rocket", "hwasong", "발사", "ミサイル"…)
// turns away most articles before the loose patterns (big case-insensitive alternations) are run at all. The
// anchors come from the tables themselves, so they cannot disagree with them: a pattern added to a table brings
// its own anchors. Derivation (after the trigram query analysis of Google Code Search, much simplified): a
// literal is its own exact set; a concatenation multiplies exact sets while they stay small and otherwise keeps
// the most selective factor; an alternation unites its branches' sets; an optional or repeated-from-zero part,
// a wildcard, a class of many characters or a negated class requires nothing. Sound whenever it answers: a
// pattern whose matches need no literal gives null, never a set that could miss a match. The patterns are read as
// the prefilter runs them, on text whose every run of whitespace is one space (loose-pattern.ts spacedOnce): \s
// stands for that space.
import { readDataJson } from '../paths.js';
import { ANCHOR_ENOUGH_LETTERS, ANCHOR_MAX_CLASS_CHARS, ANCHOR_MAX_EXACT_STRINGS } from '../settings.js';

/**
 * What a part of a pattern tells: `exact`, every string it can match (when few; [] when it matches nothing), or
 * else `required`, strings one of which each of its matches contains (null: nothing required).
 */
interface Info {
  exact: string[] | null;
  required: string[] | null;
  /** When not exact: strings one of which each of its matches starts with (null: not known). */
  prefix?: string[] | null;
}

/**
 * A word boundary (\b) kept in an anchor as this character, which no pattern or text here holds: "tested" after a
 * boundary is not "contested". The anchor regex reads it back as \b where its flags read \b as the pattern's do.
 */
export const WORD_BOUNDARY = '\u0008';

const EMPTY: Info = { exact: [''], required: null };
const ANYTHING: Info = { exact: null, required: null };

const unique = (xs: string[]): string[] => [...new Set(xs)];
/** ASCII letters in one case: every pattern here is matched case-insensitively, so "Hwasong" and "hwasong" are one anchor. */
const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const exactly = (xs: string[]): Info => ({ exact: unique(xs.map(lowerAscii)), required: null });

/** What a part requires of every match: its exact strings (unless it may match the empty string), else its requirement. */
function requirement(x: Info): string[] | null {
  if (x.exact === null) return x.required;
  return x.exact.includes('') ? null : x.exact;
}

// Words so common that an anchor made only of them finds nearly every text ("with" in "struck … with").
const COMMON_WORDS = new Set(readDataJson<{ words: string[] }>('search-stop-words.json').words);
const WORDS = /[\p{L}\p{N}]+/gu;

/** How telling an anchor is: its letters and digits, less those of common words (an anchor of those alone tells nothing). */
const weights = new Map<string, number>();
function weight(anchor: string): number {
  let w = weights.get(anchor);
  if (w === undefined) weights.set(anchor, (w = (anchor.match(WORDS) ?? []).reduce((n, word) => n + (COMMON_WORDS.has(word) ? 0 : word.length), 0)));
  return w;
}

/** How selective a requirement is: its least weight, counted up to ANCHOR_ENOUGH_LETTERS (past that, fewer anchors are better). */
const selectivity = (xs: string[]): number => (xs.length ? Math.min(ANCHOR_ENOUGH_LETTERS, ...xs.map(weight)) : Infinity);

/** An anchor's letters and digits, common words' included. */
const letters = (anchor: string): number => (anchor.match(WORDS) ?? []).reduce((n, word) => n + word.length, 0);

/**
 * How much a requirement says when its selectivity does not tell (both made of common words, say): its least
 * count of letters and digits, common words' included, up to ANCHOR_ENOUGH_LETTERS. "since the" or "when" still
 * turn up in few sentences; a bare word boundary, in every one.
 */
const spelled = (xs: string[]): number => (xs.length ? Math.min(ANCHOR_ENOUGH_LETTERS, ...xs.map(letters)) : Infinity);

/**
 * The more selective of two requirements: the larger selectivity (short, common anchors occur everywhere), then
 * the more letters (spelled), then fewer strings.
 */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const sa = selectivity(a);
  const sb = selectivity(b);
  if (sa !== sb) return sa > sb ? a : b;
  const la = spelled(a);
  const lb = spelled(b);
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

/** All joinings of a string of `heads` and one of `tails`, or null when there would be too many. */
function joined(heads: string[], tails: string[]): string[] | null {
  return heads.length * tails.length <= ANCHOR_MAX_EXACT_STRINGS ? unique(heads.flatMap((a) => tails.map((b) => a + b))) : null;
}

function concat(parts: Info[]): Info {
  let required: string[] | null = null;
  /** The exact strings of the current run of exact parts. */
  let run = [''];
  /** Whether the run is the whole sequence so far (no run ended, no inexact part). */
  let whole = true;
  let prefix: string[] | null = null;
  for (const p of parts) {
    if (p.exact !== null && p.exact.length === 0) return { exact: [], required: null };
    const longer = p.exact === null ? null : joined(run, p.exact);
    if (longer !== null) {
      run = longer;
      continue;
    }
    // The run ends here: it is one candidate requirement, or with the strings the next part starts with a longer
    // one; this part is another candidate, or starts the next run.
    const into = p.exact === null && p.prefix ? joined(run, p.prefix) : null;
    if (whole) prefix = into ?? run;
    whole = false;
    required = better(required, requirement({ exact: into ?? run, required: null }));
    if (p.exact !== null) run = p.exact;
    else {
      required = better(required, p.required);
      run = [''];
    }
  }
  if (whole) return { exact: run, required: null };
  return { exact: null, required: better(required, requirement({ exact: run, required: null })), prefix };
}

function union(branches: Info[]): Info {
  if (branches.every((b) => b.exact !== null) && branches.reduce((n, b) => n + (b.exact as string[]).length, 0) <= ANCHOR_MAX_EXACT_STRINGS) {
    return { exact: unique(branches.flatMap((b) => b.exact as string[])), required: null };
  }
  const required: string[] = [];
  const starts: string[] = [];
  let startsKnown = true;
  for (const b of branches) {
    const r = requirement(b);
    if (r === null) return ANYTHING;
    required.push(...r);
    const start = b.exact ?? b.prefix;
    if (start) starts.push(...start);
    else startsKnown = false;
  }
  return { exact: null, required: unique(required), prefix: startsKnown ? unique(starts) : null };
}

function repeat(x: Info, min: number, max: number): Info {
  if (min === 0 && max === 1) return x.exact === null ? ANYTHING : { exact: unique(['', ...x.exact]), required: null };
  if (min === 0) return ANYTHING;
  if (min === max && x.exact !== null && x.exact.length ** min <= ANCHOR_MAX_EXACT_STRINGS) return concat(Array.from({ length: min }, () => x));
  return { exact: null, required: requirement(x), prefix: x.exact ?? x.prefix ?? null };
}

class UnsupportedSyntax extends Error {}

/** The characters of the escapes a class may hold for one control character. */
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** A recursive-descent reader of a regex source (the JavaScript syntax the tables use, lookarounds loosened away). */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new UnsupportedSyntax(`unexpected "${this.src[this.i]}"`);
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : union(branches);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') parts.push(this.quantified(this.atom()));
    return concat(parts);
  }

  private quantified(x: Info): Info {
    const rest = this.src.slice(this.i);
    const m = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest);
    if (!m) return x;
    this.i += m[0].length;
    if (m[1] === '?') return repeat(x, 0, 1);
    if (m[1] === '*') return repeat(x, 0, Infinity);
    if (m[1] === '+') return repeat(x, 1, Infinity);
    const min = Number(m[2]);
    const max = m[3] === undefined ? min : m[4] === '' ? Infinity : Number(m[4]);
    return repeat(x, min, max);
  }

  private atom(): Info {
    const c = this.src[this.i++];
    if (c === '(') {
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?!)', this.i)) {
        // "(?!)": the tables' pattern that matches nothing.
        this.i += 3;
        return { exact: [], required: null };
      } else if (this.src[this.i] === '?') throw new UnsupportedSyntax('lookaround or named group');
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new UnsupportedSyntax('unclosed group');
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '.' || c === '^' || c === '$') return c === '.' ? ANYTHING : EMPTY;
    return exactly([c]);
  }

  private escape(): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new UnsupportedSyntax('trailing backslash');
    if (c === 'b') return exactly([WORD_BOUNDARY]);
    if (c === 'B') return EMPTY;
    // The loose patterns read text whose every run of whitespace is one space: \s matches a space there.
    if (c === 's') return exactly([' ']);
    if ('dDwWSpPcknrtfv0123456789'.includes(c)) {
      // Classes, properties, controls, backreferences: anything (a property's braces skipped).
      if ((c === 'p' || c === 'P') && this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return ANYTHING;
    }
    const code = this.codeEscape(c);
    return exactly([code ?? c]);
  }

  /** The character of a \xHH, \uHHHH or \u{H…} escape whose letter `c` was just read, else null. */
  private codeEscape(c: string): string | null {
    const m = c === 'x' ? /^[\da-f]{2}/i.exec(this.src.slice(this.i)) : c === 'u' ? /^(?:[\da-f]{4}|\{[\da-f]+\})/i.exec(this.src.slice(this.i)) : null;
    if (!m) return null;
    this.i += m[0].length;
    return String.fromCodePoint(parseInt(m[0].replace(/[{}]/g, ''), 16));
  }

  /** A character class: its characters when few and not negated, else anything. */
  private charClass(): Info {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars: string[] = [];
    /** A member that stands for many characters (\w, \p{…}, a wide range). */
    let many = false;
    let open = true;
    for (let first = true; this.i < this.src.length; first = false) {
      let c = this.src[this.i++];
      if (c === ']' && !first) {
        open = false;
        break;
      }
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === 's') {
          chars.push(' ');
          continue;
        }
        if ('dDwWSpPcb'.includes(e)) {
          if ((e === 'p' || e === 'P') && this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
          many = true;
          continue;
        }
        c = this.codeEscape(e) ?? CONTROL_ESCAPES[e] ?? e;
      }
      if (this.src[this.i] === '-' && this.i + 1 < this.src.length && this.src[this.i + 1] !== ']') {
        this.i++;
        let to = this.src[this.i++];
        if (to === '\\') {
          const e = this.src[this.i++];
          to = this.codeEscape(e) ?? CONTROL_ESCAPES[e] ?? e;
        }
        const from = c.codePointAt(0) as number;
        const end = to.codePointAt(0) as number;
        if (end - from >= ANCHOR_MAX_CLASS_CHARS) many = true;
        else for (let k = from; k <= end; k++) chars.push(String.fromCodePoint(k));
        continue;
      }
      chars.push(c);
    }
    if (open) throw new UnsupportedSyntax('unclosed class');
    if (negated || many || chars.length > ANCHOR_MAX_CLASS_CHARS) return ANYTHING;
    return exactly(chars);
  }
}

// Hyphens and apostrophes: a space is kept, since a word alone may be common where two are not ("long march").
const SEPARATORS = /['-]+/;
const WORD_START = /^\w/;

/**
 * A required string cut to its most telling piece between hyphens and apostrophes when that piece is
 * telling enough (a match holding the string holds each piece): "hwasong-5", "hwasong 5" and "hwasong5" need not
 * be three anchors, but "k-15" stays whole.
 */
function piece(s: string): string {
  let best = '';
  let at = 0;
  let bestAt = 0;
  for (const p of s.split(SEPARATORS)) {
    at = s.indexOf(p, at);
    if (weight(p) > weight(best) || best === '') [best, bestAt] = [p, at];
    at += p.length;
  }
  if (weight(best) < ANCHOR_ENOUGH_LETTERS) return s;
  // A piece after a hyphen or apostrophe starts a word when its first character is a word character.
  return bestAt > 0 && WORD_START.test(best) && !best.startsWith(WORD_BOUNDARY) ? WORD_BOUNDARY + best : best;
}

// Whitespace (and a word boundary beside it) at an anchor's ends: dropped, so that no anchor regex starts with
// \s+, which would try every position of a long run of spaces against the whole rest of the run.
const EDGE_SPACE = new RegExp(`^[${WORD_BOUNDARY}\\s]*\\s|\\s[${WORD_BOUNDARY}\\s]*$`, 'g');

/**
 * Drops every anchor that contains another (a match containing the longer one contains the shorter), once cut to
 * its telling piece and its spaces at the ends dropped (what is left is still in every match). Null if one is left empty.
 */
function minimal(anchors: string[]): string[] | null {
  const cut = anchors.map((a) => piece(a).replace(EDGE_SPACE, ''));
  if (cut.includes('')) return null;
  const sorted = unique(cut).sort((a, b) => a.length - b.length);
  const kept = new Set<string>();
  const holdsKept = (a: string): boolean => {
    for (let i = 0; i < a.length; i++) for (let j = i + 1; j <= a.length; j++) if (kept.has(a.slice(i, j))) return true;
    return false;
  };
  for (const a of sorted) if (!holdsKept(a)) kept.add(a);
  return [...kept];
}

/**
 * Strings one of which every match of the regex `source` contains (letters in ASCII lower case; the pattern is
 * read case-insensitively), or null when no such set could be found. [] means the pattern matches nothing.
 */
export function literalAnchors(source: string): string[] | null {
  const info = infoOf(source);
  const r = info && requirement(info);
  return r ? minimal(r) : null;
}

/** What the regex `source` tells (see Info), or null when it uses syntax the reader does not know. */
function infoOf(source: string): Info | null {
  try {
    return new Reader(source).read();
  } catch (err) {
    if (err instanceof UnsupportedSyntax) return null;
    throw err;
  }
}

/**
 * Strings one of which every match of the regex `source` starts with, as literalAnchors gives them (each cut to its
 * telling piece, spaces at the ends dropped: still held by every match, if no longer at its start), or null when
 * they are not known. Another sound set of anchors than literalAnchors', more telling for a pattern whose every
 * branch opens with a verb and closes with a common noun ("struck … city"): literalAnchors keeps the nouns, since
 * it weighs only letters, and "city" or "port" (in "report") turn up in far more sentences than "\bstruck".
 */
export function literalStarts(source: string): string[] | null {
  const info = infoOf(source);
  if (info === null) return null;
  const starts = info.exact ?? info.prefix ?? null;
  return starts === null || starts.includes('') ? null : minimal(starts);
}
