// A table's gate: one cheap scan that tells when no rule of a knowledge table can match a text, so the matcher
// need not try its buckets at every word start. Every match of a rule contains one of the rule's literal anchors
// (literal-anchors.ts, derived from the rule loosened as loose-pattern.ts does: dropping lookarounds only widens
// what it accepts); the gate finds any anchor of any rule in the raw text, reading case, whitespace runs and
// folded characters as broadly as the matcher does (anchor-regex.ts with the matcher's 'iu' flags). A table with
// a rule that yields no anchors has no gate: every text goes to the matcher.
import { anchorRegex } from './anchor-regex.js';
import { literalAnchors } from './literal-anchors.js';
import { loosen } from './loose-pattern.js';

/** A regex that finds something in every text some of `sources` can match in (and maybe more), or null for none. */
export function tableGate(sources: readonly string[]): RegExp | null {
  if (sources.length === 0) return null;
  return anchorRegex(literalAnchors(sources.map((s) => `(?:${loosen(s)})`).join('|')), 'iu');
}
