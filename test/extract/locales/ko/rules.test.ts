import { describe, expect, it } from 'vitest';
import { extract, fieldValue } from '../../../helpers/article.js';

// Whole Korean reports through ingest, clean and the Korean configuration. Every report below is made up.

const PUB = '2024-05-10';
const report = (title: string, ...paragraphs: string[]) => extract({ title, text: paragraphs.join('\n\n'), published: PUB });

describe('Korean launch reports', () => {
  const { article, ex } = report(
    '북한, 동해상으로 단거리 탄도미사일 2발 발사',
    '북한이 10일 오전 6시 12분쯤 평양 순안 일대에서 동해상으로 단거리 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.',
    '합참에 따르면 미사일은 약 420㎞를 비행했으며 정점고도는 50여㎞로 분석됐다. 미사일은 일본 배타적경제수역(EEZ) 밖에 떨어진 것으로 추정된다.',
    '북한이 탄도미사일을 쏜 것은 지난달 22일 이후 18일 만이다.',
  );
  it('is read as Korean and as a launch report by North Korea', () => {
    expect(article.language).toBe('ko');
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });
  it('reads date, time, count, class, site, landing, lengths and EEZ', () => {
    expect(fieldValue(ex, 'date_local')).toBe('2024-05-10');
    expect(fieldValue(ex, 'time_local')).toBe('06:12');
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
    expect(fieldValue(ex, 'class')).toBe('SRBM');
    expect(fieldValue(ex, 'site')).toBe('sunan');
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
    expect(fieldValue(ex, 'distance_km')).toBe(420);
    expect(fieldValue(ex, 'apogee_km')).toBe(50);
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });

  it('a background launch named first does not date the news ("지난 N일 … 후 일주일 만")', () => {
    const { ex: e } = report(
      '북한, 서해상으로 순항미사일 발사',
      '지난 3일 방사포를 쏜 후 일주일 만',
      '북한이 9일 서해상으로 순항미사일 여러 발을 발사했다.',
    );
    expect(fieldValue(e, 'date_local')).toBe('2024-05-09');
    expect(fieldValue(e, 'landing')).toBe('yellow-sea');
    expect(fieldValue(e, 'class')).toBe('cruise');
    expect(fieldValue(e, 'count_min')).toBe(2);
    expect(fieldValue(e, 'count_exact')).toBe(false);
  });

  it('a state-media account dates the launch by 전날, not by the day it was reported', () => {
    const { ex: e } = report(
      '북한 "신형 중거리 미사일 시험발사 성공"',
      '조선중앙통신은 10일 국방과학원이 신형 중거리 탄도미사일 화성-12형을 전날 시험발사했다고 보도했다.',
    );
    expect(fieldValue(e, 'date_local')).toBe('2024-05-09');
    expect(fieldValue(e, 'name')).toBe('Hwasong-12');
    expect(fieldValue(e, 'class')).toBe('IRBM');
  });

  it('a bare noun is one missile, not exactly one', () => {
    const { ex: e } = report('북한, 탄도미사일 발사', '북한이 10일 오후 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.');
    expect(fieldValue(e, 'count_min')).toBe(1);
    expect(fieldValue(e, 'count_exact')).toBe(false);
    expect(fieldValue(e, 'class')).toBe('ballistic');
  });
});

describe('background in a later clause (verb-final word order)', () => {
  it('"약 900㎞를 비행했으며, 지난해 3월 발사된 …" keeps the distance of the first clause', () => {
    const { ex } = report(
      '북한, 동해상으로 탄도미사일 발사',
      '합동참모본부는 북한이 10일 오전 동해상으로 탄도미사일 1발을 발사했다고 밝혔다.',
      '미사일은 약 900㎞를 비행했으며, 지난해 3월 발사된 미사일보다 더 멀리 날아간 것으로 분석됐다.',
    );
    expect(fieldValue(ex, 'distance_km')).toBe(900);
  });
});

describe('Korean counts, lengths and landings of whole reports', () => {
  it('cruise-missile tests on two days ("9일과 10일 … 시험발사") are at least two missiles', () => {
    const { ex } = report('북한 "신형 순항미사일 시험발사"', '조선중앙통신은 북한 국방과학원이 9일과 10일 신형 순항미사일 시험발사를 진행했다고 11일 보도했다.');
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
  });
  it('"동해상까지 약 50km에서 240km까지 비행" gives the distance and the sea', () => {
    const { ex } = report('합참 "북한, 단거리 발사체 발사"', '합참은 10일 "북한이 오전 원산 일대에서 단거리 발사체 수발을 발사했으며 발사체는 동해상까지 약 50km에서 240km까지 비행했다"고 밝혔다.');
    expect(fieldValue(ex, 'distance_km')).toBe(240);
    expect(fieldValue(ex, 'landing')).toBe('sea-of-japan');
  });
  it('a Korean space launcher: class SLV, satellites aboard not counted, the passed height not the apogee', () => {
    const { ex } = report(
      '한국형 발사체 3차 발사 성공',
      '10일 오후 6시 나로우주센터에서 발사된 한국형 발사체가 목표 궤도에 도달했다.',
      '발사체는 2분 뒤 고도 150㎞를 통과했으며, 실려 있던 초소형위성 3기를 차례로 분리했다.',
    );
    expect(ex.actor).toBe('South Korea');
    expect(fieldValue(ex, 'class')).toBe('SLV');
    expect(fieldValue(ex, 'apogee_km')).toBeNull();
    expect(fieldValue(ex, 'count_min')).not.toBe(3);
  });
});

describe('Korean designations: likenesses, nicknames, lineage and captions', () => {
  it('"북한판 이스칸데르로 불리는 KN-23" names the KN-23, not the Iskander', () => {
    const { ex } = report(
      '북한, 단거리 탄도미사일 2발 발사',
      '합동참모본부는 북한이 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 밝혔다.',
      '군 당국은 이 미사일이 ‘북한판 이스칸데르’로 불리는 KN-23 계열로 보고 있다.',
    );
    expect(fieldValue(ex, 'name')).toBe('KN-23');
  });
  it('the missile a new one is built on ("현무-2B를 기반으로") is not the one fired', () => {
    const { ex } = report(
      '군, 잠수함발사탄도미사일 수중 시험발사 성공',
      '우리 군이 지난 8일 잠수함에서 탄도미사일 수중 시험발사에 성공한 것으로 전해졌다.',
      '군은 현무-2B를 기반으로 이 미사일을 개발해 왔다.',
    );
    expect(fieldValue(ex, 'name')).toBeNull();
  });
  it('a short noun-phrase photo caption ("중국군이 보유한 ICBM 둥펑-41.") names no missile', () => {
    const { ex } = report(
      '중국, 태평양으로 ICBM 시험발사',
      '중국군이 보유한 ICBM 둥펑-41.',
      '중국 로켓군은 10일 오전 모의 탄두를 탑재한 대륙간탄도미사일 1발을 태평양 공해상으로 시험발사했다고 밝혔다.',
    );
    expect(fieldValue(ex, 'name')).toBeNull();
    expect(fieldValue(ex, 'class')).toBe('ICBM');
  });
});

describe('Korean headline sites and high-seas landings', () => {
  it('a headline "…비행장서 …발사" names the site; "북태평양 공해 상에" is the Pacific', () => {
    const { ex } = report(
      '국정원 "北, 평양 순안비행장서 미사일 발사"',
      '국정원은 "이번 미사일은 약 2천㎞를 비행해 북태평양 공해 상에 떨어졌다"고 10일 설명했다.',
    );
    expect(fieldValue(ex, 'site')).toBe('sunan');
    expect(fieldValue(ex, 'landing')).toBe('pacific-ocean');
  });
});

describe('a sentence going on about a background launch', () => {
  const lead = '합동참모본부는 북한이 20일 오후 동해상으로 탄도미사일 1발을 발사했다고 밝혔다.';
  it('"해당 미사일들은 …" right after a sentence about an earlier launch is background', () => {
    const { ex } = report('북한, 탄도미사일 발사', lead, '북한은 지난 3일에도 평양 인근에서 탄도미사일 여러 발을 발사했다.', '해당 미사일들은 약 700㎞를 비행했다.');
    expect(fieldValue(ex, 'distance_km')).toBeNull();
  });
  it('the same words after a sentence about this launch are this launch', () => {
    const { ex } = report('북한, 탄도미사일 발사', lead, '해당 미사일은 약 700㎞를 비행했다.');
    expect(fieldValue(ex, 'distance_km')).toBe(700);
  });
});

describe('Korean class words said after the noun', () => {
  const lead = '합동참모본부는 북한이 10일 오전 동해상으로 탄도미사일 1발을 발사했다고 밝혔다.';
  it('"대륙간탄도미사일(ICBM)은 아닌 것으로" denies the ICBM class', () => {
    const { ex } = report('북한, 탄도미사일 발사', lead, '군 당국은 이 미사일이 대륙간탄도미사일(ICBM)은 아닌 것으로 보고 있다.');
    expect(fieldValue(ex, 'class')).toBe('ballistic');
  });
  it('"중거리로 추정" states the range class', () => {
    const { ex } = report('북한, 탄도미사일 발사', lead, '합참은 이 미사일이 중거리로 추정된다고 덧붙였다.');
    expect(fieldValue(ex, 'class')).toBe('IRBM');
  });
});

describe('the Korean lede: photo captions and a related story ahead of the news', () => {
  it('"사진은 …" photo captions ahead of the launch paragraph are not the lead', () => {
    const { ex } = report(
      '군 "북한, 순안에서 중거리 미사일 발사"',
      '사진은 2019년 3월 공개된 평양 순안비행장 활주로 모습.',
      '사진은 지난해 노동신문이 공개한 신형 발사대 사진.',
      '군 당국은 "북한이 10일 오전 평양 순안 일대에서 중거리 탄도미사일 1발을 발사했으며 약 2천㎞를 비행했다"고 밝혔다.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
    expect(fieldValue(ex, 'class')).toBe('IRBM');
  });
  it('a related story about a party meeting ahead of the launch news does not make the headline a teaser', () => {
    const { ex } = report(
      '북한, 동해상으로 탄도미사일 발사',
      '북한이 다음 달 열릴 당 대회를 준비하기 위한 회의를 지난 5일부터 7일까지 진행했다고 조선중앙통신이 8일 보도했다.',
      '회의에서는 올해 경제 성과와 내년 과업이 폭넓게 논의된 것으로 전해졌다.',
      '합동참모본부는 북한이 10일 오후 2시 10분쯤 동해상으로 탄도미사일을 발사했다고 밝혔다.',
    );
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe('2024-05-10');
  });
  it('a launch headline over a body about a meeting only stays no report', () => {
    const { ex } = report(
      '미사일 발사? 당 대회 준비 회의 열려',
      '북한이 다음 달 열릴 당 대회를 준비하기 위한 회의를 지난 5일부터 7일까지 진행했다고 조선중앙통신이 8일 보도했다.',
      '회의에서는 올해 경제 성과가 평가됐다.',
    );
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('Korean reports that are not launch reports', () => {
  it('a column hung on a launch (rhetorical questions, "…해야 한다.") is not a launch report', () => {
    const { ex } = report(
      '[칼럼] 미사일 경보, 이대로 괜찮은가',
      '북한이 또 동해상으로 탄도미사일을 발사했다.',
      '그러나 경보 문자가 늦게 도착했다면 시민들은 어디로 대피해야 하는가?',
      '정부는 경보 체계를 처음부터 다시 점검해야 한다.',
    );
    expect(ex.isLaunchReport).toBe(false);
  });

  it('signs of launch preparations', () => {
    const { ex } = report('북한, 탄도미사일 발사 준비 정황 포착', '군 당국은 북한이 동창리 일대에서 장거리 로켓 발사를 준비하는 정황을 포착했다고 10일 밝혔다.');
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a launch announced for later', () => {
    const { ex } = report('북한, 위성 발사 예고', '북한은 오는 20일부터 25일 사이에 정찰위성을 발사하겠다고 일본 해상보안청에 통보했다.');
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a year-long tally', () => {
    const { ex } = report('올해 북한 미사일 통계', '북한이 올해 총 40발의 탄도미사일을 시험발사한 것으로 집계됐다.');
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a missile-defence drill on the day of a launch', () => {
    const { ex } = report('한미, 미사일 방어훈련 실시', '한미 해군은 10일 동해에서 연합 미사일 방어훈련을 실시했다고 밝혔다. 훈련에는 이지스 구축함이 참가했다.');
    expect(ex.isLaunchReport).toBe(false);
  });
});

describe('the launcher is the subject marked by its particle', () => {
  it('"북한이 … 일본 열도 너머로 쐈다": North Korea, not Japan nearer the verb', () => {
    const { ex } = report('북한, 중거리탄도미사일 발사', '북한이 9일 오전 중거리탄도미사일 1발을 일본 열도 너머로 쐈다.');
    expect(ex.actor).toBe('DPRK');
  });
  it('headline "北, 美 … 앞두고 발사": North Korea, not the United States', () => {
    const { ex } = report('北, 美 국무장관 방한 앞두고 탄도미사일 발사', '합동참모본부는 10일 북한이 동해상으로 탄도미사일 1발을 쐈다고 밝혔다.');
    expect(ex.actor).toBe('DPRK');
  });
  it('"북한이 미국 … 방한 중에 미사일을 쐈다": North Korea', () => {
    const { ex } = report('북한 탄도미사일 발사', '북한이 미국 국방장관의 방한 중에 단거리탄도미사일 2발을 동해상으로 쐈다.');
    expect(ex.actor).toBe('DPRK');
  });
  it('another country as the subject of its own launch stays that country', () => {
    const { ex } = report('미국, 미니트맨3 시험발사', '미국이 10일 캘리포니아주 반덴버그 우주군기지에서 대륙간탄도미사일 미니트맨3 1발을 시험 발사했다.');
    expect(ex.actor).toBe('USA');
  });
});

describe('a passive verb of firing', () => {
  it('"우리 군은 … 북한 … 일대에서 발사된 미사일 1발을 포착했다": North Korea launched, the South detected', () => {
    const { ex } = report('합참 "北, 탄도미사일 발사"', '합동참모본부는 10일 "우리 군은 오전 6시쯤 북한 원산 일대에서 동해상으로 발사된 단거리탄도미사일 1발을 포착했다"고 밝혔다.');
    expect(ex.actor).toBe('DPRK');
  });
});

describe('state-media landing in target waters', () => {
  it('"조선 동해 공해상 목표수역에 탄착" lands in the Sea of Japan', () => {
    const { ex } = report('北 "신형 ICBM 시험발사 성공"', '조선중앙통신은 9일 미사일총국이 8일 신형 대륙간탄도미사일을 시험발사했다고 보도했다.', '미사일은 4,000초간 비행한 뒤 조선 동해 공해상 목표수역에 탄착했다.');
    expect(ex.claims.find((c) => c.field === 'landing')?.value).toBe('sea-of-japan');
  });
  it('"동해 공해상의 예정수역을 타격" lands in the Sea of Japan', () => {
    const { ex } = report('北 "ICBM 발사훈련"', '북한은 전날 대륙간탄도미사일 발사훈련을 했다고 10일 밝혔다.', '통신은 미사일이 동해 공해상의 예정수역을 정확히 타격했다고 전했다.');
    expect(ex.claims.find((c) => c.field === 'landing')?.value).toBe('sea-of-japan');
  });
});

describe('a launch some hours after another', () => {
  it('"단거리탄도미사일을 쏜 지 약 9시간 만의" is the earlier launch: its class is not this launch\'s', () => {
    const { ex } = report('합참 "北, 동해상으로 장거리탄도미사일 발사"', '북한이 동해상으로 장거리탄도미사일을 쐈다고 합동참모본부가 밝혔다.', '북한이 단거리탄도미사일을 쏜 지 약 9시간 만의 추가 도발이다.');
    expect(ex.claims.find((c) => c.field === 'class')?.value).not.toBe('SRBM');
  });
});

describe('Korean articles whose launch is not the news', () => {
  it('a Security Council meeting about a launch is not a launch report', () => {
    const { ex } = report(
      '유엔 안보리, 北 탄도미사일 발사 논의…결론 못 내',
      '유엔 안전보장이사회가 9일(현지시간) 북한의 탄도미사일 발사와 관련해 공개회의를 열었지만 합의에 이르지 못했다.',
      '북한은 지난 7일 동해상으로 단거리탄도미사일 2발을 발사했다.',
    );
    expect(ex.isLaunchReport).toBe(false);
  });
  it('a launch report that mentions a meeting later stays a report', () => {
    const { ex } = report('北, 동해상으로 탄도미사일 발사', '북한이 10일 오전 동해상으로 단거리탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.', '정부는 북한의 발사와 관련해 국가안전보장회의를 열었다.');
    expect(ex.isLaunchReport).toBe(true);
  });
});
