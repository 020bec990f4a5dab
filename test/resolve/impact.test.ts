import { describe, expect, it } from 'vitest';
import { EventResolver } from '../../src/resolve/index.js';
import { destination, estimateImpact, sectorRing } from '../../src/resolve/impact.js';
import { extract } from '../helpers/article.js';

// Every sentence below is made up for these tests.
const PUB = '2025-05-09';
function eventOf(paragraphs: string[]) {
  const { article, ex } = extract({ title: null, text: paragraphs.join('\n\n'), published: PUB });
  const resolver = new EventResolver();
  resolver.add({ extraction: ex, published: PUB, source: null });
  const [event] = resolver.all();
  return { article, ex, event };
}

describe('estimateImpact from claims', () => {
  it('uses the bearing claim, the site and the distance', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew east for about 600 km, the military said.']);
    const impact = estimateImpact(event, [ex]);
    expect(impact?.bearing).toMatchObject({ deg: 90, min: 67.5, max: 112.5, from: 'text' });
    expect(impact?.bearing.basis).toMatch(/east/);
    expect(impact?.distance).toMatchObject({ km: 600, min: 540, max: 660, from: 'report' });
    expect(impact?.site.key).toBe('sunan');
    // Due east of Sunan (about 126.7°E): 600 km along the 39th parallel is some 7° of longitude.
    expect(impact?.point.lat).toBeCloseTo(impact?.site.lat ?? 0, 0);
    expect((impact?.point.lon ?? 0) - (impact?.site.lon ?? 0)).toBeGreaterThan(6.5);
    expect(impact?.path[0]).toEqual([impact?.site.lon, impact?.site.lat]);
    expect(impact?.path.at(-1)).toEqual([impact?.point.lon, impact?.point.lat]);
  });

  it('a place east of the site is not a direction of flight: the landing sea gives the bearing then', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile from Sunan, east of the capital, on Friday; it flew about 300 km and landed in the Yellow Sea.']);
    expect(estimateImpact(event, [ex])?.bearing).toMatchObject({ deg: 270, from: 'landing' });
  });

  it('takes the first bearing claim in report order', () => {
    const a = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew northeast for about 600 km.']);
    const b = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew east for about 600 km.']);
    expect(estimateImpact(a.event, [null, a.ex, b.ex])?.bearing.deg).toBe(45);
    expect(estimateImpact(a.event, [b.ex, a.ex])?.bearing.deg).toBe(90);
  });

  it('without a bearing claim, falls back to the landing sea', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew about 300 km and landed in the Sea of Japan.']);
    expect(estimateImpact(event, [ex])?.bearing).toMatchObject({ deg: 90, from: 'landing' });
  });

  it('is null without a known site', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile on Friday that flew east for about 600 km.']);
    expect(estimateImpact(event, [ex])).toBeNull();
  });
});

describe('geometry', () => {
  it('destination follows the WGS84 geodesic', () => {
    const p = destination(39, 127, 90, 500);
    expect(p.lon).toBeGreaterThan(132);
    expect(p.lat).toBeCloseTo(38.9, 0);
    expect(destination(39, 127, 0, 111.1).lat).toBeCloseTo(40, 1);
  });

  it('sectorRing is a closed ring between the bearing and distance bounds; from the site itself when the inner bound is 0', () => {
    const ring = sectorRing(39, 127, { min: 80, max: 100 }, { min: 400, max: 500 });
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring.length).toBe(2 * 5 + 1);
    const fan = sectorRing(39, 127, { min: 80, max: 100 }, { min: 0, max: 500 });
    expect(fan).toContainEqual([127, 39]);
    expect(fan.length).toBe(5 + 2);
  });
});
