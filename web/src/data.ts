// Reference launches and sites: fetched once, they never change while the server runs.
import { getJson, type ReferenceLaunch, type Site } from './api.js';

let reference: Promise<{ attribution: string; launches: ReferenceLaunch[] }> | null = null;
let sites: Promise<Site[]> | null = null;

export function referenceLaunches(): Promise<{ attribution: string; launches: ReferenceLaunch[] }> {
  reference ??= getJson('/api/reference');
  return reference;
}

export function allSites(): Promise<Site[]> {
  sites ??= getJson<{ sites: Site[] }>('/api/sites').then((r) => r.sites);
  return sites;
}

export const CLASSES = ['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'cruise', 'MLRS', 'SLV', 'HGV', 'ballistic'];
// Colour-blind-safe palette (Okabe–Ito and Tol), one per class; "unknown" grey.
export const CLASS_COLOURS: Record<string, string> = {
  SRBM: '#0072B2', MRBM: '#E69F00', IRBM: '#D55E00', ICBM: '#CC79A7', SLBM: '#009E73',
  cruise: '#56B4E9', MLRS: '#332288', SLV: '#882255', HGV: '#AA4499', ballistic: '#117733', unknown: '#999999',
};
export const classColour = (c: string | null): string => CLASS_COLOURS[c ?? 'unknown'] ?? CLASS_COLOURS.unknown;

export interface Filters {
  from: string;
  to: string;
  class: string;
  site: string;
  actor: string;
  /** Only events with a report in this language ('en', 'ko', 'ja'). */
  language: string;
}

/** The languages Salvo reads, each named in itself (the filter's options, the badges' titles). */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: '한국어', ja: '日本語' };

export function filtersFrom(params: URLSearchParams): Filters {
  const get = (k: string): string => params.get(k) ?? '';
  return { from: get('from'), to: get('to'), class: get('class'), site: get('site'), actor: get('actor'), language: get('language') };
}

export function filterParams(f: Filters): Record<string, string | undefined> {
  return { from: f.from || undefined, to: f.to || undefined, class: f.class || undefined, site: f.site || undefined, actor: f.actor || undefined, language: f.language || undefined };
}

/** The reference launches that pass the filters (all are DPRK's; none is a report in some language). */
export function filterReference(launches: ReferenceLaunch[], f: Filters): ReferenceLaunch[] {
  return launches.filter((r) => {
    const year = r.dateUtc.slice(0, 4);
    if (f.from && year < f.from.slice(0, 4)) return false;
    if (f.to && year > f.to.slice(0, 4)) return false;
    if (f.class && r.class !== f.class) return false;
    if (f.site && r.facility !== f.site) return false;
    if (f.actor && f.actor !== 'DPRK') return false;
    if (f.language) return false;
    return true;
  });
}

/** Display names for the values stored as keys: where missiles came down, and Japan's EEZ. */
export const LANDING_NAMES: Record<string, string> = {
  'sea-of-japan': 'Sea of Japan (East Sea)', 'yellow-sea': 'Yellow Sea', 'pacific-ocean': 'Pacific Ocean', land: 'over land',
};
export const EEZ_NAMES: Record<string, string> = { inside: "inside Japan's EEZ", outside: "outside Japan's EEZ" };

/** Site names by key, for rows that carry only the key (reference flights). */
export async function siteNames(): Promise<Map<string, string>> {
  return new Map((await allSites()).map((s) => [s.key, s.name]));
}

/** A site key as a person reads it: its name when the key is known, else the key with words capitalised. */
export const siteName = (names: Map<string, string>, key: string | null): string | null =>
  key === null ? null : (names.get(key) ?? key.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()));

/** Sets the browser tab's title: the page's own name first. */
export function pageTitle(...parts: string[]): void {
  document.title = [...parts.filter(Boolean), 'Salvo'].join(' · ');
}
