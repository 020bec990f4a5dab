// The fast copy-detection hashes (src/resolve/copies: signatureFromHashes' inlined loop, shingleHashes's
// in-place word hashing, murmur3Range) give exactly the values of their plain definitions, which stored
// signatures and shingles were computed with.
import { describe, expect, it } from 'vitest';
import { fmix32, mulberry32, murmur3, murmur3Range } from '../src/resolve/copies/hash.js';
import { signatureFromHashes, EMPTY } from '../src/resolve/copies/minhash.js';
import { normalisedWords, shingleHashes, shingleHashesOfWords } from '../src/resolve/copies/shingles.js';
import { NUM_PERM } from '../src/settings.js';

/** The MinHash signature as minhash.ts defines it: min over x of fmix32(x·M_i ⊕ S_i), one call per pair. */
function plainSignature(hashes: ArrayLike<number>): Uint32Array {
  const rnd = mulberry32(0x5a1f0c0b);
  const mult: number[] = [];
  const xor: number[] = [];
  for (let i = 0; i < NUM_PERM; i++) {
    mult.push(rnd() | 1);
    xor.push(rnd());
  }
  const sig = new Uint32Array(NUM_PERM).fill(EMPTY);
  for (let k = 0; k < hashes.length; k++) {
    for (let i = 0; i < NUM_PERM; i++) {
      const v = fmix32(Math.imul(hashes[k] >>> 0, mult[i]) ^ xor[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

const TEXTS = [
  'The ferry to the island left at 8.10 and carried 1,200 passengers.\nBy Jane Roe\nIt didn\'t stop at the harbour.',
  'PORTVILLE, May 3 (Wirepress) - Council members voted on the bridge plan.\n\nRead more: other stories\nCopyright 2030 Wirepress',
  'Café owners in Zürich said the crème brûlée festival drew Ångström-level crowds; naïve visitors queued for hours.',
  'ΟΔΟΣ ΣΟΦΙΑΣ: Η ΠΟΛΙΣ ΓΙΟΡΤΑΖΕΙ. Ο χορός τελείωσε αργά.',
  '서울 시청 앞에서 시민들이 축제를 열었다. 오늘 날씨는 맑았다.',
  '東京の公園で花見をする人が増えた。今日は晴れです。',
  'Mathematical letters 𝐀𝐁𝐂 and emoji 🚀 sit beside words; a lone surrogate \ud800 too, and ＦＵＬＬＷＩＤＴＨ ４２.',
  'one two three',
  '',
  '\n\n   \n',
];

describe('fast copy hashes', () => {
  it('murmur3Range equals murmur3 of the slice, odd and even lengths, non-ASCII included', () => {
    const s = 'launch Ångström 서울 東京 🚀 x';
    for (let a = 0; a <= s.length; a++) for (let b = a; b <= s.length; b++) expect(murmur3Range(s, a, b, 0x5a17)).toBe(murmur3(s.slice(a, b), 0x5a17));
  });

  it('shingleHashes equals shingling the normalised words', () => {
    for (const text of TEXTS) {
      for (const k of [1, 3, 5]) expect([...shingleHashes(text, k)]).toEqual([...shingleHashesOfWords(normalisedWords(text), k)]);
    }
    expect(shingleHashes('').length).toBe(0);
  });

  it('signatureFromHashes equals the plain MinHash, on shingle sets, extreme values and plain arrays', () => {
    const rnd = mulberry32(99);
    const sets: ArrayLike<number>[] = TEXTS.map((t) => shingleHashes(t));
    sets.push(Uint32Array.from({ length: 300 }, () => rnd()), new Uint32Array([0, 1, 0x7fffffff, 0x80000000, 0xffffffff]), [3, 0xfffffffe, 12345]);
    for (const set of sets) expect([...signatureFromHashes(set)]).toEqual([...plainSignature(set)]);
    expect([...signatureFromHashes(new Uint32Array(0))]).toEqual(new Array(NUM_PERM).fill(EMPTY));
  });

  it('reads a shingle array that is a view into a larger buffer at its own offset', () => {
    const all = Uint32Array.from({ length: 64 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
    const view = all.subarray(10, 40);
    expect([...signatureFromHashes(view)]).toEqual([...plainSignature([...view])]);
  });
});
