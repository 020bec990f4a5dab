// Korean actor rule: who launched. Korean marks the subject with a particle ("북한이 … 쐈다", "북한은 … 발사했다")
// and a headline with a comma ("北, 日열도 넘겨 IRBM 발사"): the last subject-marked actor before the verb of firing
// launched, whatever other countries stand nearer the verb ("일본 열도 너머로", "美 대선 앞두고", "미국 국무장관의 방한
// 중에"). With no subject-marked actor, or with a passive verb of firing ("…에서 발사된 미사일을 포착했다"), the shared
// rule reads the sentence.
import { findActors } from '../../../knowledge/index.js';
import { ACTOR_AFTER_CHARS } from '../../../settings.js';
import type { Parser, Rule } from '../../rule.js';
import { type ActorCandidate, actorParser, actorRule } from '../../rules/actor.js';
import { koreanReaderPhrases } from './phrases.js';
import { factsOf } from '../../sentence-facts.js';

export const koreanActorRule: Rule<ActorCandidate> = {
  name: 'subject-marked-launcher',
  field: 'actor',
  scope: actorRule.scope,
  find(u, ctx, position) {
    const text = u.text;
    const verb = factsOf(text, ctx.locale).first('launchVerb');
    // "우리 군은 … 발사된 미사일을 포착했다": a passive verb of firing; the subject only detected the launch.
    if (verb && !koreanReaderPhrases().passiveLaunch.test(verb[0])) {
      const subject = findActors(text, ctx.locale)
        .filter((a) => a.end <= verb.index && koreanReaderPhrases().subjectAfter.test(text.slice(a.end)) && !ctx.phrases.rule.reportingBodyAfter.test(text.slice(a.end, a.end + ACTOR_AFTER_CHARS)))
        .pop();
      if (subject) return [{ actor: subject.actor, how: 'subject' }];
    }
    return actorRule.find(u, ctx, position);
  },
};

export const koreanActorParser: Parser<ActorCandidate> = { rule: koreanActorRule, refiners: actorParser.refiners };
