import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../../src/types.js';
import { extract, fieldValue } from '../../../helpers/article.js';

// Every sentence below is made up for these tests, in the style of Japanese Ministry of Defense and wire reports.

const run = (title: string | null, paragraphs: string[], published: string | null = '2024-03-10'): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published }).ex;

describe('Japanese launch reports', () => {
  const flash = run('北朝鮮が弾道ミサイル発射 日本海に落下', [
    '防衛省によると、北朝鮮は8日午前6時52分ごろ、東部の元山付近から日本海に向けて短距離弾道ミサイル2発を発射した。',
    'ミサイルは最高高度約50キロで、約400キロ飛行し、日本の排他的経済水域(EEZ)外に落下したとみられる。',
    '海上保安庁は午前7時40分ごろ、ミサイルは落下したとみられると発表した。',
    '北朝鮮による弾道ミサイルの発射は先月14日以来。',
  ]);

  it('is a DPRK launch report with its day, time, count, class, site, lengths, sea and EEZ', () => {
    expect(flash.isLaunchReport).toBe(true);
    expect(flash.actor).toBe('DPRK');
    expect(fieldValue(flash, 'date_local')).toBe('2024-03-08');
    expect(fieldValue(flash, 'time_local')).toBe('06:52');
    expect(fieldValue(flash, 'count_min')).toBe(2);
    expect(fieldValue(flash, 'count_exact')).toBe(true);
    expect(fieldValue(flash, 'class')).toBe('SRBM');
    expect(fieldValue(flash, 'site')).toBe('wonsan');
    expect(fieldValue(flash, 'apogee_km')).toBe(50);
    expect(fieldValue(flash, 'distance_km')).toBe(400);
    expect(fieldValue(flash, 'landing')).toBe('sea-of-japan');
    expect(fieldValue(flash, 'eez')).toBe('outside');
  });

  it('a launch with no counter is one missile, not exactly one; a landing time is not the launch time', () => {
    const ex = run('北朝鮮 弾道ミサイルの可能性があるもの発射', [
      '防衛省は10日、北朝鮮から弾道ミサイルの可能性があるものが発射されたと発表した。',
      '海上保安庁によると、ミサイルは午前9時20分ごろ落下したとみられる。',
    ]);
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-10');
    expect(fieldValue(ex, 'count_min')).toBe(1);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
    expect(fieldValue(ex, 'time_local')).toBeNull();
  });

  it('a round hour gives way to the same launch stated to the minute', () => {
    const ex = run('北朝鮮、弾道ミサイル発射', ['北朝鮮は正午ごろ、弾道ミサイルを発射した。', '防衛省によると、北朝鮮は午後0時7分ごろ、西岸付近から弾道ミサイルを発射した。']);
    expect(fieldValue(ex, 'time_local')).toBe('12:07');
  });

  it('数発 counts 2, not exact; a transliterated designation is named in English', () => {
    const ex = run('北朝鮮、短距離弾道ミサイル数発を発射', ['韓国軍によると、北朝鮮は9日、短距離弾道ミサイル「火星11」と推定される数発を日本海に向けて発射した。']);
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
    expect(fieldValue(ex, 'name')).toBe('Hwasong-11');
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-09');
  });

  it('a design range and a splash-down offset are not the flight; landing on land', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['北朝鮮は9日午前5時10分ごろ、弾道ミサイル1発を北東方向に発射した。', 'ミサイルは約60キロ離れた内陸部に落下した。射程は約1000キロとされる。']);
    expect(fieldValue(ex, 'landing')).toBe('land');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
    expect(ex.claims.find((c) => c.field === 'bearing')?.value).toBe(45);
  });
});

describe('background in a later clause (verb-final word order)', () => {
  it('"距離は約900キロ、…昨年5月に発射されたICBM…" keeps the distance and apogee before the 昨年 clause', () => {
    const ex = run('北朝鮮がICBM級発射', [
      '防衛省によると、北朝鮮は10日午前9時ごろ、平壌近郊から日本海に向けて弾道ミサイル1発を発射した。',
      'ミサイルの飛行距離は約900キロ、最高高度は約5500キロで、飛行時間は昨年5月に発射されたICBMを上回った。',
    ]);
    expect(fieldValue(ex, 'distance_km')).toBe(900);
    expect(fieldValue(ex, 'apogee_km')).toBe(5500);
  });
  it('a sentence whose first clause is about last year stays background', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [
      '防衛省によると、北朝鮮は10日午前9時ごろ、日本海に向けて弾道ミサイル1発を発射した。',
      '昨年5月に発射されたICBMは約1200キロ飛行し、最高高度は約6000キロだった。',
    ]);
    expect(fieldValue(ex, 'distance_km')).toBeNull();
    expect(fieldValue(ex, 'apogee_km')).toBeNull();
  });
});

describe('class words said after the noun', () => {
  const lead = '防衛省によると、北朝鮮は10日午前9時ごろ、日本海に向けて弾道ミサイル1発を発射した。';
  it('"大陸間弾道ミサイルではない" denies the ICBM class', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, '飛距離は約400キロで、大陸間弾道ミサイル(ICBM)ではないとみられる。']);
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });
  it('"ICBM級かどうか分析している" leaves the class in doubt', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, '政府はICBM級かどうか分析している。']);
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });
  it('"ミサイルは中距離のノドン" states the range class', () => {
    const ex = run('北朝鮮がミサイル発射', ['北朝鮮は10日朝、日本海に向けてミサイル2発を発射した。', '米軍によると、ミサイルは中距離のノドンとみられる。']);
    expect(['IRBM', 'MRBM']).toContain(fieldValue(ex, 'class'));
  });
  it('"中距離の射程" alone is a range, not the class', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, 'このミサイルは中距離の射程を持つ。']);
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });
});

describe('a page dated only to a month', () => {
  it('a leading "date 2019-08" line pins a bare "24日" inside that month', () => {
    const ex = run(null, ['date 2019-08 北朝鮮は24日朝、東部の咸鏡南道付近から日本海に向けて短距離弾道ミサイル2発を発射した。'], null);
    expect(fieldValue(ex, 'date_local')).toBe('2019-08-24');
  });
  it('a "/2019/08/" URL pins a bare "24日" inside that month', () => {
    const { ex } = extract({ title: null, text: '北朝鮮は24日朝、日本海に向けて短距離弾道ミサイル2発を発射した。', published: null, url: 'https://news.example.jp/2019/08/world/0001.html' });
    expect(fieldValue(ex, 'date_local')).toBe('2019-08-24');
  });
  it('a full date written on the page still wins over the month stamp', () => {
    const ex = run(null, ['date 2019-08', '北朝鮮は1日夜、日本海に向けて短距離弾道ミサイル1発を発射した。', '防衛省は2019年9月2日、詳しい分析を続けていると発表した。'], null);
    expect(fieldValue(ex, 'date_local')).toBe('2019-09-01');
  });
});

describe('Japanese non-reports', () => {
  it('commentary hung on a launch (the writer arguing, a rhetorical question) is not a launch report', () => {
    const ex = run('警報はまた鳴った', [
      '北朝鮮が日本海に向けて弾道ミサイルを発射した。',
      '政府にとっては防衛費増額の追い風といえる。',
      '危機は世論をまとめやすいからだ。',
      'だが警報が鳴ってから地下に逃げることが、本当にできるのだろうか。',
    ]);
    expect(ex.isLaunchReport).toBe(false);
  });

  it('one quoted opinion inside a news report leaves it a report', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [
      '防衛省によると、北朝鮮は8日午前7時ごろ、日本海に向けて弾道ミサイル1発を発射した。',
      '専門家は発射の狙いを分析している。',
      '政府関係者は「米韓演習への反発といえる」と述べた。',
    ]);
    expect(ex.isLaunchReport).toBe(true);
  });

  it('a planned live-fire drill is not a launch report', () => {
    const ex = run('地対艦ミサイルの実射訓練を実施へ', ['陸上自衛隊は来月、地対艦ミサイル2発を発射する予定の実射訓練を行うと発表した。']);
    expect(ex.isLaunchReport).toBe(false);
  });

  it('a sanctions meeting after earlier launches is not a launch report', () => {
    const ex = run(null, ['北朝鮮が先月弾道ミサイルを発射したことを受けて、安全保障理事会の会合が開かれ、制裁決議が採択された。', '各国は決議の着実な履行を求めた。']);
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('the sea where it came down, with the EEZ clause between', () => {
  const lead = '防衛省によると、北朝鮮は3日午前10時ごろ、北朝鮮西岸付近から弾道ミサイル1発を東方向に発射した。';
  it('"日本海上、我が国のEEZ外に落下" lands in the Sea of Japan', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, 'ミサイルは約40分飛翔し、佐渡島の北西約300kmの日本海上、我が国の排他的経済水域(EEZ)外に落下したと推定される。']);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });
  it('"日本海の、日本のEEZの内側に落下" lands in the Sea of Japan', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, 'ミサイルは島根県の北およそ350キロの日本海の、日本の排他的経済水域の内側に落下したとみられます。']);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });
  it('"黄海に墜落" lands in the Yellow Sea', () => {
    const ex = run('北朝鮮がロケット発射', ['北朝鮮は3日朝、西岸から「衛星」と称するロケット1発を南方向に発射した。', 'ロケットは1段目の分離後に異常が起き、黄海に墜落したとみられる。']);
    expect(fieldValue(ex, 'landing')).toBe('yellow-sea');
  });
  it('a sea flown over is not where it came down', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', [lead, 'ミサイルは日本海上空を通過し、東北地方の東の太平洋に落下した。']);
    expect(fieldValue(ex, 'landing')).toBe('pacific-ocean');
  });
});

describe('words that look like background or plans but name the launch', () => {
  it('"予定水域" (the target waters) is not a plan: the flight facts in that sentence count', () => {
    const ex = run('北朝鮮 新型ICBMの発射実験と発表', [
      '北朝鮮の国営メディアは12日、新型ICBMの発射実験を行ったと伝えました。',
      '朝鮮中央通信によりますと、ミサイルは最高高度5000キロまで上昇し、950キロ飛行したあと、日本海の予定水域に落下したということです。',
    ], '2024-03-12');
    expect(fieldValue(ex, 'apogee_km')).toBe(5000);
    expect(fieldValue(ex, 'distance_km')).toBe(950);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });
  it('"前日の11日に" dates the launch itself: the clause after it is not background', () => {
    const ex = run('北朝鮮 ICBMの発射実験と発表', ['北朝鮮の国営メディアは12日、前日の11日に新型ICBM「火星17型」の発射実験を行ったと伝えました。'], '2024-03-12');
    expect(fieldValue(ex, 'name')).toBe('Hwasong-17');
    expect(fieldValue(ex, 'class')).toBe('ICBM');
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-11');
  });
});

describe('the day of a statement and the day of the launch', () => {
  it('"朝鮮中央通信は12日、…10日夜に発射した" dates the launch by the 10th', () => {
    const ex = run('北朝鮮、新型ミサイル発射と発表', ['【ソウル共同】北朝鮮の朝鮮中央通信は12日、新型の中距離弾道ミサイルの発射訓練を10日夜に東部で実施したと報じた。'], '2024-03-12');
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-10');
  });
  it('a statement day that is the only day still dates the launch', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['韓国軍合同参謀本部は9日、北朝鮮が東部から日本海に向けて短距離弾道ミサイル2発を発射したと発表した。']);
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-09');
  });
});

describe('a statement day alone in its sentence', () => {
  it('"防衛省は4日、…と発表した" then a summit on the 5th: the launch is the 4th', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['防衛省は4日、北朝鮮から弾道ミサイルの可能性があるものが発射されたと発表した。', '報道によると、5日の首脳会談を前に北朝鮮がミサイル発射で存在感を示したとの見方がある。'], '2024-03-05');
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-04');
  });
});

describe('Japanese articles whose launch is not the news', () => {
  it('a Security Council meeting held over a launch is not a launch report', () => {
    const ex = run('安保理 北朝鮮ミサイル発射で公開会合 結論出ず', [
      '北朝鮮が弾道ミサイルを発射したことを受けて、国連安全保障理事会は7日、公開会合を開いた。',
      '日本やアメリカは決議違反だと非難した。',
      '北朝鮮は5日朝、弾道ミサイル1発を発射し、ミサイルは日本海に落下した。',
    ], '2024-03-08');
    expect(ex.isLaunchReport).toBe(false);
  });
  it('an order issued ahead of an announced satellite launch is not a launch report', () => {
    const ex = run('防衛相が破壊措置命令 北朝鮮の衛星発射に備え', [
      '防衛相は8日、北朝鮮が人工衛星の打ち上げを予告していることを受け、自衛隊に破壊措置命令を出した。',
      '迎撃ミサイルを搭載した艦艇を展開する。',
    ]);
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a notice of a launch window relayed by the Coast Guard is not a launch report', () => {
    const ex = run(null, ['海上保安庁によると、北朝鮮から、15日から来月1日までの間に人工衛星を打ち上げるという通報があった。', '危険区域は黄海と太平洋にある。']);
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a yearly record tally is not a launch report', () => {
    const ex = run('北朝鮮のミサイル発射 今年は過去最多に', ['北朝鮮が今年発射した弾道ミサイルは、これまでに40発を超えた。', '政府は警戒を強めている。']);
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a launch report that goes on to a government meeting stays a report', () => {
    const ex = run('北朝鮮が弾道ミサイル発射 EEZ外に落下', [
      '防衛省によると、北朝鮮は8日午前7時ごろ、弾道ミサイル1発を東方向に発射した。',
      '北朝鮮の発射を受けて、政府は国家安全保障会議を開いた。',
    ]);
    expect(ex.isLaunchReport).toBe(true);
  });
});

describe('a press-conference transcript', () => {
  it('labelled header lines (日時：, 場所：) are not the lead: the minister\'s statement is', () => {
    const ex = run(null, [
      '防衛大臣臨時記者会見',
      '日時：令和6年3月10日（日）08時05分～08時15分',
      '場所：防衛省本省Ａ棟11階第2会議室',
      '大臣：本日7時2分頃、北朝鮮は、北朝鮮西岸付近から、1発の弾道ミサイルを東方向に発射しました。',
    ]);
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe('2024-03-10');
    expect(fieldValue(ex, 'time_local')).toBe('07:02');
  });
});

describe('the launch site written in katakana with a kanji gloss', () => {
  it('"ピョンヤン(平壌)付近から" is Pyongyang', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['防衛省によりますと、10日午前7時ごろ、北朝鮮の首都ピョンヤン(平壌)付近から弾道ミサイル1発が北東の方向に発射されました。']);
    expect(fieldValue(ex, 'site')).toBe('pyongyang');
  });
  it('"ピョンソン(平城)付近から" is Pyongsong', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['政府によりますと、10日未明、北朝鮮のピョンアン(平安)南道ピョンソン(平城)付近から弾道ミサイル1発が発射されました。']);
    expect(fieldValue(ex, 'site')).toBe('pyongsong');
  });
  it('"ムピョンニ付近から" is Mupyong-ni; "平壌国際空港で" is the airport', () => {
    expect(fieldValue(run('北朝鮮が弾道ミサイル発射', ['大臣：昨夜、北朝鮮のムピョンニ付近から、1発の弾道ミサイルが発射されました。']), 'site')).toBe('mupyong-ni');
    expect(fieldValue(run('北朝鮮がICBM発射と発表', ['朝鮮中央通信は、ICBMの発射訓練を9日に平壌国際空港で実施したと報じた。']), 'site')).toBe('sunan');
  });
  it('a long reading in brackets ("黄州(ファンヘブクトファンジュ)付近から") is still read past', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['北朝鮮は10日朝、黄海北道黄州(ファンヘブクトファンジュ)付近から、日本海に向けて弾道ミサイル2発を発射した。']);
    expect(fieldValue(ex, 'site')).toBe('hwangju');
  });
  it('Pyongyang as the government is not a site', () => {
    const ex = run('北朝鮮が弾道ミサイル発射', ['ピョンヤンは、10日に日本海に向けて弾道ミサイル1発を発射したと発表した。']);
    expect(fieldValue(ex, 'site')).toBeNull();
  });
});
