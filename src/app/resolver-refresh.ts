// Keeping a resolver in step with what other processes store (another ingest worker, `salvo ingest` beside the
// server): only the events their writes may have changed are read again and replaced in the resolver, not
// every event with every launch report (a full reload per launch report made two workers quadratic in the
// number of launch reports).
import type { EventResolver, Report } from '../resolve/index.js';
import type { StoreSession } from '../store/store.js';
import type { LaunchEvent } from '../types.js';

/**
 * The stored launch reports of these articles (all of them when no ids are given), with their outlets and copy
 * links, by article id: what a resolver groups.
 */
export async function storedReports(store: StoreSession, articleIds?: string[]): Promise<Map<string, Report>> {
  const launches = await store.launchExtractions(articleIds);
  const copyOf = await store.copyOrigins(launches.map((r) => r.extraction.articleId));
  const reports = new Map<string, Report>();
  for (const r of launches) {
    const id = r.extraction.articleId;
    reports.set(id, { ...r, copyOf: copyOf.get(id) ?? null });
  }
  return reports;
}

/** Events with the stored reports of their articles, as a resolver takes them. */
export function withReports(events: LaunchEvent[], reports: Map<string, Report>): { event: LaunchEvent; reports: Report[] }[] {
  return events.map((event) => ({ event, reports: event.articleIds.map((id) => reports.get(id)).filter((r): r is Report => r !== undefined) }));
}

/**
 * Brings `resolver` up to date after other processes wrote the articles `written`, each of which may have
 * regrouped events (a launch report, or a copy link to one). A write changes only events holding one of its
 * articles: the event a report joined (and any undated event it absorbed, whose reports it now holds), and the
 * events of the launch reports its copy links touch (a copy link can move a report's independent source). So
 * the events read again are those holding these articles, and, until the set is closed, every event the resolver
 * had any of their reports in and every event now holding a report the resolver had in one of them; an event
 * asked for and no longer stored is dropped. Their reports and copy links are read again too. Resolves false when
 * the resolver could not be brought up to date this way (it must then be built anew from the whole store).
 */
export async function refreshResolver(store: StoreSession, resolver: EventResolver, written: string[]): Promise<boolean> {
  const seeds = new Set(written);
  for (const link of await store.copyLinksOf(written)) seeds.add(link.articleId);
  const askedEvents = new Set<string>();
  const askedArticles = new Set<string>();
  const found = new Map<string, LaunchEvent>();
  let ids = [...new Set([...seeds].flatMap((a) => resolver.eventOf(a) ?? []))];
  let articleIds = [...seeds];
  while (ids.length || articleIds.length) {
    for (const id of ids) askedEvents.add(id);
    for (const id of articleIds) askedArticles.add(id);
    const events = await store.eventsOf({ ids, articleIds });
    const nextEvents = new Set<string>();
    const nextArticles = new Set<string>();
    const leftBy = (eventId: string, now: Set<string>): void => {
      for (const r of resolver.membersOf(eventId)) if (!now.has(r.extraction.articleId)) nextArticles.add(r.extraction.articleId);
    };
    for (const ev of events) {
      found.set(ev.id, ev);
      askedEvents.add(ev.id);
      for (const a of ev.articleIds) {
        const old = resolver.eventOf(a);
        if (old !== null) nextEvents.add(old);
      }
      leftBy(ev.id, new Set(ev.articleIds));
    }
    const returned = new Set(events.map((e) => e.id));
    for (const id of ids) if (!returned.has(id)) leftBy(id, new Set());
    ids = [...nextEvents].filter((id) => !askedEvents.has(id));
    articleIds = [...nextArticles].filter((id) => !askedArticles.has(id));
  }
  const gone = [...askedEvents].filter((id) => !found.has(id));
  const fresh = [...found.values()];
  const reports = await storedReports(store, fresh.flatMap((e) => e.articleIds));
  return resolver.replace(withReports(fresh, reports), gone);
}
