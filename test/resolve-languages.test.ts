// Reports of one launch in Korean, Japanese and English make one event, and one news organisation's reports in
// two languages (Yonhap in Korean and in English) count as one source. The three reports are our own short
// texts in test/fixtures/languages, read through the real ingest and clean stages; their extractions are built
// here by hand from the values each text states (normalized, in English), so the grouping is tested apart from
// the extraction rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.js';
import { documentFromText } from '../src/ingest/index.js';
import { computeFields, EventResolver, type Report } from '../src/resolve/index.js';
import { organisationOf } from '../src/resolve/outlets.js';
import type { Article, Claim, Extraction, FieldName, FieldValue } from '../src/types.js';
import { ROOT } from './helpers/cli.js';

const DIR = join(ROOT, 'test/fixtures/languages');

function article(file: string, published: string): Article {
  const doc = documentFromText(readFileSync(join(DIR, file), 'utf8'), file);
  return cleanDocument({ ...doc, published: { date: published, instant: null, via: 'record' } });
}

/** A claim quoting `surface` from the article's body sentence that holds it. */
function claim(a: Article, field: FieldName, value: FieldValue, surface: string, attribution: string | null): Claim {
  const at = a.text.indexOf(surface);
  if (at < 0) throw new Error(`${a.origin}: "${surface}" is not in the text`);
  const sentence = a.sentences.find((s) => s.start <= at && at + surface.length <= s.end);
  if (!sentence) throw new Error(`${a.origin}: "${surface}" crosses a sentence boundary`);
  return {
    field,
    value,
    surface,
    evidence: { articleId: a.id, part: 'text', span: { start: at, end: at + surface.length }, sentenceSpan: sentence, sentence: a.text.slice(sentence.start, sentence.end) },
    attribution,
    saidBy: attribution,
    confidence: 0.8,
    parser: 'by-hand',
    implied: false,
  };
}

function extraction(a: Article, claims: Claim[]): Extraction {
  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) fields[c.field] ??= c;
  return { articleId: a.id, isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims, fields, weekday: 1 };
}

const DAY = '2034-07-10'; // a Monday

describe('one launch reported in Korean, Japanese and English', () => {
  const ko = article('ko-yonhap.txt', DAY);
  const ja = article('ja-nhk.txt', DAY);
  const en = article('en-wire.txt', DAY);
  const reports: Report[] = [
    {
      extraction: extraction(ko, [
        claim(ko, 'date_local', DAY, '10일', 'jcs'),
        claim(ko, 'time_local', '07:20', '오전 7시 20분쯤', 'jcs'),
        claim(ko, 'count_exact', true, '1발', 'jcs'),
        claim(ko, 'count_min', 1, '1발', 'jcs'),
        claim(ko, 'class', 'SRBM', '단거리탄도미사일', 'jcs'),
        claim(ko, 'landing', 'sea-of-japan', '동해상', 'jcs'),
        claim(ko, 'distance_km', 600, '약 600㎞', 'jcs'),
      ]),
      published: DAY,
      source: 'yna.co.kr',
    },
    {
      extraction: extraction(ja, [
        claim(ja, 'date_local', DAY, '10日', 'jp-mod'),
        claim(ja, 'time_local', '07:20', '午前7時20分ごろ', 'jp-mod'),
        claim(ja, 'count_exact', true, '1発', 'jp-mod'),
        claim(ja, 'count_min', 1, '1発', 'jp-mod'),
        claim(ja, 'class', 'ballistic', '弾道ミサイル', 'jp-mod'),
        claim(ja, 'distance_km', 600, '約600キロ', 'jp-mod'),
        claim(ja, 'eez', 'outside', '排他的経済水域の外側', 'jp-mod'),
      ]),
      published: DAY,
      source: 'www3.nhk.or.jp',
    },
    {
      extraction: extraction(en, [
        claim(en, 'date_local', DAY, 'on Monday', 'jcs'),
        claim(en, 'class', 'SRBM', 'short-range ballistic missile', 'jcs'),
        claim(en, 'landing', 'sea-of-japan', 'East Sea', 'jcs'),
        claim(en, 'distance_km', 600, 'about 600 kilometers', 'jcs'),
        claim(en, 'eez', 'outside', "outside Japan's exclusive economic zone", 'jcs'),
      ]),
      published: DAY,
      source: 'en.yna.co.kr',
    },
  ];

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
