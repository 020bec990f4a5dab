// The generic table matcher: compiles a list of regex rules into one scanner and one probe, finds every rule's
// matches in a text, and keeps the longest on overlap. Where a match may start and end is the locale's word
// boundary: English words end at a non-letter; Korean nouns take particles and endings glued on ("북한이",
// "동해상으로"); Japanese is written without spaces at all.

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
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, FLAGS);
  } catch (e) {
    return [`does not compile: ${(e as Error).message}`];
  }
  const out: string[] = [];
  if (re.test('')) out.push('matches the empty string');
  // Rules are renumbered when combined, so a backreference would point at another rule's group.
  if (/\\[1-9]|\\k</.test(source)) out.push('uses a backreference (not allowed: rules are combined into one regex)');
  if (/\(\?<[A-Za-z]/.test(source)) out.push('uses a named group (not allowed: names would clash when combined)');
  return out;
}

const groupCount = (source: string): number => (new RegExp(`(?:${source})|`, FLAGS).exec('') ?? []).length - 1;

// Length-preserving: curly quotes, Unicode hyphens and no-break spaces become their ASCII forms, so the tables
// need only one spelling and spans still index the original text.
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u2032': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-',
  '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ',
};
const FOLD_RE = /[\u2018\u2019\u02BC\u2032\u2010-\u2013\u2212\u00A0\u202F\u2009]/g;
let lastRaw: string | null = null;
let lastFolded = '';
export function fold(text: string): string {
  if (text !== lastRaw) {
    lastRaw = text;
    lastFolded = text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
  }
  return lastFolded;
}

/**
 * Matches a list of rules against text. A combined scanner finds every position where some rule starts; a probe
 * made of one optional lookahead per rule then reports, in a single exec, every rule that matches there and how far.
 * Overlaps are resolved longest-first, so the more specific designation wins without ordering tricks in the data.
 */
export class TableMatcher<T> {
  private readonly scanner: RegExp;
  private readonly probe: RegExp;
  private readonly fullGroup: number[] = [];
  private readonly pluralGroup: number[] = [];

  constructor(
    private readonly rules: Rule<T>[],
    private readonly plural: boolean,
    locale: Locale = 'en',
  ) {
    const { before, after } = WORD_BOUNDARY[locale];
    const parts: string[] = [];
    let group = 1;
    for (const r of rules) {
      this.fullGroup.push(group);
      const own = groupCount(r.source);
      this.pluralGroup.push(plural ? group + 1 + own : -1);
      group += 1 + own + (plural ? 1 : 0);
      const body = plural ? `(?:${r.source})(s?)` : `(?:${r.source})`;
      parts.push(`(?:(?=(${body})${after})|)`);
    }
    this.scanner = new RegExp(`${before}(?:${rules.map((r) => `(?:${r.source})`).join('|')})`, `g${FLAGS}`);
    this.probe = new RegExp(parts.join(''), `y${FLAGS}`);
  }

  find(rawText: string): Hit<T>[] {
    if (this.rules.length === 0 || rawText.length === 0) return [];
    const text = fold(rawText);
    const hits: Hit<T>[] = [];
    const scanner = this.scanner;
    scanner.lastIndex = 0;
    for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
      const start = m.index;
      this.probe.lastIndex = start;
      const p = this.probe.exec(text);
      if (p) {
        for (let i = 0; i < this.rules.length; i++) {
          const full = p[this.fullGroup[i]];
          if (full === undefined || full.length === 0) continue;
          const pl = (this.plural ? p[this.pluralGroup[i]] : '') ?? '';
          const exact = this.rules[i].exact;
          if (exact && !exact.test(full.slice(0, full.length - pl.length))) continue;
          const end = start + full.length;
          hits.push({ rule: this.rules[i], order: i, start, end, coreEnd: end - pl.length, plural: pl !== '' });
        }
      }
      // Continue just after this start: a later rule may begin inside this match and be longer.
      scanner.lastIndex = start + 1;
    }
    return resolveOverlaps(hits, text);
  }
}

function resolveOverlaps<T>(hits: Hit<T>[], text: string): Hit<T>[] {
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

