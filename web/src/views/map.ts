// Map, fully offline: Natural Earth borders (world-atlas, bundled), launch sites, the reference launches'
// impact points, and each event's estimated impact with its uncertainty (a sector for the bearing range, an arc
// for the distance range), shown for the hovered, focused or selected event only. Zoom and pan with d3-zoom
// (wheel, drag, pinch, or the buttons); a scale bar gives the distance at the current zoom.
import { geoGraticule10, geoMercator, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { Feature, FeatureCollection, GeometryCollection, LineString, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import { WEB_MAP_FOCUS_ZOOM, WEB_MAP_ZOOM } from '../../../src/settings.js';
import { getJson, type EventSummary } from '../api.js';
import { allSites, classColour, filterParams, filterReference, filtersFrom, LANDING_NAMES, pageTitle, referenceLaunches } from '../data.js';
import { clear, h, s } from '../dom.js';
import type { View } from '../main.js';
import { downloadLinks } from './downloads.js';
import { filterForm } from './filters.js';

const W = 960;
const H = 720;
/** Marker radii at the starting zoom; they keep their size on screen as the map zooms. */
const R = { impact: 6, ref: 2.5 };
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
  pageTitle('Map');
  const f = filtersFrom(params);
  const focus = params.get('event');
  const form = await filterForm('map', f);
  const holder = h('div', { class: 'map-holder' });
  const list = h('div', { class: 'map-list' });
  main.replaceChildren(h('h1', {}, 'Map'), form, downloadLinks(filterParams(f)), holder, list);
  const projection = geoMercator().fitExtent([[10, 10], [W - 10, H - 10]], {
    type: 'MultiPoint', coordinates: [[123.5, 33.5], [146, 45.5]],
  });
  const path = geoPath(projection);
  const [world, sites, ref] = await Promise.all([countries(), allSites(), referenceLaunches()]);

  async function draw(): Promise<void> {
    const geo = await getJson<{ features: EventFeature[] }>('/api/events.geojson', { ...filterParams(f), limit: 5000 });
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-label': 'Map of launch sites and estimated impact points around Korea and Japan; scroll or pinch to zoom, drag to pan' });
    svg.append(s('rect', { width: W, height: H, class: 'sea' }));
    const layer = s('g', { class: 'zoom-layer' });
    svg.append(layer);
    layer.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
    for (const c of world.features) {
      const name = String((c.properties as { name?: string } | null)?.name ?? '');
      layer.append(s('path', { d: path(c) ?? '', class: `land${name === 'Japan' ? ' japan' : ''}${/Korea/.test(name) ? ' korea' : ''}` }, s('title', {}, name)));
    }
    for (const [name, lon, lat] of [['JAPAN', 138.5, 36.8], ['NORTH KOREA', 126.6, 40.5], ['SOUTH KOREA', 127.8, 36.3], ['East Sea / Sea of Japan', 134, 40.2], ['Yellow Sea', 123.9, 36]] as const) {
      const p = projection([lon, lat]);
      if (p) layer.append(s('text', { x: p[0], y: p[1], class: 'place', 'text-anchor': 'middle', 'data-x': p[0], 'data-y': p[1] }, name));
    }
    // reference impacts (grey), filtered like the timeline
    const refs = filterReference(ref.launches, f).filter((r) => r.impact);
    const refLayer = s('g', { class: 'ref-impacts', 'aria-hidden': 'true' });
    for (const r of refs) {
      const p = r.impact ? projection([r.impact.lon, r.impact.lat]) : null;
      if (p) refLayer.append(s('circle', { cx: p[0], cy: p[1], r: R.ref, 'data-r': R.ref }, s('title', {}, `${r.dateUtc} (UTC) ${r.missileName ?? r.class ?? ''}${r.landing ? `, ${LANDING_NAMES[r.landing] ?? r.landing}` : ''} — reference list (CNS/NTI), impact estimated from site, bearing and distance`)));
    }
    layer.append(refLayer);
    // sites
    for (const site of sites) {
      const p = projection([site.lon, site.lat]);
      if (!p) continue;
      layer.append(s('path', { d: `M${p[0]},${p[1] - 4}l4,7h-8z`, class: 'site', 'data-x': p[0], 'data-y': p[1] }, s('title', {}, site.name)));
    }
    // events
    const placed: EventFeature[] = [];
    for (const ft of geo.features) {
      if (!ft.geometry) continue;
      placed.push(ft);
      const [pt, , line, region] = ft.geometry.geometries as [Point, Point, LineString, Polygon];
      const colour = classColour(ft.properties.class);
      const ring = [...region.coordinates[0]].reverse(); // GeoJSON rings are counter-clockwise; d3 wants clockwise
      const g = s('a', { href: `#/event/${encodeURIComponent(ft.properties.id)}`, class: `event-mark${focus === ft.properties.id ? ' focus' : ''}`, 'data-event': ft.properties.id, 'aria-label': `Event ${ft.properties.id}: estimated impact` },
        s('path', { d: path({ type: 'Polygon', coordinates: [ring] }) ?? '', class: 'uncertainty', fill: colour, stroke: colour }),
        s('path', { d: path(line) ?? '', class: 'flight', stroke: colour }),
        s('circle', { ...xy(projection(pt.coordinates as [number, number])), r: R.impact, 'data-r': R.impact, class: 'impact', fill: colour }),
        s('title', {}, `${ft.properties.id}: ${ft.properties.class ?? 'missile'} from ${ft.properties.siteName ?? '?'}, ${ft.properties.distanceKm ?? '?'} km`),
      );
      layer.append(g);
    }
    // scale bar: 500 km along the 38th parallel
    const a = projection([128, 38]);
    const b = projection([128 + 500 / (111.32 * Math.cos((38 * Math.PI) / 180)), 38]);
    const len500 = a && b ? b[0] - a[0] : 0;
    const scaleLine = s('line', { x1: 20, x2: 20 + len500, y1: H - 30, y2: H - 30 });
    const scaleText = s('text', { x: 20, y: H - 38 }, '500 km (at 38°N)');
    svg.append(s('g', { class: 'scale' }, scaleLine, scaleText));

    // Zoom and pan: the layer moves; markers, sites and the scale bar keep their size on screen.
    const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
      .scaleExtent([...WEB_MAP_ZOOM])
      .translateExtent([[0, 0], [W, H]])
      .on('zoom', (e: { transform: { k: number; toString(): string } }) => {
        const k = e.transform.k;
        layer.setAttribute('transform', e.transform.toString());
        svg.setAttribute('data-zoom', k.toFixed(2));
        for (const c of layer.querySelectorAll<SVGCircleElement>('circle[data-r]')) c.setAttribute('r', String(Number(c.dataset.r) / k));
        for (const p of layer.querySelectorAll<SVGElement>('path.site, text.place')) p.setAttribute('transform', `translate(${p.dataset.x} ${p.dataset.y}) scale(${1 / k}) translate(${-Number(p.dataset.x)} ${-Number(p.dataset.y)})`);
        // the bar keeps 500 km while it fits, else 100 km
        const km = len500 * k > W / 3 ? 100 : 500;
        scaleLine.setAttribute('x2', String(20 + (len500 * k * km) / 500));
        scaleText.textContent = `${km} km (at 38°N)`;
      });
    const sel = select(svg as SVGSVGElement);
    sel.call(behaviour);
    const zoomBy = (factor: number): void => void sel.call(behaviour.scaleBy, factor);
    const button = (label: string, name: string, act: () => void): HTMLElement => {
      const el = h('button', { type: 'button', class: 'zoom-button', 'data-zoom': name, 'aria-label': name }, label);
      el.addEventListener('click', act);
      return el;
    };
    const controls = h('div', { class: 'zoom-controls' },
      button('+', 'Zoom in', () => zoomBy(2)),
      button('−', 'Zoom out', () => zoomBy(0.5)),
      button('Reset', 'Reset the view', () => void sel.call(behaviour.transform, zoomIdentity)),
    );
    const shownClasses = [...new Set(placed.map((ft) => ft.properties.class ?? 'unknown'))].sort();
    const swatchDot = (fill: string, r = 5, cls = ''): SVGElement => s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('circle', { cx: 6, cy: 6, r, fill, class: cls }));
    clear(holder, controls, svg, h('ul', { class: 'legend map-legend' },
      h('li', {}, s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, s('path', { d: 'M6,1l5,9h-10z', class: 'site' })), ' launch site'),
      shownClasses.map((c) => h('li', { 'data-class': c }, swatchDot(classColour(c === 'unknown' ? null : c)), ` estimated impact, ${c === 'unknown' ? 'class unknown' : c} (reported event; click to open)`)),
      h('li', {}, s('svg', { width: 16, height: 14, 'aria-hidden': 'true' }, s('path', { d: 'M1,13L9,1A12,12 0 0 1 15,7z', fill: '#0072B2', 'fill-opacity': 0.3, stroke: '#0072B2', 'stroke-dasharray': '2 1' })), ' shaded wedge (hovered or selected event): where it may have come down, from the reported bearing and distance ranges'),
      h('li', {}, swatchDot('#8a8a8a', 3, 'ref-dot'), ` grey dots: impact points of ${refs.length} reference-list flights (CNS/NTI), estimated from their site, bearing and distance`),
    ));
    if (focus) {
      const mark = layer.querySelector<SVGCircleElement>('.event-mark.focus circle.impact');
      if (mark) sel.call(behaviour.transform, zoomIdentity.translate(W / 2, H / 2).scale(WEB_MAP_FOCUS_ZOOM).translate(-Number(mark.getAttribute('cx')), -Number(mark.getAttribute('cy'))));
    }
    // hovering an event in the list shows its wedge on the map
    const highlight = (id: string, on: boolean): void => {
      for (const m of layer.querySelectorAll('a.event-mark')) if (m.getAttribute('data-event') === id) m.classList.toggle('hover', on);
    };
    clear(list, h('h2', {}, `Events on the map (${placed.length} of ${geo.features.length})`),
      h('ul', {}, placed.map((ft) => h('li', { onmouseenter: () => highlight(ft.properties.id, true), onmouseleave: () => highlight(ft.properties.id, false), onfocusin: () => highlight(ft.properties.id, true), onfocusout: () => highlight(ft.properties.id, false) },
        h('a', { href: `#/event/${encodeURIComponent(ft.properties.id)}` }, ft.properties.id),
        ` — ${ft.properties.class ?? 'missile'} from ${ft.properties.siteName ?? '?'}; bearing from ${ft.properties.impact?.bearing.from ?? '?'}, distance from ${ft.properties.impact?.distance.from ?? '?'}`))));
  }
  await draw();
  return { refresh: () => void draw() };
}

function xy(p: [number, number] | null): { cx: number; cy: number } {
  return p ? { cx: p[0], cy: p[1] } : { cx: -10, cy: -10 };
}
