// A resolver source for an ingest process that may share its database with others (several `salvo ingest`
// or watcher processes on one PostgreSQL database): under the grouping lock it checks the store's data
// version and, when some other process wrote since this one's last save, rebuilds the resolver from the
// store, so a report joins the events other workers made rather than starting a second one.
import type { ResolverSource } from '../pipeline.js';
import type { EventResolver } from '../resolve/index.js';
import type { Store, StoreSession } from '../store/store.js';

export interface FollowingResolver extends ResolverSource {
  /** Forgets the resolver (after a failed write it may hold a report the store does not): the next use rebuilds it. */
  reset(): void;
}

/**
 * The version is read again after each save, under the same lock: a write of another process landing between
 * this one's commit and that read goes unnoticed when it concerns an actor this process's lock did not cover
 * (other actors' events are then rebuilt only at the next change the store reports).
 */
export async function followingResolver(store: Store, build: (session: StoreSession) => Promise<EventResolver>): Promise<FollowingResolver> {
  let resolver: EventResolver | null = await build(store);
  let known = await store.dataVersion();
  return {
    async resolver(session) {
      const now = await session.dataVersion();
      if (resolver === null || now !== known) resolver = await build(session);
      known = now;
      return resolver;
    },
    async saved(session) {
      known = await session.dataVersion();
    },
    reset() {
      resolver = null;
    },
  };
}
