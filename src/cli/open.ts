import { existsSync } from 'node:fs';
import { EventResolver, type Report } from '../resolve/index.js';
import { CopyTracker } from '../resolve/sources.js';
import { defaultDbPath, isServerLocation, openStore } from '../store/open.js';
import type { Store, StoreSession } from '../store/store.js';

/**
 * Opens the database. Commands that only read (`events`, `show`, `reference`) pass `mustExist`, so a mistyped
 * path is an error rather than a new empty database.
 */
export async function openDb(dbOption: string | undefined, opts: { mustExist?: boolean } = {}): Promise<Store> {
  const path = dbOption ?? defaultDbPath();
  if (opts.mustExist && path !== ':memory:' && !isServerLocation(path) && !existsSync(path)) {
    throw new Error(`no database at ${path} (run \`salvo ingest <files>\` first, or pass --db / set SALVO_DB)`);
  }
  try {
    return await openStore(path);
  } catch (err) {
    // SQLite's own messages ("unable to open database file") do not say which file: add it.
    const message = err instanceof Error ? err.message : String(err);
    // A server store's message names the URL already, without its password.
    if (message.includes(path) || isServerLocation(path)) throw err;
    throw new Error(`cannot open database ${path}: ${message}`, { cause: err });
  }
}

/**
 * A resolver primed with the events already stored, so new reports join them, with each report's outlet and
 * copy link, and a copy tracker over the stored signatures.
 */
export async function resolverFromStore(store: StoreSession): Promise<EventResolver> {
  const outlets = new Map((await store.listArticles()).map((a) => [a.id, a.source]));
  const copyOf = new Map((await store.copyLinks()).map((l) => [l.articleId, l.originalId]));
  const reports = new Map<string, Report>();
  for (const r of await store.launchExtractions()) {
    const id = r.extraction.articleId;
    reports.set(id, { ...r, source: outlets.get(id) ?? null, copyOf: copyOf.get(id) ?? null });
  }
  const resolver = new EventResolver(
    (await store.listEvents()).map((event) => ({
      event,
      reports: event.articleIds.map((id) => reports.get(id)).filter((r): r is Report => r !== undefined),
    })),
  );
  resolver.copies = new CopyTracker(await store.signatures());
  return resolver;
}
