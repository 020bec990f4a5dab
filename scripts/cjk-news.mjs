// Synthetic local news in Korean and Japanese for the search bench (scripts/bench-api.mjs, cjkBenchDatabase in
// scripts/api-database.mjs): sentences of our own made from word lists with a seeded generator, so a run is
// repeatable. Each article is ~1.5 KB; the particles and common words (의, 는, 정부; の, は, 北, 政府) occur in
// most articles, as in real news, and one rare word (a place name) in about one article of a thousand.
import { rng } from './seeded-random.mjs';

const pickOf = (pick, list) => list[Math.floor(pick() * list.length)];

const KO = {
  subjects: ['시 정부는', '교육청은', '주민 대표는', '시의회는', '지역 상인회는', '보건소는', '경찰은', '도서관 측은'],
  topics: ['새 공원 조성 계획', '버스 노선 개편', '학교 급식 예산', '도로 보수 공사', '주차장 확충 사업', '하천 정비 사업', '노인 복지관 신축', '청년 일자리 지원'],
  verbs: ['을 발표했다', '에 대해 설명했다', '을 다시 검토하기로 했다', '에 반대 의견을 냈다', '을 승인했다', '의 일정을 공개했다'],
  places: ['북부 지역', '남쪽 마을', '시내 중심가', '강변 지구', '산업 단지', '역 앞 광장'],
  tails: ['주민들의 의견은 다음 달 공청회에서 모을 예정이다.', '관계자는 예산의 절반을 올해 안에 집행하겠다고 말했다.', '정부의 지원금이 늦어지면서 공사는 두 달 미뤄졌다.', '지역 언론은 이 사업의 비용이 너무 크다고 지적했다.'],
};
const JA = {
  subjects: ['市役所は', '教育委員会は', '住民の代表は', '市議会は', '商店街の組合は', '保健所は', '警察は', '図書館は'],
  topics: ['新しい公園の整備計画', 'バス路線の見直し', '学校給食の予算', '道路の補修工事', '駐車場の拡張事業', '河川の改修事業', '高齢者施設の新設', '若者の就職支援'],
  verbs: ['を発表した', 'について説明した', 'を再検討することにした', 'に反対の意見を出した', 'を承認した', 'の日程を公表した'],
  places: ['北部の地区', '南の町', '市の中心部', '川沿いの地区', '工業団地', '駅前の広場'],
  tails: ['住民の意見は来月の説明会で集める予定だ。', '担当者は予算の半分を年内に使うと話した。', '政府の補助金が遅れ、工事は二か月延びた。', '地元の新聞は、この事業の費用が大きすぎると指摘した。'],
};
/** The rare word, in about one article of RARE_EVERY. */
export const CJK_RARE = { ko: '울릉', ja: '隠岐' };
const RARE_EVERY = 1000;

function paragraph(pick, lang) {
  const w = lang === 'ko' ? KO : JA;
  const n = 2 + Math.floor(pick() * 40);
  return lang === 'ko'
    ? `${pickOf(pick, w.subjects)} ${pickOf(pick, w.places)}의 ${pickOf(pick, w.topics)}${pickOf(pick, w.verbs)}. 사업비는 약 ${n}억 원이다. ${pickOf(pick, w.tails)}`
    : `${pickOf(pick, w.subjects)}${pickOf(pick, w.places)}の${pickOf(pick, w.topics)}${pickOf(pick, w.verbs)}。事業費は約${n}億円だ。${pickOf(pick, w.tails)}`;
}

/** `count` records ({ id, title, text, published, source, url, language }), Korean and Japanese alternating. */
export function* generateCjkNews({ count, seed = 5 }) {
  const pick = rng(seed);
  for (let i = 0; i < count; i++) {
    const lang = i % 2 === 0 ? 'ko' : 'ja';
    const paras = Array.from({ length: 6 }, () => paragraph(pick, lang));
    if (Math.floor(pick() * RARE_EVERY) === 0) paras.push(lang === 'ko' ? `${CJK_RARE.ko}도 주민들도 같은 문제를 겪고 있다.` : `${CJK_RARE.ja}の住民も同じ問題を抱えている。`);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const published = `2031-0${1 + (Math.floor(i / 28) % 9)}-${day}`;
    const source = lang === 'ko' ? 'news.example.kr' : 'news.example.jp';
    const title = paras[0].split(/[.。]/)[0];
    yield { id: `cjk-${i}`, title, text: paras.join('\n\n'), published, source, url: `https://${source}/${published.replaceAll('-', '/')}/${i}`, language: lang };
  }
}
