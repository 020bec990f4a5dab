// Knowledge tables the extractor matches against: launch sites, missile designations, class phrases, agencies,
// actors, seas and EEZ phrases, plus the reference list of past launches. All of it lives in data/*.json so that
// adding a spelling never needs a code change; this module only loads, validates, compiles and matches.
import { readDataJson } from '../paths.js';
import type { Span } from '../types.js';

// ---------------------------------------------------------------------------------------------------------------
// Value sets

export const MISSILE_CLASSES = ['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise', 'MLRS', 'SLV', 'HGV', 'ballistic'] as const;
export type MissileClass = (typeof MISSILE_CLASSES)[number];

export const LANDINGS = ['sea-of-japan', 'yellow-sea', 'pacific-ocean', 'land'] as const;
export type Landing = (typeof LANDINGS)[number];

export const EEZ_VALUES = ['inside', 'outside'] as const;
export type EezValue = (typeof EEZ_VALUES)[number];

export const AGENCY_KINDS = ['military', 'government', 'state-media', 'wire', 'outlet', 'person', 'coast-guard'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Shapes of the data files

/**
 * A regex source, or one with flags. `weak`: the words often mean something else; the caller needs context.
 * `caseSensitive`: the letters must match as written ("US" but not the pronoun "us").
 */
export type PatternItem = string | { pattern: string; weak?: boolean; caseSensitive?: boolean; note?: string };
/** Literal text (not a regex): a spelling of a site name. */
export type AliasItem = string | { text: string; weak?: boolean; note?: string };

export interface SiteEntry {
  key: string;
  name: string;
  lat: number;
  lon: number;
  aliases: AliasItem[];
}
export interface MissileEntry {
  name: string;
  class: MissileClass;
  actor: string;
  patterns: PatternItem[];
  /** Another designation of the same missile ("KN-23" for "Hwasong-11A"). */
  sameAs?: string;
  note?: string;
}
export interface ClassEntry {
  class: MissileClass;
  weak?: boolean;
  patterns: PatternItem[];
}
export interface AgencyEntry {
  key: string;
  name: string;
  kind: AgencyKind;
  country: string | null;
  patterns: PatternItem[];
}
export interface ActorEntry {
  actor: string;
  /** Standard UTC offset of the launching country's local time, in minutes (DPRK 540). */
  utcOffsetMinutes: number;
  /** IANA time zone of that local time, for daylight saving ("America/Los_Angeles"). */
  timeZone: string;
  patterns: PatternItem[];
}
export interface SeaEntry {
  landing: Landing;
  patterns: PatternItem[];
}
export interface EezEntry {
  value: EezValue;
  patterns: PatternItem[];
}

/** One missile flight from the CNS/NTI database (data/reference-launches.json). */
export interface ReferenceLaunch {
  /** YYYY-MM-DD, or YYYY-MM / YYYY when the reference does not know the day. */
  dateUtc: string;
  /** HH:MM UTC, or null. */
  timeUtc: string | null;
  /** Position within a salvo on that day, when the reference numbers them. */
  series: number | null;
  /** Key in the reference missile catalogue, or null when unknown. */
  missile: string | null;
  missileName: string | null;
  class: MissileClass | null;
  /** Site key (see data/sites.json), or null when unknown. */
  facility: string | null;
  landing: Landing | null;
  apogeeKm: number | null;
  distanceKm: number | null;
  bearing: number | null;
  outcome: 'success' | 'failure' | null;
}

interface SitesFile {
  sites: SiteEntry[];
}
interface MissilesFile {
  missiles: MissileEntry[];
}
interface ClassesFile {
  classes: ClassEntry[];
}
interface AgenciesFile {
  agencies: AgencyEntry[];
}
interface ActorsFile {
  actors: ActorEntry[];
}
interface SeasFile {
  seas: SeaEntry[];
  eez: EezEntry[];
}
interface ReferenceLaunchesFile {
  launches: ReferenceLaunch[];
}

// ---------------------------------------------------------------------------------------------------------------
// Match results

/** What every finder returns: the span in the input text, the words as written, and whether the rule is weak. */
export interface KnowledgeMatch extends Span {
  surface: string;
  /** The matched words are ambiguous (a government, a common word): accept them only with supporting context. */
  weak: boolean;
}
export interface SiteMatch extends KnowledgeMatch {
  key: string;
  name: string;
  lat: number;
  lon: number;
}
export interface MissileMatch extends KnowledgeMatch {
  /** Canonical designation of the entry that matched (the surface may be a variant spelling: "Agni-V"). */
  name: string;
  class: MissileClass;
  actor: string;
  sameAs: string | null;
}
export interface ClassMatch extends KnowledgeMatch {
  class: MissileClass;
}
export interface AgencyMatch extends KnowledgeMatch {
  key: string;
  name: string;
  kind: AgencyKind;
  country: string | null;
}
export interface ActorMatch extends KnowledgeMatch {
  actor: string;
}
export interface SeaMatch extends KnowledgeMatch {
  landing: Landing;
}
export interface EezMatch extends KnowledgeMatch {
  value: EezValue;
}

// ---------------------------------------------------------------------------------------------------------------
// The generic matcher

// A word boundary that also works next to punctuation at a pattern's edge ("U.S.") and around non-ASCII letters.
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';
const FLAGS = 'iu';

interface Rule<T> {
  source: string;
  weak: boolean;
  /** Set for case-sensitive rules: the matched words must also pass this. */
  exact: RegExp | null;
  entry: T;
  /** Where the rule comes from, for error messages: "missiles.json: Hwasong-18 pattern 1". */
  where: string;
}

interface Hit<T> {
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
function ruleProblems(source: string): string[] {
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
function fold(text: string): string {
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
class TableMatcher<T> {
  private readonly scanner: RegExp;
  private readonly probe: RegExp;
  private readonly fullGroup: number[] = [];
  private readonly pluralGroup: number[] = [];

  constructor(
    private readonly rules: Rule<T>[],
    private readonly plural: boolean,
  ) {
    const parts: string[] = [];
    let group = 1;
    for (const r of rules) {
      this.fullGroup.push(group);
      const own = groupCount(r.source);
      this.pluralGroup.push(plural ? group + 1 + own : -1);
      group += 1 + own + (plural ? 1 : 0);
      const body = plural ? `(?:${r.source})(s?)` : `(?:${r.source})`;
      parts.push(`(?:(?=(${body})${AFTER})|)`);
    }
    this.scanner = new RegExp(`${BEFORE}(?:${rules.map((r) => `(?:${r.source})`).join('|')})`, `g${FLAGS}`);
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
  const kept: Hit<T>[] = [];
  for (const h of sorted) {
    if (kept.every((k) => h.end <= k.start || h.start >= k.end)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A site alias as a regex: a space or hyphen also matches a hyphen, a space or nothing; an apostrophe is optional. */
export function aliasSource(alias: string): string {
  return escapeRegex(alias.trim())
    .replace(/[\s-]+/g, '[-\\s]*')
    .replace(/'/g, "'?");
}

function patternRules<T>(items: PatternItem[], entry: T, where: string, entryWeak = false): Rule<T>[] {
  return items.map((item, i) => {
    const source = typeof item === 'string' ? item : item.pattern;
    const weak = entryWeak || (typeof item !== 'string' && item.weak === true);
    const exact = typeof item !== 'string' && item.caseSensitive === true ? new RegExp(`^(?:${source})$`, 'u') : null;
    return { source, weak, exact, entry, where: `${where} pattern ${i + 1} /${source}/` };
  });
}

interface Tables {
  sites: SiteEntry[];
  siteIndex: Map<string, SiteEntry>;
  missiles: MissileEntry[];
  actors: Map<string, ActorEntry>;
  agencies: Map<string, AgencyEntry>;
  siteMatcher: TableMatcher<SiteEntry>;
  missileMatcher: TableMatcher<MissileEntry>;
  classMatcher: TableMatcher<ClassEntry>;
  agencyMatcher: TableMatcher<AgencyEntry>;
  actorMatcher: TableMatcher<ActorEntry>;
  seaMatcher: TableMatcher<SeaEntry>;
  eezMatcher: TableMatcher<EezEntry>;
}

interface RawTables {
  sites: SiteEntry[];
  missiles: MissileEntry[];
  classes: ClassEntry[];
  agencies: AgencyEntry[];
  actors: ActorEntry[];
  seas: SeaEntry[];
  eez: EezEntry[];
}

function readRaw(): RawTables {
  const seas = readDataJson<SeasFile>('seas.json');
  return {
    sites: readDataJson<SitesFile>('sites.json').sites,
    missiles: readDataJson<MissilesFile>('missiles.json').missiles,
    classes: readDataJson<ClassesFile>('classes.json').classes,
    agencies: readDataJson<AgenciesFile>('agencies.json').agencies,
    actors: readDataJson<ActorsFile>('actors.json').actors,
    seas: seas.seas,
    eez: seas.eez,
  };
}

interface RuleSets {
  sites: Rule<SiteEntry>[];
  missiles: Rule<MissileEntry>[];
  classes: Rule<ClassEntry>[];
  agencies: Rule<AgencyEntry>[];
  actors: Rule<ActorEntry>[];
  seas: Rule<SeaEntry>[];
  eez: Rule<EezEntry>[];
}

function buildRules(raw: RawTables): RuleSets {
  return {
    sites: raw.sites.flatMap((s) =>
      (s.aliases ?? []).map((a, i) => {
        const text = typeof a === 'string' ? a : a.text;
        const weak = typeof a !== 'string' && a.weak === true;
        return { source: aliasSource(text), weak, exact: null, entry: s, where: `sites.json: ${s.key} alias ${i + 1} "${text}"` };
      }),
    ),
    missiles: raw.missiles.flatMap((m) => patternRules(m.patterns ?? [], m, `missiles.json: ${m.name}`)),
    classes: raw.classes.flatMap((c) => patternRules(c.patterns ?? [], c, `classes.json: ${c.class}`, c.weak === true)),
    agencies: raw.agencies.flatMap((a) => patternRules(a.patterns ?? [], a, `agencies.json: ${a.key}`)),
    actors: raw.actors.flatMap((a) => patternRules(a.patterns ?? [], a, `actors.json: ${a.actor}`)),
    seas: raw.seas.flatMap((s) => patternRules(s.patterns ?? [], s, `seas.json: ${s.landing}`)),
    eez: raw.eez.flatMap((e) => patternRules(e.patterns ?? [], e, `seas.json: eez ${e.value}`)),
  };
}

const isOneOf = <V extends string>(values: readonly V[], v: unknown): v is V =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * Every problem in the data files, as readable lines ("missiles.json: Hwasong-18 pattern 2 /…/: does not compile").
 * Empty when the tables are sound. Loading throws with these lines, so a bad edit fails loudly and early.
 */
export function knowledgeProblems(): string[] {
  const raw = readRaw();
  const problems: string[] = [];
  const rules = buildRules(raw);
  for (const list of Object.values(rules) as Rule<unknown>[][]) {
    for (const r of list) for (const p of ruleProblems(r.source)) problems.push(`${r.where}: ${p}`);
  }
  const seen = new Set<string>();
  for (const s of raw.sites) {
    if (seen.has(s.key)) problems.push(`sites.json: duplicate key ${s.key}`);
    seen.add(s.key);
    if (!s.aliases?.length) problems.push(`sites.json: ${s.key} has no aliases`);
    if (typeof s.lat !== 'number' || typeof s.lon !== 'number') problems.push(`sites.json: ${s.key} lacks lat/lon`);
  }
  for (const m of raw.missiles) {
    if (!isOneOf(MISSILE_CLASSES, m.class)) problems.push(`missiles.json: ${m.name} has class "${m.class}", not one of ${MISSILE_CLASSES.join(', ')}`);
    if (!m.actor) problems.push(`missiles.json: ${m.name} has no actor`);
  }
  for (const c of raw.classes) {
    if (!isOneOf(MISSILE_CLASSES, c.class)) problems.push(`classes.json: unknown class "${c.class}"`);
  }
  const agencyKeys = new Set<string>();
  for (const a of raw.agencies) {
    if (agencyKeys.has(a.key)) problems.push(`agencies.json: duplicate key ${a.key}`);
    agencyKeys.add(a.key);
    if (!isOneOf(AGENCY_KINDS, a.kind)) problems.push(`agencies.json: ${a.key} has kind "${a.kind}", not one of ${AGENCY_KINDS.join(', ')}`);
  }
  for (const a of raw.actors) {
    if (!Number.isInteger(a.utcOffsetMinutes)) problems.push(`actors.json: ${a.actor} lacks utcOffsetMinutes`);
    if (typeof a.timeZone !== 'string') problems.push(`actors.json: ${a.actor} lacks timeZone`);
  }
  for (const s of raw.seas) if (!isOneOf(LANDINGS, s.landing)) problems.push(`seas.json: unknown landing "${s.landing}"`);
  for (const e of raw.eez) if (!isOneOf(EEZ_VALUES, e.value)) problems.push(`seas.json: unknown eez value "${e.value}"`);
  return problems;
}

let cached: Tables | null = null;
let cachedLaunches: readonly ReferenceLaunch[] | null = null;

function tables(): Tables {
  if (cached) return cached;
  const problems = knowledgeProblems();
  if (problems.length) throw new Error(`salvo: the knowledge tables in data/ have problems:\n  ${problems.join('\n  ')}`);
  const raw = readRaw();
  const rules = buildRules(raw);
  cached = {
    sites: raw.sites,
    siteIndex: new Map(raw.sites.map((s) => [s.key, s])),
    missiles: raw.missiles,
    actors: new Map(raw.actors.map((a) => [a.actor, a])),
    agencies: new Map(raw.agencies.map((a) => [a.key, a])),
    siteMatcher: new TableMatcher(rules.sites, false),
    // Designations are pluralised freely ("two KN-23s"); the patterns need not say so.
    missileMatcher: new TableMatcher(rules.missiles, true),
    classMatcher: new TableMatcher(rules.classes, false),
    agencyMatcher: new TableMatcher(rules.agencies, false),
    actorMatcher: new TableMatcher(rules.actors, false),
    seaMatcher: new TableMatcher(rules.seas, false),
    eezMatcher: new TableMatcher(rules.eez, false),
  };
  return cached;
}

/** Loads and compiles every table now (otherwise done on first use); throws if a data file has problems. */
export function loadKnowledge(): void {
  tables();
}

// ---------------------------------------------------------------------------------------------------------------
// Finders. Each returns non-overlapping matches in text order; on overlap the longest wins.

const base = <T>(h: Hit<T>, text: string): KnowledgeMatch => ({
  start: h.start,
  end: h.coreEnd,
  surface: text.slice(h.start, h.coreEnd),
  weak: h.rule.weak,
});

export function findSites(text: string): SiteMatch[] {
  return tables()
    .siteMatcher.find(text)
    .map((h) => ({ ...base(h, text), key: h.rule.entry.key, name: h.rule.entry.name, lat: h.rule.entry.lat, lon: h.rule.entry.lon }));
}

export function findMissiles(text: string): MissileMatch[] {
  return tables()
    .missileMatcher.find(text)
    .map((h) => ({
      ...base(h, text),
      name: h.rule.entry.name,
      class: h.rule.entry.class,
      actor: h.rule.entry.actor,
      sameAs: h.rule.entry.sameAs ?? null,
    }));
}

export function findClassPhrases(text: string): ClassMatch[] {
  return tables()
    .classMatcher.find(text)
    .map((h) => ({ ...base(h, text), class: h.rule.entry.class }));
}

export function findAgencies(text: string): AgencyMatch[] {
  return tables()
    .agencyMatcher.find(text)
    .map((h) => ({ ...base(h, text), key: h.rule.entry.key, name: h.rule.entry.name, kind: h.rule.entry.kind, country: h.rule.entry.country }));
}

export function findActors(text: string): ActorMatch[] {
  return tables()
    .actorMatcher.find(text)
    .map((h) => ({ ...base(h, text), actor: h.rule.entry.actor }));
}

export function findSeas(text: string): SeaMatch[] {
  return tables()
    .seaMatcher.find(text)
    .map((h) => ({ ...base(h, text), landing: h.rule.entry.landing }));
}

export function findEez(text: string): EezMatch[] {
  return tables()
    .eezMatcher.find(text)
    .map((h) => ({ ...base(h, text), value: h.rule.entry.value }));
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups

export function siteByKey(key: string): SiteEntry | undefined {
  return tables().siteIndex.get(key);
}

export function allSites(): readonly SiteEntry[] {
  return tables().sites;
}

/** The actor's entry (time zone and patterns), or undefined for null or an unknown actor. */
export function actorInfo(actor: string | null | undefined): ActorEntry | undefined {
  return actor ? tables().actors.get(actor) : undefined;
}

/** The missile entry with this canonical name (case- and punctuation-insensitive), if any. */
export function missileByName(name: string): MissileEntry | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = norm(name);
  return tables().missiles.find((m) => norm(m.name) === n);
}

/** Past North Korean launches from the CNS/NTI database, oldest first. */
export function referenceLaunches(): readonly ReferenceLaunch[] {
  if (!cachedLaunches) cachedLaunches = readDataJson<ReferenceLaunchesFile>('reference-launches.json').launches;
  return cachedLaunches;
}

/** The agency with this key (see data/agencies.json), or undefined. */
export function agencyByKey(key: string | null | undefined): AgencyEntry | undefined {
  return key ? tables().agencies.get(key) : undefined;
}

/**
 * Kilometres between two launch sites (equirectangular: plenty for "are these the same place?" at 50 km), or
 * Infinity when a key is unknown (0 for the same key).
 */
export function siteDistanceKm(a: string, b: string): number {
  if (a === b) return 0;
  const s1 = siteByKey(a);
  const s2 = siteByKey(b);
  if (!s1 || !s2) return Infinity;
  const rad = Math.PI / 180;
  const x = (s2.lon - s1.lon) * rad * Math.cos(((s1.lat + s2.lat) / 2) * rad);
  const y = (s2.lat - s1.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}
