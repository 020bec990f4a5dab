// /api/reference and /api/sites: the bundled reference list of North Korean launches and the launch sites,
// computed once (they do not change while the server runs).
import { allSites, referenceLaunches } from '../../knowledge/index.js';
import { referenceImpact } from '../../resolve/impact.js';
import type { Routes } from './context.js';
import { routeSchema } from './doc.js';
import { REFERENCE_MAX_AGE_S } from '../../settings.js';

const REFERENCE_ATTRIBUTION =
  'Reference launches: CNS North Korea Missile Test Database (James Martin Center for Nonproliferation Studies, for the Nuclear Threat Initiative), via nagix/nk-missile-tests (Apache-2.0). Facts only; see data/NOTICE.md.';
const SITES_ATTRIBUTION = 'Site names and coordinates: CNS/NTI North Korea Missile Test Database via nagix/nk-missile-tests (Apache-2.0).';

export const referenceRoutes: Routes = (app, { needToken }) => {
  const referenceJson = JSON.stringify({
    attribution: REFERENCE_ATTRIBUTION,
    launches: referenceLaunches().map((r) => ({ ...r, impact: referenceImpact(r) })),
  });
  app.get('/api/reference', {
    schema: routeSchema({
      operationId: 'getReferenceLaunches',
      summary: 'Past North Korean missile flights from the CNS/NTI database (bundled reference list, facts only)',
      tags: ['reference'],
      responses: { 200: { description: 'The reference launches, with an impact point where site, bearing and distance are known', schema: { type: 'object' } } },
    }, needToken),
  }, async (_req, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', `public, max-age=${REFERENCE_MAX_AGE_S}`);
    return referenceJson;
  });

  const sitesJson = JSON.stringify({
    attribution: SITES_ATTRIBUTION,
    sites: allSites().map((s) => ({ key: s.key, name: s.name, lat: s.lat, lon: s.lon })),
  });
  app.get('/api/sites', {
    schema: routeSchema({
      operationId: 'getSites',
      summary: 'Launch sites with coordinates',
      tags: ['reference'],
      responses: { 200: { description: 'Sites', schema: { type: 'object' } } },
    }, needToken),
  }, async (_req, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', `public, max-age=${REFERENCE_MAX_AGE_S}`);
    return sitesJson;
  });
};
