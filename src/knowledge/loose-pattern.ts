// Loosening a rule pattern for the launch prefilter: the loose pattern matches wherever the strict one could match
// in a sentence of the cleaned article, when run once over the raw title and text with every run of whitespace
// made one space (as cleaning makes it). So it drops the zero-width conditions that look at the text around a match
// — lookarounds, \B, ^ and $ — since a sentence's edge or a line cleaning removed may lie there; the word boundary
// \b stays (cleaning never glues a word onto another). Dropping conditions only ever widens what a pattern accepts.

/** The index just after the character class opening at `open`. */
function classEnd(src: string, open: number): number {
  let i = open + 1;
  if (src[i] === '^') i++;
  if (src[i] === ']') i++; // a "]" first in a class is a literal
  for (; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === ']') return i + 1;
  }
  return src.length;
}

/** The index just after the group opening at `open` (a "(" outside a class), escapes and classes skipped. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return src.length;
}

/** A regex source that matches nothing: the phrase tables' way of saying "no such phrasing in this language". */
export const MATCHES_NOTHING = '(?!)';
const LOOKAROUND = /^\(\?(?:<[=!]|[=!])/;
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/;

/** A regex source that matches wherever `src` matches, and possibly more (see the header). */
export function loosen(src: string): string {
  // "(?!)" is the tables' way of saying "no such phrasing here": it matches nothing, and so must its loose form.
  if (src === MATCHES_NOTHING) return MATCHES_NOTHING;
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '\\') {
      if (src[i + 1] !== 'B') out += src.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(src, i);
      out += src.slice(i, end);
      i = end;
    } else if (c === '(' && LOOKAROUND.test(src.slice(i, i + 4))) {
      i = groupEnd(src, i);
      i += QUANTIFIER.exec(src.slice(i))?.[0].length ?? 0;
    } else {
      if (c !== '^' && c !== '$') out += c;
      i++;
    }
  }
  return out;
}

/**
 * Whether a regex, having matched in a text, also matches in that text followed by more, when no word boundary
 * moves at the seam (the text ends with a non-word character, or what follows starts with one): true when its only
 * zero-width conditions are word boundaries \b and the never-true MATCHES_NOTHING (no other lookaround, no ^, $
 * or \B) and it is neither global nor sticky, or when it is MATCHES_NOTHING alone. Why: a match is a run of
 * characters each read the same in the longer text; a \b before the seam reads two characters of the text; a \b
 * at the seam reads the text's last character and what follows, which is a non-word character like the text's
 * end, or else the text's last character is itself one (then \b is false there in the text, so no match passed
 * it). Backreferences read inside the match.
 */
export function matchesInLongerText(re: RegExp): boolean {
  const src = re.source;
  // Sticky or global, a regex reads from its lastIndex, which a match moves; MATCHES_NOTHING never matches.
  if (src === MATCHES_NOTHING) return true;
  if (re.global || re.sticky) return false;
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '\\') {
      if (src[i + 1] === 'B') return false;
      i += 2;
    } else if (c === '[') {
      i = classEnd(src, i);
    } else if (src.startsWith(MATCHES_NOTHING, i)) {
      // Never true, so on no path of a match (a table's "no such phrasing" in an alternation).
      i += MATCHES_NOTHING.length;
    } else if (c === '(' && LOOKAROUND.test(src.slice(i, i + 4))) {
      return false;
    } else if (c === '^' || c === '$') {
      return false;
    } else {
      i++;
    }
  }
  return true;
}

// Only runs longer than one space, and other whitespace, need replacing: far fewer matches than every space.
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

/** A text as the loosened patterns read it: every run of whitespace one space. */
export const spacedOnce = (text: string): string => text.replace(WHITESPACE_RUN, ' ');

const gates = new WeakMap<RegExp, RegExp>();

/**
 * False when `re` cannot match in `text`: its loosened form (compiled once per pattern) is tried first. For the
 * patterns whose lookbehind comes first, which the regex engine tries at every position of a sentence.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  let gate = gates.get(re);
  if (!gate) {
    gate = new RegExp(loosen(re.source), re.flags.replace(/[gy]/g, ''));
    gates.set(re, gate);
  }
  return gate.test(text);
}
