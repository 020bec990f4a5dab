// splitSentences reads a whole text with one pass of the segmenter (src/clean/sentences.ts paragraphSegments);
// the spans must be those of reading each paragraph alone, as it did before. Texts written here.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/clean/index.js';
import type { Language, Span } from '../../src/types.js';

/** The spans of reading each paragraph (a run without "\n") on its own, offset into the text. */
function paragraphByParagraph(text: string, language: Language): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const at = m.index ?? 0;
    for (const s of splitSentences(m[0], language)) out.push({ start: at + s.start, end: at + s.end });
  }
  return out;
}

const TEXTS: [Language, string][] = [
  ['en', 'SEOUL, March 3 - The test came at 7 a.m.\n\nOfficials said it flew 300 km. It fell at sea.\n\nMr.\n\nGen. Park said "It was a drill."\nThe U.S.\n\nThe end'],
  ['en', '\n\n  \nA first line without an end\n\nthe next one in lower case. 1.\n\n2. A list item.\r\nA line after a carriage return. (See below.)\n'],
  ['en', 'Launch (AP) -- two rockets. 2. Both fell.\n\n\n\n“Quoted.” He said.\n\n…and so on… Then more.\t\n\nLast one?'],
  ['ko', '북한이 오늘 탄도미사일을 발사했다. 합참은 이렇게 밝혔다.\n\n"도발을 멈춰야 한다."라고 말했다.\n\n(서울=연합뉴스) 기자 = 미사일은 동해상으로 날아갔다.'],
  ['ja', '北朝鮮は弾道ミサイルを発射した。防衛省が発表した。\n\n「ミサイルは日本海に落下した。」と述べた。\n\n（共同）政府は抗議した。「'],
];

describe('whole-text segmentation', () => {
  for (const [language, text] of TEXTS) {
    it(`gives the spans of paragraph-by-paragraph reading (${language}: ${JSON.stringify(text.slice(0, 24))}…)`, () => {
      const spans = splitSentences(text, language);
      expect(spans.length).toBeGreaterThan(2);
      expect(spans).toEqual(paragraphByParagraph(text, language));
    });
  }

  it('never lets a sentence cross a line break', () => {
    const text = 'One sentence goes on\nacross a line. Another\n\nand another.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).not.toContain('\n');
  });
});
