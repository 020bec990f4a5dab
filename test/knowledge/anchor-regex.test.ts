// The anchor regex (src/knowledge/anchor-regex.ts) with the 'i' flag: its anchors in a trie, those that start at a
// word boundary read after \b, or (wordStarts 'class') those of them that start with a word character read after a
// non-word character or at the text's start (\W…|^…); the others anywhere. In either form it must find an anchor in exactly the texts where the plain alternation of the anchors does
// (each anchor written out, \b for its word-boundary marks, \s+ for its whitespace, each character with those that
// fold into it). Checked on the anchors of the sentence facts and of the rule group in every locale and on anchors
// written here (a first character that is a digit, an underscore, a hyphen, a colon, a letter beyond ASCII), over
// sentences written here and seeded random texts: the anchors cut short, glued to word characters or to letters
// beyond ASCII that case folding relates to ASCII ones (ſ, K, ı), among whitespace runs, Unicode hyphens,
// no-break spaces and characters beyond the BMP.
import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/extract/phrases.js';
import { groupGate } from '../../src/extract/rule-group.js';
import { factAnchors } from '../../src/extract/sentence-facts.js';
import { anchorRegex, fold, type Locale } from '../../src/knowledge/index.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { rng } from '../../scripts/seeded-random.mjs';

const LOCALES: Locale[] = ['en', 'ko', 'ja'];
const B = WORD_BOUNDARY;

/** Per character that folding produces, the characters folded into it (the whole BMP read once). */
const foldedInto = (() => {
  const into = new Map<string, string>();
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const f = fold(ch);
    if (f !== ch) into.set(f, (into.get(f) ?? '') + ch);
  }
  return into;
})();

const escaped = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The plain regex of some anchors: each written out in full, one alternation. */
function plain(anchors: readonly string[]): RegExp {
  const one = (a: string): string =>
    Array.from(a)
      .map((c) => {
        if (c === B) return '\\b';
        if (/^\s$/.test(c)) return '\\s+';
        const from = foldedInto.get(c);
        return from ? `[${escaped(c)}${[...from].map(escaped).join('')}]` : escaped(c);
      })
      .join('');
  return new RegExp(anchors.map((a) => `(?:${one(a)})`).join('|'), 'i');
}

const WRITTEN_ANCHORS = [
  `${B}missile`,
  `${B}missiles${B}`,
  `${B}kn-`,
  `${B}launch`,
  'orbit',
  `strike${B}`,
  `${B}: when${B}`,
  `${B}- when`,
  `${B}2024 test`,
  `${B}_x`,
  `${B}éclat`,
  `${B}sent`,
  `${B}s`,
  `${B}ks`,
  `${B}fired over`,
];

const anchorSets = (): { name: string; anchors: string[] }[] => [
  ...LOCALES.flatMap((locale) => [
    { name: `${locale} facts`, anchors: [...factAnchors(locale)] },
    { name: `${locale} facts and rule group`, anchors: [...factAnchors(locale), ...groupGate(phrases(locale)).anchors] },
  ]),
  { name: 'written', anchors: WRITTEN_ANCHORS },
];

const NEAR = ['re', 'in', 'un', 'ed', 's', 'x', '1', '_', '2024', "'s", 'air', 'é', 'ſ', '\u212a', 'ı', 'İ', '😀', 'ß'];
const SEPARATORS = [' ', ' ', ' ', '  ', ' \t ', '\u00a0', '\n', ', ', '. ', ': ', ' — ', '-', '\u2011', '\u2013', '(', ')', '、', '。', '는 '];

function randomTexts(anchors: readonly string[], seed: number, n: number): string[] {
  const next = rng(seed);
  const words = anchors.map((a) => a.replaceAll(B, ''));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = next() < 0.5 ? '' : pick(NEAR);
    const pieces = 1 + Math.floor(next() * 4);
    for (let j = 0; j < pieces; j++) {
      let piece = next() < 0.6 ? pick(words) : pick(NEAR);
      const r = next();
      if (r < 0.15) piece = piece.slice(0, Math.max(1, piece.length - 1 - Math.floor(next() * 3)));
      else if (r < 0.35) piece = pick(NEAR) + piece;
      else if (r < 0.45) piece = piece.toUpperCase();
      else if (r < 0.5) piece = piece.replace(/s/g, 'ſ').replace(/k/g, '\u212a');
      s += piece + (next() < 0.75 ? pick(SEPARATORS) : '');
    }
    out.push(s);
  }
  return out;
}

const SENTENCES = [
  'The army fired two short-range ballistic missiles toward the sea on Tuesday.',
  'Missiles were launched: when, nobody said.',
  'An ICBM and three KN‑25 projectiles were test-fired.',
  'The airstrike hit the town overnight, officials said.',
  'Heavy rain caused flooding in several villages, and schools were closed.',
  'missile',
  'xmissile',
  '_missile',
  '2missile',
  'émissile',
  'ſent',
  '',
];

describe("the anchor regex with 'i'", () => {
  it('finds an anchor in exactly the texts where the plain alternation of the anchors does', () => {
    for (const [{ name, anchors }, form] of anchorSets().flatMap((set) => (['boundary', 'class'] as const).map((f) => [set, f] as const))) {
      const re = anchorRegex(anchors, 'i', form);
      expect(re, name).not.toBeNull();
      const reference = plain(anchors);
      let found = 0;
      let texts = 0;
      for (const text of [...SENTENCES, ...randomTexts(anchors, 3 + name.length, 3000)]) {
        const expected = reference.test(text);
        expect(re?.test(text), `${name} (${form}): "${text}"`).toBe(expected);
        if (expected) found++;
        texts++;
      }
      // Not vacuous: many texts hold an anchor, and many do not.
      expect(found, name).toBeGreaterThan(texts / 10);
      expect(found, name).toBeLessThan(texts - texts / 10);
    }
  });

  it('reads a word start where \\b does: after a non-word character or at the start, never after a word character', () => {
    const re = anchorRegex([`${B}missile`, `${B}: when`], 'i', 'class');
    // Read by class: a class first, and ^ for the text's start.
    expect(re?.source.startsWith('\\W')).toBe(true);
    for (const text of ['missile', 'A missile', '(missile', '—missile', 'émissile', 'ſmissile', 'MISSILE', 'x: when']) expect(re?.test(text), text).toBe(true);
    for (const text of ['xmissile', '_missile', '2missile', ': when', ' : when']) expect(re?.test(text), text).toBe(false);
  });
});
