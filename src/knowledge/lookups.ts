// Lookups in the knowledge tables: the finders that match a table against a text (non-overlapping, in text order,
// longest first on overlap, with the locale's word boundary), and the look-ups by key or name.
import { KST_OFFSET_MINUTES } from '../calendar.js';
import { type Hit, type Locale, SharedTableGate, TableMatcher } from './matcher.js';
import {
  type ActorClock,
  type ActorEntry,
  type ActorMatch,
  type AgencyEntry,
  type AgencyMatch,
  type ClassEntry,
  type ClassMatch,
  type EezEntry,
  type EezMatch,
  type KnowledgeMatch,
  type MissileEntry,
  type MissileMatch,
  type SeaEntry,
  type SeaMatch,
  type SiteEntry,
  type SiteMatch,
  ruleSets,
  tables,
} from './tables.js';

interface Matchers {
  sites: TableMatcher<SiteEntry>;
  missiles: TableMatcher<MissileEntry>;
  classes: TableMatcher<ClassEntry>;
  agencies: TableMatcher<AgencyEntry>;
  actors: TableMatcher<ActorEntry>;
  seas: TableMatcher<SeaEntry>;
  eez: TableMatcher<EezEntry>;
}

const compiled = new Map<Locale, Matchers>();

/** The tables compiled for one locale's word boundary (on first use). */
function matchers(locale: Locale): Matchers {
  const known = compiled.get(locale);
  if (known) return known;
  const rules = ruleSets();
  // The tables whose anchors (designations, place and class names) most sentences lack share one gate; the
  // actors' and agencies' anchors ("US", "AP") turn up in most sentences, so those keep their own.
  const rare = new SharedTableGate();
  const made: Matchers = {
    sites: new TableMatcher(rules.sites, false, locale, rare),
    // Designations are pluralised freely ("two KN-23s"); the patterns need not say so.
    missiles: new TableMatcher(rules.missiles, true, locale, rare),
    classes: new TableMatcher(rules.classes, false, locale, rare),
    agencies: new TableMatcher(rules.agencies, false, locale),
    actors: new TableMatcher(rules.actors, false, locale),
    seas: new TableMatcher(rules.seas, false, locale, rare),
    eez: new TableMatcher(rules.eez, false, locale, rare),
  };
  compiled.set(locale, made);
  return made;
}

const base = <T>(h: Hit<T>, text: string): KnowledgeMatch => ({
  start: h.start,
  end: h.coreEnd,
  surface: text.slice(h.start, h.coreEnd),
  weak: h.rule.weak,
});

/** No match: one frozen list shared by every finder, so that a text without any (most sentences) makes none. */
const NO_MATCHES: readonly never[] = Object.freeze([]);

/**
 * The matches made of a table's hits in a text; NO_MATCHES for none (not a new empty list and the closure that
 * map needs, made for each of the many sentences the tables find nothing in). `make` is a module function. A
 * loop, not map with a closure: the closure's variables would be held in a context object made on every call.
 */
function matchesOfHits<T, M>(hits: readonly Hit<T>[], text: string, make: (h: Hit<T>, text: string) => M): readonly M[] {
  if (hits.length === 0) return NO_MATCHES;
  const out: M[] = [];
  for (let i = 0; i < hits.length; i++) out.push(make(hits[i], text));
  return out;
}

const siteMatch = (h: Hit<SiteEntry>, text: string): SiteMatch => ({ ...base(h, text), key: h.rule.entry.key, name: h.rule.entry.name, lat: h.rule.entry.lat, lon: h.rule.entry.lon });
const missileMatch = (h: Hit<MissileEntry>, text: string): MissileMatch => ({
  ...base(h, text),
  name: h.rule.entry.name,
  class: h.rule.entry.class,
  actor: h.rule.entry.actor,
  sameAs: h.rule.entry.sameAs ?? null,
});
const classMatch = (h: Hit<ClassEntry>, text: string): ClassMatch => ({ ...base(h, text), class: h.rule.entry.class });
const agencyMatch = (h: Hit<AgencyEntry>, text: string): AgencyMatch => ({ ...base(h, text), key: h.rule.entry.key, name: h.rule.entry.name, kind: h.rule.entry.kind, country: h.rule.entry.country });
const actorMatch = (h: Hit<ActorEntry>, text: string): ActorMatch => ({ ...base(h, text), actor: h.rule.entry.actor });
const seaMatch = (h: Hit<SeaEntry>, text: string): SeaMatch => ({ ...base(h, text), landing: h.rule.entry.landing });
const eezMatch = (h: Hit<EezEntry>, text: string): EezMatch => ({ ...base(h, text), value: h.rule.entry.value });

export function findSites(text: string, locale: Locale = 'en'): readonly SiteMatch[] {
  return matchesOfHits(matchers(locale).sites.find(text), text, siteMatch);
}

export function findMissiles(text: string, locale: Locale = 'en'): readonly MissileMatch[] {
  return matchesOfHits(matchers(locale).missiles.find(text), text, missileMatch);
}

export function findClassPhrases(text: string, locale: Locale = 'en'): readonly ClassMatch[] {
  return matchesOfHits(matchers(locale).classes.find(text), text, classMatch);
}

export function findAgencies(text: string, locale: Locale = 'en'): readonly AgencyMatch[] {
  return matchesOfHits(matchers(locale).agencies.find(text), text, agencyMatch);
}

export function findActors(text: string, locale: Locale = 'en'): readonly ActorMatch[] {
  return matchesOfHits(matchers(locale).actors.find(text), text, actorMatch);
}

export function findSeas(text: string, locale: Locale = 'en'): readonly SeaMatch[] {
  return matchesOfHits(matchers(locale).seas.find(text), text, seaMatch);
}

export function findEez(text: string, locale: Locale = 'en'): readonly EezMatch[] {
  return matchesOfHits(matchers(locale).eez.find(text), text, eezMatch);
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups by key

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

/**
 * The clock an actor's stored local times are on, and its standard offset (minutes east of UTC). With no known
 * actor it is Korea Standard Time, the clock the extractor reads unplaced times on (src/extract/rules/time.ts).
 */
export function recordClock(actor: string | null | undefined): { clock: ActorClock; standardOffsetMinutes: number } {
  const info = actorInfo(actor);
  return info ? { clock: info.clock, standardOffsetMinutes: info.utcOffsetMinutes } : { clock: KOREA_CLOCK, standardOffsetMinutes: KST_OFFSET_MINUTES };
}

const KOREA_CLOCK: ActorClock = { timeZone: 'Asia/Seoul', standard: 'KST' };

/** The missile entry with this canonical name (case- and punctuation-insensitive), if any. */
export function missileByName(name: string): MissileEntry | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = norm(name);
  return tables().missiles.find((m) => norm(m.name) === n);
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

/** How a reader sees a landing value ("sea-of-japan" → "Sea of Japan (East Sea)"); the value itself if unknown. */
export function landingName(landing: string): string {
  return tables().seas.find((s) => s.landing === landing)?.name ?? landing;
}

/** How a reader sees an eez value ("outside" → "Outside Japan's EEZ"); the value itself if unknown. */
export function eezName(value: string): string {
  return tables().eez.find((e) => e.value === value)?.name ?? value;
}
