import { EventResolver, type Report } from '../resolve/index.js';
import { defaultDbPath, openStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

export function openDb(dbOption: string | undefined): Store {
  const path = dbOption ?? defaultDbPath();
  try {
    return openStore(path);
  } catch (err) {
    // SQLite's own messages ("unable to open database file") do not say which file: add it.
    const message = err instanceof Error ? err.message : String(err);
    if (message.includes(path)) throw err;
    throw new Error(`cannot open database ${path}: ${message}`, { cause: err });
  }
}

/** A resolver primed with the events already stored, so new reports join them. */
export function resolverFromStore(store: Store): EventResolver {
  const reports = new Map<string, Report>();
  for (const r of store.launchExtractions()) reports.set(r.extraction.articleId, r);
  return new EventResolver(
    store.listEvents().map((event) => ({
      event,
      reports: event.articleIds.map((id) => reports.get(id)).filter((r): r is Report => r !== undefined),
    })),
  );
}
