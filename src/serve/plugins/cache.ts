// Answers of routes marked `config: { cached: true }` are kept, by URL, until the stored data changes (the
// store's data version), so repeated reads of a large table cost one lookup. The cache is bounded in entries and
// in bytes: URLs with ever new query strings only push the oldest answers out.
import fp from 'fastify-plugin';
import type { Store } from '../../store/store.js';
import { CACHE_MAX_BYTES, CACHE_MAX_ENTRIES } from '../../settings.js';

/** The headers of an answer that are part of it (the security headers are added to every answer anyway). */
const KEPT_HEADERS = ['content-type', 'content-disposition'];

interface Entry {
  body: string;
  headers: Record<string, string>;
}

/** Memory an entry holds, counted as UTF-16 (two bytes a character), the most a JavaScript string takes. */
function entryBytes(key: string, value: Entry): number {
  let chars = key.length + value.body.length;
  for (const [name, v] of Object.entries(value.headers)) chars += name.length + v.length;
  return chars * 2;
}

/** Answers kept until the data version changes; the oldest dropped beyond `maxEntries` or `maxBytes`. */
export class ResponseCache {
  private version = '';
  private readonly entries = new Map<string, { entry: Entry; bytes: number }>();
  private total = 0;
  constructor(
    private readonly maxBytes: number = CACHE_MAX_BYTES,
    private readonly maxEntries: number = CACHE_MAX_ENTRIES,
  ) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string): Entry | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.total = 0;
      this.version = version;
    }
    return this.entries.get(key)?.entry;
  }

  set(key: string, version: string, value: Entry): void {
    if (version !== this.version) return;
    const bytes = entryBytes(key, value);
    if (bytes > this.maxBytes / 4) return;
    this.delete(key);
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.total + bytes > this.maxBytes)) {
      this.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { entry: value, bytes });
    this.total += bytes;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
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
