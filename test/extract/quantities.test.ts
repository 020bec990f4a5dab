import { describe, expect, it } from 'vitest';
import { findLengths } from '../../src/extract/quantities.js';
import { extract, fieldValue } from '../helpers/article.js';

// distance_km / apogee_km: the largest distance flown and the maximum altitude of this launch, in km (miles
// converted only when km is absent). Not a splash-down offset, a design range or a distance to Guam.

const kinds = (s: string): { km: number; kind: string }[] => findLengths(s).map((l) => ({ km: l.km, kind: l.kind }));

describe('findLengths', () => {
  it('"800 kilometers (497 miles)": 800 km distance, the miles being a gloss of the same figure', () => {
    const ls = findLengths('The missile flew 800 kilometers (497 miles) before splashing into the sea.');
    expect(ls[0]).toMatchObject({ km: 800, unit: 'km', kind: 'distance' });
    expect(ls[1]).toMatchObject({ unit: 'mi', gloss: true });
  });

  it('"about 1,000km" is 1000 km flown', () => {
    expect(kinds('The projectile traveled about 1,000km over the water.')).toEqual([{ km: 1000, kind: 'distance' }]);
  });

  it('"up to 800km" is 800 km flown', () => {
    expect(kinds('The rockets flew up to 800km, officials said.')).toEqual([{ km: 800, kind: 'distance' }]);
  });

  it('"1 500 km" (space as thousands separator) is 1500 km', () => {
    expect(kinds('The missile flew 1 500 km into the sea.')).toEqual([{ km: 1500, kind: 'distance' }]);
  });

  it('"about 40 miles" is 64 km', () => {
    expect(kinds('The rocket flew about 40 miles before crashing.')).toEqual([{ km: 64, kind: 'distance' }]);
  });

  it('"reached an altitude of 50 km" is an apogee', () => {
    expect(kinds('The missile reached an altitude of 50 km, the military said.')).toEqual([{ km: 50, kind: 'apogee' }]);
  });

  it('"flew 430 km at a height of 50 km": 430 distance, 50 apogee', () => {
    expect(kinds('It flew 430 km at a height of 50 km, according to the report.')).toEqual([
      { km: 430, kind: 'distance' },
      { km: 50, kind: 'apogee' },
    ]);
  });

  it('"maximum altitude of about 100 km" is an apogee', () => {
    expect(kinds('The weapon hit a maximum altitude of about 100 km, analysts said.')).toEqual([{ km: 100, kind: 'apogee' }]);
  });

  it('"landed 200 km west of Okushiri" is an offset', () => {
    expect(kinds('The missile landed 200 km west of Okushiri island.')).toEqual([{ km: 200, kind: 'offset' }]);
  });

  it('"capable of reaching 15,000 km" is a capability', () => {
    expect(kinds('The new missile is capable of reaching 15,000 km, experts say.')).toEqual([{ km: 15000, kind: 'capability' }]);
  });

  it('"a range of up to 5,000 km" is a capability', () => {
    expect(kinds('The weapon has a range of up to 5,000 km.')).toEqual([{ km: 5000, kind: 'capability' }]);
  });

  it('"flew about 600 km eastward" is the distance flown, not an offset', () => {
    expect(kinds('The rocket flew about 600 km eastward before dropping into the sea.')).toEqual([{ km: 600, kind: 'distance' }]);
    expect(kinds('It travelled 350 kilometres (217 miles) east and splashed down.')[0]).toEqual({ km: 350, kind: 'distance' });
  });

  it('"came down 150 km east of the island" is still an offset', () => {
    expect(kinds('The warhead came down 150 km east of the island, officials said.')).toEqual([{ km: 150, kind: 'offset' }]);
  });

  it('a speed is not a length ("20,000 miles per hour", "6 km/h", "3 km a second")', () => {
    expect(kinds('Its warhead re-entered at 20,000 miles per hour over the ocean.')).toEqual([]);
    expect(kinds('The vehicle moved at 6 km/h toward the pad.')).toEqual([]);
    expect(kinds('It flew 700 km at about 3 km a second.')).toEqual([{ km: 700, kind: 'distance' }]);
  });

  it('an orbit\'s height is neither distance nor apogee', () => {
    expect(kinds('The probe circles in a polar orbit whose perigee is 380.2 km and whose apogee is 410 km.').map((l) => l.kind)).toEqual(['orbit', 'orbit']);
    expect(kinds('Officials said the craft would circle the Earth at an altitude of about 420 km.')).toEqual([{ km: 420, kind: 'orbit' }]);
    expect(kinds('The rocket placed two small probes into a 600 km orbit.')).toEqual([{ km: 600, kind: 'orbit' }]);
    expect(kinds('The payloads were put in orbits as high as 900 km and as low as 300 km.').map((l) => l.kind)).toEqual(['orbit', 'orbit']);
    expect(kinds('The drones flew along oval flight orbits for two hours and hit targets 900 km away.')).toEqual([{ km: 900, kind: 'distance' }]);
    expect(kinds('The missiles traced elliptical orbits over the sea for an hour before hitting targets 700 km away.')).toEqual([{ km: 700, kind: 'distance' }]);
  });

  it('minimum, design and hypothetical ranges are capabilities', () => {
    expect(kinds('The type has a minimum range of 300 km, analysts say.')[0].kind).toBe('capability');
    expect(kinds('Its design range is 2,000 km.')[0].kind).toBe('capability');
    expect(kinds('With a smaller warhead, such a rocket might travel more than 12,000 km.')[0].kind).toBe('capability');
    expect(kinds('The defence minister said it could potentially travel 11,000 kilometers.')[0].kind).toBe('capability');
  });

  it('a capability in a closed relative clause does not make the flown figure a capability', () => {
    expect(kinds('Two fell in the sea, while the rockets, which are capable of striking bases in the region, flew about 800 km.')).toEqual([{ km: 800, kind: 'distance' }]);
  });

  it('"climbed higher than 1,200 km" and "peaking at 700 km" are apogees', () => {
    expect(kinds('The second rocket climbed higher than 1,200 km, the ministry said.')).toEqual([{ km: 1200, kind: 'apogee' }]);
    expect(kinds('It took off at dawn, peaking at 700 km and covering about 300 km.')).toEqual([
      { km: 700, kind: 'apogee' },
      { km: 300, kind: 'distance' },
    ]);
  });

  it('"some 3,400 km from Guam" is not a distance flown', () => {
    const ls = findLengths('The missile came down some 3,400 km from Guam, a US territory.');
    expect(ls).toHaveLength(1);
    expect(ls[0].kind).not.toBe('distance');
  });
});

describe('distance_km / apogee_km (whole article)', () => {
  const launch = (extra: string): string =>
    `North Korea fired a ballistic missile on Thursday from the Pyongyang area, the Joint Chiefs of Staff said. ${extra}`;
  const run = (extra: string) =>
    extract({ title: 'North Korea fires ballistic missile into the sea', text: launch(extra), published: '2025-05-08' }).ex;

  it('"800 kilometers (497 miles)" gives 800 km, ignoring the miles gloss', () => {
    expect(fieldValue(run('The missile flew 800 kilometers (497 miles) before landing in the East Sea.'), 'distance_km')).toBe(800);
  });

  it('"about 1,000km" gives 1000', () => {
    expect(fieldValue(run('It traveled about 1,000km before falling into the sea.'), 'distance_km')).toBe(1000);
  });

  it('"up to 800km" gives 800', () => {
    expect(fieldValue(run('The missile flew up to 800km, the military added.'), 'distance_km')).toBe(800);
  });

  it('"1 500 km" gives 1500', () => {
    expect(fieldValue(run('The missile flew 1 500 km and fell into the sea.'), 'distance_km')).toBe(1500);
  });

  it('miles only ("about 40 miles") gives 64', () => {
    expect(fieldValue(run('The missile flew about 40 miles before crashing into the water.'), 'distance_km')).toBe(64);
  });

  it('"reached an altitude of 50 km" gives apogee 50 and no distance', () => {
    const ex = run('The missile reached an altitude of 50 km, the military added.');
    expect(fieldValue(ex, 'apogee_km')).toBe(50);
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });

  it('"flew 430 km at a height of 50 km" gives distance 430 and apogee 50', () => {
    const ex = run('The missile flew 430 km at a height of 50 km.');
    expect(fieldValue(ex, 'distance_km')).toBe(430);
    expect(fieldValue(ex, 'apogee_km')).toBe(50);
  });

  it('"maximum altitude of about 100 km" gives apogee 100', () => {
    expect(fieldValue(run('It reached a maximum altitude of about 100 km.'), 'apogee_km')).toBe(100);
  });

  it('"landed 200 km west of Okushiri" does not fill distance_km', () => {
    expect(fieldValue(run('The missile landed 200 km west of Okushiri, an island off Hokkaido.'), 'distance_km')).toBeNull();
  });

  it('"capable of reaching 15,000 km" does not fill distance_km', () => {
    expect(fieldValue(run('Analysts said the weapon is capable of reaching 15,000 km.'), 'distance_km')).toBeNull();
  });

  it('"a range of up to 5,000 km" does not fill distance_km', () => {
    expect(fieldValue(run('The type is believed to have a range of up to 5,000 km.'), 'distance_km')).toBeNull();
  });

  it('"some 3,400 km from Guam" does not fill distance_km', () => {
    expect(fieldValue(run('The missile splashed down some 3,400 km from Guam.'), 'distance_km')).toBeNull();
  });
});
