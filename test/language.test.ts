// Language per article: script counts decide between English, Korean and Japanese; a declared tag only
// decides when the text is too short to count. Every sentence below is written for this test.
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.js';
import { documentFromRecord, documentFromText } from '../src/ingest/index.js';
import { documentFromHtml } from '../src/ingest/html.js';
import { detectLanguage, languageFromTag } from '../src/ingest/language.js';

const KO = '북한이 오늘 아침 동해상으로 단거리 탄도미사일 두 발을 쐈다고 합동참모본부가 밝혔다. 군은 추가 발사에 대비해 감시를 강화했다.';
const KO_WITH_LATIN = '합참은 북한이 ICBM급 KN-25 미사일을 EEZ 밖으로 약 800km 날려 보냈다고 전했다.';
const JA = '防衛省によりますと、北朝鮮は午前7時ごろ、弾道ミサイル1発を東の方向に向けて発射しました。';
const JA_KANJI_HEAVY = '北朝鮮西岸付近から弾道ミサイル発射、日本海上空通過後落下と防衛省発表。';
const EN = 'North Korea fired two short-range ballistic missiles toward the sea on Tuesday, the military said.';

describe('detectLanguage', () => {
  it('reads Hangul text as Korean, Latin acronyms and numbers included', () => {
    expect(detectLanguage(KO)).toBe('ko');
    expect(detectLanguage(KO_WITH_LATIN)).toBe('ko');
  });

  it('reads kana and kanji as Japanese, also when kanji dominate', () => {
    expect(detectLanguage(JA)).toBe('ja');
    expect(detectLanguage(JA_KANJI_HEAVY)).toBe('ja');
  });

  it('reads a Korean headline that abbreviates the North with a kanji as Korean', () => {
    expect(detectLanguage('北, 동해상으로 탄도미사일 발사…합참 "추가 발사 가능성 대비"')).toBe('ko');
  });

  it('reads a Korean report as Korean when a wire photo brings a long English caption', () => {
    const caption =
      'This undated picture released by a state news agency shows a missile lifting off from a launcher at an undisclosed location during a test overseen by the leader. (Photo by STR / AFP via Getty Images)';
    expect(detectLanguage(`${caption}\n${caption}\n${KO}\n${KO_WITH_LATIN}`)).toBe('ko');
  });

  it('reads English as English, also when it quotes a Korean or Japanese name', () => {
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage(`${EN} State media called the missile the 화성-18 (火星18), a solid-fuel design.`)).toBe('en');
  });

  it('lets the script overrule a declared language that says otherwise', () => {
    expect(detectLanguage(KO, 'en')).toBe('ko');
    expect(detectLanguage(JA, 'ko-KR')).toBe('ja');
    expect(detectLanguage(EN, 'ja')).toBe('en');
  });

  it('takes the declared language when the text is too short to count, else English', () => {
    expect(detectLanguage('ICBM 2발', 'ko-KR')).toBe('ko');
    expect(detectLanguage('速報', 'ja_JP')).toBe('ja');
    expect(detectLanguage('ICBM 2', null)).toBe('en');
    expect(detectLanguage('ICBM 2', 'fr')).toBe('en');
  });

  it('counts Latin letters beyond ASCII, and a character outside the Basic Multilingual Plane once', () => {
    // Nineteen Latin letters are too few to count; twenty are enough, accented ones included.
    expect(detectLanguage('Àéîõü àéîõü àéîõü àéîõ', 'ko')).toBe('ko');
    expect(detectLanguage('Àéîõü àéîõü àéîõü àéîõü', 'ko')).toBe('en');
    // A kanji of the supplementary planes (U+20B9F) is one Japanese letter, not two: 4 + 15 letters are too few.
    expect(detectLanguage('\u{20B9F}'.repeat(4) + 'ミサイル発射を確認したと発表し', 'ko')).toBe('ko');
    expect(detectLanguage('\u{20B9F}'.repeat(5) + 'ミサイル発射を確認したと発表し', 'ko')).toBe('ja');
    expect(detectLanguage('North Korea fired a missile \u{20B9F} on Tuesday morning, officials said.', 'ja')).toBe('en');
  });
});

describe('languageFromTag', () => {
  it('keeps the primary subtag of the languages Salvo reads', () => {
    expect(languageFromTag('ko-KR')).toBe('ko');
    expect(languageFromTag(' JA ')).toBe('ja');
    expect(languageFromTag('en_GB')).toBe('en');
    expect(languageFromTag('zh-CN')).toBeNull();
    expect(languageFromTag('')).toBeNull();
  });
});

describe('language on documents and articles', () => {
  it('is set by every ingest path and carried by clean', () => {
    const fromText = documentFromText(`북한, 동해상으로 미사일 발사\n\n${KO}`, 'ko.txt');
    expect(fromText.language).toBe('ko');
    expect(cleanDocument(fromText).language).toBe('ko');
    expect(documentFromRecord({ title: '北朝鮮がミサイル発射', text: JA.repeat(3) }, 'ja.json').language).toBe('ja');
    expect(documentFromRecord({ title: 'Missile launch', text: EN.repeat(3) }, 'en.json').language).toBe('en');
  });

  it('reads a news-please record\'s language field as the hint for a short text', () => {
    expect(documentFromRecord({ maintext: 'ICBM 1', language: 'ja' }, 'np.json').language).toBe('ja');
  });

  it('takes the script over <html lang> on an HTML page', () => {
    const html = `<!doctype html><html lang="en"><head><title>북한 미사일 발사</title></head><body><article><p>${KO}</p><p>${KO_WITH_LATIN}</p><p>${KO}</p></article></body></html>`;
    expect(documentFromHtml(html, 'page.html').language).toBe('ko');
  });
});
