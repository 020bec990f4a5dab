// Answers of routes marked `config: { cached: true }` are kept, by URL, until the stored data changes (the
// store's data version), so repeated reads of a large table cost one lookup.
import fp from 'fastify-plugin';
import type { Store } from '../../store/store.js';
import { CACHE_MAX_ENTRIES } from '../../settings.js';

/** The headers of an answer that are part of it (the security headers are added to every answer anyway). */
const KEPT_HEADERS = ['content-type', 'content-disposition'];

interface Entry {
  body: string;
  headers: Record<string, string>;
}

/** Answers kept until the data version changes; bounded in count. */
class ResponseCache {
  private version = '';
  private readonly entries = new Map<string, Entry>();
  get(key: string, version: string): Entry | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    return this.entries.get(key);
  }
  set(key: string, version: string, value: Entry): void {
    if (version !== this.version) return;
    if (this.entries.size >= CACHE_MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The data version the answer was computed at (cached routes only). */
    dataVersion?: string;
  }
}

export const cachePlugin = fp<{ store: Store; enabled: boolean }>(async (app, { store, enabled }) => {
  if (!enabled) return;
  const cache = new ResponseCache();
  app.addHook('preHandler', async (req, reply) => {
    if (req.routeOptions.config.cached !== true) return;
    req.dataVersion = await store.dataVersion();
    const hit = cache.get(req.url, req.dataVersion);
    if (!hit) return;
    for (const [name, value] of Object.entries(hit.headers)) reply.header(name, value);
    await reply.send(hit.body);
    return reply;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.routeOptions.config.cached !== true || req.dataVersion === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const v = reply.getHeader(name);
      if (v !== undefined) headers[name] = String(v);
    }
    cache.set(req.url, req.dataVersion, { body: payload, headers });
    return payload;
  });
}, { name: 'salvo-cache' });
