// Gates: one cheap scan that tells when a pattern cannot match a text. A table's gate tells when no rule of a
// knowledge table can match a text, so the matcher need not try its buckets at every word start. Every match of a rule contains one of the rule's literal anchors
// (literal-anchors.ts, derived from the rule loosened as loose-pattern.ts does: dropping lookarounds only widens
// what it accepts); the gate finds any anchor of any rule in the raw text, reading case, whitespace runs and
// folded characters as broadly as the matcher does (anchor-regex.ts with the matcher's 'iu' flags). A table with
// a rule that yields no anchors has no gate: every text goes to the matcher. A pattern's gate: the same for one
// compiled pattern, read with its own flags ('i' keeps the word boundaries of its anchors; 'u' reads case as
// broadly as Unicode does and drops them: anchor-regex.ts).
import { type LatinAutomaton, latinAutomaton, mayFindLatin } from './anchor-automaton.js';
import { anchorRegex } from './anchor-regex.js';
import { fold } from './fold.js';
import { literalAnchors, literalStarts, WORD_BOUNDARY } from './literal-anchors.js';
import { loosen } from './loose-pattern.js';

/** Strings one of which every text some of `sources` can match in holds (literalAnchors), or null for none. */
export function tableAnchors(sources: readonly string[]): string[] | null {
  if (sources.length === 0) return null;
  return literalAnchors(sources.map((s) => `(?:${loosen(s)})`).join('|'));
}

/** A regex that finds something in every text some of `sources` can match in (and maybe more), or null for none. */
export const tableGate = (sources: readonly string[]): RegExp | null => anchorRegex(tableAnchors(sources), 'iu');

/**
 * A table's gate as the matcher asks it: the anchors of its rules read case-insensitively, and its case-sensitive
 * rules ("US", "AP") themselves, read as written on the folded text (the matcher keeps a hit of such a rule only
 * when its words match the rule as written, so they are in the folded text), since their anchors read
 * case-insensitively turn up in most sentences ("bus", "approved").
 */
export interface SplitGate {
  anchors: RegExp;
  /**
   * Reads a text of Latin-1 characters for the anchors in one step a character, where `anchors` tries its
   * branches at every position (anchor-automaton.ts): same answers. Null: the regex alone.
   */
  latin: LatinAutomaton | null;
  exact: RegExp | null;
}

/**
 * The gate of the case-insensitive rules' anchors (tableAnchors; null: some rule yields none, and then there is no
 * gate: every text goes to the matcher) and the case-sensitive rules' sources. `automaton`: also read the anchors
 * of Latin-1 texts with an automaton (for a gate asked about every sentence: making it takes some milliseconds).
 */
export function gateOf(anchors: readonly string[] | null, exact: readonly string[], automaton = false): SplitGate | null {
  const regex = anchorRegex(anchors === null ? null : [...anchors], 'iu');
  if (regex === null || anchors === null) return null;
  return {
    anchors: regex,
    latin: automaton ? latinAutomaton(anchors) : null,
    exact: exact.length ? new RegExp(exact.map((s) => `(?:${s})`).join('|'), 'u') : null,
  };
}

/** Whether the gate's anchors are in `raw`: as its regex finds them (by the automaton for a Latin-1 text). */
function anchorsIn(gate: SplitGate, raw: string): boolean {
  if (gate.latin === null) return gate.anchors.test(raw);
  const found = mayFindLatin(gate.latin, raw);
  if (found === false) return false;
  return (found === true && gate.latin.exact) || gate.anchors.test(raw);
}

/** False when no rule of the gate's table can match in `raw`. */
export const splitGateHolds = (gate: SplitGate, raw: string): boolean => anchorsIn(gate, raw) || (gate.exact !== null && gate.exact.test(fold(raw)));

/** The literal anchors of a regex source (one of which every text it matches in holds), or null for none. */
const sourceAnchors = (source: string): string[] | null => literalAnchors(loosen(source));

/** The literal anchors of a pattern (one of which every text it matches in holds), or null for none. */
export const patternAnchors = (re: RegExp): string[] | null => sourceAnchors(re.source);

/** The strings one of which every match of a pattern's loosened form starts with (literalStarts), or null for none known. */
export const patternStarts = (re: RegExp): string[] | null => literalStarts(loosen(re.source));

/**
 * The literal anchors of a pattern that is the alternation of `rows` (each a whole pattern): the union of each
 * row's own, or null when some row has none. Sound as the whole pattern's anchors are: a match of the alternation
 * is a match of one of its rows. Often more telling than the anchors derived from the alternation written out,
 * where a prefix shared by every row (a word boundary) is lost once the rows' exact strings are too many to
 * multiply by it ("tested" found in "contested", where each row's own anchor is "\btested").
 */
export function rowAnchors(rows: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const row of rows) {
    const own = sourceAnchors(row);
    if (own === null) return null;
    out.push(...own);
  }
  return out;
}

/**
 * The regex that finds some anchors of `re` as `re` reads its text: 'i' keeps the anchors' word boundaries; 'u'
 * reads case as broadly as Unicode does and drops them (anchor-regex.ts). Null for no anchors.
 */
export const anchorGate = (anchors: string[] | null, re: RegExp): RegExp | null => anchorRegex(anchors, re.flags.includes('u') ? 'iu' : 'i');

const patternGates = new WeakMap<RegExp, RegExp | null>();

/** A regex that finds something in every text `re` can match in (and maybe more), or null for none: made once per pattern. */
export function patternGate(re: RegExp): RegExp | null {
  let gate = patternGates.get(re);
  if (gate === undefined) patternGates.set(re, (gate = anchorGate(patternAnchors(re), re)));
  return gate;
}

/** One gate for several patterns (sharedGate): the patterns it answers for, and the regex of all their anchors. */
export interface SharedGate {
  regex: RegExp | null;
  covered: ReadonlySet<RegExp>;
  /** The anchors `regex` finds (those of the covered patterns): a reader may join them with others' (pivotAnchorRegex). */
  anchors: readonly string[];
}

/**
 * One scan for the literal anchors of several patterns at once: a text in which it finds none matches none of the
 * `covered` patterns, so a reader that asks many patterns of the same text scans it once instead of once per
 * pattern. `unicode`: whether it answers for the patterns with the 'u' flag (read with 'iu': case as broadly as
 * Unicode folds it, no word boundaries) or for those without (read with 'i', word boundaries kept), as each
 * pattern's own gate reads them (patternGate). A pattern whose matches need no telling literal (no anchors, or
 * one only a word boundary, which would find every word) is not covered. `anchorsFor`: where a pattern's anchors
 * come from (by default, derived from its source; rowAnchors for one made of rows).
 */
export function sharedGate(patterns: readonly RegExp[], unicode = false, anchorsFor: (re: RegExp) => string[] | null = patternAnchors): SharedGate {
  const anchors: string[] = [];
  const covered = new Set<RegExp>();
  for (const re of patterns) {
    if (re.flags.includes('u') !== unicode) continue;
    const own = anchorsFor(re);
    if (own === null || own.some((a) => a.replaceAll(WORD_BOUNDARY, '') === '')) continue;
    anchors.push(...own);
    covered.add(re);
  }
  return { regex: covered.size ? anchorRegex(anchors, unicode ? 'iu' : 'i') : null, covered, anchors };
}
