// MinHash signatures: 128 fixed permutations of the 32-bit shingle-hash space. For two shingle sets A and B,
// P(min π(A) = min π(B)) = J(A,B), so the share of equal positions estimates the Jaccard similarity with a
// standard error of sqrt(J(1-J)/128) ≤ 0.044.
import { mulberry32 } from './hash.js';
import { shingleHashes } from './shingles.js';
import { NUM_PERM } from '../../settings.js';

/** Value of every position of the signature of an empty shingle set. */
export const EMPTY = 0xffffffff;
/** The top bit of a uint32, and EMPTY with it flipped: see signatureFromHashes. */
const TOP_BIT = 0x80000000 | 0;
const EMPTY_FLIPPED = (EMPTY ^ TOP_BIT) | 0;

// The hash family: π_i(x) = fmix32(x·M_i ⊕ S_i) with M_i odd. Multiplication by an odd number, xor and fmix32
// are each bijections on uint32, so every π_i is a permutation; the seeds are drawn once from a fixed PRNG
// seed, so signatures are stable across runs and machines.
// Int32Arrays: the same bits as uint32s, read as the int32s that Math.imul and xor work in.
const MULT = new Int32Array(NUM_PERM);
const XOR = new Int32Array(NUM_PERM);
{
  const rnd = mulberry32(0x5a1f0c0b);
  for (let i = 0; i < NUM_PERM; i++) {
    MULT[i] = rnd() | 1;
    XOR[i] = rnd();
  }
}

/**
 * MinHash signature of a set of uint32 shingle hashes (duplicates are harmless). The same values as taking, for
 * each i, min over x of fmix32(x·M_i ⊕ S_i), computed permutation by permutation with fmix32 written out, so the
 * inner loop keeps its multiplier, its xor and its minimum in registers and stays in int32 arithmetic: unsigned
 * order is compared as signed order after flipping the top bit (x ⊕ 2³¹). About 1.8× faster than calling fmix32
 * per pair (0.24 → 0.13 ms for a 5 KB article's ~750 shingles); test/copy-hash-fast.test.ts holds it to the plain
 * definition.
 */
export function signatureFromHashes(hashes: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(NUM_PERM);
  const xs = hashes instanceof Uint32Array ? new Int32Array(hashes.buffer, hashes.byteOffset, hashes.length) : Int32Array.from(hashes);
  const n = xs.length;
  for (let i = 0; i < NUM_PERM; i++) {
    const m = MULT[i];
    const s = XOR[i];
    let min = EMPTY_FLIPPED;
    for (let k = 0; k < n; k++) {
      let h = Math.imul(xs[k], m) ^ s;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = h ^ (h >>> 16) ^ TOP_BIT;
      if (h < min) min = h;
    }
    sig[i] = min ^ TOP_BIT;
  }
  return sig;
}

/** MinHash signature over the word 5-shingles of the normalised text (see shingles.ts). */
export function signature(text: string): Uint32Array {
  return signatureFromHashes(shingleHashes(text));
}

const isEmpty = (s: Uint32Array): boolean => s.every((v) => v === EMPTY);

/** Estimated Jaccard similarity: the share of equal positions. An empty text is similar to nothing. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature lengths differ: ${a.length} vs ${b.length}`);
  if (a.length === 0 || isEmpty(a) || isEmpty(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
