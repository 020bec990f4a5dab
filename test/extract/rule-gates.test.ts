// The rule gates (src/extract/rule-gates.ts): one scan of a sentence for the anchors of the rule patterns read over
// every main sentence. The gate may say "may" of a sentence no pattern of the group matches in, never "no" of one
// some pattern matches in, in the whole sentence or in a part of it that starts after a character that is not a
// word character (a part cut inside a word has a word boundary the sentence has not). Checked on sentences written here and on seeded random texts made of the patterns' own words, of
// near misses and of separators, in every locale; and the group must stay selective: ordinary news sentences that
// speak of no launch get a "no".
import { beforeEach, describe, expect, it } from 'vitest';
import { phrases } from '../../src/extract/phrases.js';
import { groupPatterns, LENGTH_UNIT, mayHold } from '../../src/extract/rule-gates.js';
import { forgetSentenceFacts } from '../../src/extract/sentence-facts.js';
import type { Locale } from '../../src/knowledge/index.js';
import { rng } from '../../scripts/seeded-random.mjs';

const LOCALES: Locale[] = ['en', 'ko', 'ja'];

/** A pattern as `test` reads it from the start of a text: a non-global copy (the count nouns are global). */
const plain = (re: RegExp): RegExp => new RegExp(re.source, re.flags.replace(/[gy]/g, ''));

/** The words of a pattern's source: its runs of letters (and the Hangul, kana and kanji of the other locales). */
const wordsOf = (re: RegExp): string[] => re.source.match(/[\p{L}\p{N}'-]+/gu) ?? [];

// Near misses (a word inside a longer one, or cut short) and separators of every kind.
const NEAR = ['re', 'sup', 'con', 'in', 'un', 'ed', 's', 'es', 'ing', 'x', '1', '800', '2024', "'s", 'the ', 'a ', 'an ', 'its ', 'of ', 'was ', 'were '];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\u00a0', '\n', ', ', '. ', ': ', ' — ', '-', '(', ')', '、', '。', '는 ', '을 '];

/**
 * Seeded random texts: half made of the patterns' words, near misses and separators; half a written sentence of
 * the locale with words dropped, changed to a pattern's word or a near miss, or cased otherwise (so that patterns of
 * several words match in many of them).
 */
function randomTexts(locale: Locale, seed: number, n: number): string[] {
  const next = rng(seed);
  const words = [...new Set(groupPatterns(phrases(locale)).flatMap(wordsOf))];
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (next() < 0.5) {
      const tokens = pick(WRITTEN[locale]).split(' ');
      const at = Math.floor(next() * tokens.length);
      const r = next();
      if (r < 0.3) tokens.splice(at, 1);
      else if (r < 0.5) tokens[at] = pick(words);
      else if (r < 0.7) tokens[at] = pick(NEAR) + tokens[at];
      else if (r < 0.85) tokens[at] = tokens[at].toUpperCase();
      out.push(tokens.join(pick(SEPARATORS)));
      continue;
    }
    let s = next() < 0.5 ? '' : pick(NEAR);
    const pieces = 1 + Math.floor(next() * 7);
    for (let j = 0; j < pieces; j++) {
      let piece = next() < 0.6 ? pick(words) : pick(NEAR);
      if (next() < 0.15) piece = piece.toUpperCase();
      s += piece + (next() < 0.85 ? pick(SEPARATORS) : '');
    }
    out.push(s);
  }
  return out;
}

// Each pattern of the English group matches in one of these, and the filler sentences match none.
const WRITTEN: Record<Locale, string[]> = {
  en: [
    'The army fired two short-range ballistic missiles toward the sea on Tuesday.',
    'The launch was conducted from a site near the capital, officials said.',
    'The rocket lifted off at dawn and flew about 600 kilometres.',
    'It said the missile tests on Saturday and Sunday had succeeded.',
    'The same ones were launched again a week later.',
    'One of the missiles struck the city of Dnipro, and another landed inland.',
    'An ICBM and three KN-25 projectiles were test-fired, and the second flew 497 miles.',
    '',
  ],
  ko: ['북한이 오늘 오전 동해상으로 단거리 탄도미사일 2발을 발사했다.', '정부는 도로 보수 계획을 승인했다.'],
  ja: ['北朝鮮は午前7時ごろ、弾道ミサイル1発を日本海に向けて発射した。', '政府は道路の補修計画を承認した。'],
};

const FILLER = [
  'The central bank kept its benchmark rate unchanged for a third straight meeting.',
  'Shares in the carmaker rose after it reported stronger sales in Europe.',
  'The minister is expected to visit the region later this month to discuss trade.',
  'Heavy rain caused flooding in several villages, and schools were closed.',
  'The opposition party said it would support the bill if it is amended.',
  'Talks between the two governments are set to resume in the capital next week.',
];

describe('the rule gates', () => {
  beforeEach(() => forgetSentenceFacts());

  it('say "may" of every sentence that a pattern of the group matches in, or in a part of it cut between words', () => {
    for (const locale of LOCALES) {
      const group = groupPatterns(phrases(locale));
      const matched = new Map<RegExp, number>();
      for (const text of [...WRITTEN[locale], ...FILLER, ...randomTexts(locale, 7 + locale.length, 4000)]) {
        for (const re of group) {
          const own = plain(re);
          // The sentence, and each part of it that starts where a word does not go on (a part cut inside a word,
          // "SLBMs" of "sSLBMs", has a word boundary the sentence has not: the gate does not answer for it).
          const parts = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => i === 0 || !/\w/.test(text[i - 1]));
          const inSomePart = parts.some((i) => own.test(text.slice(i)));
          if (inSomePart) {
            matched.set(re, (matched.get(re) ?? 0) + 1);
            expect(mayHold(re, text, locale), `${locale} /${re.source.slice(0, 40)}…/ in "${text}"`).toBe(true);
          }
        }
      }
      // Not vacuous: the English texts are made of the patterns' words, and each pattern matches in many.
      if (locale === 'en') for (const re of group) expect(matched.get(re) ?? 0, re.source.slice(0, 40)).toBeGreaterThan(20);
    }
  });

  it('cover the English group, each pattern matching in a written sentence', () => {
    const p = phrases('en');
    for (const re of groupPatterns(p)) {
      expect(WRITTEN.en.some((t) => plain(re).test(t)), re.source.slice(0, 40)).toBe(true);
      // Covered: a filler sentence gets a "no" for each pattern.
      for (const text of FILLER) expect(mayHold(re, text, 'en'), `${re.source.slice(0, 40)} in "${text}"`).toBe(false);
    }
  });

  it('say "may" of a pattern outside the group, which is then run as before', () => {
    const bearing = phrases('en').rule.flightDirection;
    expect(mayHold(bearing, FILLER[0], 'en')).toBe(true);
    expect(mayHold(/anything/, FILLER[0], 'en')).toBe(true);
  });

  it('answer the same for a sentence asked again, and again after forgetting', () => {
    const text = 'The rocket flew 800 km.';
    expect(mayHold(LENGTH_UNIT, text, 'en')).toBe(true);
    expect(mayHold(LENGTH_UNIT, text, 'en')).toBe(true);
    forgetSentenceFacts();
    expect(mayHold(LENGTH_UNIT, FILLER[1], 'en')).toBe(false);
  });
});
