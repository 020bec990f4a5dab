// The Latin-1 automaton of a table gate (src/knowledge/anchor-automaton.ts) must tell the gate the same as the gate's
// regex (anchorRegex(anchors, 'iu')) on every text: compared on anchors and texts made up here (case-folding
// partners, folded quotes and hyphens, whitespace runs, word-boundary marks, anchors no Latin-1 text holds) and on
// the anchors of the designation, site, class, sea and EEZ tables, which share the gate made with it, over texts
// made of pieces of those anchors and seeded random letters.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { latinAutomaton, mayFindLatin } from '../../src/knowledge/anchor-automaton.js';
import { anchorRegex } from '../../src/knowledge/anchor-regex.js';
import { ruleSets } from '../../src/knowledge/index.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { gateOf, type SplitGate, splitGateHolds, tableAnchors } from '../../src/knowledge/table-gate.js';

const ANCHORS = [
  'hwasong', `${WORD_BOUNDARY}kn-23`, 'sea of japan', "korea's", 'k-pop', 'ſtrait', '\u212Aelvin', 'µs', 'straße', 'ÿes',
  'café', 'east  sea', ' west', 'tail ', '노동', '東海', 'x-1', 'dongc', '"q"',
];

const PIECES = [
  'hwa', 'song', 'HWASONG', 'Hwasong', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', 'kn', 'KN', '-', '\u2010', '\u2011', '23', '2', '3', 'sea', ' of',
  'japan', 'JAPAN', 'korea', "'s", '\u2019s', 's', 'S', 'k', 'K', '\u212A', 'pop', 'ſ', 'trait', 'STRAIT', 'elvin', 'µ', 'Μ', 'μ', 'straße',
  'STRASSE', 'ẞ', 'ÿ', 'Ÿ', 'es', 'caf', 'é', 'É', 'e', 'east', 'west', 'tail', '노동', '東海', 'x', 'X', '1', 'dong', 'c', '"', '\u201c', 'q',
  'the missile flew', '.', ',', 'a', 'z',
];

function randomTexts(pieces: readonly string[], count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    for (let i = Math.floor(next() * 10); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
    out.push(text);
  }
  return out;
}

/** The gate as it was: its regex alone. */
const plainOf = (gate: SplitGate): SplitGate => ({ anchors: gate.anchors, latin: null, exact: gate.exact });

/** Compares the gate with its automaton and the plain one on `texts`; the number of texts they let through. */
function compare(gate: SplitGate, texts: readonly string[]): number {
  const plain = plainOf(gate);
  let passed = 0;
  for (const text of texts) {
    const expected = splitGateHolds(plain, text);
    if (expected) passed++;
    expect(splitGateHolds(gate, text), JSON.stringify(text)).toBe(expected);
  }
  return passed;
}

describe('Latin-1 anchor automaton', () => {
  it('answers as the regex on texts written here and on seeded random ones', () => {
    const gate = gateOf(ANCHORS, [], true)!;
    expect(gate.latin).not.toBeNull();
    const written = [
      'North Korea fired a Hwasong missile into the Sea\u00a0of  Japan.',
      'The KN\u201023 flew east.',
      'The KN-23 flew east.',
      'Nothing here at all.',
      'A \u212Aelvin reading.',
      'A kelvin reading.',
      'STRASSE and straße',
      'the east \t sea and the east sea',
      'ÿes',
      '',
    ];
    const texts = [...written, ...randomTexts(PIECES, 20000, 5)];
    const passed = compare(gate, texts);
    // Worth something only when both answers turn up often.
    expect(passed).toBeGreaterThan(2000);
    expect(passed).toBeLessThan(texts.length - 2000);
  });

  it('is exact without an anchor of two whitespace characters in a row, and asks the regex again with one', () => {
    expect(latinAutomaton(['hwasong', 'sea of japan'])!.exact).toBe(true);
    const loose = latinAutomaton(['east  sea', 'hwasong'])!;
    expect(loose.exact).toBe(false);
    // "east sea" (one space) holds no anchor, though the automaton reads one run of whitespace either way.
    expect(mayFindLatin(loose, 'the east sea')).toBe(true);
    expect(anchorRegex(['east  sea', 'hwasong'], 'iu')!.test('the east sea')).toBe(false);
    expect(splitGateHolds(gateOf(['east  sea', 'hwasong'], [], true)!, 'the east sea')).toBe(false);
  });

  it('reads case as the regex does, and leaves to the regex a text with a character it cannot read', () => {
    const a = latinAutomaton(['\u212Aelvin', 'ſtrait', 'µs', '노동', "korea's", 'kn-23'])!;
    expect(mayFindLatin(a, 'KELVIN')).toBe(true);
    expect(mayFindLatin(a, 'the STRAIT')).toBe(true);
    expect(mayFindLatin(a, 'µS')).toBe(true);
    expect(mayFindLatin(a, 'a strain')).toBe(false);
    // Beyond Latin-1: read by the sources that accept it (case partners, folded quotes and hyphens, whitespace).
    expect(mayFindLatin(a, 'the \u2019 \u212Aelvin')).toBe(true);
    expect(mayFindLatin(a, 'the \u017Ftrait')).toBe(true);
    expect(mayFindLatin(a, 'Korea\u2019s launch')).toBe(true);
    expect(mayFindLatin(a, 'a KN\u201023')).toBe(true);
    expect(mayFindLatin(a, '\u201cA strain\u201d \u2014 no.')).toBe(false);
    expect(mayFindLatin(a, 'μs')).toBe(true);
    // A character of an anchor left out (노동 holds no Latin-1 character), and half of a surrogate pair.
    expect(mayFindLatin(a, '노동')).toBeNull();
    expect(mayFindLatin(a, 'a strain \ud83d\ude80')).toBeNull();
    // Hangul of no anchor: read as a character no source accepts.
    expect(mayFindLatin(a, '북한 strait')).toBe(true);
    // No anchor a Latin-1 text can hold: no automaton.
    expect(latinAutomaton(['노동', '東海'])).toBeNull();
  });

  it('answers as the regex for the anchors of the designation, site, class, sea and EEZ tables', () => {
    const sets = ruleSets();
    const anchors: string[] = [];
    for (const rules of [sets.sites, sets.missiles, sets.classes, sets.seas, sets.eez]) {
      const own = tableAnchors(rules.filter((r) => r.exact === null).map((r) => r.source));
      expect(own).not.toBeNull();
      anchors.push(...own!);
    }
    const gate = gateOf(anchors, [], true)!;
    expect(gate.latin).not.toBeNull();
    // Pieces of the anchors themselves (cut anywhere, in other cases, with other whitespace), with common words.
    const next = rng(17);
    const pieces: string[] = [' ', '  ', '\n', 'the ', 'fired ', 'a ', 'missile ', 'into ', 'sea ', 'east ', 'waters ', '-', ', ', 'e', 's'];
    // Characters beyond Latin-1 that English news holds: curly quotes, dashes, a wide space, a Kelvin sign.
    pieces.push('\u2019', '\u2018', '\u201c', '\u201d', '\u2010', '\u2013', '\u2014', '\u2003', '\u212A', '\u017F', '북한');
    for (let i = 0; i < 3000; i++) {
      const a = anchors[Math.floor(next() * anchors.length)].replaceAll(WORD_BOUNDARY, '');
      const from = Math.floor(next() * a.length);
      const to = from + 1 + Math.floor(next() * (a.length - from));
      let piece = next() < 0.5 ? a : a.slice(from, to);
      if (next() < 0.3) piece = piece.toUpperCase();
      if (next() < 0.2) piece = piece.replace(/ /g, '\u00a0 ');
      if (next() < 0.2) piece = piece.replace(/'/g, '\u2019').replace(/-/g, '\u2011');
      pieces.push(piece);
    }
    const texts = randomTexts(pieces, 20000, 23);
    const passed = compare(gate, texts);
    expect(passed).toBeGreaterThan(2000);
    expect(passed).toBeLessThan(texts.length - 2000);
  });
});
