// Office-holders and their terms (data/officeholders.json): a report naming "President Lee Jae-myung" as in office
// was written during his term. Gives undated reports a window of dates they can belong to.
import { readDataJson } from '../paths.js';

interface Officeholder {
  name: string;
  patterns: string[];
  from: string;
  to: string | null;
}

/** The span of dates a report must have been written in, from the office-holders it names (null ends open). */
export interface DateWindow {
  from: string | null;
  to: string | null;
  /** Who dated it, for display ("President Lee Jae-myung"). */
  by: string[];
}

let table: { holder: Officeholder; re: RegExp }[] | null = null;

function holders(): { holder: Officeholder; re: RegExp }[] {
  table ??= readDataJson<{ officeholders: Officeholder[] }>('officeholders.json').officeholders.map((holder) => ({
    holder,
    re: new RegExp(`\\b(?:${holder.patterns.map((p) => `(?:${p})`).join('|')})\\b`, 'gi'),
  }));
  return table;
}

// "former President Moon", "then-Prime Minister Abe", "the late Shinzo Abe": no longer in office when written.
const NOT_CURRENT = /\b(?:former|ex|then|late|past|previous)[\s-]+(?:\S+\s+){0,2}$/i;

/**
 * The dates a text can have been written on, as the intersection of the terms of the office-holders it names
 * in office ("President Lee Jae-myung" → from 2025-06-04). Null when it names none, or when the terms do not
 * overlap (a confusing text is better left undated).
 */
export function dateWindow(text: string): DateWindow | null {
  let from: string | null = null;
  let to: string | null = null;
  const by: string[] = [];
  for (const { holder, re } of holders()) {
    re.lastIndex = 0;
    const current = [...text.matchAll(re)].some((m) => !NOT_CURRENT.test(text.slice(Math.max(0, (m.index ?? 0) - 25), m.index ?? 0)));
    if (!current) continue;
    by.push(holder.name);
    if (from === null || holder.from > from) from = holder.from;
    if (holder.to !== null && (to === null || holder.to < to)) to = holder.to;
  }
  if (!by.length) return null;
  if (from !== null && to !== null && from > to) return null;
  return { from, to, by };
}
