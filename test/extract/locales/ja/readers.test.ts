import { describe, expect, it } from 'vitest';
import { findJapaneseCounts, findJapaneseDates, findJapaneseLengths, findJapaneseTimes } from '../../../../src/extract/locales/ja/readers.js';

// Every sentence below is made up for these tests.

describe('Japanese dates', () => {
  const dates = (text: string, reference: string | null = '2024-03-10') => findJapaneseDates(text, reference, null).map((d) => [d.surface, d.date]);

  it('a bare day number is the latest such day on or before publication', () => {
    expect(dates('北朝鮮は8日朝、弾道ミサイルを発射した。')).toEqual([['8日', '2024-03-08']]);
    expect(dates('北朝鮮は28日、弾道ミサイルを発射した。')).toEqual([['28日', '2024-02-28']]);
  });

  it('explicit and era dates go through chrono (2023年3月9日, 令和5年3月9日)', () => {
    expect(dates('防衛省は2023年3月9日に発表した。')).toEqual([['2023年3月9日', '2023-03-09']]);
    expect(dates('令和5年3月9日の発射について')).toEqual([['令和5年3月9日', '2023-03-09']]);
  });

  it('本日 is the reference date, 昨日 and 昨夜 the day before, 同日 the day named before it', () => {
    expect(dates('北朝鮮は本日、ミサイルを発射しました。')).toEqual([['本日', '2024-03-10']]);
    expect(dates('北朝鮮は昨夜、ミサイルを発射した。')).toEqual([['昨夜', '2024-03-09']]);
    expect(dates('合同参謀本部は7日、北朝鮮が同日朝に発射したと明らかにした。')).toEqual([['7日', '2024-03-07'], ['同日', '2024-03-07']]);
  });

  it('full-width digits read like ASCII ones; 日間 is a span, not a day', () => {
    expect(dates('北朝鮮は９日に発射した。')).toEqual([['９日', '2024-03-09']]);
    expect(dates('演習は3日間続いた。')).toEqual([]);
  });
});

describe('Japanese clock times', () => {
  const times = (text: string) => findJapaneseTimes(text).map((t) => [t.surface, t.minutes]);

  it('午前/午後 with minutes, 半 and 正午', () => {
    expect(times('午前6時52分ごろ発射')).toEqual([['午前6時52分', 6 * 60 + 52]]);
    expect(times('午後0時5分ごろ')).toEqual([['午後0時5分', 12 * 60 + 5]]);
    expect(times('午後3時半ごろ')).toEqual([['午後3時半', 15 * 60 + 30]]);
    expect(times('正午すぎ')).toEqual([['正午', 12 * 60]]);
  });

  it('a 24-hour time without 午前/午後; not an hour span (7時台) nor "before 8" (8時前)', () => {
    expect(times('6時15分頃、発射した')).toEqual([['6時15分', 6 * 60 + 15]]);
    expect(times('7時台から8時前にかけて')).toEqual([]);
  });
});

describe('Japanese counts', () => {
  const counts = (text: string) => findJapaneseCounts(text).map((c) => [c.min, c.exact]);

  it('N発 is N exact, with full-width and kanji digits', () => {
    expect(counts('短距離弾道ミサイル2発を発射した。')).toEqual([[2, true]]);
    expect(counts('弾道ミサイル１発を発射')).toEqual([[1, true]]);
    expect(counts('ミサイル三発を発射')).toEqual([[3, true]]);
  });

  it('少なくとも and 以上 hedge; 数発 and 複数発 are 2, not exact', () => {
    expect(counts('少なくとも4発の弾道ミサイルを発射')).toEqual([[4, false]]);
    expect(counts('5発以上を発射')).toEqual([[5, false]]);
    expect(counts('弾道ミサイル数発を発射')).toEqual([[2, false]]);
    expect(counts('複数発を発射した')).toEqual([[2, false]]);
  });

  it('発射, 発表 and ordinals (10発目) are not counts; a count said only to be possible commits to nothing', () => {
    expect(counts('北朝鮮が発射したと発表した。今年10発目となる。')).toEqual([]);
    expect(counts('複数発だった可能性がある。')).toEqual([]);
  });
});

describe('Japanese lengths', () => {
  const lengths = (text: string) => findJapaneseLengths(text).map((l) => [l.km, l.kind]);

  it('distance by the verb after the figure, apogee by 高度 before it', () => {
    expect(lengths('最高高度約80キロで、約1,200キロ飛行した。')).toEqual([[80, 'apogee'], [1200, 'distance']]);
    expect(lengths('ミサイルは約600km程度飛翔し、')).toEqual([[600, 'distance']]);
    expect(lengths('飛距離は約350㎞とみられる。')).toEqual([[350, 'distance']]);
  });

  it('full-width digits, 千, and 以上', () => {
    expect(lengths('８００キロ飛行した')).toEqual([[800, 'distance']]);
    expect(lengths('2千キロ程度飛行した')).toEqual([[2000, 'distance']]);
    expect(lengths('高度は400キロ以上に達した')).toEqual([[400, 'apogee']]);
  });

  it('a design range and a splash-down offset are not flight figures', () => {
    expect(lengths('射程3000キロの中距離弾道ミサイル')).toEqual([[3000, 'capability']]);
    expect(lengths('佐渡島の北西約300キロの海上に落下した')).toEqual([[300, 'offset']]);
  });
});

describe('per-launch counts', () => {
  it('"それぞれ1発" and "1発ずつ" are not totals; "合わせて3発" is', () => {
    expect(findJapaneseCounts('午前6時と午前6時20分に、それぞれ1発、合わせて2発を発射した。').map((c) => c.min)).toEqual([2]);
    expect(findJapaneseCounts('3か所から1発ずつ、合わせて3発が発射された。').map((c) => c.min)).toEqual([3]);
  });
});

describe('state-media flight figures in Japanese', () => {
  it('"最高高度4512・7キロ" (a middle dot as the decimal point) and "6,248.5キロ" are read whole', () => {
    expect(findJapaneseLengths('最高高度4512・7キロに達した。').map((l) => [l.km, l.kind])).toEqual([[4512.7, 'apogee']]);
    expect(findJapaneseLengths('最高高度6,248.5キロまで上昇した。').map((l) => l.km)).toEqual([6248.5]);
  });
  it('"950キロを4000秒間飛行" is a distance', () => {
    expect(findJapaneseLengths('ミサイルは950キロを4000秒間飛行して落下した。').map((l) => [l.km, l.kind])).toEqual([[950, 'distance']]);
  });
});

describe('the farthest flight', () => {
  it('"最大で約600キロ飛行した" is a distance flown; "最大射程は約1000キロ" is not', () => {
    expect(findJapaneseLengths('ミサイルは最大で約600キロ飛行したという。').map((l) => [l.km, l.kind])).toEqual([[600, 'distance']]);
    expect(findJapaneseLengths('このミサイルの最大射程は約1000キロとされる。').map((l) => l.kind)).toEqual(['capability']);
  });
});
