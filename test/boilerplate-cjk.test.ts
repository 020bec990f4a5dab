// The Korean and Japanese page-furniture rows (data/locales/{ko,ja}/boilerplate.json): every row compiles,
// is anchored to whole lines and matches the furniture lines written below; no row matches a real sentence.
// The lines are written for this test (outlets, names and addresses are made up).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Row {
  name: string;
  pattern: string;
  flags: string;
  reason: string;
  startsLinkList?: boolean;
}

const load = (lang: string): { row: Row; re: RegExp }[] =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'locales', lang, 'boilerplate.json'), 'utf8')) as { lines: Row[] }).lines.map(
    (row) => ({ row, re: new RegExp(row.pattern, row.flags) }),
  );

/** The rows that match a line, by name. */
const matching = (rows: { row: Row; re: RegExp }[], line: string): Row[] => rows.filter((r) => r.re.test(line)).map((r) => r.row);

// [line, reason the line is dropped for]
const KO_FURNITURE: [string, string][] = [
  ['입력 2031-03-14 08:05', 'timestamp'],
  ['입력 2031.03.14. 오전 8:05 수정 2031.03.14. 오전 9:12', 'timestamp'],
  ['• 입력 2031.03.14 08:05', 'timestamp'],
  ['입력 : 2031-03-14 08:05/수정 : 2031-03-14 10:20', 'timestamp'],
  ['송고시간 2031-03-14 08:05', 'timestamp'],
  ['기사입력 2031년 3월 14일 08:05', 'timestamp'],
  ['• 승인 2031.03.14 16:59', 'timestamp'],
  ['2031.03.14 06:37 입력 2031.03.14 19:38 수정', 'timestamp'],
  ['2031-03-14 08:05', 'timestamp'],
  ['박가람 기자', 'byline'],
  ['• 박가람 기자', 'byline'],
  ['박가람 기자 garam@news.example.kr', 'byline'],
  ['[한빛뉴스] 박가람 기자(garam@news.example.kr)', 'byline'],
  ['최솔 특파원', 'byline'],
  ['garam@news.example.kr', 'byline'],
  ['<저작권자(c) 한빛뉴스, 무단 전재-재배포 금지>', 'copyright'],
  ['저작권자 © 한빛일보 무단전재 및 재배포 금지', 'copyright'],
  ['무단전재 및 재배포 금지', 'copyright'],
  ['재배포 금지', 'copyright'],
  ['[저작권자(c) 한빛방송 무단전재, 재배포 및 AI 데이터 활용 금지]', 'copyright'],
  ['Copyright ⓒ 한빛신문 All rights reserved.', 'copyright'],
  ['ⓒ 한빛일보', 'copyright'],
  ['관련기사', 'related'],
  ['관련 뉴스', 'related'],
  ['많이 본 뉴스', 'related'],
  ['꼭 봐야할 주요뉴스', 'related'],
  ['연합뉴스 자료사진', 'photo-credit'],
  ['[사진=한빛뉴스]', 'photo-credit'],
  ['북한이 공개한 발사 장면. [사진=한빛뉴스]', 'photo-credit'],
  ['훈련 중인 함정들. (자료 사진=해군 제공)', 'photo-credit'],
  ['발사대에 실린 미사일. 사진=한빛뉴스', 'photo-credit'],
  ['북한 매체가 공개한 발사 장면. ⓒ한빛뉴스', 'photo-credit'],
  ['▲북한이 공개한 신형 미사일(한빛뉴스)', 'photo-caption'],
  ['/한빛뉴스', 'photo-credit'],
  ['한빛일보 그래픽', 'photo-credit'],
  ['본문영역', 'page-furniture'],
  ['이 기사를 공유합니다', 'share'],
  ['• 댓글 0', 'share'],
  ['※ \'당신의 제보가 뉴스가 됩니다\'', 'promo'],
  ['[카카오톡] 한빛방송 검색해 채널 추가', 'promo'],
  ['[메일] tips@news.example.kr', 'promo'],
  ['[앵커]', 'broadcast-marker'],
];

const KO_SENTENCES = [
  '북한이 14일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.',
  '(서울=한빛뉴스) 박가람 기자 = 북한이 14일 오전 동해상으로 탄도미사일을 쐈다.',
  '합참은 "미사일은 약 350km를 비행했다"고 설명했다.',
  '합참 관계자는 관련 동향을 추적 감시하고 있다고 말했다.',
  '기자들에게 보낸 문자에서 합참은 추가 발사에 대비하고 있다고 밝혔다.',
  '정부는 무단 전재를 막는 법안을 검토 중이다.',
  '北, 동해상으로 탄도미사일 발사…합참 "경계 강화"',
  '2031년 3월 14일 북한은 신형 미사일 시험발사에 성공했다고 주장했다.',
  '사진 속 미사일은 화성-18형으로 보인다고 전문가들은 분석했다.',
];

const JA_FURNITURE: [string, string][] = [
  ['2031年3月14日 8時40分', 'timestamp'],
  ['3月14日 8時40分', 'timestamp'],
  ['最終更新日:2031年3月14日 19:03', 'timestamp'],
  ['2031年03月14日(金) 10時36分 更新', 'timestamp'],
  ['2031年03月14日18時32分', 'timestamp'],
  ['2031/03/14 15:26', 'timestamp'],
  ['許可なく転載することを禁じます。', 'copyright'],
  ['記事・写真の無断転載を禁じます', 'copyright'],
  ['無断転載禁止', 'copyright'],
  ['ⓒ 東西日報/東西日報日本語版 2031.03.14 10:00', 'copyright'],
  ['関連記事', 'related'],
  ['関連ニュース', 'related'],
  ['こちらも読まれています', 'related'],
  ['【速報】北朝鮮が弾道ミサイル発射】の続きを読む', 'link-list'],
  ['写真拡大 (全2枚)', 'photo-credit'],
  ['【写真】 北朝鮮・平壌と日本の排他的経済水域', 'photo-caption'],
  ['写真：ロイター', 'photo-credit'],
  ['発射された新型ミサイル（写真＝共同）', 'photo-credit'],
  ['軍事パレードに登場したミサイル=8日、平壌(朝鮮中央テレビ=東西通信)', 'photo-caption'],
  ['避難訓練で身を守る姿勢を取る住民=11月10日、上越市', 'photo-caption'],
  ['＜動画＞', 'broadcast-marker'],
  ['＜中継＞', 'broadcast-marker'],
  ['コメントを書く', 'share'],
  ['メモ入力', 'share'],
  ['残り249文字(全文:479文字)', 'paywall'],
  ['[東西ニュース] https://news.example.jp/a/1', 'link-list'],
];

const JA_SENTENCES = [
  '防衛省によりますと、北朝鮮は14日午前7時20分ごろ、弾道ミサイル2発を発射しました。',
  '【ソウル共同】韓国軍合同参謀本部は14日、北朝鮮が短距離弾道ミサイル数発を日本海に向けて発射したと明らかにした。',
  '【ワシントン時事】米国防総省は発射を非難した。',
  '防衛大臣は「断じて容認できない」と述べました。',
  '海上保安庁は、落下物を発見した場合は近づかずに通報するよう呼びかけています。',
  '北朝鮮は3月14日にも弾道ミサイルを発射している。',
  '関連する情報の収集と分析を急いでいます。',
  '写真は北朝鮮メディアが公開したもので、新型とみられます。',
  '北朝鮮 弾道ミサイル発射 ＥＥＺ外に落下か 防衛省',
];

describe.each([
  ['ko', KO_FURNITURE, KO_SENTENCES],
  ['ja', JA_FURNITURE, JA_SENTENCES],
] as const)('%s boilerplate rows', (lang, furniture, sentences) => {
  const rows = load(lang);

  it('are whole-line patterns with a name, flags and a reason', () => {
    for (const { row } of rows) {
      expect(row.name).not.toBe('');
      expect(row.pattern.startsWith('^') && row.pattern.endsWith('$'), row.name).toBe(true);
      expect(row.flags).toContain('u');
      expect(row.reason).toMatch(/^[a-z-]+$/);
    }
  });

  it.each(furniture)('drops %j as %s', (line, reason) => {
    const hits = matching(rows, line);
    expect(hits.map((r) => r.reason)).toContain(reason);
  });

  it.each(sentences)('keeps %j', (line) => {
    expect(matching(rows, line).map((r) => r.name)).toEqual([]);
  });

  it('has no row that none of the furniture lines exercises', () => {
    const unused = rows.filter(({ re }) => !furniture.some(([line]) => re.test(line))).map(({ row }) => row.name);
    expect(unused).toEqual([]);
  });

  it('marks the related-links headings as starting a link list', () => {
    expect(rows.filter(({ row }) => row.startsLinkList).map(({ row }) => row.reason)).toEqual(['related']);
  });
});
