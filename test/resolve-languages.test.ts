// Reports of one launch in Korean, Japanese and English make one event, and one news organisation's reports in
// two languages (Yonhap in Korean and in English) count as one source. The three reports and their hand-made
// extractions are in helpers/languages.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFields, EventResolver, type Report } from '../src/resolve/index.js';
import { organisationOf } from '../src/resolve/outlets.js';
import type { Claim } from '../src/types.js';
import { ROOT } from './helpers/cli.js';
import { DAY, threeLanguageReports } from './helpers/languages.js';

describe('one launch reported in Korean, Japanese and English', () => {
  const { ko, ja, en, reports } = threeLanguageReports();
  it('reads each report in its own language', () => {
    expect([ko.language, ja.language, en.language]).toEqual(['ko', 'ja', 'en']);
  });

  it('groups the three reports into one event whose values are normalized and in English', () => {
    const resolver = new EventResolver();
    for (const r of reports) resolver.add(r);
    const events = resolver.all();
    expect(events).toHaveLength(1);
    const [ev] = events;
    expect(ev.articleIds.sort()).toEqual([ko.id, ja.id, en.id].sort());
    expect(ev.dateLocal).toBe(DAY);
    expect(ev.fields.time_local.value).toBe('07:20');
    expect(ev.fields.class.value).toBe('SRBM');
    expect(ev.fields.distance_km.value).toBe(600);
    expect(ev.fields.eez.value).toBe('outside');
    // Evidence stays in the original language: the chosen time is quoted from the Korean or Japanese text.
    const timeQuotes = ev.fields.time_local.candidates[0].support.map((s) => reports.find((r) => r.extraction.articleId === s.articleId)?.extraction.claims[s.claimIndex].evidence.sentence);
    expect(timeQuotes).toEqual(expect.arrayContaining([expect.stringContaining('오전 7시 20분쯤'), expect.stringContaining('午前7時20分ごろ')]));
  });
});

describe('independence by news organisation, across languages and editions', () => {
  const unattributed = (id: string, source: string, km: number, published: string): Report => {
    const sentence = `made-up sentence ${id}`;
    const c: Claim = {
      field: 'distance_km', value: km, surface: String(km), attribution: null, saidBy: source, confidence: 0.8, parser: 'by-hand', implied: false,
      evidence: { articleId: id, part: 'text', span: { start: 0, end: 1 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
    };
    return { extraction: { articleId: id, isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims: [c], fields: { distance_km: c }, weekday: null }, published, source };
  };

  it('counts Yonhap in Korean and Yonhap in English once: two other organisations outweigh them', () => {
    const fields = computeFields([
      unattributed('yonhap-ko', 'yna.co.kr', 600, '2034-07-10'),
      unattributed('yonhap-en', 'en.yna.co.kr', 600, '2034-07-10'),
      unattributed('nhk', 'www3.nhk.or.jp', 650, '2034-07-11'),
      unattributed('kyodo', 'english.kyodonews.net', 650, '2034-07-11'),
    ]);
    const [first, second] = fields.distance_km.candidates;
    expect(fields.distance_km.value).toBe(650);
    expect(first.sources?.sort()).toEqual(['kyodo', 'nhk']);
    expect(second).toMatchObject({ value: 600, sources: ['yonhap'] });
    expect(second.weight).toBeCloseTo((first.weight ?? 0) / 2, 6);
  });

  it('still counts two unrelated outlets twice', () => {
    const fields = computeFields([
      unattributed('a', 'news.example.org', 600, '2034-07-10'),
      unattributed('b', 'another.example.net', 600, '2034-07-10'),
      unattributed('c', 'third.example.com', 650, '2034-07-10'),
    ]);
    expect(fields.distance_km.value).toBe(600);
    expect(fields.distance_km.candidates[0].sources?.sort()).toEqual(['another.example.net', 'news.example.org']);
  });

  it('maps editions and mobile hosts to their organisation, and other hosts to themselves', () => {
    expect(['yna.co.kr', 'en.yna.co.kr', 'm-en.yna.co.kr', 'www.yna.co.kr'].map(organisationOf)).toEqual(['yonhap', 'yonhap', 'yonhap', 'yonhap']);
    expect(['www3.nhk.or.jp', 'koreajoongangdaily.joins.com', 'japannews.yomiuri.co.jp'].map(organisationOf)).toEqual(['nhk', 'joongang', 'yomiuri']);
    expect(organisationOf('www.example.com')).toBe('example.com');
    expect(organisationOf('notyna.co.kr')).toBe('notyna.co.kr'); // a parent domain, not a name ending
    expect(organisationOf(null)).toBeNull();
  });

  it('lists every domain under one organisation only', () => {
    const rows = (JSON.parse(readFileSync(join(ROOT, 'data/outlets.json'), 'utf8')) as { organisations: { key: string; domains: string[] }[] }).organisations;
    const domains = rows.flatMap((r) => r.domains);
    expect(new Set(domains).size).toBe(domains.length);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
