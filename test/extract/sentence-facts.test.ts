import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/extract/phrases.js';
import { FACT_PATTERNS, factsOf, forgetSentenceFacts, SentenceFacts } from '../../src/extract/sentence-facts.js';
import { sentenceRole, statesLaunch } from '../../src/extract/roles.js';
import { english } from '../../src/extract/locales/en/configuration.js';
import type { Unit } from '../../src/extract/units.js';

// The sentence-facts memo answers what the phrase patterns find in a sentence once per sentence: its answers must
// be the patterns' own, whatever was asked before. Every sentence below is made up.

const SENTENCES = [
  'The northern state fired two short-range ballistic missiles toward the sea on Tuesday, officials said.',
  'Last month it launched a rocket that flew some 600 km before falling into the water.',
  'Such tests typically involve a flight over the ocean.',
  'Investigators found fragments of a missile near the border town.',
  'A day earlier, the army test-fired a cruise missile from a submarine.',
  'The agency plans to launch a satellite between Thursday and the end of the month.',
  'The new missile is capable of reaching targets 5,000 km away.',
  'The council approved a plan for road repairs on Monday.',
  '',
];

const direct = (text: string, name: (typeof FACT_PATTERNS)[number]): string | null => {
  const p = phrases('en');
  const m = (name === 'frontedDayBefore' ? p.rule.frontedDayBefore : p[name]).exec(text);
  return m ? `${m.index}:${m[0]}` : null;
};
const memo = (f: SentenceFacts, name: (typeof FACT_PATTERNS)[number]): string | null => {
  const m = f.first(name);
  return m ? `${m.index}:${m[0]}` : null;
};

describe('sentence facts', () => {
  it('each pattern answers as the pattern itself does, asked once or again, in any order', () => {
    for (const text of SENTENCES) {
      const f = factsOf(text, 'en');
      for (const name of FACT_PATTERNS) expect(memo(f, name), `${name} in "${text}"`).toBe(direct(text, name));
      for (const name of [...FACT_PATTERNS].reverse()) {
        expect(memo(f, name)).toBe(direct(text, name));
        expect(f.has(name)).toBe(direct(text, name) !== null);
      }
    }
  });

  it('the same sentence gets the same facts until they are forgotten, then fresh ones with the same answers', () => {
    const text = SENTENCES[0];
    const f = factsOf(text, 'en');
    expect(factsOf(text, 'en')).toBe(f);
    forgetSentenceFacts();
    const g = factsOf(text, 'en');
    expect(g).not.toBe(f);
    for (const name of FACT_PATTERNS) expect(memo(g, name)).toBe(memo(f, name));
  });

  it('the launch test and the role read through the memo equal a fresh reading of the same sentence', () => {
    const unit = (text: string): Unit => ({ part: 'text', index: 1, span: { start: 0, end: text.length }, text, paragraph: 0, isCaption: false, inChronology: false });
    for (const text of SENTENCES) {
      const dates = english.readers.dates(text, '2024-05-10', null);
      forgetSentenceFacts();
      const fresh = { launch: statesLaunch(text), role: sentenceRole(unit(text), dates, '2024-05-07') };
      // Asked again with the facts remembered (and after other questions about the sentence).
      sentenceRole(unit(text), dates, null);
      expect({ launch: statesLaunch(text), role: sentenceRole(unit(text), dates, '2024-05-07') }).toEqual(fresh);
    }
  });
});

describe('sentence facts through the patterns\' literal-anchor gates, in Korean and Japanese', () => {
  const OTHERS: ['ko' | 'ja', string[]][] = [
    ['ko', ['북한이 오늘 오전 동해상으로 단거리 탄도미사일 2발을 발사했다.', '지난달에도 순항미사일을 시험 발사한 바 있다.', '정부는 도로 보수 계획을 승인했다.']],
    ['ja', ['北朝鮮は午前7時ごろ、弾道ミサイル1発を日本海に向けて発射した。', '先月も巡航ミサイルを発射していた。', '政府は道路の補修計画を承認した。']],
  ];
  it('each pattern answers as the pattern itself does', () => {
    for (const [locale, sentences] of OTHERS) {
      const p = phrases(locale);
      for (const text of sentences) {
        forgetSentenceFacts();
        const f = factsOf(text, locale);
        for (const name of FACT_PATTERNS) {
          const m = (name === 'frontedDayBefore' ? p.rule.frontedDayBefore : p[name]).exec(text);
          expect(memo(f, name), `${locale} ${name} in "${text}"`).toBe(m ? `${m.index}:${m[0]}` : null);
        }
      }
    }
    // Not vacuous: the launch sentences do state launches.
    expect(factsOf(OTHERS[0][1][0], 'ko').has('launchVerb') || factsOf(OTHERS[0][1][0], 'ko').has('launchNoun')).toBe(true);
  });
});
