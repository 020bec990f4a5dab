// Write routes (those with `config: { write: true }`): never a request sent by another site's page, and beyond
// localhost the SALVO_TOKEN as `Authorization: Bearer …`, compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route adds data: the auth plugin checks the request's origin and token. */
    write?: boolean;
    /** The route's 200 answers may be kept until the stored data changes (see the cache plugin). */
    cached?: boolean;
  }
}

export const authPlugin = fp<{ token: string | null; needToken: boolean }>(async (app, { token, needToken }) => {
  app.addHook('onRequest', async (req) => {
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
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const given = Buffer.from(m?.[1] ?? '');
    const want = Buffer.from(token ?? '');
    if (!m || given.length !== want.length || !timingSafeEqual(given, want)) {
      throw new HttpError(401, m ? 'wrong token' : 'adding reports needs the token: send Authorization: Bearer <SALVO_TOKEN>');
    }
  });
}, { name: 'salvo-auth' });
