// The knowledge tables in data/*.json: launch sites, missile designations, class phrases, agencies, actors, seas and
// EEZ phrases, plus the reference list of past launches. This module loads and validates them; adding a spelling
// never needs a code change. Matching them against text is lookups.ts's job.
import { readDataJson } from '../paths.js';
import type { Span } from '../types.js';
import { patternRules, ruleProblems, type PatternItem, type Rule, aliasSource } from './matcher.js';
import { romanisedSource } from './romanisation.js';

// "interceptor": a missile that shoots down missiles (L-SAM, Arrow 3); class phrases never give it, designations may.
export const MISSILE_CLASSES = ['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise', 'MLRS', 'SLV', 'HGV', 'ballistic', 'interceptor'] as const;
export type MissileClass = (typeof MISSILE_CLASSES)[number];

export const LANDINGS = ['sea-of-japan', 'yellow-sea', 'pacific-ocean', 'land'] as const;
export type Landing = (typeof LANDINGS)[number];

export const EEZ_VALUES = ['inside', 'outside'] as const;
export type EezValue = (typeof EEZ_VALUES)[number];

export const AGENCY_KINDS = ['military', 'government', 'state-media', 'wire', 'outlet', 'person', 'coast-guard'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Shapes of the data files

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
  /** The clock the launch's stored local date and time are on (see ActorClock). */
  clock: ActorClock;
  patterns: PatternItem[];
}
/**
 * The clock a stored local time is on: the reporting clock, named explicitly, never the launcher's historical
 * zone (Korean launches are told in KST by the JCS and Yonhap, also in 2015-2018 when Pyongyang kept UTC+8:30).
 */
export interface ActorClock {
  /** IANA zone, for its offset on a date and daylight saving ("Asia/Seoul", "America/Los_Angeles"). */
  timeZone: string;
  /** The name of its standard time ("KST", "PST"). */
  standard: string;
  /** The name of its daylight time, when it has one ("PDT"). */
  daylight?: string;
}
export interface SeaEntry {
  landing: Landing;
  /** How a reader sees the value ("Sea of Japan (East Sea)"). */
  name: string;
  patterns: PatternItem[];
}
export interface EezEntry {
  value: EezValue;
  /** How a reader sees the value ("Outside Japan's EEZ"). */
  name: string;
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
// Loading

/** The loaded tables: entries indexed by key (their rules: `ruleSets`). */
export interface Tables {
  sites: SiteEntry[];
  siteIndex: Map<string, SiteEntry>;
  missiles: MissileEntry[];
  actors: Map<string, ActorEntry>;
  agencies: Map<string, AgencyEntry>;
  seas: SeaEntry[];
  eez: EezEntry[];
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

export interface RuleSets {
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
    missiles: raw.missiles.flatMap((m) => [...patternRules(m.patterns ?? [], m, `missiles.json: ${m.name}`), ...romanisedRules(m)]),
    classes: raw.classes.flatMap((c) => patternRules(c.patterns ?? [], c, `classes.json: ${c.class}`, c.weak === true)),
    agencies: raw.agencies.flatMap((a) => patternRules(a.patterns ?? [], a, `agencies.json: ${a.key}`)),
    actors: raw.actors.flatMap((a) => patternRules(a.patterns ?? [], a, `actors.json: ${a.actor}`)),
    seas: raw.seas.flatMap((s) => patternRules(s.patterns ?? [], s, `seas.json: ${s.landing}`)),
    eez: raw.eez.flatMap((e) => patternRules(e.patterns ?? [], e, `seas.json: eez ${e.value}`)),
  };
}

/**
 * The designation's romanisation variants (see romanisation.ts) as one more rule of its row. The rule is as weak as
 * the row's own spelling of the name: strong when a strong pattern of the row matches the name as written, weak
 * otherwise ("Scud" is weak: scuds are also boats); a name whose capitals matter gets no variants.
 */
// Negative lookaheads closing a pattern (one level of nested groups allowed).
const TRAILING_GUARD = /(?:\(\?![^()]*(?:\([^()]*\)[^()]*)*\))+$/;

function romanisedRules(m: MissileEntry): Rule<MissileEntry>[] {
  const source = romanisedSource(m.name);
  if (!source) return [];
  const own = patternRules(m.patterns ?? [], m, '').filter((r) => new RegExp(`^(?:${r.source})$`, 'iu').test(m.name));
  if (own.some((r) => r.exact)) return [];
  const weak = !own.some((r) => !r.weak);
  // The row's guard after the name ("Musudan(?![- ]?ri)": not the Musudan-ri site) guards the variants too.
  const guard = own.map((r) => TRAILING_GUARD.exec(r.source)?.[0]).find((g) => g !== undefined) ?? '';
  const full = source + guard;
  return [{ source: full, weak, exact: null, entry: m, where: `missiles.json: ${m.name} romanised spellings /${full}/` }];
}

const isOneOf = <V extends string>(values: readonly V[], v: unknown): v is V =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * Every problem in the data files, as readable lines ("missiles.json: Hwasong-18 pattern 2 /…/: does not compile").
 * Empty when the tables are sound. Loading throws with these lines, so a bad edit fails loudly and early.
 */
export function knowledgeProblems(): string[] {
  const raw = readRaw();
  return [...ruleProblemLines(buildRules(raw)), ...entryProblems(raw)];
}

/** The problems of the patterns: each is compiled alone, so a command that matches nothing need not pay for it. */
function ruleProblemLines(rules: RuleSets): string[] {
  const problems: string[] = [];
  for (const list of Object.values(rules) as Rule<unknown>[][]) {
    for (const r of list) for (const p of ruleProblems(r.source)) problems.push(`${r.where}: ${p}`);
  }
  return problems;
}

/** The problems of the entries themselves: keys, classes, kinds, landings and clocks. */
function entryProblems(raw: RawTables): string[] {
  const problems: string[] = [];
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
    if (typeof a.clock?.timeZone !== 'string' || typeof a.clock.standard !== 'string') problems.push(`actors.json: ${a.actor} lacks clock.timeZone or clock.standard`);
  }
  for (const s of raw.seas) if (!isOneOf(LANDINGS, s.landing)) problems.push(`seas.json: unknown landing "${s.landing}"`);
  for (const e of raw.eez) if (!isOneOf(EEZ_VALUES, e.value)) problems.push(`seas.json: unknown eez value "${e.value}"`);
  for (const l of LANDINGS) if (!raw.seas.some((s) => s.landing === l && typeof s.name === 'string')) problems.push(`seas.json: landing ${l} has no name`);
  for (const v of EEZ_VALUES) if (!raw.eez.some((e) => e.value === v && typeof e.name === 'string')) problems.push(`seas.json: eez ${v} has no name`);
  return problems;
}

const failWith = (problems: string[]): never => {
  throw new Error(`salvo: the knowledge tables in data/ have problems:\n  ${problems.join('\n  ')}`);
};

let cachedRaw: RawTables | null = null;
let cached: Tables | null = null;
let cachedRules: RuleSets | null = null;
let cachedLaunches: readonly ReferenceLaunch[] | null = null;

const raw = (): RawTables => (cachedRaw ??= readRaw());

/** The entries, checked (the patterns are checked by `ruleSets`, when something is first matched). */
export function tables(): Tables {
  if (cached) return cached;
  const r = raw();
  const problems = entryProblems(r);
  if (problems.length) failWith(problems);
  cached = {
    sites: r.sites,
    siteIndex: new Map(r.sites.map((s) => [s.key, s])),
    missiles: r.missiles,
    actors: new Map(r.actors.map((a) => [a.actor, a])),
    agencies: new Map(r.agencies.map((a) => [a.key, a])),
    seas: r.seas,
    eez: r.eez,
  };
  return cached;
}

/** Every table's rules ready for a matcher; throws if an entry or a pattern has problems. */
export function ruleSets(): RuleSets {
  if (cachedRules) return cachedRules;
  tables();
  const rules = buildRules(raw());
  const problems = ruleProblemLines(rules);
  if (problems.length) failWith(problems);
  cachedRules = rules;
  return cachedRules;
}

/** Loads and checks every table and pattern now (otherwise done on first use); throws if a data file has problems. */
export function loadKnowledge(): void {
  ruleSets();
}

/** Past North Korean launches from the CNS/NTI database, oldest first. */
export function referenceLaunches(): readonly ReferenceLaunch[] {
  if (!cachedLaunches) cachedLaunches = readDataJson<ReferenceLaunchesFile>('reference-launches.json').launches;
  return cachedLaunches;
}
