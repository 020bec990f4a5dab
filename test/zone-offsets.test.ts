// data/zone-offsets.json against the runtime's time zone database: at every change it lists, a minute before it,
// and at noon UTC on every tenth day from 1950 to 2027, each tabulated zone has the offset Intl gives.
import { describe, expect, it } from 'vitest';
import { readDataJson } from '../src/paths.js';
import { tabulatedOffset, type ZoneOffsetsFile } from '../src/zone-offsets.js';

const file = readDataJson<ZoneOffsetsFile>('zone-offsets.json');
const DAY = 86_400_000;

function intlOffset(timeZone: string, ms: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

describe('tabulated zone offsets', () => {
  it('covers every zone data/actors.json names', () => {
    const actors = JSON.stringify(readDataJson<unknown>('actors.json'));
    const named = new Set([...actors.matchAll(/"timeZone":"([^"]+)"/g)].map((m) => m[1]));
    expect(named.size).toBeGreaterThan(5);
    expect(new Set(Object.keys(file.zones))).toEqual(named);
  });

  for (const zone of Object.keys(file.zones)) {
    it(`${zone}: the offsets Intl gives, at each change and between changes`, () => {
      const since1950 = file.zones[zone].filter(([t]) => t >= Date.UTC(1950, 0, 1) && t < Date.UTC(2027, 0, 1));
      for (const [t, offset] of since1950) {
        expect(tabulatedOffset(zone, t), `${zone} at ${new Date(t).toISOString()}`).toBe(offset);
        expect(tabulatedOffset(zone, t), `${zone} at ${new Date(t).toISOString()}`).toBe(intlOffset(zone, t));
        expect(tabulatedOffset(zone, t - 60_000), `${zone} a minute before ${new Date(t).toISOString()}`).toBe(intlOffset(zone, t - 60_000));
      }
      const mismatches: string[] = [];
      const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      for (let t = Date.UTC(1950, 0, 1, 12); t < Date.UTC(2027, 0, 1); t += 10 * DAY) {
        const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
        const intl = Math.round((Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - t) / 60_000);
        if (tabulatedOffset(zone, t) !== intl) mismatches.push(new Date(t).toISOString());
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('leaves zones it does not hold, and instants outside its span, to Intl', () => {
    expect(tabulatedOffset('Pacific/Auckland', Date.UTC(2020, 0, 1))).toBeUndefined();
    expect(tabulatedOffset('Asia/Seoul', Date.UTC(2200, 0, 1))).toBeUndefined();
    expect(tabulatedOffset('Asia/Seoul', Date.UTC(2024, 5, 1))).toBe(540);
  });
});
