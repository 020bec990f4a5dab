// normalizeText's quick look (needsNormalizing) against the plain one-class scan it stands for, on texts written
// here and on seeded random texts that mix Latin-1, characters beyond it and the characters normalisation changes.
import { describe, expect, it } from 'vitest';
import { needsNormalizing, normalizeText } from '../../src/ingest/normalize.js';
import { rng } from '../../scripts/seeded-random.mjs';

const PLAIN = /[\r\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]/;
const CHANGED = ['\r', '\u00a0', '\u2007', '\u202f', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const OTHERS = ['a', 'Z', ' ', '\n', 'é', 'ß', '\u00ff', '’', '—', '한', '語', '\u0100', '😀'];

describe('needsNormalizing', () => {
  it('answers as the plain scan on written texts', () => {
    const texts = [
      'The council met on Tuesday.',
      'Line one\r\nline two',
      'A figure\u00a0of 300 km',
      'Café au lait, ß and ÿ only',
      'Curly quotes ’ and a dash — but nothing to change',
      'A zero-width\u200bjoiner',
      '북한이 동해상으로 탄도미사일을 발사했다\u202f',
      '北朝鮮が弾道ミサイルを発射\ufeff',
      '',
    ];
    for (const t of texts) expect(needsNormalizing(t), JSON.stringify(t)).toBe(PLAIN.test(t));
  });

  it('answers as the plain scan on 5,000 seeded random texts', () => {
    const random = rng(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    let changed = 0;
    for (let n = 0; n < 5000; n++) {
      let t = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) t += random() < 0.05 ? pick(CHANGED) : pick(OTHERS);
      expect(needsNormalizing(t), JSON.stringify(t)).toBe(PLAIN.test(t));
      if (PLAIN.test(t)) changed++;
    }
    // Both answers turn up often enough to mean something.
    expect(changed).toBeGreaterThan(1000);
    expect(changed).toBeLessThan(4000);
  });

  it('leaves a text without those characters as it is, and normalises one with them', () => {
    const plain = 'Nothing to change here, not even ’ or 한.';
    expect(normalizeText(plain)).toBe(plain);
    expect(normalizeText('a\r\nb\rc\u00a0d\u200be')).toBe('a\nb\nc de');
  });
});
