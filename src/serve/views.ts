// What the API answers with beyond the shared event view (src/app/event-view.ts): the event page with its
// estimated impact and history, the article page with every extracted span, search hits.
import { countText, eventDetail, impactOf, timelineFacts } from '../app/event-view.js';
import { displayTitle, outletName, publicOrigin } from '../headline.js';
import { historyView } from '../app/labels.js';
import { landingName, siteByKey } from '../knowledge/index.js';
import { launchMoment } from '../app/launch-time.js';
import type { SearchHit, Store } from '../store/store.js';
import type { Article, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

const str = (v: FieldValue | null): string | null => (typeof v === 'string' ? v : null);

export interface FieldOverview {
  field: FieldName;
  value: FieldValue | null;
  disputed: boolean;
  /** The extractor's confidence: the best among the claims that support the value (0 when none). */
  confidence: number;
  /** Agreement: the share of the independent sources' weight behind the value, 0..1 (null when none). */
  agreement: number | null;
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
      agreement: f.agreement ?? null,
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
    landingName: str(ev.fields.landing.value) === null ? null : landingName(str(ev.fields.landing.value) ?? ''),
    // When, on the named clock and in UTC: "08:10 KST (23:10 UTC, 7 May)".
    launch: launchMoment(ev.actor, ev.dateLocal, str(ev.fields.time_local.value)),
    overview,
    impact: await impactOf(store, ev),
    history: historyView(await store.eventHistory(ev.id)),
    timeZone: timelineFacts(ev).timeZone,
  };
}

/** An article with every claim's span, for the article page. */
export async function articlePage(store: Store, a: Article): Promise<Record<string, unknown>> {
  const x = await store.getExtraction(a.id);
  const chosen = new Set(x ? Object.values(x.fields).map((c) => c) : []);
  return {
    id: a.id,
    externalId: a.externalId,
    origin: publicOrigin(a.origin),
    format: a.format,
    url: a.url,
    source: outletName(a.source),
    published: a.published,
    title: a.title,
    headline: displayTitle(a.title, a.text),
    language: a.language,
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
