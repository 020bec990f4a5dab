// Three short reports of one made-up launch, in Korean, Japanese and English (our own texts in
// test/fixtures/languages), read through the real ingest and clean stages, with extractions built by hand from
// the values each text states (normalized, in English): grouping and display are tested apart from the
// extraction rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument } from '../../src/clean/index.js';
import { documentFromText } from '../../src/ingest/index.js';
import type { Report } from '../../src/resolve/index.js';
import type { Article, Claim, Extraction, FieldName, FieldValue } from '../../src/types.js';
import { ROOT } from './cli.js';

const DIR = join(ROOT, 'test/fixtures/languages');

function article(file: string, published: string, source: string): Article {
  const doc = documentFromText(readFileSync(join(DIR, file), 'utf8'), file);
  return cleanDocument({ ...doc, source, published: { date: published, instant: null, via: 'record' } });
}

/** A claim quoting `surface` from the article's body sentence that holds it. */
export function claim(a: Article, field: FieldName, value: FieldValue, surface: string, attribution: string | null): Claim {
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

/** The launch day the three reports tell of (a Monday). */
export const DAY = '2034-07-10';

/** The Korean (Yonhap), Japanese (NHK) and English (Yonhap English) reports with their hand-made extractions. */
export function threeLanguageReports(): { ko: Article; ja: Article; en: Article; reports: Report[] } {
  const ko = article('ko-yonhap.txt', DAY, 'yna.co.kr');
  const ja = article('ja-nhk.txt', DAY, 'www3.nhk.or.jp');
  const en = article('en-wire.txt', DAY, 'en.yna.co.kr');
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

  return { ko, ja, en, reports };
}
