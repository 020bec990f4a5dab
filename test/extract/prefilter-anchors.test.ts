// The launch prefilter's literal anchors: derived from the patterns (literal-anchors.ts), found in raw text by one
// regex (anchor-regex.ts). Every phrase of every locale's table, and every designation, must pass its anchor test
// (a sample string is made from each pattern itself), and texts without launch words are turned away.
import { describe, expect, it } from 'vitest';
import { ruleSets } from '../../src/knowledge/index.js';
import { anchorRegex } from '../../src/knowledge/anchor-regex.js';
import { literalAnchors, WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { loosen } from '../../src/knowledge/loose-pattern.js';
import { mayReportLaunch, mayReportLaunchOf, prefilterAnchors } from '../../src/extract/prefilter.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { readDataJson } from '../../src/paths.js';
import { analyzeDocument } from '../../src/pipeline.js';
import { anchorAnalysis } from '../../src/turned-away.js';
import type { SourceDocument } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';

const LOCALES = ['en', 'ko', 'ja'] as const;

/**
 * One string a regex source matches, made by walking it: the first (or last) branch of each alternation and
 * member of each class, each part repeated as few times as it must be. Checked against the pattern by the caller.
 */
function sample(src: string, last: boolean): string {
  let i = 0;
  const alternation = (): string => {
    const branches = [sequence()];
    while (src[i] === '|') {
      i++;
      branches.push(sequence());
    }
    return last ? branches[branches.length - 1] : branches[0];
  };
  const sequence = (): string => {
    let out = '';
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const a = atom();
      const q = /^(?:([?*])|(\+)|\{(\d+)(?:,\d*)?\})\??/.exec(src.slice(i));
      if (q) i += q[0].length;
      out += q ? a.repeat(q[1] ? 0 : q[2] ? 1 : Number(q[3])) : a;
    }
    return out;
  };
  const atom = (): string => {
    const c = src[i++];
    if (c === '(') {
      if (src.startsWith('?:', i)) i += 2;
      const inner = alternation();
      i++;
      return inner;
    }
    if (c === '[') {
      const end = src.indexOf(']', i + 1);
      const body = src.slice(i, end);
      i = end + 1;
      if (body.startsWith('^')) return 'x';
      const members = body.replace(/\\s/g, ' ').replace(/\\(.)/g, '$1').replace(/(.)-(.)/gu, '$1');
      return last ? [...members].pop() ?? '' : [...members][0];
    }
    if (c === '\\') {
      const e = src[i++];
      if (e === 'p' || e === 'P') {
        i = src.indexOf('}', i) + 1;
        return 'x';
      }
      return ({ b: '', B: '', s: ' ', d: '1', w: 'x', S: 'x', D: 'x', W: ' ' } as Record<string, string>)[e] ?? e;
    }
    if (c === '.') return 'x';
    return c === '^' || c === '$' ? '' : c;
  };
  return alternation();
}

/** Sample strings of a pattern that it matches (loosened), embedded in a sentence of mine. */
function samples(pattern: string, flags: string): string[] {
  const loose = loosen(pattern);
  const re = new RegExp(loose, flags);
  return [false, true].map((last) => `Officials said on Monday that ${sample(loose, last)} was seen.`).filter((s) => re.test(s));
}

interface Vocabulary {
  launchVerbs: string[];
  launchNouns: string[];
  missileNouns: string[];
}

describe('literalAnchors', () => {
  it('spells out small literal runs and keeps a word boundary', () => {
    expect(literalAnchors('fire[sd]')).toEqual(['fires', 'fired']);
    expect(literalAnchors('\\bHwasong')).toEqual([`${WORD_BOUNDARY}hwasong`]);
    // Every spelling holds an anchor; a word that only shares letters with them does not.
    const fire = anchorRegex(literalAnchors('test[- ]?fire[sd]'), 'i') as RegExp;
    for (const s of ['test-fires', 'test\n fired', 'testfires']) expect(fire.test(s), s).toBe(true);
    expect(fire.test('the tested ceasefire')).toBe(false);
  });

  it('keeps the most telling part of a sequence, and unites the branches of an alternation', () => {
    // "with" is a common word: the verbs are the anchors (spaces at an anchor's ends dropped).
    expect(literalAnchors('(?:struck|hit) [^.]{1,100}? with')).toEqual(['hit', 'struck']);
    expect(literalAnchors('missiles?|rockets?')).toEqual(['rocket', 'missile']);
  });

  it('requires nothing of a pattern that needs no literal, and everything of one that matches nothing', () => {
    expect(literalAnchors('x?.b')).toEqual(['b']);
    expect(literalAnchors('[^.]+')).toBeNull();
    expect(literalAnchors('a|.')).toBeNull();
    expect(literalAnchors('(?!)')).toEqual([]);
  });

  it('never starts an anchor with whitespace (a long run of spaces would be tried at each of its positions)', () => {
    expect(literalAnchors('[^.]{0,9} +orbit +[^.]')).toEqual(['orbit']);
    expect(literalAnchors('\\s')).toBeNull();
  });

  it('finds an anchor in raw text across whitespace runs and Unicode hyphens, as the loose patterns read it', () => {
    const re = anchorRegex(literalAnchors('long march[- ]?\\d+'), 'iu') as RegExp;
    expect(re.test('the Long\n  March 5 rocket')).toBe(true);
    expect(re.test('a long walk in March')).toBe(false);
    const kn = anchorRegex(literalAnchors('KN[-\\s]?23'), 'iu') as RegExp;
    expect(kn.test('a KN\u201123 missile')).toBe(true);
  });
});

describe('the anchor test of each locale', () => {
  for (const locale of LOCALES) {
    const t = readDataJson<Vocabulary>(`locales/${locale}/phrases.json`);
    const { launch, missile } = prefilterAnchors(locale);

    it(`${locale}: has anchors for the launch words and for the missile words`, () => {
      expect(launch).not.toBeNull();
      expect(missile).not.toBeNull();
    });

    it(`${locale}: passes every launch verb and noun, and every missile noun, of the table`, () => {
      let tried = 0;
      for (const [patterns, anchor] of [[[...t.launchVerbs, ...t.launchNouns], launch], [t.missileNouns, missile]] as const) {
        for (const p of patterns) {
          for (const s of samples(p, 'i')) {
            tried++;
            expect((anchor as RegExp).test(s), `${locale} /${p}/ in "${s}"`).toBe(true);
          }
        }
      }
      expect(tried).toBeGreaterThanOrEqual(t.launchVerbs.length + t.launchNouns.length + t.missileNouns.length);
    });
  }

  it('passes every designation (not weak) of the missile table, in every locale', () => {
    const rules = ruleSets().missiles.filter((r) => !r.weak);
    let tried = 0;
    for (const r of rules) {
      for (const s of samples(r.source, 'iu')) {
        tried++;
        for (const locale of LOCALES) expect(prefilterAnchors(locale).missile?.test(s), `${locale} ${r.where} in "${s}"`).toBe(true);
      }
    }
    expect(tried).toBeGreaterThan(rules.length);
  });

  it('reads letter case at least as broadly as the launch and missile words it joins with the designations', () => {
    // The missile nouns compile with 'i', the designations with 'iu'; their shared anchor regex uses 'iu'.
    const chars = new Set<string>();
    for (const locale of LOCALES) for (const a of literalAnchors(readDataJson<Vocabulary>(`locales/${locale}/phrases.json`).missileNouns.map((p) => `(?:${loosen(p)})`).join('|')) ?? []) for (const c of a) chars.add(c);
    for (const c of chars) {
      const narrow = new RegExp(c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), 'i');
      const broad = new RegExp(c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu');
      for (let x = 0; x < 0x10000; x++) {
        const s = String.fromCharCode(x);
        if (narrow.test(s)) expect(broad.test(s), `${c} ~ U+${x.toString(16)}`).toBe(true);
      }
    }
  });
});

describe('texts the anchors turn away', () => {
  it('turns away news with no launch or missile word, also when a launch word is only part of a longer one', () => {
    expect(mayReportLaunch('The council approved a contested plan for bike lanes in Riverton on Monday.', 'en')).toBe(false);
    expect(mayReportLaunch('Supporters said the long-awaited library was tested by heavy rain in March.', 'en')).toBe(false);
    expect(mayReportLaunch('시의회는 월요일 새 도서관 건립 계획을 승인했다.', 'ko')).toBe(false);
    expect(mayReportLaunch('市議会は月曜日、新しい図書館の建設計画を承認した。', 'ja')).toBe(false);
  });

  it('lets launch reports through in each locale, title and text read apart or together', () => {
    expect(mayReportLaunch('North Korea fired two ballistic missiles toward its eastern sea on Tuesday.', 'en')).toBe(true);
    expect(mayReportLaunchOf({ title: 'Pyongyang launches Hwasong-18', text: 'The test came a week after a military parade.' }, 'en')).toBe(true);
    expect(mayReportLaunchOf({ title: null, text: 'The army test-fired an\u00a0ICBM from a mobile launcher.' }, 'en')).toBe(true);
    expect(mayReportLaunch('북한이 화요일 동해상으로 탄도미사일 두 발을 발사했다.', 'ko')).toBe(true);
    expect(mayReportLaunch('北朝鮮は火曜日、弾道ミサイル２発を日本海に向けて発射した。', 'ja')).toBe(true);
  });
});

describe('anchorAnalysis (salvo analyze asks it in its own thread)', () => {
  it('answers only for documents the full analysis turns away, with the same prediction', async () => {
    const docs: SourceDocument[] = [];
    for await (const it of ingestPaths([`${ROOT}/test/corpus-en5/articles`])) if (it.ok) docs.push(it.doc);
    const town = { ...docs[0], externalId: null, title: 'Council news', text: 'The council approved a contested plan for bike lanes on Monday.' };
    let answered = 0;
    for (const doc of [...docs, town]) {
      const quick = anchorAnalysis(doc);
      if (quick === null) continue;
      answered++;
      expect(quick, doc.origin).toEqual(analyzeDocument(doc));
    }
    expect(answered).toBeGreaterThan(0);
  });
});
