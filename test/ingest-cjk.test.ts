// Legacy Korean and Japanese pages: EUC-KR/CP949, Shift_JIS and EUC-JP bytes decode (declared or detected),
// and the HTML extractor finds title, date, body and language on them. The fixture pages are written for
// this test (test/fixtures/html/cjk/source, encoded by encode.mjs there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/ingest/bytes.js';
import { ingestPaths } from '../src/ingest/index.js';
import type { SourceDocument } from '../src/types.js';
import { PAGES } from './fixtures/html/cjk/encode.mjs';

const DIR = join(import.meta.dirname, 'fixtures/html/cjk');
const source = (name: string): string => readFileSync(join(DIR, 'source', name), 'utf8');
const withoutDeclaration = (html: string): string => html.replace(/^\s*<meta (?:charset|http-equiv="Content-Type")[^>]*>\n/m, '');

async function ingestOne(file: string): Promise<SourceDocument> {
  for await (const item of ingestPaths([join(DIR, file)])) {
    if (!item.ok) throw new Error(item.failure.reason);
    return item.doc;
  }
  throw new Error(`nothing ingested from ${file}`);
}

describe('legacy CJK charsets', () => {
  it.each(PAGES)('decodes $out to the source page ($charset, declared: $declared)', ({ source: name, out, declared }) => {
    const bytes = readFileSync(join(DIR, out));
    const expected = declared ? source(name) : withoutDeclaration(source(name));
    expect(decodeBytes(bytes, { html: true })).toBe(expected);
  });

  it('decodes a CP949-only syllable that jschardet\'s EUC-KR prober refuses, with no declaration', () => {
    const text = '합참은 이날 오전 북한이 동해상으로 미사일 한 발을 쐈다고 밝혔다. 취재 김햏미 기자.';
    expect(decodeBytes(iconv.encode(text, 'cp949'), { html: false })).toBe(text);
  });

  it.each([
    ['ks_c_5601-1987', 'euc-kr', '북한이 미사일을 발사했다고 합동참모본부가 밝혔다.'],
    ['x-euc-jp', 'euc-jp', '北朝鮮が弾道ミサイルを発射したと防衛省が発表しました。'],
    ['windows-31j', 'shift_jis', '防衛省によりますと、ミサイルは①日本海に落下しました。'],
    ['x-sjis', 'shift_jis', '海上保安庁は船舶に注意を呼びかけています。'],
  ])('reads the declared label %s as %s', (label, charset, sentence) => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${label}"></head><body><p>${sentence}</p></body></html>`;
    expect(decodeBytes(iconv.encode(html, charset), { html: true })).toBe(html);
  });

  it('still reads an undeclared Western page as a single-byte charset', () => {
    const text = 'Le missile a survolé la mer du Japon, a précisé le ministère. Deux tirs ont été détectés à l\'aube.';
    expect(decodeBytes(iconv.encode(text, 'windows-1252'), { html: false })).toBe(text);
  });
});

describe('HTML extractor on legacy-encoded Korean and Japanese pages', () => {
  it.each(['yonhap-ko.euc-kr.html', 'yonhap-ko.cp949-undeclared.html'])('finds title, date, body and language on %s', async (file) => {
    const doc = await ingestOne(file);
    expect(doc.title).toBe('北, 동해상으로 단거리 탄도미사일 2발 발사…합참 "경계 강화"');
    expect(doc.published).toEqual({ date: '2031-03-14', instant: '2031-03-14T08:05:00+09:00', via: 'meta' });
    expect(doc.language).toBe('ko');
    expect(doc.text).toContain('북한이 14일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.');
    expect(doc.text).toContain('"미사일은 고도 약 50km로 350km가량 날아갔다"고 설명했다.');
    expect(doc.text).toContain('북한의 탄도미사일 발사는 올해 들어 세 번째다.');
    // Navigation, the related-articles box and the site footer are left out.
    expect(doc.text).not.toContain('스포츠');
    expect(doc.text).not.toContain('관련 기사');
    expect(doc.text).not.toContain('서해상으로 순항미사일');
    expect(doc.text).not.toContain('개인정보처리방침');
  });

  it.each(['nhk-ja.shift_jis.html', 'nhk-ja.euc-jp-undeclared.html'])('finds title, date, body and language on %s', async (file) => {
    const doc = await ingestOne(file);
    expect(doc.title).toBe('北朝鮮 弾道ミサイル発射 ＥＥＺ外に落下か 防衛省');
    expect(doc.published).toEqual({ date: '2031-03-14', instant: null, via: 'time-element' });
    expect(doc.language).toBe('ja');
    // The summary box above the body is part of the article.
    expect(doc.text).toContain('北朝鮮は14日午前7時20分ごろ、西岸付近から弾道ミサイル2発を東の方向に向けて発射しました。');
    expect(doc.text).toContain('ミサイルは最高高度およそ５０キロで、およそ３５０キロ飛行したとみられます。');
    expect(doc.text).toContain('落下物を発見した場合は近づかずに通報するよう呼びかけています。');
    expect(doc.text).not.toContain('気象');
    expect(doc.text).not.toContain('関連ニュース');
    expect(doc.text).not.toContain('巡航ミサイル数発');
    expect(doc.text).not.toContain('許可なく転載');
  });
});
