// The JSON API, typed for the views. Records the server sends as they are come from the server's own types.
import type { ArticleSummary, ClaimView, EventSummary, FlightView, LaunchDay, PeriodCount, ReferenceAlignment } from '../../src/types.js';

/** EventSummary: a row of /api/events (the map reads these as its GeoJSON features' properties). */
export type { ArticleSummary, EventSummary, FlightView, LaunchDay, PeriodCount };


export interface ReferenceLaunch {
  dateUtc: string;
  timeUtc: string | null;
  series: number | null;
  missileName: string | null;
  class: string | null;
  facility: string | null;
  landing: string | null;
  apogeeKm: number | null;
  distanceKm: number | null;
  bearing: number | null;
  outcome: string | null;
  impact: { lat: number; lon: number } | null;
}

export interface Site {
  key: string;
  name: string;
  lat: number;
  lon: number;
}

export type Claim = ClaimView;

export interface Impact {
  site: Site;
  bearing: { deg: number; min: number; max: number; from: string; basis: string };
  distance: { km: number; min: number; max: number; from: string };
  point: { lat: number; lon: number };
  region: [number, number][];
  path: [number, number][];
}

export interface EventPage {
  id: string;
  actor: string | null;
  dateLocal: string | null;
  count: string;
  siteName: string | null;
  languages: string[];
  articles: {
    id: string;
    outlet: string | null;
    title: string | null;
    /** How to name it: the title, else the first line of its text. */
    headline: string;
    language: string | null;
    published: string | null;
    url: string | null;
    origin: string | null;
    copyOf: { originalId: string; kind: string; similarity: number; reason: string } | null;
    closest: { articleId: string; kind: string; similarity: number; reason: string } | null;
  }[];
  /** Per field: `agreement` is the sources' share behind the value (0..1); a claim's `confidence` is the extractor's. */
  overview: { field: string; value: unknown; disputed: boolean; agreement: number | null; reports: number; reportsStating: number }[];
  fields: Record<string, { value: unknown; disputed: boolean; candidates: { value: unknown; reports: number; weight: number | null; sources: string[]; claims: Claim[] }[] }>;
  impact: Impact | null;
  reference: ReferenceAlignment | null;
  history: { version: number; createdAt: string; articleId: string | null; changes: { field: string; from: unknown; to: unknown; label?: string; text?: string }[] }[];
  /** The IANA zone of the actor's local time (the clock of dateLocal and the local time). */
  timeZone: string | null;
}

export interface Span {
  index: number;
  field: string;
  value: unknown;
  surface: string;
  part: 'title' | 'text';
  start: number;
  end: number;
  saidBy: string | null;
  confidence: number;
  chosen: boolean;
}

export interface ArticlePage {
  id: string;
  origin: string;
  format: string;
  url: string | null;
  source: string | null;
  published: { date: string; via: string } | null;
  title: string | null;
  /** How to name it: the title, else the first line of its text. */
  headline: string;
  language: string;
  text: string;
  paragraphs: { start: number; end: number }[];
  removed: { text: string; reason: string }[];
  eventId: string | null;
  copies: { articleId: string; originalId: string; kind: string; similarity: number; reason: string }[];
  extraction: { isLaunchReport: boolean; reportConfidence: number; actor: string | null } | null;
  spans: Span[];
}


export interface IngestReport {
  stored: number;
  duplicates: number;
  failed: number;
  results: { origin: string; status: string; articleId: string | null; eventId: string | null; isLaunchReport: boolean | null; title: string | null; headline: string | null; reason: string | null }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function answer<T>(r: Response): Promise<T> {
  const body: unknown = await r.json().catch(() => null);
  if (!r.ok) {
    const msg = body && typeof body === 'object' && 'message' in body ? String((body as { message: unknown }).message) : r.statusText;
    throw new ApiError(r.status, msg);
  }
  return body as T;
}

export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return answer<T>(await fetch(`${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } }));
}

function authHeaders(): Record<string, string> {
  const t = sessionStorage.getItem('salvo-token');
  return t ? { authorization: `Bearer ${t}` } : {};
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) }));
}

export async function postFiles<T>(path: string, files: FileList | File[]): Promise<T> {
  const form = new FormData();
  for (const f of Array.from(files)) form.append('files', f, f.name);
  return answer<T>(await fetch(path, { method: 'POST', headers: authHeaders(), body: form }));
}
