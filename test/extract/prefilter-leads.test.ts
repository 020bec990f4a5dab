// The launch prefilter asks an article's first line and lead before its whole text (prefilter.ts leadMayReport):
// the answer must be the whole text's, on written texts, on seeded random texts built to put launch and missile
// words, glued words and whitespace runs of every kind at the cuts, and on every corpus at hand.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/clean/index.js';
import { matchesInLongerText, MATCHES_NOTHING } from '../../src/knowledge/loose-pattern.js';
import {
  mayReportLaunch,
  mayReportLaunchOf,
  mayReportLaunchWhole,
  prefilterLeadsSuffice,
  prefilterText,
} from '../../src/extract/prefilter.js';
import { localeFor } from '../../src/extract/locales/locale.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { mulberry32 } from '../../src/resolve/copies/hash.js';
import { PREFILTER_LEAD_CHARS } from '../../src/settings.js';
import type { Locale } from '../../src/knowledge/index.js';
import { ROOT } from '../helpers/cli.js';

describe('matchesInLongerText', () => {
  it('accepts word boundaries, classes, backreferences and the never-true (?!)', () => {
    expect(matchesInLongerText(/\bfire[sd]\b/i)).toBe(true);
    expect(matchesInLongerText(/[(?<=x)^$]y/)).toBe(true);
    expect(matchesInLongerText(/(a)\1/)).toBe(true);
    expect(matchesInLongerText(/\blaunch(?:es)?|(?!)/i)).toBe(true);
    expect(matchesInLongerText(new RegExp(MATCHES_NOTHING, 'y'))).toBe(true);
  });

  it('refuses lookarounds, ^, $, \\B and a global or sticky regex', () => {
    expect(matchesInLongerText(/launch(?! pad)/)).toBe(false);
    expect(matchesInLongerText(/(?<!the )launch/)).toBe(false);
    expect(matchesInLongerText(/launch(?=ed)/)).toBe(false);
    expect(matchesInLongerText(/^launch/)).toBe(false);
    expect(matchesInLongerText(/launch$/)).toBe(false);
    expect(matchesInLongerText(/launch\B/)).toBe(false);
    expect(matchesInLongerText(/launch/g)).toBe(false);
    expect(matchesInLongerText(/launch/y)).toBe(false);
  });

  it('would be wrong to accept what it refuses: each refused regex matches in a start but not in the longer text', () => {
    // "launch" then " pad": the lookahead sees the pad only in the longer text; "$" and "\B" likewise.
    expect(/launch(?! pad)/.test('A launch')).toBe(true);
    expect(/launch(?! pad)/.test('A launch pad')).toBe(false);
    expect(/launch$/.test('A launch')).toBe(true);
    expect(/launch$/.test('A launch pad')).toBe(false);
    expect(/launch\B/.test('A launch-')).toBe(false);
    // Why a start must end where no word boundary moves: cut inside a word, \b is true at the cut and false after.
    expect(/missile\b/.test('A missile')).toBe(true);
    expect(/missile\b/.test('A missiles')).toBe(false);
    expect(/missile\b/.test('A missile\n')).toBe(true);
  });
});

describe('the leading parts answer as the whole text', () => {
  it('holds for the shipped tables of every locale', () => {
    for (const locale of ['en', 'ko', 'ja'] as const) expect(prefilterLeadsSuffice(locale), locale).toBe(true);
  });

  it('lets a launch in the title through, and reads the rest when the title holds none', () => {
    const body = 'The council met on Monday.\n\nLater, the navy test-fired two cruise missiles off its east coast.';
    expect(mayReportLaunch(`North Korea fires a ballistic missile\n${body}`, 'en')).toBe(true);
    expect(mayReportLaunch(`Town news\n${body}`, 'en')).toBe(true);
    expect(mayReportLaunch('Town news\nThe council met on Monday.', 'en')).toBe(false);
    // A launch word in the title and a missile word far below it: the whole text is read, and passes.
    const far = `Shop launched phone\n${'The council met on Monday and talked about parks. '.repeat(20)}\nA rocket club met.`;
    expect(mayReportLaunch(far, 'en')).toBe(true);
    expect(mayReportLaunchWhole(far, 'en')).toBe(true);
  });

  it('reads a whitespace run cut at the lead\'s end as the whole text does', () => {
    // The first line ends in spaces: its start "...launched a missile " is what the whole text starts with.
    expect(mayReportLaunch('The army launched a missile   \n\n  and more', 'en')).toBe(true);
    // A word split by the cut is never read as two: the cut is always just before a line break.
    expect(mayReportLaunch('Missile test-\nfired over the sea', 'en')).toBe(mayReportLaunchWhole('Missile test-\nfired over the sea', 'en'));
  });

  it('gives the whole text\'s answer on seeded random texts', () => {
    const pieces: Record<Locale, string[]> = {
      en: [
        'launch', 'launched', 'launches', 'relaunched', 'fired', 'fire', 'd', 's', 'test-fired', 'test fired', 'tested',
        'contested', 'missile', 'missiles', 'rocket', 'projectile', 'Hwasong-18', 'Hwasong\u201118', 'KN-23', 'ICBM',
        'missile tests', 'launch pad', 'of launch', 'the launch', 'flew', 'salvo', 'satellite', 'council', 'park', 'budget',
        'on Monday', 'said', 'the', 'a', 'North Korea', 'Seoul', 'test-', 'fir', 'ing', 'mis', 'sile', 'Hwa', 'song',
      ],
      ko: ['북한이', '동해상으로', '탄도미사일을', '미사일', '발사했다', '발사', '시의회가', '예산을', '승인했다', '했다'],
      ja: ['北朝鮮が', '弾道ミサイルを', 'ミサイル', '発射した', '発射', '市議会は', '予算を', '承認した', 'した'],
    };
    const separators = [' ', ' ', ' ', ' ', '', '\n', '\n\n', '  ', ' \n', '\n ', '\t', '\u00a0', '\r\n', '. ', ', ', '-'];
    const rnd = mulberry32(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[rnd() % xs.length];
    let passed = 0;
    let leadAnswered = 0;
    for (let n = 0; n < 3000; n++) {
      const locale = pick(['en', 'en', 'en', 'ko', 'ja'] as const);
      // Mostly filler with a few vocabulary words, some texts longer than the lead.
      const words = 5 + (rnd() % (n % 4 === 0 ? 260 : 40));
      let text = '';
      for (let w = 0; w < words; w++) text += (rnd() % 4 === 0 ? pick(pieces[locale]) : pick(['word', 'news', 'and', 'town', '2031'])) + pick(separators);
      const whole = mayReportLaunchWhole(text, locale);
      expect(mayReportLaunch(text, locale), JSON.stringify(text)).toBe(whole);
      const cut = text.indexOf('\n');
      const article = cut < 0 ? { title: null, text } : { title: text.slice(0, cut), text: text.slice(cut + 1) };
      expect(mayReportLaunchOf(article, locale), JSON.stringify(text)).toBe(mayReportLaunchWhole(prefilterText(article), locale));
      if (whole) passed++;
      if (whole && cut > 0 && mayReportLaunchWhole(text.slice(0, cut), locale)) leadAnswered++;
    }
    // The random texts hold both answers, and texts whose first line answers.
    expect(passed).toBeGreaterThan(300);
    expect(passed).toBeLessThan(2700);
    expect(leadAnswered).toBeGreaterThan(50);
    expect(PREFILTER_LEAD_CHARS).toBeGreaterThan(0);
  });
});

const CORPORA = [
  ...readdirSync(join(ROOT, 'test')).filter((d) => d.startsWith('corpus')).map((d) => join(ROOT, 'test', d)),
  ...['seeds', 'dev', 'dev2', 'ko', 'ja'].map((d) => join(ROOT, '..', 'shared', 'corpus', d)),
].filter((d) => existsSync(join(d, 'articles')));

describe('the leading parts answer as the whole text on every corpus', () => {
  for (const dir of CORPORA) {
    it(`${dir.slice(dir.lastIndexOf('/', dir.lastIndexOf('/') - 1) + 1)}: raw and cleaned`, async () => {
      let n = 0;
      for await (const item of ingestPaths([join(dir, 'articles')])) {
        if (!item.ok) continue;
        const doc = item.doc;
        const locale = localeFor(doc.language);
        expect(mayReportLaunchOf(doc, locale), doc.origin).toBe(mayReportLaunchWhole(prefilterText(doc), locale));
        const article = cleanDocument(doc);
        const cleaned = prefilterText(article);
        expect(mayReportLaunch(cleaned, locale), doc.origin).toBe(mayReportLaunchWhole(cleaned, locale));
        expect(mayReportLaunchOf(article, locale), doc.origin).toBe(mayReportLaunchWhole(cleaned, locale));
        n++;
      }
      expect(n).toBeGreaterThan(0);
    }, 300_000);
  }
});
