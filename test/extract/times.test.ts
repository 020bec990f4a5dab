import { describe, expect, it } from 'vitest';
import { findTimes, toLocal } from '../../src/extract/times.js';
import { formatMinutes } from '../../src/calendar.js';
import { extract, fieldValue } from '../helpers/article.js';

// time_local: HH:MM (24 h) of the first launch, in KST for launches from Korea, converted from GMT/UTC when
// needed; Pyongyang's UTC+8:30 clock (2015-2018) is converted too. Never a landing or announcement time.

const KST = 540;
const kst = (text: string, i = 0): string => {
  const t = findTimes(text)[i];
  if (!t) throw new Error(`no time in: ${text}`);
  return formatMinutes(toLocal(t, KST).minutes);
};

describe('findTimes + toLocal', () => {
  it('"8:10 a.m." is 08:10', () => {
    expect(kst('The missile was launched at 8:10 a.m. from the coast.')).toBe('08:10');
  });

  it('"7:25 p.m." is 19:25', () => {
    expect(kst('The rocket lifted off at 7:25 p.m. on a clear evening.')).toBe('19:25');
  });

  it('"23:10 GMT" is 08:10 KST the next day', () => {
    const t = findTimes('It was fired (23:10 GMT on Wednesday) toward the sea.')[0];
    expect(t.zone).toBe('GMT');
    const local = toLocal(t, KST);
    expect(formatMinutes(local.minutes)).toBe('08:10');
    expect(local.dayShift).toBe(1);
  });

  it('"2210 GMT" is 07:10 KST', () => {
    expect(kst('The launch was spotted at 2210 GMT by radar.')).toBe('07:10');
  });

  it('"between 8:10am and 9:20am" finds both, the first being 08:10', () => {
    const ts = findTimes('Missiles were fired between 8:10am and 9:20am from two places.');
    expect(ts.map((t) => formatMinutes(t.minutes))).toEqual(['08:10', '09:20']);
  });
});

describe('time_local of the main launch (whole article)', () => {
  it('a sentence that times the "liftoff" (one word) states the launch time', () => {
    const { ex } = extract({
      title: 'Northland fires ballistic missile',
      text: 'Northland fired a ballistic missile toward the sea on Thursday, officials said.\n\nLiftoff was at 6:42 a.m. on Thursday, from a site near the border.',
      published: '2025-05-08',
    });
    expect(fieldValue(ex, 'time_local')).toBe('06:42');
  });
  it('"8:10 a.m." is 08:10', () => {
    const { ex } = extract({
      title: 'North Korea fires ballistic missile off east coast',
      text: 'North Korea fired a short-range ballistic missile at 8:10 a.m. on Thursday from the Wonsan area, South Korea\'s Joint Chiefs of Staff said.',
      published: '2025-05-08',
    });
    expect(fieldValue(ex, 'time_local')).toBe('08:10');
  });

  it('"between 8:10am and 9:20am" gives the first launch, 08:10', () => {
    const { ex } = extract({
      title: 'North Korea launches a barrage of missiles',
      text: 'North Korea fired several short-range ballistic missiles between 8:10am and 9:20am on Thursday, the Joint Chiefs of Staff said.',
      published: '2025-05-08',
    });
    expect(fieldValue(ex, 'time_local')).toBe('08:10');
  });

  it('"(23:10 GMT on Wednesday)" is 08:10 KST', () => {
    const { ex } = extract({
      title: 'North Korea launches long-range missile',
      text: 'North Korea fired a long-range ballistic missile toward the sea early in the morning (23:10 GMT on Wednesday), Japanese officials said.',
      published: '2023-07-12',
    });
    expect(fieldValue(ex, 'time_local')).toBe('08:10');
  });

  it('"2210 GMT" is 07:10 KST', () => {
    const { ex } = extract({
      title: 'North Korea fires missile toward Sea of Japan',
      text: 'North Korea launched a ballistic missile at 2210 GMT on Tuesday, Japan\'s coast guard said, urging ships to stay clear.',
      published: '2024-10-29',
    });
    expect(fieldValue(ex, 'time_local')).toBe('07:10');
  });

  it('"7:25 p.m." is 19:25', () => {
    const { ex } = extract({
      title: 'North Korea fires missile in rare evening launch',
      text: 'North Korea fired a ballistic missile at 7:25 p.m. on Friday from near Pyongyang, the South Korean military said.',
      published: '2025-05-09',
    });
    expect(fieldValue(ex, 'time_local')).toBe('19:25');
  });

  it('Pyongyang time in 2017: "9:00 a.m. local time (0030 GMT)" is 09:30 KST', () => {
    const { ex } = extract({
      title: 'North Korea fires ballistic missile, Seoul says',
      text: 'North Korea fired a ballistic missile at 9:00 a.m. local time (0030 GMT) on Tuesday from near Kusong, South Korea\'s military said.',
      published: '2017-08-29',
    });
    expect(fieldValue(ex, 'time_local')).toBe('09:30');
  });

  it('a landing time ("fell at 8:37 a.m.") is not the launch time', () => {
    const { ex } = extract({
      title: 'North Korean missile lands in sea, Japan says',
      text: 'North Korea launched a ballistic missile on Thursday morning, Japan\'s Defense Ministry said. The missile fell at 8:37 a.m. outside Japan\'s exclusive economic zone.',
      published: '2025-05-08',
    });
    expect(fieldValue(ex, 'time_local')).toBeNull();
  });

  it('with both a launch and a landing time, the launch time is taken', () => {
    const { ex } = extract({
      title: 'North Korean missile lands in sea, Japan says',
      text: 'North Korea fired a ballistic missile at 7:55 a.m. on Thursday and it fell at 8:37 a.m. in the Sea of Japan, the Japanese government said.',
      published: '2025-05-08',
    });
    expect(fieldValue(ex, 'time_local')).toBe('07:55');
  });
});
