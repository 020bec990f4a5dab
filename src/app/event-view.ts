// How stored events are shown to a person, the same in the CLI, the API and every output: a one-line summary,
// the count as people say it, the launch moment on its named clock and in UTC, the estimated impact, and the
// evidence behind every value of an event.
import { outletName, publicOrigin } from '../headline.js';
import { actorInfo, landingName, siteByKey } from '../knowledge/index.js';
import { estimateImpact, type ImpactEstimate } from '../resolve/impact.js';
import { dateFlags } from '../resolve/plausibility.js';
import type { ReportFacts, Store, StoreSession, StoredEvent, StoredEventSummary } from '../store/store.js';
import { summarizeEvent, summaryArticle, type SummaryArticle } from './event-summary.js';
import type { ClaimView, CopyLink, EventFlag, EventSummary, Extraction, FieldValue, Language, LaunchEvent } from '../types.js';
import { FIELD_NAMES, LANGUAGES } from '../types.js';
import { countText } from './event-facts.js';
import { launchMoment } from './launch-time.js';

export type { EventSummary } from '../types.js';
export { countText } from './event-facts.js';

/**
 * Where an event's missile came down, estimated from the claims stored for its reports (site, bearing,
 * distance, landing sea); null when the site, the bearing or the distance is unknown.
 */
export async function impactOf(store: Store, ev: LaunchEvent): Promise<ImpactEstimate | null> {
  const stored = await freshSummary(store, ev);
  if (stored) return stored.impact;
  const extractions: (Extraction | null)[] = [];
  for (const id of ev.articleIds) extractions.push(await store.getExtraction(id));
  return estimateImpact(ev, extractions);
}

/** The summary ingest stored with the event, when it was made for the event's reports as they are now. */
async function freshSummary(store: StoreSession, ev: LaunchEvent): Promise<StoredEventSummary | null> {
  const s = (await store.eventSummaries([ev.id])).get(ev.id);
  return s && s.members.length === ev.articleIds.length && s.members.every((id, i) => id === ev.articleIds[i]) ? s : null;
}

const str = (v: FieldValue | null): string | null => (typeof v === 'string' ? v : null);
const num = (v: FieldValue | null): number | null => (typeof v === 'number' ? v : null);

export function eventSummary({ event: ev, updatedAt, languages }: StoredEvent): EventSummary {
  const f = ev.fields;
  const site = str(f.site.value);
  const landing = str(f.landing.value);
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
    countMin: num(f.count_min.value),
    countExact: typeof f.count_exact.value === 'boolean' ? f.count_exact.value : null,
    distanceKm: num(f.distance_km.value),
    apogeeKm: num(f.apogee_km.value),
    landing,
    landingName: landing === null ? null : landingName(landing),
    eez: str(f.eez.value),
    launch: launchMoment(ev.actor, ev.dateLocal, str(f.time_local.value)),
    reports: ev.articleIds.length,
    languages,
    disputed: FIELD_NAMES.filter((n) => f[n].disputed),
    flags: dateFlags(ev),
    updatedAt,
  };
}

/** What the timeline needs to put an event on one row with its reference flights, in one clock. */
export function timelineFacts(ev: LaunchEvent): { referenceDateKst: string | null; referenceFlights: number; timeZone: string | null } {
  return { referenceDateKst: ev.reference?.dateKst ?? null, referenceFlights: ev.reference?.flights ?? 0, timeZone: actorInfo(ev.actor)?.clock.timeZone ?? null };
}

/** Every candidate value of every field of an event, with the claims (quoted sentences) behind it. */
export interface EventDetail {
  id: string;
  actor: string | null;
  dateLocal: string | null;
  reference: LaunchEvent['reference'] | null;
  /** The languages of its reports, in the order of LANGUAGES. */
  languages: Language[];
  /** Reasons the date cannot be right as it stands. */
  flags: EventFlag[];
  articles: {
    id: string;
    /** Where it came from, without server folders (see publicOrigin). */
    origin: string | null;
    outlet: string | null;
    title: string | null;
    /** How to name it: the title, else the first line of its text. */
    headline: string;
    language: Language | null;
    published: string | null;
    url: string | null;
    copyOf: CopyLink | null;
    closest: ArticleRelation['closest'];
  }[];
  fields: Record<string, {
    value: FieldValue | null;
    disputed: boolean;
    /** Agreement: the share of the independent weight behind the chosen value, 0..1 (not a claim's confidence). */
    agreement: number | null;
    candidates: { value: FieldValue; reports: number; weight: number | null; sources: string[]; claims: ClaimView[] }[];
  }>;
}

/** How an article of the event relates to the others: a stored copy link, else its closest sibling and why. */
export interface ArticleRelation {
  copyOf: CopyLink | null;
  closest: { articleId: string; kind: string; similarity: number; reason: string } | null;
}

/** The summary of an event as stored, else computed from its reports (every pair compared), naming every report. */
async function summaryOf(store: Store, ev: LaunchEvent, extractions: Map<string, Extraction | null>): Promise<StoredEventSummary> {
  const stored = await freshSummary(store, ev);
  if (stored && ev.articleIds.every((id) => stored.reports?.[id])) return stored;
  const articles = new Map<string, SummaryArticle>();
  for (const id of ev.articleIds) {
    const a = await store.getArticle(id);
    if (a) articles.set(id, summaryArticle(a));
  }
  // A stored summary without the reports' facts keeps its comparisons; only the articles are read then.
  return summarizeEvent(ev, { extractions, prior: stored ? [stored] : [], articles: async (ids) => new Map(ids.flatMap((id) => { const a = articles.get(id); return a ? [[id, a] as const] : []; })) });
}

/**
 * For each article of an event, its copy link (if any) and its closest sibling with the similarity and the
 * reason, so a reader sees why a report was or was not taken for a copy.
 */
async function articleRelations(store: Store, ev: LaunchEvent, summary: StoredEventSummary): Promise<Map<string, ArticleRelation>> {
  const out = new Map<string, ArticleRelation>();
  for (const id of ev.articleIds) {
    const link = (await store.copyLinks(id)).find((l) => l.articleId === id) ?? null;
    const c = summary.closest[id] ?? null;
    out.set(id, { copyOf: link, closest: c && { ...c, similarity: Math.round(c.similarity * 100) / 100 } });
  }
  return out;
}

/**
 * The evidence behind every candidate value of every field of one event. Reports are named from the event's
 * stored summary (no article is read when it is complete); the claims come from their extractions.
 */
export async function eventDetail(store: Store, ev: LaunchEvent): Promise<EventDetail> {
  const extractions = new Map<string, Extraction | null>();
  for (const id of ev.articleIds) extractions.set(id, await store.getExtraction(id));
  const summary = await summaryOf(store, ev, extractions);
  const named = (id: string): ReportFacts | null => summary.reports?.[id] ?? null;
  const relations = await articleRelations(store, ev, summary);
  const fields: EventDetail['fields'] = {};
  for (const f of FIELD_NAMES) {
    const field = ev.fields[f];
    fields[f] = {
      value: field.value,
      disputed: field.disputed,
      agreement: field.agreement ?? null,
      candidates: field.candidates.map((c) => ({
        value: c.value,
        reports: c.support.length,
        weight: c.weight ?? null,
        sources: c.sources ?? [],
        claims: c.support
          .map((s): ClaimView | null => {
            const claim = extractions.get(s.articleId)?.claims[s.claimIndex];
            const article = named(s.articleId);
            if (!claim || !article) return null;
            return {
              value: claim.value,
              articleId: s.articleId,
              outlet: outletName(article.source),
              title: article.headline,
              language: article.language,
              part: claim.evidence.part,
              span: claim.evidence.span,
              sentence: claim.evidence.sentence,
              quote: claim.surface,
              saidBy: claim.saidBy,
              attribution: claim.attribution,
              confidence: claim.confidence,
              implied: claim.implied,
              copyOf: s.copyOf ?? null,
              superseded: s.superseded ?? false,
            };
          })
          .filter((x) => x !== null),
      })),
    };
  }
  return {
    id: ev.id,
    actor: ev.actor,
    dateLocal: ev.dateLocal,
    reference: ev.reference ?? null,
    languages: LANGUAGES.filter((l) => ev.articleIds.some((id) => named(id)?.language === l)),
    flags: dateFlags(ev),
    articles: ev.articleIds.map((id) => {
      const a = named(id);
      const rel = relations.get(id);
      return {
        id,
        origin: a ? publicOrigin(a.origin) : null,
        outlet: outletName(a?.source ?? null),
        title: a?.title ?? null,
        headline: a ? a.headline : id.slice(0, 12),
        language: a?.language ?? null,
        published: a?.published ?? null,
        url: a?.url ?? null,
        copyOf: rel?.copyOf ?? null,
        closest: rel?.closest ?? null,
      };
    }),
    fields,
  };
}
