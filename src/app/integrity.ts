// The event table's invariant and its repair. Every stored launch report is in exactly one event, every event
// member is a stored launch report, and no event is empty: `membershipProblems` lists what breaks that
// (`salvo db check`). `rebuildEvents` (`salvo db rebuild`, and `salvo db check --repair`) groups every stored
// launch report again from scratch, in ingest order with the stored copy links, as one process ingesting the
// same articles one by one would, and writes the events that differ.
import { EventResolver } from '../resolve/index.js';
import { EVERY_EVENT_KEY, type Store, type StoreSession } from '../store/store.js';
import type { CopyLink, LaunchEvent } from '../types.js';

/** One break of the invariant. */
export type MembershipProblem =
  | { kind: 'no-event'; articleId: string }
  | { kind: 'several-events'; articleId: string; eventIds: string[] }
  | { kind: 'not-a-launch-report'; articleId: string; eventIds: string[] }
  | { kind: 'empty-event'; eventId: string };

/** Every break of the invariant, launch reports first (in ingest order), then empty events. */
export async function membershipProblems(store: StoreSession): Promise<MembershipProblem[]> {
  const eventsOf = new Map<string, string[]>();
  const problems: MembershipProblem[] = [];
  const empty: MembershipProblem[] = [];
  for (const ev of await store.listEvents()) {
    if (ev.articleIds.length === 0) empty.push({ kind: 'empty-event', eventId: ev.id });
    for (const id of ev.articleIds) eventsOf.set(id, [...(eventsOf.get(id) ?? []), ev.id]);
  }
  const stored = new Set<string>();
  for (const a of await store.listArticles()) {
    stored.add(a.id);
    const eventIds = eventsOf.get(a.id) ?? [];
    if (!a.isLaunchReport) {
      if (eventIds.length) problems.push({ kind: 'not-a-launch-report', articleId: a.id, eventIds });
    } else if (eventIds.length === 0) problems.push({ kind: 'no-event', articleId: a.id });
    else if (eventIds.length > 1) problems.push({ kind: 'several-events', articleId: a.id, eventIds });
  }
  // Members that are not stored articles at all cannot be (foreign keys), but a damaged file could hold some.
  for (const [id, eventIds] of eventsOf) if (!stored.has(id)) problems.push({ kind: 'not-a-launch-report', articleId: id, eventIds });
  return [...problems, ...empty];
}

/** One line for people. */
export function describeProblem(p: MembershipProblem): string {
  switch (p.kind) {
    case 'no-event':
      return `launch report ${p.articleId} is in no event`;
    case 'several-events':
      return `launch report ${p.articleId} is in ${p.eventIds.length} events: ${p.eventIds.join(', ')}`;
    case 'not-a-launch-report':
      return `article ${p.articleId} is not a stored launch report but is in ${p.eventIds.join(', ')}`;
    case 'empty-event':
      return `event ${p.eventId} has no reports`;
  }
}

/**
 * The event table as grouping every stored launch report again gives it: reports added in ingest order, each
 * copy link applied once both its articles are in (when ingest learned it).
 */
export async function regroupedEvents(store: StoreSession): Promise<LaunchEvent[]> {
  const launch = new Map((await store.launchExtractions()).map((r) => [r.extraction.articleId, r]));
  const linksOf = new Map<string, CopyLink[]>();
  for (const l of await store.copyLinks()) {
    for (const id of [l.articleId, l.originalId]) linksOf.set(id, [...(linksOf.get(id) ?? []), l]);
  }
  const resolver = new EventResolver();
  const seen = new Set<string>();
  for (const a of await store.listArticles()) {
    seen.add(a.id);
    const r = launch.get(a.id);
    // The stored source as ingest gave it to the resolver (storedState reads the same), not the summary's outlet name.
    if (r) resolver.add({ extraction: r.extraction, published: r.published, source: r.source });
    for (const l of linksOf.get(a.id) ?? []) if (seen.has(l.articleId) && seen.has(l.originalId)) resolver.setCopyOf(l.articleId, l.originalId);
  }
  return resolver.all();
}

/** What a rebuild changed. */
export interface RebuildReport {
  events: number;
  written: number;
  deleted: number;
}

/** An event as compared by a rebuild (everything it stores but its update time). */
const comparable = (e: LaunchEvent): string => JSON.stringify([e.id, e.actor, e.dateLocal, e.weekday, e.articleIds, e.fields, e.reference]);

/**
 * Groups every stored launch report again and writes the events that differ from the stored ones (deleting
 * those no longer made), holding the grouping lock of every event so no ingest interleaves. Events that come
 * out the same are left as they are, update time included.
 */
export async function rebuildEvents(store: Store, at: string = new Date().toISOString()): Promise<RebuildReport> {
  return store.withEventLock([EVERY_EVENT_KEY], async (session) => {
    const fresh = await regroupedEvents(session);
    const stored = new Map((await session.listEvents()).map((e) => [e.id, comparable(e)]));
    const changed = fresh.filter((e) => stored.get(e.id) !== comparable(e));
    const keep = new Set(fresh.map((e) => e.id));
    const deleted = [...stored.keys()].filter((id) => !keep.has(id));
    await session.writeEvents({ events: changed, deleted, at });
    return { events: fresh.length, written: changed.length, deleted: deleted.length };
  });
}
