import { describe, expect, it } from 'vitest';
import { hasTopLevelAlternation, phrases } from '../../src/extract/phrases.js';
import { LOCALES } from '../../src/knowledge/index.js';
import { readDataJson } from '../../src/paths.js';

// The caption patterns apart (phrases captionStart and captionAnywhere) must tell captions exactly as the one
// alternation of them all does. The sentences below are made up.

/** The one alternation of a locale's caption patterns, as the phrase tables list them. */
const wholeCaption = (locale: string): RegExp =>
  new RegExp(readDataJson<{ captionPatterns: string[] }>(`locales/${locale}/phrases.json`).captionPatterns.map((x) => `(?:${x})`).join('|'), 'i');

const SENTENCES = [
  'File photo: a missile is launched from a mobile launcher.',
  '(Photo) Soldiers watch a test.',
  'In this undated photo released by the state agency, a rocket lifts off.',
  'This file image shows the launch pad.',
  'A TV screen shows a news programme about the launch.',
  'People watch a TV screen showing the launch at a station in the capital.',
  'A man watches the news.',
  '(AP) The missile flew 600 km.',
  'The rocket is seen lifting off in an undated handout photo made available on Friday.',
  'Photos released by the agency show the launcher.',
  'The launch pad (AP Photo/Someone) is empty.',
  'Soldiers salute (Yonhap/AFP) after the test.',
  'The missile, seen in a file photo, is fired from a truck.',
  'Photo credit: the agency.',
  'A rocket is launched from the pad.',
  'The missile flies over the sea.',
  'North Korea fired a ballistic missile on Friday, officials said.',
  'The council approved the budget on Tuesday.',
  '',
  '[사진] 발사 장면.',
  '북한이 미사일을 발사했다.',
  '사진=연합뉴스',
  '자료사진으로 보는 발사.',
  '写真は発射の様子。',
  '【写真】発射台。',
  '北朝鮮がミサイルを発射した=10日、平壌（共同）',
];

describe('caption patterns apart', () => {
  it('a sentence is a caption by captionStart or captionAnywhere exactly when by caption, in every locale', () => {
    for (const locale of LOCALES) {
      const p = phrases(locale);
      const caption = wholeCaption(locale);
      for (const s of SENTENCES) expect([locale, s, p.captionStart.test(s) || p.captionAnywhere.test(s)]).toEqual([locale, s, caption.test(s)]);
    }
  });

  it('some English sentences are captions and some are not (the check above is not vacuous)', () => {
    const p = phrases('en');
    const caption = wholeCaption('en');
    const told = SENTENCES.map((s) => caption.test(s));
    expect(told.filter(Boolean).length).toBeGreaterThan(5);
    expect(told.filter((x) => !x).length).toBeGreaterThan(3);
    expect(p.captionStart.test('File photo: a launch.')).toBe(true);
    expect(p.captionStart.test('A launch. File photo')).toBe(false);
  });

  it('hasTopLevelAlternation sees an alternation outside groups and classes only', () => {
    expect(hasTopLevelAlternation('^a|b')).toBe(true);
    expect(hasTopLevelAlternation('^(?:a|b)c')).toBe(false);
    expect(hasTopLevelAlternation('^[|]x')).toBe(false);
    expect(hasTopLevelAlternation('^a\\|b')).toBe(false);
    expect(hasTopLevelAlternation('^[^)]*(a)|b')).toBe(true);
    expect(hasTopLevelAlternation('^[\\]|]x')).toBe(false);
    expect(hasTopLevelAlternation('(?<!a|b)c')).toBe(false);
  });
});
