// What is not the article, as data: the boilerplate rows of every locale (data/locales/<lang>/boilerplate.json),
// each a pattern and the reason recorded when a line matches. Add a row there, not a branch in the code.
import { existsSync, readdirSync } from 'node:fs';
import { pivotAnchorRegex, sharedGate } from '../knowledge/index.js';
import { dataPath, readDataJson } from '../paths.js';
import { MAX_BOILERPLATE_LINE_CHARS } from '../settings.js';

export interface BoilerplateRule {
  pattern: RegExp;
  reason: string;
  /** The line starts a list of links (Related, Read more…): the headline-like lines after it go too. */
  startsLinkList?: boolean;
  /** Keep the line anyway when it states a launch fact (captions can describe the launch itself). */
  keepIfLaunchFact?: boolean;
  /** What every text the pattern matches in contains: a cheap test that spares the pattern most texts. */
  requires?: RegExp;
}

interface BoilerplateRow {
  name: string;
  /** A JavaScript regex source; {{fragment}} is replaced by the named fragment. */
  pattern: string;
  flags: string;
  reason: string;
  startsLinkList?: boolean;
  keepIfLaunchFact?: boolean;
  /** A regex source (same flags) that every text the pattern matches in contains (see BoilerplateRule.requires). */
  requires?: string;
}
interface BoilerplateFile {
  fragments?: Record<string, string>;
  lines: BoilerplateRow[];
  prefixes: BoilerplateRow[];
  /** Points where one stored line holds two (a photo credit run into the dateline): the line is cut there. */
  splits?: BoilerplateRow[];
}

const FRAGMENT = /\{\{(\w+)\}\}/g;

function compile(row: BoilerplateRow, fragments: Record<string, string>, file: string): BoilerplateRule {
  const source = row.pattern.replace(FRAGMENT, (_, name: string) => {
    const f = fragments[name];
    if (f === undefined) throw new Error(`salvo: ${file}: ${row.name} uses the unknown fragment {{${name}}}`);
    return f;
  });
  return {
    pattern: new RegExp(source, row.flags),
    reason: row.reason,
    ...(row.startsLinkList ? { startsLinkList: true } : {}),
    ...(row.keepIfLaunchFact ? { keepIfLaunchFact: true } : {}),
    ...(row.requires !== undefined ? { requires: new RegExp(row.requires, row.flags.replace('g', '')) } : {}),
  };
}

/** The boilerplate rows of every locale (data/locales/<lang>/boilerplate.json), in locale order. */
function loadRules(): { lines: BoilerplateRule[]; prefixes: BoilerplateRule[]; splits: BoilerplateRule[] } {
  const lines: BoilerplateRule[] = [];
  const prefixes: BoilerplateRule[] = [];
  const splits: BoilerplateRule[] = [];
  for (const locale of readdirSync(dataPath('locales')).sort()) {
    const file = `locales/${locale}/boilerplate.json`;
    if (!existsSync(dataPath(file))) continue;
    const t = readDataJson<BoilerplateFile>(file);
    const fragments = t.fragments ?? {};
    for (const row of t.lines ?? []) lines.push(compile(row, fragments, file));
    for (const row of t.prefixes ?? []) prefixes.push(compile(row, fragments, file));
    for (const row of t.splits ?? []) splits.push(compile(row, fragments, file));
  }
  return { lines, prefixes, splits };
}

const RULES = loadRules();
/** Whole-line rules: they match lines that consist of the boilerplate and nothing else. */
export const LINE_RULES: readonly BoilerplateRule[] = RULES.lines;
/** Boilerplate glued to the start of a real line ("Privacy PolicyreCAPTCHANorth Korea fired…"). */
export const PREFIX_RULES: readonly BoilerplateRule[] = RULES.prefixes;
/** Zero-width points inside a line where a second line begins ("…Jung Yeon-je/AFP" | "SEOUL — North Korea…"). */
export const SPLIT_RULES: readonly BoilerplateRule[] = RULES.splits;

/**
 * The prefix rules' patterns joined into one per set of flags: a line none of them matches (nearly every line) has no
 * glued prefix, told by one test instead of one per rule (eight regex calls a line were 2 % of the cleaning, V8
 * profile of launch reports). A joined pattern matches exactly when one of its rules does ('g' and 'y' dropped: the
 * gate only says no when no rule can match, wherever it would start).
 */
const PREFIX_GATES: readonly RegExp[] = (() => {
  const byFlags = new Map<string, string[]>();
  for (const { pattern } of PREFIX_RULES) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${pattern.source})`]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
})();

/** False when no prefix rule matches `line` (PREFIX_GATES); true means one may. */
export const mayStartWithPrefix = (line: string): boolean => PREFIX_GATES.some((gate) => gate.test(line));

/** The split rules' patterns made global once (matchAll needs the flag; it reads a copy, so they can be shared). */
const SPLIT_PATTERNS: readonly { all: RegExp; requires: RegExp | undefined }[] = SPLIT_RULES.map((r) => ({
  all: r.pattern.flags.includes('g') ? r.pattern : new RegExp(r.pattern.source, `${r.pattern.flags}g`),
  requires: r.requires,
}));

/** Pushes onto `out` the pieces of `piece` cut at the split points of one rule, trimmed, empty ones dropped. */
function cutAtSplits(piece: string, all: RegExp, requires: RegExp | undefined, out: string[]): void {
  let from = 0;
  const push = (end: number): void => {
    const cut = piece.slice(from, end).trim();
    if (cut !== '') out.push(cut);
  };
  if (!requires || requires.test(piece)) {
    for (const m of piece.matchAll(all)) {
      const at = m.index ?? 0;
      if (at <= 0 || at >= piece.length) continue;
      push(at);
      from = at;
    }
  }
  push(piece.length);
}

/** `line` cut at every split point of the split rules (the pieces trimmed, empty ones dropped). */
export function splitJoinedLine(line: string): string[] {
  let pieces = [line];
  for (const { all, requires } of SPLIT_PATTERNS) {
    const cut: string[] = [];
    for (const piece of pieces) cutAtSplits(piece, all, requires, cut);
    pieces = cut;
  }
  return pieces;
}

/** The corpus' stored-date marker that opens some texts ("date 2025-05-09 …"); published already holds it. */
export const DATE_MARKER: BoilerplateRule = { pattern: /^date \d{4}-\d{2}-\d{2}\b/, reason: 'date-marker' };

// A launch fact: a launch word near a missile word, in either order. Only vetoes rules marked keepIfLaunchFact.
const LAUNCH_WORD = String.raw`(?:fir(?:ed|es|ing)|launch\w*|test-fir\w*|fl(?:ew|ies|ying)|land(?:ed|s|ing)|splash\w*|lift(?:ed)? off)`;
const MISSILE_WORD = String.raw`(?:missiles?|rockets?|projectiles?|ICBMs?|SLBMs?|satellites?)`;
const LAUNCH_FACT = new RegExp(String.raw`\b${LAUNCH_WORD}\b[\s\S]{0,80}\b${MISSILE_WORD}\b|\b${MISSILE_WORD}\b[\s\S]{0,80}\b${LAUNCH_WORD}\b`, 'i');

export const mentionsLaunchFact = (line: string): boolean => LAUNCH_FACT.test(line);

/**
 * The whole-line rules joined into a few patterns, one per set of flags (and the rules anchored at the line's start
 * apart from the others, so that each joined pattern is anchored when its rules are): a line none of them matches
 * is no rule's, found with a few tests instead of one per rule. Which rule matches is then asked rule by rule.
 */
const LINE_GATES: readonly LineGate[] = (() => {
  const groups = new Map<string, { flags: string; patterns: RegExp[] }>();
  // A rule with a requires test is a gate of its own behind that test: the rule loop below never matches a line
  // without it either, so a line passes no gate exactly when no rule matches it.
  const required: LineGate[] = [];
  for (const { pattern, requires } of LINE_RULES) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    if (requires) {
      required.push({ joined: new RegExp(pattern.source, flags), anchors: null, anchorList: null, requires });
      continue;
    }
    const key = `${flags}${pattern.source.startsWith('^') ? '^' : ''}`;
    const group = groups.get(key) ?? { flags, patterns: [] };
    group.patterns.push(pattern);
    groups.set(key, group);
  }
  const joined = (patterns: RegExp[], flags: string): RegExp => new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
  const grouped = [...groups.values()].flatMap(({ flags, patterns }): LineGate[] => {
    if (!flags.includes('u')) return [{ joined: joined(patterns, flags), anchors: null, anchorList: null, requires: null }];
    const { regex, covered, anchors } = sharedGate(patterns, true);
    const rest = patterns.filter((re) => !covered.has(re));
    return [
      ...(regex && covered.size ? [{ joined: joined([...covered], flags), anchors: regex, anchorList: anchors, requires: null }] : []),
      ...(rest.length ? [{ joined: joined(rest, flags), anchors: null, anchorList: null, requires: null }] : []),
    ];
  });
  return [...grouped, ...required];
})();

/**
 * A joined pattern, and for the Unicode ones (their property classes make them several times slower than the rest,
 * measured on the launch-report stream) one scan for the literal anchors of all their rules (knowledge
 * sharedGate): a line holding none of them (most lines of an article) is not tried against those rules at all.
 * The rules without anchors stay in a joined pattern of their own.
 */
interface LineGate {
  joined: RegExp;
  anchors: RegExp | null;
  /** The anchors `anchors` finds (null: none), for ANY_ANCHOR. */
  anchorList: readonly string[] | null;
  /** The requires test of the gate's one rule, tried first (null: none). */
  requires: RegExp | null;
}

/**
 * The anchor scans of all the gates that have one, joined into one (all read with 'iu'): a line holding no anchor of
 * any gate (most lines) is read once for them all, not once per gate. Written to start at each anchor's least common
 * character and look back (knowledge pivotAnchorRegex): read from their first characters, the anchors (photo,
 * image, this picture …) sent the regex engine into their branches at most positions of a line, some 31,000
 * instructions a line of a launch report, 16,800 read this way (callgrind, 1,500 lines of the launch-report stream).
 * It finds an anchor in a line exactly when one of the gates' own scans does (test/clean/boilerplate-gates.test.ts).
 * Null when no gate has anchors.
 */
const ANY_ANCHOR: RegExp | null = (() => {
  const anchors = LINE_GATES.flatMap((gate) => gate.anchorList ?? []);
  return anchors.length ? pivotAnchorRegex(anchors) : null;
})();

/** Whether `line` passes a gate; `anchored` is false when it holds no gate's anchor (ANY_ANCHOR). */
const passes = (gate: LineGate, line: string, anchored: boolean): boolean =>
  (gate.requires === null || gate.requires.test(line)) && (gate.anchors === null || (anchored && gate.anchors.test(line))) && gate.joined.test(line);

/** The rule that makes `line` boilerplate, or null (always null for a line too long to be page furniture). */
export function matchBoilerplateLine(line: string): BoilerplateRule | null {
  if (line.length > MAX_BOILERPLATE_LINE_CHARS) return null;
  const anchored = ANY_ANCHOR === null || ANY_ANCHOR.test(line);
  if (!LINE_GATES.some((gate) => passes(gate, line, anchored))) return null;
  for (const rule of LINE_RULES) {
    if ((rule.requires && !rule.requires.test(line)) || !rule.pattern.test(line)) continue;
    if (rule.keepIfLaunchFact && mentionsLaunchFact(line)) continue;
    return rule;
  }
  return null;
}

export const isBoilerplateLine = (line: string): boolean => matchBoilerplateLine(line) !== null;
