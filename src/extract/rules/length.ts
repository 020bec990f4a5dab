// Length rules: the distance flown and the apogee reached.
// Read figures with a unit in main launch sentences ("flew about 800 km", "497 miles", "1 500 km", "120.3 and
// 350.5 kilometers", "90-250 km"), classified by the nearest cue before them ("flew", "traveled" for distance;
// "altitude", "reached a height of", "climbed to" for apogee) or after them ("… km high", "… km away from its launch
// site"). Design ranges ("a range of 13,000 km") and offsets ("250 km off the coast") are not flight figures.
// The largest figure stated for the launch wins; kilometres are preferred over miles.
import { BASE_CONFIDENCE } from '../../settings.js';
import type { FieldName } from '../../types.js';
import type { ArticleContext, ReadUnit } from '../context.js';
import type { LengthMention } from '../quantities.js';
import { type ClaimCandidate, inMain, mainUnits, NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';

// The lengths of each sentence, read once for both rules: the distance and the apogee rule read the same
// sentences (the main ones) for figures of their own kind, and a locale's length reader depends on the words alone.
// Kept for the article being read only, by the unit's place in reading order: a WeakMap keyed by unit, set once per
// sentence of every article, cost more than the reader itself on the launch-report stream (its entries die with
// each article's units, which the collector must then sweep from the map).
let readFor: ArticleContext | null = null;
let read: (LengthMention[] | undefined)[] = [];

function lengthsOf(u: ReadUnit, ctx: ArticleContext): LengthMention[] {
  if (readFor !== ctx) {
    readFor = ctx;
    read = [];
  }
  return (read[u.index] ??= ctx.readers.lengths(u.text));
}

function lengthRule(kind: 'distance' | 'apogee', field: FieldName): Rule<ClaimCandidate> {
  return {
    name: `${kind}-figure`,
    field,
    scope: mainUnits,
    find(u, ctx) {
      // A loop, not filter and map: most main sentences state no length, and the chain made two lists and two
      // closures for each of them.
      let found: ClaimCandidate[] | undefined;
      for (const l of lengthsOf(u, ctx)) {
        if (l.kind !== kind || !inMain(u, l.start)) continue;
        (found ??= []).push({ unit: u, field, value: l.km, span: { start: l.start, end: l.end }, parser: kind, confidence: BASE_CONFIDENCE.length, traits: { miles: l.unit === 'mi' } });
      }
      return found ?? NO_CANDIDATES;
    },
  };
}

/** Kilometres when any are stated, else miles; of those the largest figure (the first on a tie). */
const largestKmFirst: Refiner<ClaimCandidate> = {
  name: 'largest-km-first',
  refine(candidates) {
    const km = candidates.filter((c) => !c.traits?.miles);
    const pool = km.length ? km : candidates;
    if (!pool.length) return [];
    return [pool.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a))];
  },
};

export const distanceParser: Parser<ClaimCandidate> = { rule: lengthRule('distance', 'distance_km'), refiners: [largestKmFirst] };
export const apogeeParser: Parser<ClaimCandidate> = { rule: lengthRule('apogee', 'apogee_km'), refiners: [largestKmFirst] };
