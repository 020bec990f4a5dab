// Korean and Japanese sentence splitting (Intl.Segmenter with the article's locale, two repairs), and the
// language passed through clean. Every sentence is written for this test.
import { describe, expect, it } from 'vitest';
import { cleanDocument, splitSentences } from '../src/clean/index.js';
import { documentFromText } from '../src/ingest/index.js';
import type { Language } from '../src/types.js';

const sentences = (text: string, language: Language): string[] => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('Korean sentences', () => {
  it('splits after 다. endings, with or without a space', () => {
    const text = '북한이 오늘 오전 동해상으로 탄도미사일 1발을 쐈다. 합참은 미사일이 약 600km를 날아갔다고 밝혔다.군은 경계를 강화했다.';
    expect(sentences(text, 'ko')).toEqual([
      '북한이 오늘 오전 동해상으로 탄도미사일 1발을 쐈다.',
      '합참은 미사일이 약 600km를 날아갔다고 밝혔다.',
      '군은 경계를 강화했다.',
    ]);
  });

  it('keeps decimals, a headline ellipsis and a quote without a full stop inside one sentence', () => {
    const text = '北 미사일 발사…합참 "추가 발사 대비" 미사일은 고도 1.5km 안팎으로 낮게 날았다고 군은 "정밀 분석 중"이라고 전했다.';
    expect(sentences(text, 'ko')).toEqual([text]);
  });

  it('joins a quote that ends in a full stop to its quotative ending', () => {
    const text = '합참 관계자는 "추가 도발에 철저히 대비하고 있다."라고 말했다. 정부는 회의를 열었다.';
    expect(sentences(text, 'ko')).toEqual(['합참 관계자는 "추가 도발에 철저히 대비하고 있다."라고 말했다.', '정부는 회의를 열었다.']);
  });

  it('splits after a quoted sentence followed by a new one', () => {
    const text = '국방부는 "도발을 즉각 중단하라." 이어 추가 조치를 예고했다.';
    expect(sentences(text, 'ko')).toEqual(['국방부는 "도발을 즉각 중단하라."', '이어 추가 조치를 예고했다.']);
  });
});

describe('Japanese sentences', () => {
  it('splits at 。, ？ and ！ with no space after them', () => {
    const text = '北朝鮮は午前7時ごろ弾道ミサイルを発射しました。ミサイルは日本海に落下したとみられます。被害はあるのか？確認中です！';
    expect(sentences(text, 'ja')).toEqual([
      '北朝鮮は午前7時ごろ弾道ミサイルを発射しました。',
      'ミサイルは日本海に落下したとみられます。',
      '被害はあるのか？',
      '確認中です！',
    ]);
  });

  it('keeps 「…。」と述べました as one sentence', () => {
    const text = '防衛大臣は「断じて容認できない。」と述べました。政府は抗議しました。';
    expect(sentences(text, 'ja')).toEqual(['防衛大臣は「断じて容認できない。」と述べました。', '政府は抗議しました。']);
  });

  it('moves an opening bracket that follows 。 to the sentence it opens', () => {
    const text = '政府は抗議しました。「発射は地域の安全を脅かす。」防衛省は警戒を続けています。';
    expect(sentences(text, 'ja')).toEqual(['政府は抗議しました。', '「発射は地域の安全を脅かす。」', '防衛省は警戒を続けています。']);
  });

  it('keeps a 【ソウル共同】 dateline with its sentence', () => {
    const text = '【ソウル共同】韓国軍合同参謀本部によると、北朝鮮は15日、短距離弾道ミサイル数発を発射した。';
    expect(sentences(text, 'ja')).toEqual([text]);
  });
});

describe('language through clean', () => {
  it('splits a Japanese article by its own rules and keeps its language', () => {
    const article = cleanDocument(documentFromText('北朝鮮が弾道ミサイル発射\n\n防衛省によりますと、北朝鮮は弾道ミサイルを発射しました。日本のEEZの外側に落下したとみられます。', 'ja.txt'));
    expect(article.language).toBe('ja');
    expect(article.title).toBe('北朝鮮が弾道ミサイル発射');
    expect(article.sentences.map((s) => article.text.slice(s.start, s.end))).toEqual([
      '防衛省によりますと、北朝鮮は弾道ミサイルを発射しました。',
      '日本のEEZの外側に落下したとみられます。',
    ]);
  });

  it('leaves English on its own rules', () => {
    const text = 'The missile flew 600 km. It fell at 7 a.m. Seoul time, officials said.';
    expect(sentences(text, 'en')).toEqual(['The missile flew 600 km.', 'It fell at 7 a.m. Seoul time, officials said.']);
    expect(splitSentences(text)).toEqual(splitSentences(text, 'en'));
  });
});

describe('link lists in Japanese text', () => {
  it('ends a link list at the first line that ends like a Japanese sentence', () => {
    const text = [
      '防衛省によりますと、北朝鮮は弾道ミサイルを発射しました。',
      'Related articles',
      '北朝鮮 先月も巡航ミサイル発射',
      '政府は情報の収集と分析を急いでいます。',
    ].join('\n');
    const article = cleanDocument({ ...documentFromText(text, 'ja.txt'), title: null });
    expect(article.removed).toContainEqual({ text: '北朝鮮 先月も巡航ミサイル発射', reason: 'link-list' });
    expect(article.text).toContain('政府は情報の収集と分析を急いでいます。');
  });
});
