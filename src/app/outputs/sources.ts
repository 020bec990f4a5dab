// How the reports behind an event are cited by the outputs that list them (the CSV): each report's address or
// outlet and headline, and everyone their claims quote. Read from the event's stored summary (ReportFacts, written
// at ingest), so citing an event reads no article; an event without a complete summary reads its articles.
import type { ReportFacts, Store, StoredEventSummary } from '../../store/store.js';
import type { LaunchEvent } from '../../types.js';
import { reportFacts, summaryArticle } from '../event-summary.js';

export interface EventSources {
  /** Each report as it is named and cited, in the event's order (null for one not stored). */
  articles: (Pick<ReportFacts, 'url' | 'source' | 'headline'> | null)[];
  /** Everyone quoted for any claim of the event (a ministry, a military, a news agency). */
  saidBy: string[];
}

/** The sources of each event, by event id: from the stored summaries, read in one go, else from the articles. */
export async function eventSources(store: Store, events: LaunchEvent[]): Promise<Map<string, EventSources>> {
  const summaries = await store.eventSummaries(events.map((e) => e.id));
  const out = new Map<string, EventSources>();
  for (const ev of events) out.set(ev.id, await sourcesOf(store, ev, summaries.get(ev.id)));
  return out;
}

async function sourcesOf(store: Store, ev: LaunchEvent, summary: StoredEventSummary | undefined): Promise<EventSources> {
  const facts: (ReportFacts | null)[] = [];
  for (const id of ev.articleIds) {
    let f = summary?.reports?.[id] ?? null;
    if (!f) {
      const a = await store.getArticle(id);
      f = a && reportFacts(summaryArticle(a), await store.getExtraction(id));
    }
    facts.push(f);
  }
  return { articles: facts, saidBy: [...new Set(facts.flatMap((f) => f?.saidBy ?? []))] };
}
