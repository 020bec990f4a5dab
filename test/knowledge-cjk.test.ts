// Korean and Japanese surface forms in the knowledge tables (data/*.json), checked on the tables themselves rather
// than through the matcher: every form compiles, the key terms of sentences written here belong to the right row,
// one thing keeps one row, and the forms that are often something else are marked weak.
import { describe, expect, it } from 'vitest';
import { readDataJson } from '../src/paths.js';
import { knowledgeProblems, loadKnowledge, type AliasItem, type PatternItem } from '../src/knowledge/index.js';
import { aliasSource } from '../src/knowledge/matcher.js';

type Table = 'sites' | 'missiles' | 'classes' | 'seas' | 'eez' | 'agencies' | 'actors';

interface Form {
  /** The row the form belongs to: site key, missile name, class, landing, EEZ value, agency key or actor. */
  row: string;
  source: string;
  weak: boolean;
}

const patternForms = (row: string, items: PatternItem[], entryWeak = false): Form[] =>
  items.map((p) =>
    typeof p === 'string'
      ? { row, source: p, weak: entryWeak }
      : { row, source: p.pattern, weak: entryWeak || p.weak === true },
  );

function loadForms(): Record<Table, Form[]> {
  const sites = readDataJson<{ sites: { key: string; aliases: AliasItem[] }[] }>('sites.json').sites;
  const missiles = readDataJson<{ missiles: { name: string; patterns: PatternItem[] }[] }>('missiles.json').missiles;
  const classes = readDataJson<{ classes: { class: string; weak?: boolean; patterns: PatternItem[] }[] }>('classes.json').classes;
  const seas = readDataJson<{ seas: { landing: string; patterns: PatternItem[] }[]; eez: { value: string; patterns: PatternItem[] }[] }>('seas.json');
  const agencies = readDataJson<{ agencies: { key: string; patterns: PatternItem[] }[] }>('agencies.json').agencies;
  const actors = readDataJson<{ actors: { actor: string; patterns: PatternItem[] }[] }>('actors.json').actors;
  return {
    sites: sites.flatMap((s) =>
      s.aliases.map((a) => ({
        row: s.key,
        source: aliasSource(typeof a === 'string' ? a : a.text),
        weak: typeof a !== 'string' && a.weak === true,
      })),
    ),
    missiles: missiles.flatMap((m) => patternForms(m.name, m.patterns)),
    classes: classes.flatMap((c) => patternForms(c.class, c.patterns, c.weak === true)),
    seas: seas.seas.flatMap((s) => patternForms(s.landing, s.patterns)),
    eez: seas.eez.flatMap((e) => patternForms(e.value, e.patterns)),
    agencies: agencies.flatMap((a) => patternForms(a.key, a.patterns)),
    actors: actors.flatMap((a) => patternForms(a.actor, a.patterns)),
  };
}

const FORMS = loadForms();
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\uFF01-\uFF5E]/u;
const cjkForms = (table: Table): Form[] => FORMS[table].filter((f) => CJK.test(f.source));

/** The forms of a table that match the whole of `term`, as the matcher compiles them (case-insensitive, Unicode). */
const formsMatchingWhole = (table: Table, term: string): Form[] =>
  FORMS[table].filter((f) => new RegExp(`^(?:${f.source})$`, 'iu').test(term));

/** The rows with a form matching the whole of `term`. */
const rowsOf = (table: Table, term: string): string[] => [...new Set(formsMatchingWhole(table, term).map((f) => f.row))];

/** The longest form that matches at the start of `text` (what a matcher anchored there would pick), or null. */
function longestAtStart(table: Table, text: string): { row: string; surface: string; weak: boolean } | null {
  let best: { row: string; surface: string; weak: boolean } | null = null;
  for (const f of FORMS[table]) {
    const m = new RegExp(`^(?:${f.source})`, 'iu').exec(text);
    if (!m || m[0].length === 0) continue;
    if (!best || m[0].length > best.surface.length || (m[0].length === best.surface.length && best.weak && !f.weak)) {
      best = { row: f.row, surface: m[0], weak: f.weak };
    }
  }
  return best;
}

/** A sentence written for this test and, for each key term in it, the table and row the term belongs to. */
interface Written {
  text: string;
  terms: [term: string, table: Table, row: string][];
}

const KOREAN: Written[] = [
  {
    text: '합참은 북한이 오전 7시 10분쯤 평양 순안 일대에서 동해상으로 대륙간탄도미사일(ICBM) 1발을 발사했다고 밝혔다.',
    terms: [['합참', 'agencies', 'jcs'], ['북한', 'actors', 'DPRK'], ['평양 순안', 'sites', 'sunan'], ['동해상', 'seas', 'sea-of-japan'], ['대륙간탄도미사일', 'classes', 'ICBM']],
  },
  {
    text: '조선중앙통신은 신형 고체연료 대륙간탄도미사일 화성-18형의 시험발사를 진행했다고 보도했다.',
    terms: [['조선중앙통신', 'agencies', 'kcna'], ['화성-18형', 'missiles', 'Hwasong-18']],
  },
  {
    text: '군은 북한이 함경남도 신포 인근 해상에서 잠수함발사탄도미사일(SLBM) 1발을 쏜 것으로 보고 있다.',
    terms: [['신포', 'sites', 'sinpo'], ['잠수함발사탄도미사일', 'classes', 'SLBM']],
  },
  {
    text: '노동신문은 화성포-16나형 중장거리 극초음속 미사일의 시험발사가 성공했다고 전했다.',
    terms: [['노동신문', 'agencies', 'rodong-sinmun'], ['화성포-16나형', 'missiles', 'Hwasong-16B'], ['극초음속 미사일', 'classes', 'HGV']],
  },
  {
    text: '국방부는 북한이 평안북도 철산군 동창리 서해위성발사장에서 군사정찰위성을 쐈다고 설명했다.',
    terms: [['국방부', 'agencies', 'kr-mnd'], ['동창리', 'sites', 'sohae'], ['서해위성발사장', 'sites', 'sohae'], ['군사정찰위성', 'classes', 'SLV']],
  },
  {
    text: '합동참모본부는 원산 갈마 일대에서 단거리탄도미사일 2발이 발사됐으며 일본 EEZ 밖에 떨어졌다고 밝혔다.',
    terms: [['합동참모본부', 'agencies', 'jcs'], ['원산 갈마', 'sites', 'wonsan'], ['단거리탄도미사일', 'classes', 'SRBM'], ['EEZ 밖', 'eez', 'outside'], ['일본', 'actors', 'Japan']],
  },
  {
    text: '북한은 황해북도 황주 일대에서 서해상으로 초대형 방사포와 순항미사일을 쐈고, 중국과 러시아는 말을 아꼈다.',
    terms: [['황주', 'sites', 'hwangju'], ['서해상', 'seas', 'yellow-sea'], ['초대형 방사포', 'classes', 'MLRS'], ['순항미사일', 'classes', 'cruise'], ['중국', 'actors', 'China'], ['러시아', 'actors', 'Russia']],
  },
  {
    text: '국정원은 북극성-3형과 KN-23 계열로 보이는 미사일이 태평양 쪽으로 날아갔다고 연합뉴스에 말했다.',
    terms: [['국정원', 'agencies', 'kr-nis'], ['북극성-3형', 'missiles', 'Pukguksong-3'], ['태평양', 'seas', 'pacific-ocean'], ['연합뉴스', 'agencies', 'yonhap']],
  },
  {
    text: '한국과 미국은 준중거리탄도미사일 노동미사일 3발이 배타적경제수역(EEZ) 안에 떨어진 것으로 분석했다.',
    terms: [['한국', 'actors', 'South Korea'], ['미국', 'actors', 'USA'], ['준중거리탄도미사일', 'classes', 'MRBM'], ['노동미사일', 'missiles', 'Nodong'], ['EEZ) 안', 'eez', 'inside']],
  },
];

const JAPANESE: Written[] = [
  {
    text: '防衛省によると、北朝鮮は午前10時ごろ平壌近郊から日本海に向けて弾道ミサイル1発を発射し、日本の排他的経済水域(EEZ)外に落下したとみられる。',
    terms: [['防衛省', 'agencies', 'jp-mod'], ['北朝鮮', 'actors', 'DPRK'], ['平壌近郊', 'sites', 'pyongyang'], ['日本海', 'seas', 'sea-of-japan'], ['弾道ミサイル', 'classes', 'ballistic'], ['排他的経済水域(EEZ)外', 'eez', 'outside']],
  },
  {
    text: '朝鮮中央通信は新型ICBM「火星18」の発射実験を行ったと伝え、首相官邸は情報収集を急いだ。',
    terms: [['朝鮮中央通信', 'agencies', 'kcna'], ['火星18', 'missiles', 'Hwasong-18'], ['首相官邸', 'agencies', 'jp-pm-office']],
  },
  {
    text: '韓国軍合同参謀本部は、元山付近から短距離弾道ミサイル数発が発射されたと発表し、海上保安庁は航行警報を出した。',
    terms: [['韓国軍合同参謀本部', 'agencies', 'jcs'], ['元山', 'sites', 'wonsan'], ['短距離弾道ミサイル', 'classes', 'SRBM'], ['海上保安庁', 'agencies', 'jp-coast-guard']],
  },
  {
    text: '聯合ニュースは、新浦(シンポ)付近の海上から潜水艦発射弾道ミサイル「北極星3型」が撃たれたと報じた。',
    terms: [['聯合ニュース', 'agencies', 'yonhap'], ['新浦', 'sites', 'sinpo'], ['潜水艦発射弾道ミサイル', 'classes', 'SLBM'], ['北極星3型', 'missiles', 'Pukguksong-3']],
  },
  {
    text: '防衛大臣は、東倉里から打ち上げられた衛星運搬ロケットが黄海上空を通過し、太平洋に落下したと述べた。',
    terms: [['防衛大臣', 'agencies', 'jp-defense-minister'], ['東倉里', 'sites', 'sohae'], ['衛星運搬ロケット', 'classes', 'SLV'], ['黄海', 'seas', 'yellow-sea'], ['太平洋', 'seas', 'pacific-ocean']],
  },
  {
    text: '共同通信によると、順安付近から発射されたのはＫＮ２３とみられ、米国と韓国はICBM級ではないと分析している。',
    terms: [['共同通信', 'agencies', 'kyodo'], ['順安', 'sites', 'sunan'], ['ＫＮ２３', 'missiles', 'KN-23'], ['米国', 'actors', 'USA'], ['韓国', 'actors', 'South Korea'], ['ICBM級', 'classes', 'ICBM']],
  },
  {
    text: 'ロシアや中国、イランも中距離弾道ミサイルや巡航ミサイル、大陸間弾道ミサイルの発射を続けている。',
    terms: [['ロシア', 'actors', 'Russia'], ['中国', 'actors', 'China'], ['イラン', 'actors', 'Iran'], ['中距離弾道ミサイル', 'classes', 'IRBM'], ['巡航ミサイル', 'classes', 'cruise'], ['大陸間弾道ミサイル', 'classes', 'ICBM']],
  },
];

describe('Korean and Japanese forms in the knowledge tables', () => {
  it('load: the tables have no problems', () => {
    expect(knowledgeProblems()).toEqual([]);
    expect(() => loadKnowledge()).not.toThrow();
  });

  it('are present in every table and each compiles on its own without matching the empty string', () => {
    for (const table of Object.keys(FORMS) as Table[]) {
      const forms = cjkForms(table);
      expect(forms.length, table).toBeGreaterThan(table === 'eez' ? 3 : 10);
      for (const f of forms) {
        const re = new RegExp(`^(?:${f.source})$`, 'iu');
        expect(re.test(''), `${table} ${f.row} /${f.source}/`).toBe(false);
      }
    }
  });

  for (const [language, sentences] of [['Korean', KOREAN], ['Japanese', JAPANESE]] as const) {
    it(`give each key term of the ${language} sentences written here its one row`, () => {
      for (const s of sentences) {
        for (const [term, table, row] of s.terms) {
          expect(s.text, term).toContain(term);
          expect(rowsOf(table, term), `${table}: ${term}`).toEqual([row]);
        }
      }
    });
  }

  it('keep one row per site: every Hangul or Japanese alias belongs to one site only', () => {
    const sites = readDataJson<{ sites: { key: string; aliases: AliasItem[] }[] }>('sites.json').sites;
    for (const s of sites) {
      for (const a of s.aliases) {
        const text = typeof a === 'string' ? a : a.text;
        if (CJK.test(text)) expect(rowsOf('sites', text), text).toEqual([s.key]);
      }
    }
  });

  it('read the designations as written in Korean and Japanese, suffixes and full-width digits included', () => {
    const cases: [string, string][] = [
      ['화성-17형', 'Hwasong-17'],
      ['화성 15형', 'Hwasong-15'],
      ['화성-12형', 'Hwasong-12'],
      ['화성-11다-4.5', 'Hwasong-11-Da-4.5'],
      ['화성-11마', 'Hwasong-11E'],
      ['화성포-11나', 'Hwasong-11B'],
      ['火星15型', 'Hwasong-15'],
      ['火星１７', 'Hwasong-17'],
      ['火星16B', 'Hwasong-16B'],
      ['北極星2', 'Pukguksong-2'],
      ['북극성-1형', 'Pukguksong-1'],
      ['ＫＮ－２５', 'KN-25'],
      ['ノドン', 'Nodong'],
      ['무수단', 'Musudan'],
      ['대포동 2호', 'Taepodong-2'],
      ['テポドン1号', 'Taepodong-1'],
      ['은하-3호', 'Unha-3'],
      ['천리마-1형', 'Chollima-1'],
      ['불화살-3-31', 'Pulhwasal-3-31'],
      ['サルマト', 'Sarmat'],
    ];
    for (const [term, row] of cases) expect(rowsOf('missiles', term), term).toEqual([row]);
  });

  it('do not read a particle or a longer word as part of a name', () => {
    // "화성-12가" is Hwasong-12 followed by the subject particle 가, not the suffix 가 (A).
    expect(longestAtStart('missiles', '화성-12가 발사됐다')).toMatchObject({ row: 'Hwasong-12', surface: '화성-12' });
    expect(longestAtStart('missiles', '화성-12가형')).toMatchObject({ row: 'Hwasong-12A' });
    // The party newspaper and the Musudan-ri site are not missiles; the Hwanghae provinces and Indo-Pacific are not seas.
    expect(longestAtStart('missiles', '노동신문은')).toBeNull();
    expect(longestAtStart('missiles', '무수단리에서')).toBeNull();
    expect(longestAtStart('sites', '무수단리에서')).toMatchObject({ row: 'tonghae' });
    expect(longestAtStart('seas', '황해북도 황주')).toBeNull();
    expect(longestAtStart('seas', '黄海北道黄州')).toBeNull();
    expect(longestAtStart('seas', '인도태평양사령부')).toBeNull();
    expect(longestAtStart('seas', '太平洋軍司令部')).toBeNull();
    expect(longestAtStart('seas', '서해위성발사장에서')).toBeNull();
    expect(longestAtStart('actors', '日本海に')).toBeNull();
    expect(longestAtStart('actors', '北海道')).toBeNull();
    // A longer phrase with a negation wins over the phrase inside it.
    expect(longestAtStart('eez', 'EEZ 안에는 떨어지지 않았다')).toMatchObject({ row: 'outside' });
    expect(longestAtStart('eez', 'EEZ内への落下は確認されていない')).toMatchObject({ row: 'outside' });
    expect(longestAtStart('eez', 'EEZ内に落下')).toMatchObject({ row: 'inside' });
    // The more specific class phrase wins: 준중거리 over the 중거리 inside it, 장거리 순항 over 장거리.
    expect(longestAtStart('classes', '준중거리탄도미사일')).toMatchObject({ row: 'MRBM', weak: false });
    expect(longestAtStart('classes', '장거리 순항미사일')).toMatchObject({ row: 'cruise', weak: false });
    expect(longestAtStart('classes', '長距離弾道ミサイル')).toMatchObject({ row: 'ICBM', weak: true });
    // A foreign ministry of defence is not South Korea's.
    expect(longestAtStart('agencies', '미 국방부는')).toMatchObject({ row: 'pentagon' });
    expect(longestAtStart('agencies', '러시아 국방부는')).toMatchObject({ row: 'ru-mod' });
  });

  it('mark the forms that are often something else as weak', () => {
    const weak: [string, Table, string][] = [
      ['평양', 'sites', 'pyongyang'],
      ['平壌', 'sites', 'pyongyang'],
      ['함흥', 'sites', 'hungnam'],
      ['구성', 'sites', 'kusong'],
      ['東海', 'seas', 'sea-of-japan'],
      ['東海岸', 'seas', 'sea-of-japan'],
      ['西岸', 'seas', 'yellow-sea'],
      ['단거리', 'classes', 'SRBM'],
      ['위성', 'classes', 'SLV'],
      ['衛星', 'classes', 'SLV'],
      ['北', 'actors', 'DPRK'],
      ['조선', 'actors', 'DPRK'],
      ['은하', 'missiles', 'Unha'],
      ['스커드', 'missiles', 'Scud'],
      ['聯合', 'agencies', 'yonhap'],
      ['官邸', 'agencies', 'jp-pm-office'],
    ];
    for (const [term, table, row] of weak) {
      const forms = formsMatchingWhole(table, term);
      expect(forms.map((f) => f.row), term).toEqual(forms.map(() => row));
      expect(forms.length, term).toBeGreaterThan(0);
      expect(forms.every((f) => f.weak), term).toBe(true);
    }
    // The unambiguous names stay strong.
    for (const [term, table] of [['日本海', 'seas'], ['동해상', 'seas'], ['合同参謀本部', 'agencies'], ['北朝鮮', 'actors'], ['順安', 'sites']] as const) {
      expect(formsMatchingWhole(table, term).some((f) => !f.weak), term).toBe(true);
    }
  });

  it('cannot match English text', () => {
    const english =
      "North Korea fired a Hwasong-18 ICBM from the Pyongyang area into the East Sea, South Korea's Joint Chiefs of " +
      "Staff said; Japan's Defense Ministry and the Japan Coast Guard said it fell outside Japan's EEZ, KCNA and Yonhap " +
      'reported a KN-23 launch near Sunan and Wonsan, and a cruise missile over the Yellow Sea toward the Pacific.';
    for (const table of Object.keys(FORMS) as Table[]) {
      for (const f of cjkForms(table)) expect(new RegExp(f.source, 'iu').test(english), `${table} /${f.source}/`).toBe(false);
    }
  });
});
