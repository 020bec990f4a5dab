// The generic table matcher: compiles a list of regex rules into one scanner and one probe, finds every rule's
// matches in a text, and keeps the longest on overlap. Where a match may start and end is the locale's word
// boundary: English words end at a non-letter; Korean nouns take particles and endings glued on ("북한이",
// "동해상으로"); Japanese is written without spaces at all.

import { MATCHER_RECENT_TEXTS, TABLE_GATE_AFTER_CHARS } from '../settings.js';
import { firstAtoms } from './first-chars.js';
import { fold } from './fold.js';
import { RecentTexts } from './recent-texts.js';
import { gateOf, type SplitGate, splitGateHolds, tableAnchors } from './table-gate.js';

/**
 * A regex source, or one with flags. `weak`: the words often mean something else; the caller needs context.
 * `caseSensitive`: the letters must match as written ("US" but not the pronoun "us").
 */
export type PatternItem = string | { pattern: string; weak?: boolean; caseSensitive?: boolean; note?: string };

/** The languages the matcher knows a word boundary for. */
export const LOCALES = ['en', 'ko', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

// English: a boundary that also works next to punctuation at a pattern's edge ("U.S.") and around non-ASCII letters.
const EN_BEFORE = '(?<![\\p{L}\\p{N}_])';
const EN_AFTER = '(?![\\p{L}\\p{N}_])';
// Korean: Hangul may touch a match on either side (particles and endings after it, a compound before it); a Latin
// letter or a digit may not, so "KN-23" still ends where an English reader would end it.
const KO_BEFORE = '(?<![A-Za-z0-9_])';
const KO_AFTER = '(?![A-Za-z0-9_])';

/** Per locale, what may not touch a match before and after it. */
export const WORD_BOUNDARY: Readonly<Record<Locale, { before: string; after: string }>> = {
  en: { before: EN_BEFORE, after: EN_AFTER },
  ko: { before: KO_BEFORE, after: KO_AFTER },
  // Japanese: no spaces between words, so no boundary at all.
  ja: { before: '', after: '' },
};

const FLAGS = 'iu';

export interface Rule<T> {
  source: string;
  weak: boolean;
  /** Set for case-sensitive rules: the matched words must also pass this. */
  exact: RegExp | null;
  entry: T;
  /** Where the rule comes from, for error messages: "missiles.json: Hwasong-18 pattern 1". */
  where: string;
}

export interface Hit<T> {
  rule: Rule<T>;
  order: number;
  start: number;
  /** End of the whole match, plural "s" included: overlaps are judged on this. */
  end: number;
  /** End of the designation itself, without a plural "s": the span reported. */
  coreEnd: number;
  /** The optional plural "s" the matcher adds (tables with `plural`) was used. */
  plural: boolean;
}

/** Problems with one rule's source, or [] when it is usable inside the combined regexes. */
export function ruleProblems(source: string): string[] {
  return examine(source).problems;
}

/** What one compile of a rule's source tells: its problems and its number of capturing groups. */
const examined = new Map<string, { problems: string[]; groups: number }>();

function examine(source: string): { problems: string[]; groups: number } {
  const known = examined.get(source);
  if (known) return known;
  const problems: string[] = [];
  let groups = 0;
  try {
    // The extra empty group closes the alternative taken when the rule itself cannot match the empty string.
    const m = new RegExp(`^(?:${source})$|()`, FLAGS).exec('') ?? [];
    groups = m.length - 2;
    if (m[m.length - 1] === undefined) problems.push('matches the empty string');
  } catch (e) {
    problems.push(`does not compile: ${(e as Error).message}`);
  }
  // Rules are renumbered when combined, so a backreference would point at another rule's group.
  if (/\\[1-9]|\\k</.test(source)) problems.push('uses a backreference (not allowed: rules are combined into one regex)');
  if (/\(\?<[A-Za-z]/.test(source)) problems.push('uses a named group (not allowed: names would clash when combined)');
  const result = { problems, groups };
  examined.set(source, result);
  return result;
}

const groupCount = (source: string): number => examine(source).groups;

/** The rules that may begin at a character, compiled together (see TableMatcher). */
interface Bucket {
  /** Indexes into the table's rules, ascending (the table's order breaks ties between equal hits). */
  rules: number[];
  /** Sticky: does any of these rules match here? Most positions fail this one cheap test. */
  scanner: RegExp;
  /**
   * Sticky: one optional lookahead per rule, so one exec tells every rule that matches here and how far. Made when
   * the scanner first matches: most buckets never need one.
   */
  probe: Probe | null;
}

interface Probe {
  regex: RegExp;
  fullGroup: number[];
  pluralGroup: number[];
}

/**
 * Matches a list of rules against text. Rules are put in buckets by the character their match can begin with
 * (first-chars.ts); at each position where a match may begin (the locale's boundary before it), only that
 * character's bucket is tried: a scanner of its rules, then a probe made of one optional lookahead per rule that
 * reports, in a single exec, every rule that matches there and how far. Overlaps are resolved longest-first, so
 * the more specific designation wins without ordering tricks in the data.
 *
 * One combined scanner and probe over the whole table (the earlier design) gave the same hits, but V8 tries all of
 * a table's hundreds of alternatives at every word start and takes seconds to compile and optimise the giant
 * regexes on first use; a bucket holds the few rules that can begin with its character and is compiled when that
 * character first turns up.
 */
export class TableMatcher<T> {
  private readonly beforeRe: RegExp | null;
  /** Per ASCII character before a position: may a match begin after it (the locale's boundary)? */
  private readonly asciiBefore = new Uint8Array(128);
  /** Per rule: what its first character must satisfy, or null for anything. Grouped: rules sharing atoms test once. */
  private readonly starts: { test: RegExp | null; rules: number[] }[] = [];
  private readonly asciiBuckets: (Bucket | null | undefined)[] = new Array<Bucket | null | undefined>(128);
  private readonly otherBuckets = new Map<number, Bucket | null>();
  private readonly bucketsByRules = new Map<string, Bucket>();
  private readonly after: string;
  /** Hits of the texts matched lately: extraction asks about the same sentence several times. */
  private readonly recent = new RecentTexts<readonly Hit<T>[]>(MATCHER_RECENT_TEXTS);
  private readonly scanText = (rawText: string): readonly Hit<T>[] => this.gatedScan(rawText);
  /**
   * Finds a literal anchor of some rule, or a case-sensitive rule as written, in a text that any rule matches in
   * (table-gate.ts SplitGate); null: no gate. Made
   * once the table has scanned TABLE_GATE_AFTER_CHARS characters without one: deriving it costs as much as
   * scanning millions of characters, which a short run, or a firehose with few launch reports, never reaches.
   * A table that shares a gate also makes its own when another table of the gate does (SharedTableGate.ready).
   */
  private gate: SplitGate | null | undefined;
  private scannedUngated = 0;

  /** `shared`: a gate this table shares with others (SharedTableGate), asked before the table's own. */
  constructor(
    private readonly rules: Rule<T>[],
    private readonly plural: boolean,
    locale: Locale = 'en',
    private readonly shared: SharedTableGate | null = null,
  ) {
    shared?.join(this.makeGate);
    const { before, after } = WORD_BOUNDARY[locale];
    this.after = after;
    this.beforeRe = before === '' ? null : new RegExp(before, `y${FLAGS}`);
    for (let c = 0; c < 128; c++) this.asciiBefore[c] = this.mayBeginAfter(`${String.fromCharCode(c)} `, 1) ? 1 : 0;
    const byAtoms = new Map<string, number[]>();
    rules.forEach((r, i) => {
      const atoms = firstAtoms(r.source);
      const key = atoms === null ? '' : atoms.join('|');
      const list = byAtoms.get(key);
      if (list) list.push(i);
      else byAtoms.set(key, [i]);
    });
    for (const [key, list] of byAtoms) this.starts.push({ test: key === '' ? null : new RegExp(`^(?:${key})$`, FLAGS), rules: list });
  }

  find(rawText: string): readonly Hit<T>[] {
    if (this.rules.length === 0 || rawText.length === 0) return [];
    // The shared gate first: it remembers its answers itself, and a text it turns away (most sentences) need not
    // be remembered by each of its tables as well.
    if (this.shared && !this.shared.mayHold(rawText)) return NO_HITS;
    return this.recent.get(rawText, this.scanText);
  }

  /** The scan of a text, or none when the table's gate finds no anchor in it (no rule can match there). */
  private gatedScan(rawText: string): readonly Hit<T>[] {
    if (this.gate === undefined) {
      this.scannedUngated += rawText.length;
      if (this.scannedUngated <= TABLE_GATE_AFTER_CHARS) return this.scan(fold(rawText));
      this.makeGate();
    }
    if (this.gate && !splitGateHolds(this.gate, rawText)) return NO_HITS;
    return this.scan(fold(rawText));
  }

  /** Derives the table's gate (once) and hands its anchors to the gate it shares. */
  private readonly makeGate = (): void => {
    if (this.gate !== undefined) return;
    const loose = this.rules.filter((r) => r.exact === null).map((r) => r.source);
    const exact = this.rules.filter((r) => r.exact !== null).map((r) => r.source);
    const anchors = loose.length ? tableAnchors(loose) : [];
    this.gate = gateOf(anchors, exact);
    this.shared?.ready(anchors, exact);
  };

  private scan(text: string): readonly Hit<T>[] {
    const hits: Hit<T>[] = [];
    const n = text.length;
    for (let start = 0; start < n; start++) {
      const unit = text.charCodeAt(start);
      let bucket: Bucket | null | undefined;
      if (unit < 128) {
        bucket = this.asciiBuckets[unit];
        if (bucket === undefined) bucket = this.asciiBuckets[unit] = this.bucketFor(unit);
      } else {
        // A match begins at a code point, never inside a surrogate pair.
        if (unit >= 0xdc00 && unit <= 0xdfff && start > 0 && isLead(text.charCodeAt(start - 1))) continue;
        const cp = text.codePointAt(start) ?? unit;
        bucket = this.otherBuckets.get(cp);
        if (bucket === undefined) this.otherBuckets.set(cp, (bucket = this.bucketFor(cp)));
      }
      if (bucket === null || !this.mayBeginAt(text, start)) continue;
      bucket.scanner.lastIndex = start;
      if (!bucket.scanner.test(text)) continue;
      const probe = (bucket.probe ??= this.probeOf(bucket.rules));
      probe.regex.lastIndex = start;
      const p = probe.regex.exec(text);
      if (p) this.collect(bucket.rules, probe, p, start, hits);
    }
    return resolveOverlaps(hits, text);
  }

  private collect(rules: number[], probe: Probe, p: RegExpExecArray, start: number, hits: Hit<T>[]): void {
    for (let k = 0; k < rules.length; k++) {
      const full = p[probe.fullGroup[k]];
      if (full === undefined || full.length === 0) continue;
      const i = rules[k];
      const pl = (this.plural ? p[probe.pluralGroup[k]] : '') ?? '';
      const exact = this.rules[i].exact;
      if (exact && !exact.test(full.slice(0, full.length - pl.length))) continue;
      const end = start + full.length;
      hits.push({ rule: this.rules[i], order: i, start, end, coreEnd: end - pl.length, plural: pl !== '' });
    }
  }

  /** The locale's boundary before `start`: checked by table for an ASCII character before it, by the regex otherwise. */
  private mayBeginAt(text: string, start: number): boolean {
    if (this.beforeRe === null || start === 0) return this.mayBeginAfter(text, start);
    const prev = text.charCodeAt(start - 1);
    return prev < 128 ? this.asciiBefore[prev] === 1 : this.mayBeginAfter(text, start);
  }

  private mayBeginAfter(text: string, start: number): boolean {
    if (this.beforeRe === null) return true;
    this.beforeRe.lastIndex = start;
    return this.beforeRe.test(text);
  }

  /** The bucket of the rules whose match may begin with this code point, or null when none may. */
  private bucketFor(cp: number): Bucket | null {
    const ch = String.fromCodePoint(cp);
    const rules: number[] = [];
    for (const s of this.starts) if (s.test === null || s.test.test(ch)) rules.push(...s.rules);
    if (rules.length === 0) return null;
    rules.sort((a, b) => a - b);
    const key = rules.join(',');
    let bucket = this.bucketsByRules.get(key);
    if (!bucket) {
      const scanner = new RegExp(rules.map((i) => `(?:${this.rules[i].source})`).join('|'), `y${FLAGS}`);
      this.bucketsByRules.set(key, (bucket = { rules, scanner, probe: null }));
    }
    return bucket;
  }

  private probeOf(indexes: number[]): Probe {
    const fullGroup: number[] = [];
    const pluralGroup: number[] = [];
    const parts: string[] = [];
    let group = 1;
    for (const i of indexes) {
      const source = this.rules[i].source;
      fullGroup.push(group);
      const own = groupCount(source);
      pluralGroup.push(this.plural ? group + 1 + own : -1);
      group += 1 + own + (this.plural ? 1 : 0);
      const body = this.plural ? `(?:${source})(s?)` : `(?:${source})`;
      parts.push(`(?:(?=(${body})${this.after})|)`);
    }
    return { regex: new RegExp(parts.join(''), `y${FLAGS}`), fullGroup, pluralGroup };
  }
}

/**
 * One gate for several tables (the anchor regex of all their anchors): a sentence holding none of them is answered
 * for every one of the tables by one scan, where each table's own gate would scan it again. For the tables whose
 * anchors most sentences lack (the tables of designations, sites, classes, seas), so that the scan rarely passes
 * a sentence on. Made from the tables' own anchors once every one of them has made its gate, so nothing is derived
 * twice: the first table to make its own (after TABLE_GATE_AFTER_CHARS characters asked about) has the others make
 * theirs at once, since a table asked only about launch sentences (the sites) may never get there, and without it
 * the gate would never be made. Its answers for the texts asked lately are remembered (the tables ask about the
 * same sentence in turn). Asked about every sentence, it reads them with an automaton of its anchors, one step a
 * character, where its regex tries thousands of anchors' first letters at every position (anchor-automaton.ts).
 */
export class SharedTableGate {
  private pending = 0;
  /** How each table that shares the gate makes its own gate. */
  private readonly members: (() => void)[] = [];
  /** The tables are being asked to make their gates. */
  private gathering = false;
  private readonly anchors: string[] = [];
  private readonly exact: string[] = [];
  /** Some table has no anchors: the gate can tell nothing. */
  private unanchored = false;
  private gate: SplitGate | null | undefined;
  private readonly recent = new RecentTexts<boolean>(MATCHER_RECENT_TEXTS);
  /** Asked once the gate is made. */
  private readonly holds = (text: string): boolean => splitGateHolds(this.gate as SplitGate, text);

  /** A table that shares the gate, and how it makes its own (it hands its anchors to `ready` then). */
  join(makeGate: () => void): void {
    this.members.push(makeGate);
    this.pending++;
  }

  /**
   * A table's anchors, once it has derived them (null: none), and its case-sensitive rules' sources (see
   * SplitGate); the gate is made with the last table's.
   */
  ready(anchors: readonly string[] | null, exact: readonly string[]): void {
    if (anchors === null) this.unanchored = true;
    else this.anchors.push(...anchors);
    this.exact.push(...exact);
    if (--this.pending === 0) this.gate = this.unanchored ? null : gateOf(this.anchors, this.exact, true);
    else if (!this.gathering) {
      this.gathering = true;
      for (const makeGate of this.members) makeGate();
    }
  }

  /** False when no rule of the tables can match in the text; true when one may, or before the gate is made. */
  mayHold(text: string): boolean {
    return !this.gate || this.recent.get(text, this.holds);
  }
}

const NO_HITS: readonly Hit<never>[] = Object.freeze([]);

const isLead = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

function resolveOverlaps<T>(hits: Hit<T>[], text: string): readonly Hit<T>[] {
  if (hits.length <= 1) return hits;
  const rank = (h: Hit<T>): number => {
    // Same span read two ways ("Hwasong-11S" vs plural "Hwasong-11s"): a lower-case final s reads as a plural.
    const lowerS = text[h.end - 1] === 's';
    return (h.rule.weak ? 2 : 0) + (h.plural === lowerS ? 0 : 1);
  };
  const sorted = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b) || a.order - b.order,
  );
  // The characters already taken by a kept hit: a hit is kept when none of its own are, so each hit costs its
  // length instead of a comparison with every hit kept before it.
  const from = hits.reduce((m, h) => Math.min(m, h.start), Infinity);
  const taken = new Uint8Array(hits.reduce((m, h) => Math.max(m, h.end), 0) - from);
  const kept: Hit<T>[] = [];
  for (const h of sorted) {
    if (taken.subarray(h.start - from, h.end - from).includes(1)) continue;
    taken.fill(1, h.start - from, h.end - from);
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A site alias as a regex: a space or hyphen also matches a hyphen, a space or nothing; an apostrophe is optional. */
export function aliasSource(alias: string): string {
  return escapeRegex(alias.trim())
    .replace(/[\s-]+/g, '[-\\s]*')
    .replace(/'/g, "'?");
}

export function patternRules<T>(items: PatternItem[], entry: T, where: string, entryWeak = false): Rule<T>[] {
  return items.map((item, i) => {
    const source = typeof item === 'string' ? item : item.pattern;
    const weak = entryWeak || (typeof item !== 'string' && item.weak === true);
    const exact = typeof item !== 'string' && item.caseSensitive === true ? new RegExp(`^(?:${source})$`, 'u') : null;
    return { source, weak, exact, entry, where: `${where} pattern ${i + 1} /${source}/` };
  });
}

