// MinHash signatures: 128 fixed permutations of the 32-bit shingle-hash space. For two shingle sets A and B,
// P(min π(A) = min π(B)) = J(A,B), so the share of equal positions estimates the Jaccard similarity with a
// standard error of sqrt(J(1-J)/128) ≤ 0.044.
import { fmix32, mulberry32 } from './hash.js';
import { shingleHashes } from './shingles.js';
import { NUM_PERM } from '../../settings.js';

/** Value of every position of the signature of an empty shingle set. */
export const EMPTY = 0xffffffff;

// The hash family: π_i(x) = fmix32(x·M_i ⊕ S_i) with M_i odd. Multiplication by an odd number, xor and fmix32
// are each bijections on uint32, so every π_i is a permutation; the seeds are drawn once from a fixed PRNG
// seed, so signatures are stable across runs and machines.
const MULT = new Uint32Array(NUM_PERM);
const XOR = new Uint32Array(NUM_PERM);
{
  const rnd = mulberry32(0x5a1f0c0b);
  for (let i = 0; i < NUM_PERM; i++) {
    MULT[i] = rnd() | 1;
    XOR[i] = rnd();
  }
}

/** MinHash signature of a set of uint32 shingle hashes (duplicates are harmless). */
export function signatureFromHashes(hashes: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(NUM_PERM).fill(EMPTY);
  for (let k = 0; k < hashes.length; k++) {
    const x = hashes[k] >>> 0;
    for (let i = 0; i < NUM_PERM; i++) {
      const v = fmix32(Math.imul(x, MULT[i]) ^ XOR[i]);
      if (v < sig[i]) sig[i] = v;
    }
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
