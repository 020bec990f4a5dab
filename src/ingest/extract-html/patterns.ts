// The boilerplate table (data/html-boilerplate.json), compiled once.
import { readDataJson } from '../../paths.js';

interface BoilerplateTable {
  boilerplate: Record<string, string[]>;
  content: string[];
  keep: string[];
  weakBoilerplate: string[];
  articleBody: string[][];
  dropTags: string[];
  dropRoles: string[];
  unlikely: string[];
  positive: string[];
  negative: string[];
}

const anyOf = (sources: string[]): RegExp => new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'i');

function compile(): {
  categories: { reason: string; re: RegExp; weak: boolean }[];
  content: RegExp;
  keep: RegExp;
  articleBody: RegExp[];
  dropTags: Set<string>;
  dropRoles: Set<string>;
  unlikely: RegExp;
  positive: RegExp;
  negative: RegExp;
} {
  const t = readDataJson<BoilerplateTable>('html-boilerplate.json');
  const weak = new Set(t.weakBoilerplate);
  return {
    categories: Object.entries(t.boilerplate).map(([reason, list]) => ({ reason, re: anyOf(list), weak: weak.has(reason) })),
    content: anyOf(t.content),
    keep: anyOf(t.keep),
    articleBody: t.articleBody.map(anyOf),
    dropTags: new Set(t.dropTags),
    dropRoles: new Set(t.dropRoles),
    unlikely: anyOf(t.unlikely),
    positive: anyOf(t.positive),
    negative: anyOf(t.negative),
  };
}

export const PATTERNS = compile();

/** The boilerplate reason for an element's ' class id ' key, or null. Content patterns protect from weak reasons. */
export function boilerplateReason(key: string): string | null {
  if (key === ' ' || PATTERNS.keep.test(key)) return null;
  for (const c of PATTERNS.categories) {
    if (!c.re.test(key)) continue;
    if (c.weak && PATTERNS.content.test(key)) continue;
    return c.reason;
  }
  return null;
}
