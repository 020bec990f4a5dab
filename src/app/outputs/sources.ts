// The articles and extractions behind an event, read once for the outputs that cite them.
import type { Store } from '../../store/store.js';
import type { Article, Extraction, LaunchEvent } from '../../types.js';

export interface EventSources {
  articles: (Article | null)[];
  extractions: (Extraction | null)[];
  /** Everyone quoted for any claim of the event (a ministry, a military, a news agency). */
  saidBy: string[];
}

export async function eventSources(store: Store, ev: LaunchEvent): Promise<EventSources> {
  const articles: (Article | null)[] = [];
  const extractions: (Extraction | null)[] = [];
  for (const id of ev.articleIds) {
    articles.push(await store.getArticle(id));
    extractions.push(await store.getExtraction(id));
  }
  const saidBy = [...new Set(extractions.flatMap((x) => x?.claims.map((c) => c.saidBy ?? '') ?? []).filter(Boolean))];
  return { articles, extractions, saidBy };
}
