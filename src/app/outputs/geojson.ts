// GeoJSON for GIS tools: per event the estimated impact point, the launch site, the flight path and the
// uncertainty area.
import { eventSummary, impactOf } from '../event-view.js';
import type { Output } from './output.js';

export const geojson: Output = {
  name: 'geojson',
  mediaType: 'application/geo+json',
  extension: 'geojson',
  download: false,
  description: 'GeoJSON: per event the impact point, launch site, flight path and uncertainty area',
  async render({ store, events, base }) {
    const features: Record<string, unknown>[] = [];
    for (const se of events) {
      const s = eventSummary(se);
      const impact = await impactOf(store, se.event);
      const props = { ...s, url: `${base}/#/event/${encodeURIComponent(s.id)}` };
      if (!impact) {
        features.push({ type: 'Feature', id: s.id, geometry: null, properties: { ...props, kind: 'event' } });
        continue;
      }
      features.push({
        type: 'Feature',
        id: s.id,
        geometry: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [impact.point.lon, impact.point.lat] },
            { type: 'Point', coordinates: [impact.site.lon, impact.site.lat] },
            { type: 'LineString', coordinates: impact.path },
            { type: 'Polygon', coordinates: [[...impact.region].reverse()] }, // RFC 7946: exterior rings counter-clockwise
          ],
        },
        properties: {
          ...props,
          kind: 'event',
          impact: { point: impact.point, site: impact.site, bearing: impact.bearing, distance: impact.distance },
        },
      });
    }
    return JSON.stringify({ type: 'FeatureCollection', features });
  },
};
