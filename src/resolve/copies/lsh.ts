// Banded LSH over MinHash signatures: a signature is cut into `bands` bands of `rows` positions; two
// signatures become candidates when any band is equal. For Jaccard J, P(candidate) = 1 − (1 − J^rows)^bands.
//
// Why 42 bands × 3 rows (126 of the 128 positions; the last two only sharpen estimateJaccard):
//
//   J            0.05    0.1     0.2     0.3     0.4     0.5     0.6
//   32 × 4       0.0002  0.003   0.050   0.229   0.564   0.873   0.988    threshold (1/32)^(1/4) ≈ 0.42
//   42 × 3       0.005   0.041   0.286   0.683   0.938   0.996   1.000    threshold (1/42)^(1/3) ≈ 0.29
//   64 × 2       0.148   0.474   0.927   0.998   1.000   1.000   1.000    threshold (1/64)^(1/2) = 0.125
//
// A duplicate is J ≥ 0.5 (see link.ts), and a copy truncated to its first half sits right at J ≈ 0.5:
// 32 × 4 would miss one such copy in eight. 42 × 3 finds 99.6% of them and 94% at J = 0.4, while pairs that
// merely share stock phrases (J ≈ 0.05, common among reports of one launch) become candidates only 0.5% of
// the time; 64 × 2 would make 15% of those candidates and cost half again as much memory. Candidates are
// verified afterwards, so LSH only has to be generous near the threshold and stingy far below it.
//
// Memory: one entry per (signature, band), held in flat typed arrays rather than per-signature objects —
// band key (Uint32) + chain link (Int32) per entry, and one Int32 bucket head per LSH_BUCKET_LOAD entries:
// 9 bytes × 42 ≈ 380 bytes per signature plus the id string (a 64-character article id: about 90 bytes with
// its slot), and up to a third more while the arrays wait to fill (they grow by LSH_GROWTH): about 45 MB
// per 100k stored originals, filled, 60 MB just after growing. Signatures themselves are not kept. (Buckets at
// load ≤ 1 took 12 bytes an entry: 76 MB at 90k originals.)
// Band keys are 32-bit, so an unrelated signature collides with a stored band by chance with probability
// 2^-32 per band: about bands × size / 2^32 false candidates per query (≈ 0.01 at a million signatures),
// weeded out by verification like the LSH false positives.
import { fmix32, mulberry32 } from './hash.js';
import { LSH_BANDS, LSH_BUCKET_LOAD, LSH_GROWTH, LSH_ROWS } from '../../settings.js';

export interface LshOptions {
  bands?: number;
  rows?: number;
  /** Expected number of signatures, to allocate once instead of growing. */
  capacity?: number;
}

export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  private readonly bandSeed: Uint32Array;
  private ids: string[] = [];
  private capacity: number;
  /** keys[doc * bands + band]: the hash of that band of that doc's signature. */
  private keys: Uint32Array;
  /** next[entry]: the next entry in the same bucket, or −1. */
  private next: Int32Array;
  /** heads[bucket]: the first entry in the bucket, or −1. */
  private heads: Int32Array;
  private mask: number;

  constructor(options: LshOptions = {}) {
    this.bands = options.bands ?? LSH_BANDS;
    this.rows = options.rows ?? LSH_ROWS;
    if (!(this.bands >= 1 && this.rows >= 1)) throw new RangeError('bands and rows must be ≥ 1');
    const rnd = mulberry32(0x15b0ad5);
    this.bandSeed = new Uint32Array(this.bands).map(() => rnd());
    this.capacity = Math.max(16, options.capacity ?? 1024);
    this.keys = new Uint32Array(this.capacity * this.bands);
    this.next = new Int32Array(this.capacity * this.bands);
    this.heads = new Int32Array(0);
    this.mask = 0;
    this.rechain();
  }

  /** Number of signatures added. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a signature under `id`. Adding the same id twice keeps both entries; query reports it once. */
  add(id: string, sig: Uint32Array): void {
    this.check(sig);
    const doc = this.ids.length;
    if (doc === this.capacity) this.grow();
    this.ids.push(id);
    const base = doc * this.bands;
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(sig, b);
      const e = base + b;
      this.keys[e] = key;
      const bucket = this.bucketOf(key, b);
      this.next[e] = this.heads[bucket];
      this.heads[bucket] = e;
    }
  }

  /** Ids of the signatures that share at least one band with `sig` (candidates, not verified). */
  query(sig: Uint32Array): string[] {
    this.check(sig);
    const docs = new Set<number>();
    const bands = this.bands;
    for (let b = 0; b < bands; b++) {
      const key = this.bandKey(sig, b);
      for (let e = this.heads[this.bucketOf(key, b)]; e !== -1; e = this.next[e]) {
        if (this.keys[e] === key && e % bands === b) docs.add((e / bands) | 0);
      }
    }
    return [...new Set([...docs].map((d) => this.ids[d]))];
  }

  /**
   * The `limit` candidates sharing the most bands with `sig`, most first (ties in the order `query` finds them).
   * The number of shared bands estimates the similarity: a pair at Jaccard J shares bands × J^rows of them on
   * average (5.25 of 42 at J = 0.5, 0.005 at J = 0.05), so the best candidates of a long list come first.
   */
  queryRanked(sig: Uint32Array, limit: number): string[] {
    this.check(sig);
    const shared = new Map<string, number>();
    const bands = this.bands;
    for (let b = 0; b < bands; b++) {
      const key = this.bandKey(sig, b);
      const seen = new Set<string>(); // an id added twice counts once per band
      for (let e = this.heads[this.bucketOf(key, b)]; e !== -1; e = this.next[e]) {
        if (this.keys[e] !== key || e % bands !== b) continue;
        const id = this.ids[(e / bands) | 0];
        if (seen.has(id)) continue;
        seen.add(id);
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    return [...shared].sort((x, y) => y[1] - x[1]).slice(0, Math.max(0, limit)).map(([id]) => id);
  }

  /** Bytes held by the typed arrays (ids excluded), for reporting. */
  get arrayBytes(): number {
    return this.keys.byteLength + this.next.byteLength + this.heads.byteLength;
  }

  private check(sig: Uint32Array): void {
    if (sig.length < this.bands * this.rows) {
      throw new RangeError(`signature has ${sig.length} positions; ${this.bands} bands × ${this.rows} rows need ${this.bands * this.rows}`);
    }
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = this.bandSeed[band];
    const start = band * this.rows;
    for (let r = 0; r < this.rows; r++) h = fmix32(Math.imul(h ^ sig[start + r], 0x9e3779b1) + r);
    return h;
  }

  private bucketOf(key: number, band: number): number {
    return fmix32(key ^ Math.imul(band + 1, 0x85ebca6b)) & this.mask;
  }

  /** Grows the capacity by LSH_GROWTH and rebuilds the bucket chains. */
  private grow(): void {
    this.capacity = Math.ceil(this.capacity * LSH_GROWTH);
    const keys = new Uint32Array(this.capacity * this.bands);
    keys.set(this.keys.subarray(0, this.ids.length * this.bands));
    this.keys = keys;
    this.next = new Int32Array(this.capacity * this.bands);
    this.rechain();
  }

  /**
   * Buckets for the capacity (about LSH_BUCKET_LOAD entries each when full), every entry chained into its own,
   * newest first as `add` chains them: a query meets the entries of one band key in the same order (newest
   * first) however many buckets there are, so the bucket count changes no answer.
   */
  private rechain(): void {
    const buckets = nextPow2(Math.ceil((this.capacity * this.bands) / LSH_BUCKET_LOAD));
    this.heads = new Int32Array(buckets).fill(-1);
    this.mask = buckets - 1;
    const used = this.ids.length * this.bands;
    for (let e = 0; e < used; e++) {
      const bucket = this.bucketOf(this.keys[e], e % this.bands);
      this.next[e] = this.heads[bucket];
      this.heads[bucket] = e;
    }
  }
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
