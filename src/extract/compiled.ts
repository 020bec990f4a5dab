// Patterns compiled once: a phrase pattern with other flags (a global copy for matchAll), or a pattern built at
// run time from a locale's fixed tables, is compiled on first use and kept, instead of once per sentence or per
// figure. The sources come from the phrase tables, never from article text, so the kept set stays small. A kept
// global pattern is shared: use it with matchAll or replace (which start from the beginning), never exec or test.
// matchesOf and afterLastMatch read a global pattern's matches with exec on a copy made once, where matchAll and
// split make a new RegExp on every call (the specification's species constructor): on the launch-report stream,
// some seventy per article, each compiled anew.

const byPattern = new WeakMap<RegExp, Map<string, RegExp>>();
const bySource = new Map<string, Map<string, RegExp>>();

/** `new RegExp(source, flags)`, compiled once per source and flags. */
export function compiled(source: string, flags = ''): RegExp {
  let known = bySource.get(source);
  if (!known) bySource.set(source, (known = new Map()));
  let re = known.get(flags);
  if (!re) known.set(flags, (re = new RegExp(source, flags)));
  return re;
}

/** `new RegExp(re.source, flags)`, compiled once per pattern and flags. */
export function withFlags(re: RegExp, flags: string): RegExp {
  let known = byPattern.get(re);
  if (!known) byPattern.set(re, (known = new Map()));
  let made = known.get(flags);
  if (!made) known.set(flags, (made = new RegExp(re.source, flags)));
  return made;
}

/** Where the next search starts after an empty match at `index` (the specification's AdvanceStringIndex). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff) return index + 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/** A pattern's copy for exec, made once: `unicode` tells how far an empty match moves the search on. */
interface Copy {
  re: RegExp;
  unicode: boolean;
}
const copies = new WeakMap<RegExp, Copy>();

/** The copy of `re` that matchesOf reads it with. */
function copyOf(re: RegExp): Copy {
  let copy = copies.get(re);
  if (!copy) copies.set(re, (copy = { re: new RegExp(re.source, re.flags), unicode: re.unicode || re.flags.includes('v') }));
  return copy;
}

/**
 * `[...text.matchAll(re)]` for a global `re`, the same matches in the same order, found by exec on a copy of `re`
 * made once instead of the clone matchAll makes per call. Like matchAll it starts at re.lastIndex (0 for the
 * shared patterns, which are never given to exec or test).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global pattern: /${re.source}/${re.flags}`);
  const { re: copy, unicode } = copyOf(re);
  const out: RegExpExecArray[] = [];
  copy.lastIndex = re.lastIndex;
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    out.push(m);
    if (m[0] === '') copy.lastIndex = advance(text, copy.lastIndex, unicode);
  }
  return out;
}

const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * `text.split(re).pop()` for a pattern `re` without capturing groups that cannot match the empty string: the text
 * after the last match of `re` (matched from left to right as split does), or the whole text when it has none.
 * Exec on a global copy made once, instead of the sticky clone split makes per call.
 */
export function afterLastMatch(re: RegExp, text: string): string {
  let all = globalCopies.get(re);
  if (!all) globalCopies.set(re, (all = new RegExp(re.source, re.global ? re.flags : `${re.flags}g`)));
  let end = 0;
  all.lastIndex = 0;
  for (let m = all.exec(text); m !== null; m = all.exec(text)) end = m.index + m[0].length;
  return text.slice(end);
}
