// The sentence facts' wide scan (src/extract/sentence-facts.ts anchoredWide): one scan for the facts' shared
// anchors and the rule group's anchors that hold none of them (src/extract/rule-group.ts, read by rule-gates.ts),
// asked before the facts' own scan. It must answer exactly what the two scans it stands for answered one after the
// other: anchored() the facts' scan alone, and the rule gates' "may" the facts' scan or else the scan of the rest.
// Checked against those two scans made apart, on sentences written here and on seeded random texts made of the
// anchors themselves, of near misses and of separators (whitespace runs, Unicode hyphens, no-break spaces and
// non-Latin characters among them), in every locale.
import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/extract/phrases.js';
import { groupGate } from '../../src/extract/rule-group.js';
import { factAnchors, SentenceFacts } from '../../src/extract/sentence-facts.js';
import { anchorRegex, type Locale } from '../../src/knowledge/index.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { rng } from '../../scripts/seeded-random.mjs';

const LOCALES: Locale[] = ['en', 'ko', 'ja'];

/** The two scans apart, as the facts and the rule gates made them before they were joined. */
function apart(locale: Locale): { facts: RegExp | null; rest: RegExp | null } {
  const facts = [...factAnchors(locale)];
  const rest = groupGate(phrases(locale)).anchors.filter((a) => !facts.some((f) => a.includes(f)));
  return { facts: facts.length ? anchorRegex(facts, 'i') : null, rest: anchorRegex(rest, 'i') };
}

// Near misses (an anchor inside a longer word, or cut short) and separators of every kind.
const NEAR = ['re', 'con', 'in', 'un', 'ed', 's', 'es', 'ing', 'x', '1', '2024', "'s", 'the ', 'a ', 'of ', 'air', 'anti', 'É', 'ß'];
const SEPARATORS = [' ', ' ', ' ', '  ', ' \t ', '\u00a0', '\n', ', ', '. ', ': ', ' — ', '-', '\u2011', '\u2013', '(', ')', '、', '。', '는 ', '을 '];

function randomTexts(locale: Locale, seed: number, n: number): string[] {
  const next = rng(seed);
  const anchors = [...new Set([...factAnchors(locale), ...groupGate(phrases(locale)).anchors].map((a) => a.replaceAll(WORD_BOUNDARY, '')))];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = next() < 0.5 ? '' : pick(NEAR);
    const pieces = 1 + Math.floor(next() * 5);
    for (let j = 0; j < pieces; j++) {
      let piece = next() < 0.5 ? pick(anchors) : pick(NEAR);
      // Cut short, glued to a near miss, or cased otherwise.
      const r = next();
      if (r < 0.15) piece = piece.slice(0, Math.max(1, piece.length - 1 - Math.floor(next() * 3)));
      else if (r < 0.3) piece = pick(NEAR).trim() + piece;
      else if (r < 0.4) piece = piece.toUpperCase();
      s += piece + (next() < 0.8 ? pick(SEPARATORS) : '');
    }
    out.push(s);
  }
  return out;
}

const WRITTEN = [
  'The army fired two short-range ballistic missiles toward the sea on Tuesday.',
  'It said the missile tests on Saturday and Sunday had succeeded.',
  'An ICBM and three KN‑25 projectiles were test-fired, and the second flew 497 miles.',
  'One of them crashed into a field; another landed inland, near a port city.',
  'The central bank kept its benchmark rate unchanged for a third straight meeting.',
  'Heavy rain caused flooding in several villages, and schools were closed.',
  'The airstrike hit the town overnight, officials said.',
  '北朝鮮は午前7時ごろ、弾道ミサイル1発を日本海に向けて発射した。',
  '북한이 오늘 오전 동해상으로 단거리 탄도미사일 2발을 발사했다.',
  '',
];

describe('the sentence facts’ wide scan', () => {
  it('answers as the facts’ scan and the rule group’s rest scan made apart', () => {
    for (const locale of LOCALES) {
      const p = phrases(locale);
      const { facts, rest } = apart(locale);
      const seen = { anchored: 0, restOnly: 0, neither: 0 };
      for (const text of [...WRITTEN, ...randomTexts(locale, 11 + locale.length, 4000)]) {
        const inFacts = facts !== null && facts.test(text);
        const inRest = rest === null || rest.test(text);
        // Asked in either order: the answers are each scan's own.
        const a = new SentenceFacts(text, p);
        expect(a.anchored(), `${locale} anchored "${text}"`).toBe(inFacts);
        expect(a.anchoredWide(), `${locale} wide "${text}"`).toBe(inFacts || inRest);
        const b = new SentenceFacts(text, p);
        expect(b.anchoredWide(), `${locale} wide first "${text}"`).toBe(inFacts || inRest);
        expect(b.anchored(), `${locale} anchored after "${text}"`).toBe(inFacts);
        if (inFacts) seen.anchored++;
        else if (inRest) seen.restOnly++;
        else seen.neither++;
      }
      // Not vacuous: the English texts fall in each of the three cases many times.
      if (locale === 'en') for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(100);
    }
  });

  it('finds nothing in ordinary news sentences, and the facts’ anchors in a launch sentence', () => {
    const p = phrases('en');
    expect(new SentenceFacts(WRITTEN[4], p).anchoredWide()).toBe(false);
    expect(new SentenceFacts(WRITTEN[5], p).anchoredWide()).toBe(false);
    const launch = new SentenceFacts(WRITTEN[0], p);
    expect(launch.anchoredWide()).toBe(true);
    expect(launch.anchored()).toBe(true);
    // A rule anchor alone ("crashed", "port"…): the wide scan finds it, the facts' scan does not.
    const rest = new SentenceFacts('One of them crashed into a field near the port.', p);
    expect(rest.anchored()).toBe(false);
    expect(rest.anchoredWide()).toBe(true);
  });
});
