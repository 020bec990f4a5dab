// copies: near-duplicate and rewrite detection, so that syndicated, truncated or spun copies of one story
// are not counted as independent confirmation of a launch.
//
//   signature(text)            MinHash (128 × 32-bit) over word 5-shingles of the normalised text
//   estimateJaccard(a, b)      share of equal signature positions
//   LshIndex                   banded LSH (42 × 3) in flat typed arrays, for candidates among millions
//   factSequence, entityQuotes, rewriteScore   the rewrite signal
//   classifyPair(a, b)         'duplicate' | 'rewrite' | 'independent'
//   prepare, classifyPrepared  the same, for one document compared with many
//   shingleVerdict, rewriteVerdict  its two stages, for a caller holding stored shingles
//   linkCopies(docs)           clusters copies and links each to its likely original
// Its thresholds and sizes live in src/settings.ts.
export { signature, signatureFromHashes, estimateJaccard, EMPTY } from './minhash.js';
export { LshIndex, type LshOptions } from './lsh.js';
export { normaliseText, normalisedWords, shingleHashes, shingleHashesOfWords, jaccard, containment } from './shingles.js';
export { factSequence, entityQuotes, rewriteScore, rewriteFeatures, lcsLength, type RewriteFeatures, type RewriteInput, type RewriteScore } from './rewrite.js';
export {
  classifyPair,
  classifyPrepared,
  shingleVerdict,
  rewriteVerdict,
  prepare,
  type Prepared,
  linkCopies,
  type CopyDoc,
  type CopyKind,
  type CopyLink,
  type PairClass,
} from './link.js';
