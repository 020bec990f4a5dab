// plainSegments (src/clean/plain-segments.ts) must give exactly the segments of Intl.Segmenter('en', sentence) for
// every paragraph it answers: checked on sentences written here and on seeded random strings over its alphabet.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { plainSegments } from '../../src/clean/plain-segments.js';
import { splitSentences } from '../../src/clean/index.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icu = (p: string) => [...segmenter.segment(p)].map((s) => ({ index: s.index, segment: s.segment }));

const WRITTEN = [
  'The rocket rose at dawn. It fell into the sea two minutes later.',
  'Officials in the U.S. said nothing. The U.N. met at 3 p.m. on Tuesday.',
  'He said "It was a drill." Then he left! Did it fly? Nobody knew.',
  'The range was 12.5 km. 40 people watched. 7 of them left.',
  'Gen. Park spoke (briefly.) Another officer spoke... and more followed.',
  'Who knew?! Nobody. “Quiet,” she said. ‘Fine.’ — The end.',
  'It reached Mach 5.A second stage burned. e.g. the booster; i.e. the core: done.',
  'Café owners in Zürich said ÉTÉ. Über alles. ß is lower.',
  'Tabs\tand\u00a0spaces.  Two spaces.\tA tab. [Bracket.] {Brace.} - dash. , comma.',
  'Ends with no terminator',
  'Ends with a terminator and spaces.   ',
  '...',
  '1. 2. 3.',
  'a.b.c. D.E.F. g. H. i',
];

// The alphabet plainSegments reads, with the characters the rules turn on made more likely.
const ALPHABET: string[] = [
  '\t', '\v', '\f', '\u00a0', '‘', '’', '“', '”', '–', '—',
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)),
];
const HOT = ['.', '.', '!', '?', ' ', ' ', 'a', 'A', '1', '"', ')', ',', '’'];

function randomStrings(count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const length = 1 + Math.floor(next() * 12);
    let s = '';
    for (let i = 0; i < length; i++) {
      const pool = next() < 0.5 ? HOT : ALPHABET;
      s += pool[Math.floor(next() * pool.length)];
    }
    out.push(s);
  }
  return out;
}

describe('plainSegments', () => {
  it('gives the segmenter’s segments on written paragraphs', () => {
    for (const p of WRITTEN) {
      const segments = plainSegments(p);
      expect(segments, p).not.toBeNull();
      expect(segments, p).toEqual(icu(p));
    }
  });

  it('gives the segmenter’s segments on random strings of its alphabet', () => {
    const strings = randomStrings(20000, 16);
    for (const s of strings) expect(plainSegments(s), JSON.stringify(s)).toEqual(icu(s));
  });

  it('leaves a paragraph with any other character to the segmenter', () => {
    for (const p of ['It ended… Then more.', '北朝鮮は発射した。', 'Line\rbreak.', 'Emoji 🚀 here.', 'Aª. b']) expect(plainSegments(p), p).toBeNull();
  });

  it('splits a text mixing plain paragraphs and others as before', () => {
    const text = 'The launch came at 7 a.m. Officials said so.\n\nIt flew… far. Then it fell.\n\n“Quoted.” He said. 2. Both fell.';
    const spans = splitSentences(text, 'en');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'The launch came at 7 a.m.',
      'Officials said so.',
      'It flew… far.',
      'Then it fell.',
      '“Quoted.”',
      'He said.',
      '2. Both fell.',
    ]);
  });
});
