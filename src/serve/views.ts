// What the API answers with: stored records shaped for a reader (and for the web app).
import { countText } from '../cli/format.js';
import { eventDetail } from '../cli/show.js';
import { actorInfo, siteByKey } from '../extract/knowledge.js';
import type { SearchHit, Store, StoredEvent } from '../store/store.js';
import type { Article, EventSummary, Extraction, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import { directionSentences, estimateImpact, type ImpactEstimate } from './impact.js';

export type { EventSummary } from '../types.js';

const str = (v: FieldValue | null): string | null => (typeof v === 'string' ? v : null);
const num = (v: FieldValue | null): number | null => (typeof v === 'number' ? v : null);

export function eventSummary({ event: ev, updatedAt }: StoredEvent): EventSummary {
  const f = ev.fields;
  const site = str(f.site.value);
  return {
    id: ev.id,
    actor: ev.actor,
    dateLocal: ev.dateLocal,
    weekday: ev.weekday,
    timeLocal: str(f.time_local.value),
    site,
    siteName: site ? (siteByKey(site)?.name ?? site) : null,
    class: str(f.class.value),
    name: str(f.name.value),
    count: countText(ev),
    distanceKm: num(f.distance_km.value),
    apogeeKm: num(f.apogee_km.value),
    landing: str(f.landing.value),
    eez: str(f.eez.value),
    reports: ev.articleIds.length,
    disputed: FIELD_NAMES.filter((n) => f[n].disputed),
    updatedAt,
  };
}

/** The articles and extractions of an event, read once. */
async function sources(store: Store, ev: LaunchEvent): Promise<{ articles: (Article | null)[]; extractions: (Extraction | null)[] }> {
  return {
    articles: await Promise.all(ev.articleIds.map((id) => store.getArticle(id))),
    extractions: await Promise.all(ev.articleIds.map((id) => store.getExtraction(id))),
  };
}

export async function impactOf(store: Store, ev: LaunchEvent): Promise<ImpactEstimate | null> {
  const { articles, extractions } = await sources(store, ev);
  return estimateImpact(ev, directionSentences(articles, extractions));
}

export interface FieldOverview {
  field: FieldName;
  value: FieldValue | null;
  disputed: boolean;
  /** The best confidence among the claims that support the value (0 when none). */
  confidence: number;
  /** Reports that support the value, and reports that state any value for the field. */
  reports: number;
  reportsStating: number;
}

/** Every field of an event with its value, confidence and support; then the claims (as `salvo show --json`). */
export async function eventPage(store: Store, ev: LaunchEvent): Promise<Record<string, unknown>> {
  const detail = await eventDetail(store, ev);
  const overview: FieldOverview[] = FIELD_NAMES.map((field) => {
    const f = ev.fields[field];
    const chosen = f.candidates.find((c) => c.value === f.value);
    const stating = new Set(f.candidates.flatMap((c) => c.support.map((s) => s.articleId)));
    return {
      field,
      value: f.value,
      disputed: f.disputed,
      confidence: chosen ? Math.max(0, ...chosen.support.map((s) => s.confidence)) : 0,
      reports: chosen ? new Set(chosen.support.map((s) => s.articleId)).size : 0,
      reportsStating: stating.size,
    };
  });
  const site = str(ev.fields.site.value);
  return {
    ...detail,
    weekday: ev.weekday,
    count: countText(ev),
    siteName: site ? (siteByKey(site)?.name ?? site) : null,
    overview,
    impact: await impactOf(store, ev),
    history: await store.eventHistory(ev.id),
  };
}

/** An article with every claim's span, for the article page. */
export async function articlePage(store: Store, a: Article): Promise<Record<string, unknown>> {
  const x = await store.getExtraction(a.id);
  const chosen = new Set(x ? Object.values(x.fields).map((c) => c) : []);
  return {
    id: a.id,
    externalId: a.externalId,
    origin: a.origin,
    format: a.format,
    url: a.url,
    source: a.source,
    published: a.published,
    title: a.title,
    text: a.text,
    paragraphs: a.paragraphs,
    removed: a.removed,
    eventId: await store.articleEventId(a.id),
    // Copy links: what this article copies, and which stored articles copy it.
    copies: await store.copyLinks(a.id),
    extraction: x
      ? { isLaunchReport: x.isLaunchReport, reportConfidence: x.reportConfidence, actor: x.actor, weekday: x.weekday }
      : null,
    spans: (x?.claims ?? []).map((c, index) => ({
      index,
      field: c.field,
      value: c.value,
      surface: c.surface,
      part: c.evidence.part,
      start: c.evidence.span.start,
      end: c.evidence.span.end,
      sentenceStart: c.evidence.sentenceSpan.start,
      sentenceEnd: c.evidence.sentenceSpan.end,
      saidBy: c.saidBy,
      attribution: c.attribution,
      confidence: c.confidence,
      implied: c.implied,
      chosen: chosen.has(c),
    })),
  };
}

/** A search hit with its snippet cut into plain and matched pieces (no markup to inject). */
export function searchHit(h: SearchHit): Omit<SearchHit, 'snippet'> & { snippet: { text: string; match: boolean }[] } {
  const pieces: { text: string; match: boolean }[] = [];
  for (const m of h.snippet.matchAll(/\u0002([^\u0003]*)\u0003|[^\u0002]+/g)) {
    if (m[1] !== undefined) pieces.push({ text: m[1], match: true });
    else pieces.push({ text: m[0].replace(/[\u0002\u0003]/g, ''), match: false });
  }
  return { ...h, snippet: pieces };
}

/** Launch time in UTC (HH:MM) from the local date and time, using the actor's time zone. */
export function utcTime(actor: string | null, date: string | null, time: string | null): string | null {
  if (!date || !time || !/^\d{4}-\d\d-\d\d$/.test(date) || !/^\d\d:\d\d$/.test(time)) return null;
  const info = actorInfo(actor);
  if (!info) return null;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that moment (DST and the DPRK's 2015–2018 clock included), via Intl.
  let offsetMin = info.utcOffsetMinutes;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: info.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).formatToParts(new Date(asUtc - info.utcOffsetMinutes * 60_000));
    const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    offsetMin = Math.round((local - (asUtc - info.utcOffsetMinutes * 60_000)) / 60_000);
  } catch {
    // unknown zone: keep the standard offset
  }
  return new Date(asUtc - offsetMin * 60_000).toISOString().slice(11, 16);
}
