// `salvo serve`: the web app and the HTTP API over one store, in one Node process (fastify). The server is
// built from plugins (errors, security, auth, cache, multipart, OpenAPI) and one route file per resource.
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import { createServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { Ingester } from '../app/ingestion.js';
import { DocumentPool } from '../app/pool.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Store } from '../store/store.js';
import { authPlugin } from './plugins/auth.js';
import { cachePlugin } from './plugins/cache.js';
import { errorsPlugin } from './plugins/errors.js';
import { isLoopback, securityPlugin } from './plugins/security.js';
import { articleRoutes } from './routes/articles.js';
import type { RouteContext } from './routes/context.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { ingestRoutes } from './routes/ingest.js';
import { metaRoutes } from './routes/meta.js';
import { referenceRoutes } from './routes/reference.js';
import { sourceRoutes } from './routes/sources.js';
import { timelineRoutes } from './routes/timeline.js';
import { webRoutes } from './routes/web.js';
import { BODY_LIMIT, HEADERS_TIMEOUT_MS, MAX_CONNECTIONS, MAX_UPLOAD_FILES, MIN_TOKEN_LENGTH, MULTIPART_LIMITS, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS } from '../settings.js';

export { HttpError } from './plugins/errors.js';
export { isLoopback } from './plugins/security.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

export interface ServeOptions {
  store: Store;
  /** The address the server listens on; decides whether write routes need the token. */
  host: string;
  /** SALVO_TOKEN: required (as `Authorization: Bearer …`) on write routes when the host is not loopback. */
  token?: string | null;
  /** The built web app (index.html and assets); null serves the API alone. */
  webRoot?: string | null;
  logger?: boolean;
  /** Cache GET answers until the stored data changes (default true). */
  cache?: boolean;
  /** Connection limits; the defaults are REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS and MAX_CONNECTIONS (settings.ts). */
  limits?: { requestTimeoutMs?: number; headersTimeoutMs?: number; maxConnections?: number };
}

/**
 * The HTTP server under fastify: a request (headers and body) must arrive within its time limits, checked every
 * second, or it is answered 408 and closed; connections beyond the cap are closed at once.
 */
function serverFactory(limits: ServeOptions['limits'] = {}): FastifyServerFactory {
  return (handler) => {
    const server = createServer({
      requestTimeout: limits.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(limits.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, limits.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    }, handler);
    server.maxConnections = limits.maxConnections ?? MAX_CONNECTIONS;
    return server;
  };
}

/** Why the server must not start with these settings, or null. */
export function startProblem(host: string, token: string | null | undefined): string | null {
  if (!isLoopback(host) && !token) {
    return `refusing to listen on ${host} without SALVO_TOKEN set: beyond localhost, adding reports needs a token (set SALVO_TOKEN, or use --host 127.0.0.1)`;
  }
  if (token !== null && token !== undefined && /\s/.test(token)) {
    return 'SALVO_TOKEN contains white space (a token is sent as one word after "Bearer "): set it without spaces or line breaks';
  }
  if (token !== null && token !== undefined && token.length < MIN_TOKEN_LENGTH && !isLoopback(host)) {
    return `SALVO_TOKEN is too short: use at least ${MIN_TOKEN_LENGTH} characters`;
  }
  return null;
}

const OPENAPI_INFO = {
  title: 'Salvo API',
  version: '1',
  description: 'Missile launch events read from news reports, with the sentences that state each value. JSON under /api/; errors are {statusCode, error, message}.',
  license: { name: 'Apache License 2.0', identifier: 'Apache-2.0' },
};

export async function buildServer(opts: ServeOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const loopback = isLoopback(opts.host);
  const token = opts.token ?? null;
  const needToken = !loopback;
  const problem = startProblem(opts.host, token);
  if (problem) throw new Error(problem);

  const app = Fastify({
    serverFactory: serverFactory(opts.limits),
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Unknown parameters are an error (not silently dropped); numbers and booleans in query strings are coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    return503OnClosing: true,
  });
  // Response schemas document the answers (OpenAPI); answers are sent as the handlers build them, so no field
  // is dropped for want of a schema entry.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { loopback });
  await app.register(authPlugin, { token, needToken });
  await app.register(cachePlugin, { store, enabled: opts.cache !== false });
  await app.register(fastifyMultipart, {
    limits: { ...MULTIPART_LIMITS, fileSize: BODY_LIMIT, files: MAX_UPLOAD_FILES, parts: MAX_UPLOAD_FILES + MULTIPART_LIMITS.fields },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SALVO_TOKEN; required on write routes when the server listens beyond localhost' } } },
    },
  });

  // Reading, cleaning and extracting run in pool threads, so a large paste never holds up other requests.
  const pool = new DocumentPool();
  app.addHook('onClose', async () => pool.close());
  const ctx: RouteContext = { store, ingester: new Ingester(store, pool.prepare), pool, host: opts.host, needToken };
  for (const routes of [eventRoutes, timelineRoutes, exportRoutes, sourceRoutes, articleRoutes, ingestRoutes, referenceRoutes, metaRoutes]) routes(app, ctx);
  await webRoutes(app, opts.webRoot === undefined ? WEB_ROOT : opts.webRoot);
  return app;
}
