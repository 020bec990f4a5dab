// What a rule and a refiner are (chrono-node's Parser/Refiner model): a rule reads one sentence and proposes
// candidates; refiners, in order, drop, reorder or merge the candidates of the whole article. A parser is a rule
// with its refiners; a locale's configuration lists the parsers.
import type { ClaimField, FieldValue, Span } from '../types.js';
import type { ArticleContext, ReadUnit } from './context.js';

export interface Rule<C> {
  /** Names the phrasing it reads, for debugging and docs. */
  readonly name: string;
  readonly field: string;
  /** The sentences the rule reads, in reading order. */
  scope(ctx: ArticleContext): readonly ReadUnit[];
  /**
   * Candidates in `unit`, the `position`-th sentence of the rule's scope (so no rule searches its scope again).
   * Read-only: a rule that finds nothing may answer NO_CANDIDATES, one list shared by every call.
   */
  find(unit: ReadUnit, ctx: ArticleContext, position: number): readonly C[];
}

export interface Refiner<C> {
  readonly name: string;
  refine(candidates: C[], ctx: ArticleContext): C[];
  /**
   * True when the candidates found so far, in reading order, already decide what `refine` keeps: the candidates
   * of the sentences after them could not change it (the first one found). When a parser's only refiner says so,
   * its rule stops reading there.
   */
  decided?(candidates: readonly C[]): boolean;
}

export interface Parser<C> {
  readonly rule: Rule<C>;
  readonly refiners: readonly Refiner<C>[];
}

/** Runs a rule over its sentences, then its refiners over the candidates. */
export function runParser<C>(parser: Parser<C>, ctx: ArticleContext): C[] {
  let candidates = findAll(parser, ctx);
  for (const r of parser.refiners) candidates = r.refine(candidates, ctx);
  return candidates;
}

/**
 * No candidates, for a rule that finds none in a sentence (most rules in most sentences): one frozen list shared
 * by every call, so that nothing is allocated for it.
 */
export const NO_CANDIDATES: readonly never[] = Object.freeze([]);

/**
 * The rule's candidates over its scope: up to the sentence after which the parser's only refiner is decided.
 * One list filled in a loop (not scope.flatMap, nor a spread push): most sentences give no candidate, and those made
 * an argument list, a closure and a result per sentence for nothing.
 */
function findAll<C>(parser: Parser<C>, ctx: ArticleContext): C[] {
  const { rule, refiners } = parser;
  const decided = refiners.length === 1 ? refiners[0].decided : undefined;
  const scope = rule.scope(ctx);
  const candidates: C[] = [];
  for (let i = 0; i < scope.length && !(decided !== undefined && decided(candidates)); i++) {
    const found = rule.find(scope[i], ctx, i);
    for (let k = 0; k < found.length; k++) candidates.push(found[k]);
  }
  return candidates;
}

/** A value for a claim, before confidence is adjusted and evidence is written. */
export interface ClaimCandidate {
  unit: ReadUnit;
  field: ClaimField;
  value: FieldValue;
  /** The words that state it, within the unit's text. */
  span: Span;
  parser: string;
  confidence: number;
  implied?: boolean;
  /** What a refiner needs to compare candidates. */
  traits?: { weak?: boolean; exact?: boolean; numeric?: boolean; miles?: boolean };
}

/** The first candidate only ("the first designation named", "the first sea where missiles went"). */
export const firstOnly = (name: string): Refiner<ClaimCandidate> => ({ name, refine: (cs) => cs.slice(0, 1), decided: (cs) => cs.length > 0 });

/** Whether a position lies in the unit's main clause (the part that speaks of the main launch). */
export const inMain = (u: ReadUnit, start: number): boolean => start >= (u.role.mainStart ?? 0) && start < u.role.mainEnd;

/** The sentences that may state facts of the main launch (read-only: a rule's scope). */
export const mainUnits = (ctx: ArticleContext): readonly ReadUnit[] => ctx.units.filter((u) => u.role.role === 'main');
