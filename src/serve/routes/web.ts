// The built web app (index.html and hashed assets) as static files; without a build, a 503 that says how to
// build it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSET_MAX_AGE_S, FILE_MAX_AGE_S } from '../../settings.js';

export async function webRoutes(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      setHeaders: (res, path) => {
        res.header('cache-control', path.endsWith('index.html') ? 'no-cache' : /[\\/]assets[\\/]/.test(path) ? `public, max-age=${ASSET_MAX_AGE_S}, immutable` : `public, max-age=${FILE_MAX_AGE_S}`);
      },
    });
    return;
  }
  app.get('/', { schema: { hide: true } }, (_req, reply) =>
    reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`. The API is at /api/.'),
  );
}
