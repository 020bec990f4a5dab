// Where a launch's missiles probably came down, computed from the event's claims: its site, the first bearing
// claim of its reports ("flew east"), and its distance; failing those, the landing sea's rough direction and the
// earlier launches from the same site (CNS/NTI). Along a geodesic on the WGS84 ellipsoid, with the uncertainty of
// each drawn as an annular sector (a sector for the bearing range, an arc for the distance range).
import geodesic from 'geographiclib-geodesic';
import { referenceLaunches, siteByKey, type ReferenceLaunch } from '../knowledge/index.js';
import {
  BEARING_SPREAD_LANDING,
  BEARING_SPREAD_REFERENCE,
  BEARING_SPREAD_TEXT,
  DISTANCE_SPREAD,
  PATH_STEP_KM,
  SECTOR_STEP_DEG,
} from '../settings.js';
import type { Claim, Extraction, LaunchEvent } from '../types.js';

const WGS84 = geodesic.Geodesic.WGS84;

export type LonLat = [number, number];

export interface BearingEstimate {
  /** Degrees clockwise from true north. */
  deg: number;
  min: number;
  max: number;
  from: 'text' | 'landing' | 'reference';
  /** The words it was read from ("northeast", "the East Sea"), or the reference it was taken from. */
  basis: string;
}

export interface DistanceEstimate {
  km: number;
  min: number;
  max: number;
  from: 'report' | 'reference';
}

export interface ImpactEstimate {
  site: { key: string; name: string; lat: number; lon: number };
  bearing: BearingEstimate;
  distance: DistanceEstimate;
  point: { lat: number; lon: number };
  /** Closed ring of [lon, lat]: the area between the bearing and distance bounds. */
  region: LonLat[];
  /** The geodesic from the site to the point, as [lon, lat] steps. */
  path: LonLat[];
}

/** Point at `km` along the geodesic from (lat, lon) in direction `deg`. */
export function destination(lat: number, lon: number, deg: number, km: number): { lat: number; lon: number } {
  const r = WGS84.Direct(lat, lon, deg, km * 1000);
  return { lat: r.lat2 ?? lat, lon: r.lon2 ?? lon };
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;
const ll = (p: { lat: number; lon: number }): LonLat => [round(p.lon), round(p.lat)];

/** The annular sector between two bearings and two distances, as a closed [lon, lat] ring. */
export function sectorRing(lat: number, lon: number, b: { min: number; max: number }, d: { min: number; max: number }): LonLat[] {
  const steps = Math.max(2, Math.ceil((b.max - b.min) / SECTOR_STEP_DEG));
  const ring: LonLat[] = [];
  for (let i = 0; i <= steps; i++) ring.push(ll(destination(lat, lon, b.min + ((b.max - b.min) * i) / steps, d.max)));
  if (d.min <= 0) ring.push([round(lon), round(lat)]);
  else for (let i = steps; i >= 0; i--) ring.push(ll(destination(lat, lon, b.min + ((b.max - b.min) * i) / steps, d.min)));
  ring.push(ring[0]);
  return ring;
}

const LANDING_BEARING: Record<string, { deg: number; basis: string }> = {
  'sea-of-japan': { deg: 90, basis: 'toward the East Sea / Sea of Japan' },
  'yellow-sea': { deg: 270, basis: 'toward the Yellow Sea' },
  'pacific-ocean': { deg: 90, basis: 'toward the Pacific Ocean' },
};

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Circular median-ish: the reference bearings' mean direction. */
function meanBearing(degs: number[]): number | null {
  if (degs.length === 0) return null;
  let x = 0;
  let y = 0;
  for (const d of degs) {
    x += Math.cos((d * Math.PI) / 180);
    y += Math.sin((d * Math.PI) / 180);
  }
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

function referenceFor(site: string | null, cls: string | null): ReferenceLaunch[] {
  const all = referenceLaunches();
  const bySite = site ? all.filter((r) => r.facility === site) : [];
  const both = bySite.filter((r) => cls !== null && r.class === cls);
  return both.length ? both : bySite;
}

// ---- the estimate --------------------------------------------------------------------------------------------

/** The first bearing claim among the reports, in the order given (the event's report order). */
export function firstBearingClaim(reports: readonly (Extraction | null)[]): Claim | null {
  for (const x of reports) for (const c of x?.claims ?? []) if (c.field === 'bearing' && typeof c.value === 'number') return c;
  return null;
}

/**
 * The estimated impact of an event: null when its site is unknown, or when neither the claims nor the
 * reference list give a bearing and a distance.
 */
export function estimateImpact(event: LaunchEvent, reports: readonly (Extraction | null)[]): ImpactEstimate | null {
  const siteKey = typeof event.fields.site.value === 'string' ? event.fields.site.value : null;
  const site = siteKey ? siteByKey(siteKey) : undefined;
  if (!site || !siteKey) return null;
  const cls = typeof event.fields.class.value === 'string' ? event.fields.class.value : null;
  const refs = referenceFor(siteKey, cls);

  let bearing: BearingEstimate | null = null;
  const said = firstBearingClaim(reports);
  if (said && typeof said.value === 'number') {
    const deg = said.value;
    bearing = { deg, min: deg - BEARING_SPREAD_TEXT, max: deg + BEARING_SPREAD_TEXT, from: 'text', basis: said.surface };
  }
  const landing = typeof event.fields.landing.value === 'string' ? LANDING_BEARING[event.fields.landing.value] : undefined;
  if (!bearing && landing) bearing = { deg: landing.deg, min: landing.deg - BEARING_SPREAD_LANDING, max: landing.deg + BEARING_SPREAD_LANDING, from: 'landing', basis: landing.basis };
  if (!bearing) {
    const deg = meanBearing(refs.map((r) => r.bearing).filter((b): b is number => b !== null));
    if (deg !== null) {
      const d = Math.round(deg);
      bearing = { deg: d, min: d - BEARING_SPREAD_REFERENCE, max: d + BEARING_SPREAD_REFERENCE, from: 'reference', basis: `${refs.length} earlier launches from ${site.name} (CNS/NTI)` };
    }
  }
  if (!bearing) return null;

  let distance: DistanceEstimate | null = null;
  const stated = event.fields.distance_km.candidates.map((c) => c.value).filter((v): v is number => typeof v === 'number' && v > 0);
  const km = typeof event.fields.distance_km.value === 'number' ? event.fields.distance_km.value : null;
  if (km !== null && km > 0) {
    distance = { km, min: Math.min(km, ...stated) * (1 - DISTANCE_SPREAD), max: Math.max(km, ...stated) * (1 + DISTANCE_SPREAD), from: 'report' };
  } else {
    const ds = refs.map((r) => r.distanceKm).filter((d): d is number => d !== null && d > 0);
    const mid = median(ds);
    if (mid !== null) distance = { km: mid, min: Math.min(...ds), max: Math.max(...ds), from: 'reference' };
  }
  if (!distance) return null;

  const point = destination(site.lat, site.lon, bearing.deg, distance.km);
  const steps = Math.max(2, Math.ceil(distance.km / PATH_STEP_KM));
  const path: LonLat[] = [];
  for (let i = 0; i <= steps; i++) path.push(ll(destination(site.lat, site.lon, bearing.deg, (distance.km * i) / steps)));
  return {
    site: { key: siteKey, name: site.name, lat: site.lat, lon: site.lon },
    bearing,
    distance: { ...distance, min: Math.round(distance.min), max: Math.round(distance.max) },
    point: { lat: round(point.lat), lon: round(point.lon) },
    region: sectorRing(site.lat, site.lon, bearing, distance),
    path,
  };
}

/** Where a reference launch came down, from its own site, bearing and distance; null when one is unknown. */
export function referenceImpact(r: ReferenceLaunch): { lat: number; lon: number } | null {
  if (r.facility === null || r.bearing === null || r.distanceKm === null || r.distanceKm <= 0) return null;
  const site = siteByKey(r.facility);
  if (!site) return null;
  const p = destination(site.lat, site.lon, r.bearing, r.distanceKm);
  return { lat: round(p.lat), lon: round(p.lon) };
}
