// pivotAnchorRegex (src/knowledge/anchor-regex.ts) reads each anchor from its least common character and looks back:
// it must find an anchor in exactly the texts anchorRegex(anchors, 'iu') finds one in. Anchors and texts made up here.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { anchorRegex, pivotAnchorRegex } from '../../src/knowledge/anchor-regex.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';

const ANCHORS = [
  'photo', 'ap photo', 'photo taken by', 'this undated file picture', 'image', 'getty images', 'shutterstock', '/', '>', '|',
  '(c)', 'via afp', 'no redistribution', `${WORD_BOUNDARY}kcna`, 'k-pop', '"quoted"', 'sk', '写真：', '자료 사진', 'ⓒ', '🚀x',
  '-', '^', ']', '\\', '"', 'ſ',
];

// Pieces of the anchors, in other cases and with other whitespace, folded characters and case-folding partners.
const PIECES = [
  'pho', 'to', 'PHOTO', 'Photo', ' ', '  ', '\t', '\u00a0', 'ap', 'AP ', 'taken', ' by', 'this', 'undated', 'file', 'pic',
  'ture', 'IMAGE', 'imag', 'e', '^', ']', '[', '\\', 'getty', 'shutter', 'stock', 'ſhutterstoc', 'K', 'k', '/', '>', '|', '(c', ')', '(C)', 'via',
  'afp', 'no', 'redistribution', 'kcna', 'KCNA', 'k-', '\u2010', 'pop', '"', '\u201c', 'quoted', 'S', '写真', '：', ':', '자료',
  '사진', 'ⓒ', 'Ⓒ', '🚀', 'x', 'X', 'the rocket flew', '.',
];

function randomTexts(count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    for (let i = Math.floor(next() * 8); i > 0; i--) text += PIECES[Math.floor(next() * PIECES.length)];
    out.push(text);
  }
  return out;
}

describe('pivotAnchorRegex', () => {
  it('finds an anchor where anchorRegex does, on texts written here and on seeded random ones', () => {
    const pivot = pivotAnchorRegex(ANCHORS);
    const plain = anchorRegex(ANCHORS, 'iu');
    expect(pivot).not.toBeNull();
    expect(plain).not.toBeNull();
    const written = ['In this undated file picture, a rocket stands.', 'Kim/AFP', 'PHOTO\u00a0TAKEN  BY a crew', 'ſhutterstock', 'The rocket flew 300 km.', ''];
    let found = 0;
    const texts = [...written, ...randomTexts(6000, 11)];
    for (const text of texts) {
      const expected = plain!.test(text);
      if (expected) found++;
      expect(pivot!.test(text), JSON.stringify(text)).toBe(expected);
    }
    expect(found).toBeGreaterThan(500);
    expect(found).toBeLessThan(texts.length - 500);
  });

  it('reads an anchor from its least common character and drops one that holds another', () => {
    const re = pivotAnchorRegex(['photo taken by', 'this photo', 'photo', 'shutterstock'])!;
    expect(re.source).toContain('k(?:(?<=shutterstock)');
    expect(re.source).not.toContain('this');
    expect(re.source).not.toContain('taken');
    expect(re.test('A PHOTO of the pad')).toBe(true);
    expect(re.test('A picture of the pad')).toBe(false);
  });

  it('matches nothing for no anchors and gives null for none derived', () => {
    expect(pivotAnchorRegex([])!.test('anything')).toBe(false);
    expect(pivotAnchorRegex(null)).toBeNull();
  });
});
