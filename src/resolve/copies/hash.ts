// Small, fixed 32-bit hash functions shared by the copies module. Everything is seeded by constants so a
// signature computed today equals one computed next year (signatures may be stored).

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3_x86_32 over the UTF-16 code units of `s` (two code units per 32-bit block). Not byte-compatible
 * with the reference over UTF-8, but stable and fast for the lowercase ASCII-ish words we hash.
 */
export function murmur3(s: string, seed = 0): number {
  return murmur3Range(s, 0, s.length, seed);
}

/** murmur3(s.slice(start, end), seed), without making the slice. */
export function murmur3Range(s: string, start: number, end: number, seed = 0): number {
  let h = seed >>> 0;
  const n = end - start;
  let i = start;
  for (; i + 1 < end; i += 2) {
    let k = (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)) >>> 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < end) {
    let k = s.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n * 2;
  return fmix32(h);
}

/** Mulberry32: a tiny seeded PRNG giving uint32s, used to draw the fixed hash family. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
