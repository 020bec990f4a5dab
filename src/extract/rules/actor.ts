// Actor rule: who launched.
// Reads, in the first launch sentences: the agent of a passive ("fired by North Korea", "the launch by
// Pyongyang"), the place a missile came from ("a ballistic missile launched from Yemen"), a possessive ("North
// Korea's launch of …"), the nearest actor before the verb that is not a reporting body ("South Korea's military
// said"), else the owner of a named missile. An actor that only reports ("Seoul says …") is a fallback; with no
// launch sentence naming one, the actor named most in the opening sentences.
import { findActors, findMissiles } from '../../knowledge/index.js';
import { ACTOR_AFTER_CHARS, ACTOR_ORIGIN_LOOKBACK, ACTOR_PASSIVE_LOOKBACK, ACTOR_POSSESSIVE_CHARS, ACTOR_SAYS_CHARS, ACTOR_SENTENCES } from '../../settings.js';
import type { ArticleContext } from '../context.js';
import { NO_CANDIDATES, type Parser, type Refiner, type Rule } from '../rule.js';
import { factsOf } from '../sentence-facts.js';

export interface ActorCandidate {
  actor: string;
  /** How the sentence names the launcher; "reporter" only says something about the launch. */
  how: 'passive' | 'origin' | 'possessive' | 'subject' | 'reporter' | 'named' | 'most-named';
}

// "… said (on Wednesday) it (had) tested": the launch verb's subject is the speaker itself.
const SELF_REPORT = /\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:successfully\s+)?$/i;
// An actor name ending in a possessive, or followed by one.
const POSSESSIVE_END = /['’]s$/i;
const POSSESSIVE_NEXT = /^\s*['’]s/;

export const actorRule: Rule<ActorCandidate> = {
  name: 'launcher-in-launch-sentence',
  field: 'actor',
  scope: (ctx) => ctx.mainLaunch.slice(0, ACTOR_SENTENCES),
  find(u, ctx) {
    const r = ctx.phrases.rule;
    const text = u.text;
    const actors = findActors(text, ctx.locale).filter((a) => !r.reportingBodyAfter.test(text.slice(a.end, a.end + ACTOR_AFTER_CHARS)));
    const by = actors.find((a) => r.passiveByBefore.test(text.slice(Math.max(0, a.start - ACTOR_PASSIVE_LOOKBACK), a.start)));
    if (by) return [{ actor: by.actor, how: 'passive' }];
    const origin = actors.find((a) => r.originBefore.test(text.slice(Math.max(0, a.start - ACTOR_ORIGIN_LOOKBACK), a.start)));
    if (origin) return [{ actor: origin.actor, how: 'origin' }];
    // The actor tables may or may not include the "'s" in the match.
    const possessive = actors.find((a) => r.possessiveLaunchAfter.test(text.slice(a.end, a.end + ACTOR_POSSESSIVE_CHARS)) && (POSSESSIVE_END.test(a.surface) || POSSESSIVE_NEXT.test(text.slice(a.end))));
    if (possessive) return [{ actor: possessive.actor, how: 'possessive' }];
    const verb = factsOf(text, ctx.locale).first('launchVerb');
    if (verb) {
      const before = actors.filter((a) => a.end <= verb.index);
      const subject = before[before.length - 1];
      if (subject) {
        const says = r.saysAfter.test(text.slice(subject.end, subject.end + ACTOR_SAYS_CHARS));
        // "North Korea said Wednesday it tested …": the speaker reports its own launch.
        if (!says || SELF_REPORT.test(text.slice(subject.end, verb.index))) return [{ actor: subject.actor, how: 'subject' }];
        if (before.length > 1) return [{ actor: before[before.length - 2].actor, how: 'subject' }];
        return [{ actor: subject.actor, how: 'reporter' }];
      }
    }
    const named = findMissiles(text, ctx.locale).find((m) => !m.weak);
    return named?.actor ? [{ actor: named.actor, how: 'named' }] : NO_CANDIDATES;
  },
};

/** The first sentence that names the launcher decides; a reporter only when no sentence does. */
const launcherBeforeReporter: Refiner<ActorCandidate> = {
  name: 'launcher-before-reporter',
  refine(candidates) {
    const launcher = candidates.find((c) => c.how !== 'reporter');
    const reporter = candidates.find((c) => c.how === 'reporter');
    const chosen = launcher ?? reporter;
    return chosen ? [chosen] : [];
  },
};

/** No launch sentence names an actor: the one named most in the opening sentences. */
const mostNamedInOpening: Refiner<ActorCandidate> = {
  name: 'most-named-in-opening',
  refine(candidates, ctx: ArticleContext) {
    if (candidates.length) return candidates;
    const tally = new Map<string, number>();
    for (const u of ctx.units.slice(0, ACTOR_SENTENCES)) for (const a of findActors(u.text, ctx.locale)) tally.set(a.actor, (tally.get(a.actor) ?? 0) + 1);
    let best: string | null = null;
    for (const [a, n] of tally) if (best === null || n > (tally.get(best) ?? 0)) best = a;
    return best ? [{ actor: best, how: 'most-named' }] : [];
  },
};

export const actorParser: Parser<ActorCandidate> = { rule: actorRule, refiners: [launcherBeforeReporter, mostNamedInOpening] };
