import { describe, expect, it } from 'vitest';
import { findKoreanCounts } from '../../../../src/extract/locales/ko/counts.js';
import { findKoreanDates } from '../../../../src/extract/locales/ko/dates.js';
import { findKoreanLengths } from '../../../../src/extract/locales/ko/lengths.js';
import { findKoreanTimes } from '../../../../src/extract/locales/ko/times.js';

const dates = (s: string, ref = '2024-05-10'): (string | null)[] => findKoreanDates(s, ref, null).map((d) => d.date);
const clock = (s: string): string[] => findKoreanTimes(s).map((t) => `${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}`);

describe('Korean dates', () => {
  it('resolves a bare day number to the latest such day on or before publication', () => {
    expect(dates('군은 8일 새벽 적의 발사체를 탐지했다.')).toEqual(['2024-05-08']);
    expect(dates('군은 지난 28일 발사체를 탐지했다.')).toEqual(['2024-04-28']);
  });
  it('moves "지난달" to the month before and reads full dates', () => {
    expect(dates('지난달 15일 쏜 미사일과 같은 종류다.')).toEqual(['2024-04-15']);
    expect(dates('군은 2023년 3월 9일 비슷한 시험을 했다.')).toEqual(['2023-03-09']);
  });
  it('reads 전날, 어제, 이날 and skips durations and days to come', () => {
    expect(dates('북한은 전날 오후 미사일을 쐈고 이날 다시 쐈다.')).toEqual(['2024-05-09', '2024-05-10']);
    expect(dates('발사한 지 12일 만이다.')).toEqual([]);
    expect(dates('오는 24일 위성을 쏘겠다고 했다.')).toEqual([]);
  });
});

describe('Korean clock times', () => {
  it('reads 오전/오후/낮/새벽 with minutes and "쯤/께"', () => {
    expect(clock('북한은 오전 7시 44분쯤 미사일을 발사했다.')).toEqual(['07:44']);
    expect(clock('오후 3시 50분께 동해로 발사했다.')).toEqual(['15:50']);
    expect(clock('낮 12시 5분 발사했다.')).toEqual(['12:05']);
    expect(clock('정오께 미사일을 쐈다.')).toEqual(['12:00']);
  });
  it('carries the period word to a later bare hour in the sentence', () => {
    expect(clock('오후 2시께 발사된 로켓은 2시 10분께 궤도에서 발사체를 쏘아 올렸다.')).toEqual(['14:00', '14:10']);
  });
  it('leaves out landing and announcement times', () => {
    expect(clock('미사일은 오전 8시 20분께 해상에 낙하했다.')).toEqual([]);
    expect(clock('군은 오후 4시 7분 문자로 발사 사실을 알렸다.')).toEqual([]);
  });
});

describe('Korean counts', () => {
  const first = (s: string): { min: number; exact: boolean } | undefined => {
    const c = findKoreanCounts(s)[0];
    return c && { min: c.min, exact: c.exact };
  };
  it('reads N발, numeral words and 1기 as exact', () => {
    expect(first('탄도미사일 2발을 쐈다.')).toEqual({ min: 2, exact: true });
    expect(first('순항미사일 한 발을 발사했다.')).toEqual({ min: 1, exact: true });
    expect(first('미사일 1기가 날아갔다.')).toEqual({ min: 1, exact: true });
  });
  it('reads 수발, 여러 발, N여 발 and N발 이상 as not exact', () => {
    expect(first('단거리 미사일 수발을 발사했다.')).toEqual({ min: 2, exact: false });
    expect(first('여러 발의 미사일을 쐈다.')).toEqual({ min: 2, exact: false });
    expect(first('10여 발을 쐈다.')).toEqual({ min: 10, exact: false });
    expect(first('3발 이상을 쐈다.')).toEqual({ min: 3, exact: false });
  });
  it('does not count satellites or launchers ("초소형위성 3기", "발사대 4기")', () => {
    expect(findKoreanCounts('로켓에는 초소형위성 3기가 실렸다.')).toEqual([]);
    expect(findKoreanCounts('이동식 발사대 4기가 포착됐다.')).toEqual([]);
  });
  it('does not read 발사, 발표 or a per-launcher 1발씩 as counts', () => {
    expect(findKoreanCounts('두 발사대에서 1발씩 쐈다고 발표했다.')).toEqual([]);
  });
});

describe('Korean lengths', () => {
  const kinds = (s: string): { km: number; kind: string }[] => findKoreanLengths(s).map((l) => ({ km: l.km, kind: l.kind }));
  it('reads approximate figures and classifies them by their cue', () => {
    expect(kinds('비행거리는 약 650㎞, 정점고도는 90여km로 분석됐다.')).toEqual([
      { km: 650, kind: 'distance' },
      { km: 90, kind: 'apogee' },
    ]);
    expect(kinds('미사일은 2천300㎞가량 날아갔다.')).toEqual([{ km: 2300, kind: 'distance' }]);
    expect(kinds('미사일은 1,200여km를 비행했다.')).toEqual([{ km: 1200, kind: 'distance' }]);
  });
  it('takes the larger figure of a range', () => {
    expect(kinds('미사일들은 약 300~1천km를 비행했다.')).toEqual([{ km: 1000, kind: 'distance' }]);
  });
  it('reads "…에서 …까지 비행" as a distance, the larger figure', () => {
    expect(kinds('발사체들은 동해상까지 약 50km에서 240km까지 비행했다.')).toEqual([{ km: 240, kind: 'distance' }]);
  });
  it('a cue names the first figure after it: "고도 50여㎞로 약 400㎞를 비행" is an apogee of 50 and a flight of 400', () => {
    expect(kinds('미사일은 고도 50여㎞로 약 400㎞를 비행했다.')).toEqual([
      { km: 50, kind: 'apogee' },
      { km: 400, kind: 'distance' },
    ]);
    expect(kinds('발사체는 정점고도 약 1,200㎞에 이른 뒤 약 900㎞를 날아갔다.')).toEqual([
      { km: 1200, kind: 'apogee' },
      { km: 900, kind: 'distance' },
    ]);
  });

  it('a height passed on the way up ("고도 150㎞를 통과") is not the apogee', () => {
    expect(kinds('로켓은 2분 뒤 고도 150㎞를 통과했다.')).toEqual([{ km: 150, kind: 'other' }]);
  });
  it('tells design ranges and offsets from flights', () => {
    expect(kinds('최대 사거리 4000㎞의 미사일이다.')).toEqual([{ km: 4000, kind: 'capability' }]);
    expect(kinds('함흥 동쪽 30㎞ 해상에서 쐈다.')).toEqual([{ km: 30, kind: 'offset' }]);
  });
});

describe('state-media flight figures', () => {
  it('"정점고도 4,512.7㎞까지 상승해 거리 987.4㎞를 3,900초간 비행": a decimal after thousands, the climb then the flight', () => {
    const found = findKoreanLengths('통신은 미사일이 최대정점고도 4,512.7㎞까지 상승해 거리 987.4㎞를 3,900초간 비행했다고 전했다.').map((l) => [l.km, l.kind]);
    expect(found).toEqual([[4512.7, 'apogee'], [987.4, 'distance']]);
  });
  it('"…까지 상승해 950㎞를 4,000초간 비행": the figure after the climb is the distance', () => {
    const found = findKoreanLengths('미사일은 정점고도 5,100.5㎞까지 상승해 950㎞를 4,000초간 비행했다.').map((l) => [l.km, l.kind]);
    expect(found).toEqual([[5100.5, 'apogee'], [950, 'distance']]);
  });
});

describe('the climb then the flight', () => {
  it('"…까지 올라가 5,000초 동안 1,000.5㎞를 날아간": the second figure is the distance', () => {
    const found = findKoreanLengths('미사일이 최대정점고도 7,000.5㎞까지 올라가 5,000초 동안 1,000.5㎞를 날아갔다.').map((l) => [l.km, l.kind]);
    expect(found).toEqual([[7000.5, 'apogee'], [1000.5, 'distance']]);
  });
});
