// copies: near-duplicate and rewrite detection, so that syndicated, truncated or spun copies of one story
// are not counted as independent confirmation of a launch.
//
//   signature(text)            MinHash (128 × 32-bit) over word 5-shingles of the normalised text
//   estimateJaccard(a, b)      share of equal signature positions
//   LshIndex                   banded LSH (42 × 3) in flat typed arrays, for candidates among millions
//   factSequence, entityQuotes, rewriteScore   the rewrite signal
//   classifyPair(a, b)         'duplicate' | 'rewrite' | 'independent'
//   linkCopies(docs)           clusters copies and links each to its likely original
export { signature, signatureFromHashes, estimateJaccard, NUM_PERM, EMPTY } from './minhash.js';
export { LshIndex, DEFAULT_BANDS, DEFAULT_ROWS, type LshOptions } from './lsh.js';
export { normaliseText, normalisedWords, shingleHashes, jaccard, containment, SHINGLE_WORDS } from './shingles.js';
export { factSequence, entityQuotes, rewriteScore, lcsLength, type RewriteInput, type RewriteScore } from './rewrite.js';
export {
  classifyPair,
  linkCopies,
  DUPLICATE_JACCARD,
  DUPLICATE_CONTAINMENT,
  CONTAINMENT_MIN_SHINGLES,
  REWRITE_SCORE,
  REWRITE_MIN_JACCARD,
  type CopyDoc,
  type CopyKind,
  type CopyLink,
  type PairClass,
} from './link.js';
