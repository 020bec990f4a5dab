// Count rule: how many missiles were fired, and whether the figure is exact.
// Reads counts before a missile noun or designation in main launch sentences, in the same clause as a verb of
// firing: "fired two ballistic missiles", "at least three", "more than 10" (11, not exact), "two or three" (2, not
// exact), "an ICBM and two SRBMs" (3), "a Minuteman III" (1), "missiles" (2, not exact), "a second missile" (2,
// not exact). The body's first count goes first (the headline's only when the body has none), unless the headline
// or the lede states a larger unhedged figure (statements differ: the text commits to the largest unhedged one), and a
// figure stated after a revision ("later said", "revised its count") replaces all earlier ones; a bare
// plural gives way to a later figure ("fired missiles … two of them"); a figure is not exact when another
// statement of it hedges it ("two" in the headline, "at least two" below). With no count words, the first launch sentence speaks of one missile ("the Agni-V", "the
// test") or of several ("missile tests on Saturday and Sunday").
import { findMissiles } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, COUNT_REVISION_WINDOW } from '../../settings.js';
import { type ClaimCandidate, inMain, mainUnits, NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';

export const countRule: Rule<ClaimCandidate> = {
  name: 'count-before-missile-noun',
  field: 'count_min',
  scope: mainUnits,
  find(u, ctx) {
    // A loop, not filter and map: most main sentences state no count, and the chain made two lists and two
    // closures for each of them.
    let found: ClaimCandidate[] | undefined;
    for (const c of ctx.readers.counts(u.text, findMissiles(u.text, ctx.locale))) {
      if (!inMain(u, c.start)) continue;
      (found ??= []).push({
        unit: u,
        field: 'count_min',
        value: c.min,
        span: { start: c.start, end: c.end },
        parser: 'count',
        confidence: c.numeric ? BASE_CONFIDENCE.countNumeric : BASE_CONFIDENCE.countPlural,
        traits: { exact: c.exact, numeric: c.numeric },
      });
    }
    return found ?? NO_CANDIDATES;
  },
};

/** The count the article commits to, as a count_min and a count_exact candidate. */
const committedCount: Refiner<ClaimCandidate> = {
  name: 'committed-count',
  refine(counts, ctx) {
    const numeric = (c: ClaimCandidate): boolean => c.traits?.numeric === true;
    let primary = counts.find((c) => c.unit.part === 'text') ?? counts[0];
    if (primary && !numeric(primary)) primary = counts.find((c) => numeric(c) && Number(c.value) >= 2) ?? primary;
    // When statements differ, the text commits to the largest unhedged figure ("about 10" by Seoul, "12" by the
    // launcher's media → 12; "a missile" in the lede, "two missiles" below → 2).
    // Only the headline and the lede are weighed so: later sentences also count responses and earlier salvos.
    const lede = mainUnits(ctx).find((u) => u.part === 'text' && u.launch);
    const unhedged = counts.filter((c) => numeric(c) && c.traits?.exact === true && (c.unit.part === 'title' || c.unit === lede));
    const largest = unhedged.reduce<ClaimCandidate | undefined>((a, b) => (!a || Number(b.value) > Number(a.value) ? b : a), undefined);
    if (primary && largest && Number(largest.value) > Number(primary.value)) primary = largest;
    // A figure stated after a revision ("Tokyo later said it had detected a single missile") replaces the earlier
    // ones, larger or smaller: the last such figure is the count.
    const revised = counts.filter((c) => numeric(c) && ctx.phrases.rule.countRevisedBefore.test(c.unit.text.slice(Math.max(0, c.span.start - COUNT_REVISION_WINDOW), c.span.start)));
    if (revised.length > 0) primary = revised[revised.length - 1];
    if (primary) {
      const p = primary;
      const exact = p.traits?.exact === true && !counts.some((c) => numeric(c) && c.value === p.value && c.traits?.exact !== true);
      return [p, { ...p, field: 'count_exact', value: exact, confidence: BASE_CONFIDENCE.countExact }];
    }
    const first = mainUnits(ctx).find((u) => u.launch);
    if (!first) return [];
    const plural = ctx.phrases.rule.pluralMissileNoun.exec(first.text);
    const span = plural ? { start: plural.index, end: plural.index + plural[0].length } : { start: 0, end: 0 };
    const parser = plural ? 'count-plural' : 'count-singular';
    const implied = { unit: first, span, parser, confidence: BASE_CONFIDENCE.countImplied, implied: true };
    return [
      { ...implied, field: 'count_min', value: plural ? 2 : 1 },
      { ...implied, field: 'count_exact', value: !plural },
    ];
  },
};

export const countParser: Parser<ClaimCandidate> = { rule: countRule, refiners: [committedCount] };
