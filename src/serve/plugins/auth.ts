// Write routes (those with `config: { write: true }`): never a request sent by another site's page, and beyond
// localhost the SALVO_TOKEN as `Authorization: Bearer …`. The token is compared by its SHA-256 digest in
// constant time (so neither its content nor its length shows in the timing), and a client address that sends too
// many wrong tokens is refused for a while (429), so the token cannot be guessed at network speed.
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { HttpError } from './errors.js';
import { AUTH_FAILURE_CLIENTS, AUTH_FAILURE_WINDOW_MS, AUTH_MAX_FAILURES } from '../../settings.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route adds data: the auth plugin checks the request's origin and token. */
    write?: boolean;
    /** The route's 200 answers may be kept until the stored data changes (see the cache plugin). */
    cached?: boolean;
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Wrong tokens per client address in the current window; bounded in clients, oldest forgotten first. */
export class FailureCounter {
  private readonly clients = new Map<string, { since: number; failures: number }>();
  constructor(
    private readonly maxFailures: number = AUTH_MAX_FAILURES,
    private readonly windowMs: number = AUTH_FAILURE_WINDOW_MS,
    private readonly maxClients: number = AUTH_FAILURE_CLIENTS,
  ) {}

  /** Milliseconds until `client` may try again, or 0 when it may now. */
  blockedFor(client: string, now: number = Date.now()): number {
    const c = this.clients.get(client);
    if (!c) return 0;
    if (now - c.since >= this.windowMs) {
      this.clients.delete(client);
      return 0;
    }
    return c.failures >= this.maxFailures ? c.since + this.windowMs - now : 0;
  }

  fail(client: string, now: number = Date.now()): void {
    const c = this.clients.get(client);
    if (c && now - c.since < this.windowMs) {
      c.failures++;
      return;
    }
    this.clients.delete(client);
    this.clients.set(client, { since: now, failures: 1 });
    if (this.clients.size > this.maxClients) this.clients.delete(this.clients.keys().next().value as string);
  }
}

export const authPlugin = fp<{ token: string | null; needToken: boolean }>(async (app, { token, needToken }) => {
  const want = digest(token ?? '');
  const failures = new FailureCounter();
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config.write !== true) return;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, 'cross-site requests may not add reports');
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.headers.host) throw new HttpError(403, `requests from ${origin} may not add reports`);
    }
    if (!needToken) return;
    const wait = failures.blockedFor(req.ip);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      void reply.header('retry-after', String(seconds));
      throw new HttpError(429, `too many wrong tokens from this address: try again in ${seconds} s`);
    }
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) throw new HttpError(401, 'adding reports needs the token: send Authorization: Bearer <SALVO_TOKEN>');
    if (!timingSafeEqual(digest(m[1]), want)) {
      failures.fail(req.ip);
      throw new HttpError(401, 'wrong token');
    }
  });
}, { name: 'salvo-auth' });
