// The gates of the sentence facts (src/extract/sentence-facts.ts): a fact pattern compiled from a table's rows is
// gated by the union of each row's literal anchors (knowledge rowAnchors), which keep the word boundary in front of
// each phrase. A gate may let through a sentence the pattern does not match, never turn away one it matches: the
// facts read through the gates must be the patterns' own first matches. Checked on sentences written here and on
// seeded random texts made of the anchors themselves, of near misses and of separators, in every locale.
import { describe, expect, it } from 'vitest';
import { phraseRows, phrases } from '../../src/extract/phrases.js';
import { FACT_PATTERNS, type FactPattern, SentenceFacts } from '../../src/extract/sentence-facts.js';
import { anchorRegex, type Locale, rowAnchors } from '../../src/knowledge/index.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { rng } from '../../scripts/seeded-random.mjs';
import { english } from '../../src/extract/locales/en/configuration.js';
import { sentenceRole } from '../../src/extract/roles.js';
import type { Unit } from '../../src/extract/units.js';

const LOCALES: Locale[] = ['en', 'ko', 'ja'];
const patternOf = (locale: Locale, name: FactPattern): RegExp => (name === 'frontedDayBefore' ? phrases(locale).rule.frontedDayBefore : phrases(locale)[name]);
const shown = (m: RegExpExecArray | null): string | null => (m ? `${m.index}:${m[0]}` : null);

/** Every anchor of every fact pattern of a locale, as plain text (the word-boundary marks dropped). */
function anchorTexts(locale: Locale): string[] {
  const out = new Set<string>();
  for (const name of FACT_PATTERNS) {
    const rows = phraseRows(patternOf(locale, name));
    for (const a of (rows && rowAnchors(rows)) ?? []) out.add(a.replaceAll(WORD_BOUNDARY, ''));
  }
  return [...out];
}

// Near misses (a phrase inside a longer word, or cut short) and separators of every kind.
const NEAR = ['con', 'wel', 'in', 'be', 'un', 'ed', 's', 'es', 'ing', 'x', '1', '2024', "'s", 'the ', 'a ', 'its ', 'than ', 'missile ', 'of '];
const SEPARATORS = [' ', ' ', ' ', '  ', '\u00a0', '\n', ', ', '. ', ': ', ' — ', '-', '(', ')', '、', '。', '는 ', '을 '];

function randomTexts(locale: Locale, seed: number, n: number): string[] {
  const next = rng(seed);
  const anchors = anchorTexts(locale);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = next() < 0.5 ? '' : pick(NEAR);
    const pieces = 1 + Math.floor(next() * 6);
    for (let j = 0; j < pieces; j++) {
      const r = next();
      let piece = r < 0.55 ? pick(anchors) : pick(NEAR);
      if (next() < 0.2) piece = piece.toUpperCase();
      s += piece + (next() < 0.8 ? pick(SEPARATORS) : '');
    }
    out.push(s);
  }
  return out;
}

const WRITTEN: Record<Locale, string[]> = {
  en: [
    'The northern state fired two short-range ballistic missiles toward the sea on Tuesday, officials said.',
    'The committee contested a welcome increase in income tax, which would come into force next year.',
    'The missile came down in the sea after it flew about 600 kilometers.',
    'Last month it test-fired a rocket that the previous government had ordered.',
    'Such tests typically involve a flight over the ocean, and could reach Guam.',
    'A day earlier, the army launched a cruise missile from a submarine.',
    'The launch comes days after a failed satellite launch; another one will come after the talks.',
    'Investigators found fragments of a missile near the border town.',
    '',
  ],
  ko: ['북한이 오늘 오전 동해상으로 단거리 탄도미사일 2발을 발사했다.', '지난달에도 순항미사일을 시험 발사한 바 있다.', '정부는 도로 보수 계획을 승인했다.'],
  ja: ['北朝鮮は午前7時ごろ、弾道ミサイル1発を日本海に向けて発射した。', '先月も巡航ミサイルを発射していた。', '政府は道路の補修計画を承認した。'],
};

describe('the sentence facts read through the row-anchor gates', () => {
  it('the table patterns have rows, and the alternation of their rows matches where the pattern does', () => {
    for (const locale of LOCALES) {
      for (const name of FACT_PATTERNS) {
        const re = patternOf(locale, name);
        const rows = phraseRows(re);
        if (name === 'frontedDayBefore') {
          expect(rows).toBeUndefined();
          continue;
        }
        expect(rows, `${locale} ${name}`).toBeDefined();
        const either = new RegExp(rows?.length ? rows.map((r) => `(?:${r})`).join('|') : '(?!)', re.flags);
        for (const text of [...WRITTEN[locale], ...randomTexts(locale, 11, 300)]) expect(either.test(text), `${locale} ${name} in "${text}"`).toBe(re.test(text));
      }
    }
  });

  it('each fact is the pattern\'s own first match, in written and in random texts', () => {
    for (const locale of LOCALES) {
      const p = phrases(locale);
      let matched = 0;
      let texts = 0;
      for (const text of [...WRITTEN[locale], ...randomTexts(locale, 1 + locale.length, 3000)]) {
        const f = new SentenceFacts(text, p);
        texts++;
        for (const name of FACT_PATTERNS) {
          const direct = patternOf(locale, name).exec(text);
          if (direct) matched++;
          expect(shown(f.first(name)), `${locale} ${name} in "${text}"`).toBe(shown(direct));
        }
      }
      // Not vacuous: the texts are made of the phrases, and most hold some.
      expect(matched, locale).toBeGreaterThan(texts);
    }
  });

  it('turn away a phrase inside a longer word that the whole pattern\'s anchors let through', () => {
    const p = phrases('en');
    const gate = (name: FactPattern): RegExp | null => anchorRegex(rowAnchors(phraseRows(p[name as Exclude<FactPattern, 'frontedDayBefore'>]) ?? []), 'i');
    // "contested" holds "tested", "welcome" and "income" hold "come": none is a launch verb or an earlier marker.
    expect(gate('launchVerb')?.test('The plan was contested by the council.')).toBe(false);
    expect(gate('earlier')?.test('They welcomed a rise in income for farmers.')).toBe(false);
    expect(gate('launchVerb')?.test('The army tested a new rocket.')).toBe(true);
    expect(gate('earlier')?.test('The test came after the talks.')).toBe(true);
  });
});

// sentenceRole asks the fronted-day phrase only once the main date is known, and the capability markers only of a
// sentence without another anchor: the roles must be what weighing every fact gives. Made-up sentences.
describe('the role reads the facts it weighs', () => {
  const unit = (text: string): Unit => ({ part: 'text', index: 1, span: { start: 0, end: text.length }, text, paragraph: 0, isCaption: false, inChronology: false });
  const role = (text: string, mainDate: string | null): string => {
    const dates = english.readers.dates(text, '2024-05-10', null);
    return sentenceRole(unit(text), dates, mainDate).role;
  };

  it('a fronted day before the main day tells an earlier launch only against the main date', () => {
    const text = 'A day earlier, the army fired two ballistic missiles into the sea.';
    expect(role(text, null)).toBe('main');
    expect(role(text, '2024-05-10')).toBe('earlier');
  });

  it('a capability marker makes a capability sentence only where no anchor comes first', () => {
    expect(role('The new missile is capable of reaching targets 5,000 km away.', null)).toBe('capability');
    expect(role('Last year it tested a missile capable of reaching targets 5,000 km away.', null)).toBe('earlier');
    expect(role('The agency plans to launch a rocket that is capable of reaching orbit.', null)).toBe('context');
  });
});
