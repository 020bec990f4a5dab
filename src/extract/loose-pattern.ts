// Loosening a rule pattern for the launch prefilter: the loose pattern matches wherever the strict one could match
// in any sentence of the cleaned article, when run once over the raw title and text. So it drops every zero-width
// condition (lookarounds, \b, ^, $), lets a space or \s stand for any run of whitespace (cleaning collapses runs and
// joins wrapped lines with one space), and lifts upper bounds of counted repeats (a run of spaces counted in a
// bounded gap may be longer in the raw text). Dropping conditions only ever widens what a pattern accepts.

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

const LOOKAROUND = /^\(\?(?:<[=!]|[=!])/;
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/;

/** Whitespace (a space or \s) in the strict pattern, with what follows it, as the loose pattern's whitespace. */
function looseSpace(src: string, after: number): { text: string; next: number } {
  const q = QUANTIFIER.exec(src.slice(after));
  if (!q) return { text: '\\s+', next: after };
  // "\s+" stays; an optional or counted space may be a run or nothing.
  return { text: q[0].startsWith('+') ? '\\s+' : '\\s*', next: after + q[0].length };
}

/** A regex source that matches wherever `src` matches, and possibly more (see the header). */
export function loosen(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '\\') {
      const e = src[i + 1];
      if (e === 'b' || e === 'B') {
        i += 2;
      } else if (e === 's') {
        const s = looseSpace(src, i + 2);
        out += s.text;
        i = s.next;
      } else {
        out += src.slice(i, i + 2);
        i += 2;
      }
    } else if (c === '[') {
      const end = classEnd(src, i);
      const body = src.slice(i, end);
      // A class that admits a space admits any whitespace.
      out += body.startsWith('[^') || !body.includes(' ') ? body : `(?:${body}|\\s)`;
      i = end;
    } else if (c === '(' && LOOKAROUND.test(src.slice(i, i + 4))) {
      i = groupEnd(src, i);
      const q = QUANTIFIER.exec(src.slice(i));
      if (q) i += q[0].length;
    } else if (c === '^' || c === '$') {
      i++;
    } else if (c === ' ') {
      const s = looseSpace(src, i + 1);
      out += s.text;
      i = s.next;
    } else if (c === '{') {
      const q = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i));
      if (q) {
        out += `{${q[1]},}`;
        i += q[0].length;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
