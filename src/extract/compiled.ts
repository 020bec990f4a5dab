// Patterns compiled once: a phrase pattern with other flags (a global copy for matchAll), or a pattern built at
// run time from a locale's fixed tables, is compiled on first use and kept, instead of once per sentence or per
// figure. The sources come from the phrase tables, never from article text, so the kept set stays small. A kept
// global pattern is shared: use it with matchAll or replace (which start from the beginning), never exec or test.

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
