// The launch prefilter: the loosened patterns, and — over every corpus at hand (the repo's test/corpus* sets always,
// ../shared/corpus/* when present) — the same predictions and the same extraction with and without it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/clean/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { extractWith } from '../../src/extract/extract.js';
import { configurationFor } from '../../src/extract/locales/index.js';
import { loosen, spacedOnce } from '../../src/knowledge/loose-pattern.js';
import { mayReportLaunch, mayReportLaunchIn, prefilterText } from '../../src/extract/prefilter.js';
import { articleUnits } from '../../src/extract/units.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { readDataJson } from '../../src/paths.js';
import { Analyzer, toPrediction } from '../../src/pipeline.js';
import type { SourceDocument } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';

describe('loosen', () => {
  it('drops lookarounds, \\B and anchors, and keeps words, classes and \\b', () => {
    expect(loosen('(?<!(?:of|the) )launch(?:es|ed)(?! (?:pad|site))')).toBe('launch(?:es|ed)');
    expect(loosen('^\\bfire[sd](?=[^)]*\\))$')).toBe('\\bfire[sd]');
    expect(loosen('test[- ]?fire\\B')).toBe('test[- ]?fire');
    expect(loosen('[(?!x)]y')).toBe('[(?!x)]y');
    // The tables' "no such phrasing" keeps matching nothing.
    expect(loosen('(?!)')).toBe('(?!)');
  });

  it('gives every launch phrase of every locale a pattern that compiles and needs at least one character', () => {
    for (const locale of ['en', 'ko', 'ja']) {
      const t = readDataJson<{ launchVerbs: string[]; launchNouns: string[]; missileNouns: string[] }>(`locales/${locale}/phrases.json`);
      for (const source of [...t.launchVerbs, ...t.launchNouns, ...t.missileNouns]) {
        const loose = new RegExp(`^(?:${loosen(source)})$`, 'i');
        expect(loose.test(''), `${locale}: ${source}`).toBe(false);
      }
    }
  });

  it('reads text with every run of whitespace as one space', () => {
    expect(spacedOnce('a  b\n\nc\td e')).toBe('a b c d e');
  });
});

describe('mayReportLaunchIn', () => {
  const article = (text: string) => cleanDocument({
    origin: 't', format: 'text', externalId: null, url: null, source: null, published: null, language: 'en', title: 'Town news', text, droppedByExtractor: [],
  });
  const mayIn = (text: string): boolean => mayReportLaunchIn(articleUnits(article(text), 'en'), 'en');

  it('asks each sentence for a launch word and a missile word, where the whole text had them apart', () => {
    const apart = 'A shop launched a new phone on Monday. The rocket club met on Tuesday.';
    expect(mayReportLaunch(prefilterText(article(apart)), 'en')).toBe(true);
    expect(mayIn(apart)).toBe(false);
    expect(extractArticle(article(apart))).toEqual(extractWith(configurationFor('en'), article(apart)));
    expect(mayIn('The rocket club met on Tuesday. The navy test-fired two cruise missiles off its coast.')).toBe(true);
  });
});

describe('mayReportLaunch', () => {
  it('lets a launch through and turns away a town-council story', () => {
    expect(mayReportLaunch('Test fires\nThe navy test-fired two cruise missiles off its east coast on Monday.', 'en')).toBe(true);
    expect(mayReportLaunch('Budget passes\nThe council approved a cautious plan for park lighting, which would cost 9 million.', 'en')).toBe(false);
  });

  it('needs a launch word and a missile word (or designation), wherever they stand', () => {
    expect(mayReportLaunch('The rocket club met on Tuesday.', 'en')).toBe(false);
    expect(mayReportLaunch('The company launched a new phone.', 'en')).toBe(false);
    expect(mayReportLaunch('Officials said a Hwasong-18 flew east.', 'en')).toBe(true);
    expect(mayReportLaunch('A launch\nvehicle lifted  off at dawn.', 'en')).toBe(true);
  });

  it('reads Korean and Japanese with their own vocabulary', () => {
    expect(mayReportLaunch('북한이 동해상으로 탄도미사일을 발사했다.', 'ko')).toBe(true);
    expect(mayReportLaunch('시의회가 도서관 예산을 승인했다.', 'ko')).toBe(false);
    expect(mayReportLaunch('北朝鮮が弾道ミサイルを発射した。', 'ja')).toBe(true);
    expect(mayReportLaunch('市議会は図書館の予算を承認した。', 'ja')).toBe(false);
  });
});

const CORPORA = [
  ...readdirSync(join(ROOT, 'test')).filter((d) => d.startsWith('corpus')).map((d) => join(ROOT, 'test', d)),
  ...['seeds', 'dev', 'dev2', 'ko', 'ja'].map((d) => join(ROOT, '..', 'shared', 'corpus', d)),
].filter((d) => existsSync(join(d, 'articles')));

async function documents(dir: string): Promise<SourceDocument[]> {
  const docs: SourceDocument[] = [];
  for await (const item of ingestPaths([join(dir, 'articles')])) if (item.ok) docs.push(item.doc);
  return docs;
}

describe('the prefilter changes no output', () => {
  it('finds the repo corpora', () => {
    expect(CORPORA.filter((d) => d.startsWith(join(ROOT, 'test'))).length).toBeGreaterThanOrEqual(1);
  });

  for (const dir of CORPORA) {
    it(`${dir.slice(dir.lastIndexOf('/', dir.lastIndexOf('/') - 1) + 1)}: the same extraction and prediction per article`, async () => {
      const docs = await documents(dir);
      expect(docs.length).toBeGreaterThan(0);
      const analyzer = new Analyzer();
      let turnedAway = 0;
      for (const doc of docs) {
        const article = cleanDocument(doc);
        const config = configurationFor(article.language);
        const full = extractWith(config, article);
        expect(extractArticle(article), doc.origin).toEqual(full);
        const quick = analyzer.add(doc);
        expect(quick.ok).toBe(true);
        // What analyze answers at once (before cleaning) is the full reading's prediction of a non-report.
        if (quick.ok && quick.prediction) expect(quick.prediction, doc.origin).toEqual(toPrediction({ article, extraction: full }, null));
        if (!mayReportLaunch(prefilterText(doc), config.locale)) {
          turnedAway++;
          expect(full.isLaunchReport, doc.origin).toBe(false);
        }
      }
      // Launch reports wait for the events; the rest were answered as they came.
      const reports = analyzer.finish();
      expect(reports.every((p) => p.is_launch_report)).toBe(true);
      expect(turnedAway).toBeLessThanOrEqual(docs.length);
    }, 300_000);
  }
});
