// Map, fully offline: Natural Earth borders (world-atlas, bundled), launch sites, the reference launches'
// impact points, and each event's estimated impact with its uncertainty (a sector for the bearing range, an arc
// for the distance range). Japan's coast gives the scale; a scale bar gives it in kilometres.
import { geoGraticule10, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, GeometryCollection, LineString, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import { getJson, type EventSummary } from '../api.js';
import { allSites, classColour, filterParams, filterReference, filtersFrom, referenceLaunches } from '../data.js';
import { clear, h, s } from '../dom.js';
import type { View } from '../main.js';
import { filterForm } from './filters.js';

const W = 960;
const H = 720;
type EventFeature = Feature<GeometryCollection | null, EventSummary & { impact?: { bearing: { from: string }; distance: { from: string } } }>;

let land: Promise<FeatureCollection> | null = null;
function countries(): Promise<FeatureCollection> {
  land ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = m.default as unknown as Topology<{ countries: TopoCollection }>;
    return feature(topo, topo.objects.countries) as unknown as FeatureCollection;
  });
  return land;
}

export async function mapView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  const f = filtersFrom(params);
  const focus = params.get('event');
  const form = await filterForm('map', f);
  const holder = h('div', { class: 'map-holder' });
  const list = h('div', { class: 'map-list' });
  main.replaceChildren(h('h1', {}, 'Map'), form, holder, list);
  const projection = geoMercator().fitExtent([[10, 10], [W - 10, H - 10]], {
    type: 'MultiPoint', coordinates: [[123.5, 33.5], [146, 45.5]],
  });
  const path = geoPath(projection);
  const [world, sites, ref] = await Promise.all([countries(), allSites(), referenceLaunches()]);

  async function draw(): Promise<void> {
    const geo = await getJson<{ features: EventFeature[] }>('/api/events.geojson', { ...filterParams(f), limit: 5000 });
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-label': 'Map of launch sites and estimated impact points around Korea and Japan' });
    svg.append(s('rect', { width: W, height: H, class: 'sea' }));
    svg.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
    for (const c of world.features) {
      const name = String((c.properties as { name?: string } | null)?.name ?? '');
      svg.append(s('path', { d: path(c) ?? '', class: `land${name === 'Japan' ? ' japan' : ''}${/Korea/.test(name) ? ' korea' : ''}` }, s('title', {}, name)));
    }
    for (const [name, lon, lat] of [['JAPAN', 138.5, 36.8], ['NORTH KOREA', 126.6, 40.5], ['SOUTH KOREA', 127.8, 36.3], ['East Sea / Sea of Japan', 134, 40.2], ['Yellow Sea', 123.9, 36]] as const) {
      const p = projection([lon, lat]);
      if (p) svg.append(s('text', { x: p[0], y: p[1], class: 'place', 'text-anchor': 'middle' }, name));
    }
    // reference impacts (grey), filtered like the timeline
    const refs = filterReference(ref.launches, f).filter((r) => r.impact);
    const refLayer = s('g', { class: 'ref-impacts', 'aria-hidden': 'true' });
    for (const r of refs) {
      const p = r.impact ? projection([r.impact.lon, r.impact.lat]) : null;
      if (p) refLayer.append(s('circle', { cx: p[0], cy: p[1], r: 2.5 }, s('title', {}, `${r.dateUtc} ${r.missileName ?? r.class ?? ''} (CNS/NTI)`)));
    }
    svg.append(refLayer);
    // sites
    for (const site of sites) {
      const p = projection([site.lon, site.lat]);
      if (!p) continue;
      svg.append(s('path', { d: `M${p[0]},${p[1] - 4}l4,7h-8z`, class: 'site' }, s('title', {}, site.name)));
    }
    // events
    const placed: EventFeature[] = [];
    for (const ft of geo.features) {
      if (!ft.geometry) continue;
      placed.push(ft);
      const [pt, site, line, region] = ft.geometry.geometries as [Point, Point, LineString, Polygon];
      const colour = classColour(ft.properties.class);
      const ring = [...region.coordinates[0]].reverse(); // GeoJSON rings are counter-clockwise; d3 wants clockwise
      const g = s('a', { href: `#/event/${encodeURIComponent(ft.properties.id)}`, class: `event-mark${focus === ft.properties.id ? ' focus' : ''}`, 'aria-label': `Event ${ft.properties.id}: estimated impact` },
        s('path', { d: path({ type: 'Polygon', coordinates: [ring] }) ?? '', class: 'uncertainty', fill: colour, stroke: colour }),
        s('path', { d: path(line) ?? '', class: 'flight', stroke: colour }),
        s('circle', { ...xy(projection(pt.coordinates as [number, number])), r: 6, class: 'impact', fill: colour }),
        s('title', {}, `${ft.properties.id}: ${ft.properties.class ?? 'missile'} from ${ft.properties.siteName ?? '?'}, ${ft.properties.distanceKm ?? '?'} km`),
      );
      void site;
      svg.append(g);
    }
    // scale bar: 500 km along the 38th parallel
    const a = projection([128, 38]);
    const b = projection([128 + 500 / (111.32 * Math.cos((38 * Math.PI) / 180)), 38]);
    if (a && b) {
      const len = b[0] - a[0];
      svg.append(s('g', { class: 'scale' }, s('line', { x1: 20, x2: 20 + len, y1: H - 30, y2: H - 30 }), s('text', { x: 20, y: H - 38 }, '500 km (at 38°N)')));
    }
    clear(holder, svg, h('ul', { class: 'legend' },
      h('li', {}, s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('path', { d: 'M6,1l5,9h-10z', class: 'site' })), ' launch site'),
      h('li', {}, s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('circle', { cx: 6, cy: 6, r: 5, fill: '#D55E00' })), ' estimated impact of a reported event; shaded: bearing × distance uncertainty'),
      h('li', {}, s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('circle', { cx: 6, cy: 6, r: 3, class: 'ref-dot' })), ` reference launches (${refs.length}, CNS/NTI)`),
    ));
    clear(list, h('h2', {}, `Events on the map (${placed.length} of ${geo.features.length})`),
      h('ul', {}, placed.map((ft) => h('li', {}, h('a', { href: `#/event/${encodeURIComponent(ft.properties.id)}` }, ft.properties.id),
        ` — ${ft.properties.class ?? 'missile'} from ${ft.properties.siteName ?? '?'}; bearing from ${ft.properties.impact?.bearing.from ?? '?'}, distance from ${ft.properties.impact?.distance.from ?? '?'}`))));
  }
  await draw();
  return { refresh: () => void draw() };
}

function xy(p: [number, number] | null): { cx: number; cy: number } {
  return p ? { cx: p[0], cy: p[1] } : { cx: -10, cy: -10 };
}
