// Site rule: where the missile was launched from.
// Reads gazetteer names from data/sites.json in main sentences that report the launch ("fired from Sunan",
// "launched near Tongchang-ri", "from the Pyongyang area", "the launch from Sinpo"). Ambiguous names ("Pyongyang",
// also the government) count only as places: after a preposition of place ("from near Pyongyang", "in the
// outskirts of …") or before "area"/"region", and after the verb of firing; never as a subject ("Pyongyang said",
// "Pyongyang fired", "what Pyongyang called"), nor as the reference of a bearing ("an area north of Pyongyang").
// In a sentence with no launch words, only "from … Sinpo" or "the pad of …" says where a missile came from.
// A strong name beats an ambiguous one.
import { findSites, type SiteMatch } from '../../knowledge/index.js';
import { BASE_CONFIDENCE, PLACE_AFTER_CHARS, PLACE_BEFORE_CHARS } from '../../settings.js';
import type { ArticleContext, ReadUnit } from '../context.js';
import { factsOf } from '../sentence-facts.js';
import { type ClaimCandidate, inMain, mainUnits, NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';

/** A place name reads as a place: not the subject of a verb; an ambiguous one only with words of place. */
function placeContext(ctx: ArticleContext, text: string, s: SiteMatch): boolean {
  const r = ctx.phrases.rule;
  const before = text.slice(Math.max(0, s.start - PLACE_BEFORE_CHARS), s.start);
  const after = text.slice(s.end, s.end + PLACE_AFTER_CHARS);
  if (r.notPlaceAfter.test(after) || r.placeBearingBefore.test(before)) return false;
  if (!s.weak) return true;
  return r.placePrepositionBefore.test(before) || r.placeAreaAfter.test(after) || r.placeAreaOfBefore.test(before);
}

/** The sentence says the missile came from there. */
function launchedThere(ctx: ArticleContext, u: ReadUnit, s: SiteMatch): boolean {
  const p = ctx.phrases;
  const head = u.text.slice(0, s.start);
  if (s.weak) return p.launchVerb.test(head);
  return u.launch || factsOf(u.text, ctx.locale).has('launchVerb') || p.launchNoun.test(head) || p.rule.fromBeforeSite.test(head);
}

/** A gazetteer name found in a unit as a site claim candidate (every locale's site rule makes them the same way). */
export function siteCandidate(u: ClaimCandidate['unit'], s: { key: string; start: number; end: number; weak: boolean }): ClaimCandidate {
  return {
    unit: u,
    field: 'site',
    value: s.key,
    span: { start: s.start, end: s.end },
    parser: 'gazetteer',
    confidence: s.weak ? BASE_CONFIDENCE.siteWeak : BASE_CONFIDENCE.siteStrong,
    traits: { weak: s.weak },
  };
}

export const siteRule: Rule<ClaimCandidate> = {
  name: 'gazetteer-site',
  field: 'site',
  scope: (ctx) =>
    mainUnits(ctx).filter((u) => {
      const f = factsOf(u.text, ctx.locale);
      return u.launch || f.has('launchVerb') || f.has('launchNoun') || f.has('missileNoun');
    }),
  find(u, ctx) {
    // A loop, not filter and map: most sentences name no site, and the chain made two lists and two closures for
    // each of them. Indexed, not for-of: the finders answer a frozen list when there is none, which for-of reads
    // through an iterator object made per sentence.
    let found: ClaimCandidate[] | undefined;
    const sites = findSites(u.text, ctx.locale);
    for (let i = 0; i < sites.length; i++) {
      const s = sites[i];
      if (inMain(u, s.start) && placeContext(ctx, u.text, s) && launchedThere(ctx, u, s)) (found ??= []).push(siteCandidate(u, s));
    }
    return found ?? NO_CANDIDATES;
  },
};

/** A strong name's candidate. One module function: `decided` asks it after every sentence of the scope. */
const isStrong = (c: ClaimCandidate): boolean => !c.traits?.weak;

/** In each sentence the names run from general to specific: the first strong one, else the first. */
export const strongFirst: Refiner<ClaimCandidate> = {
  name: 'strong-name-first',
  refine: (candidates) => {
    const chosen = candidates.find(isStrong) ?? candidates[0];
    return chosen ? [chosen] : [];
  },
  decided: (candidates) => candidates.some(isStrong),
};

export const siteParser: Parser<ClaimCandidate> = { rule: siteRule, refiners: [strongFirst] };
