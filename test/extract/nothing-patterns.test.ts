// A phrase table's rule pattern written "(?!)" ("no such phrasing in this language") is compiled sticky, so the regex
// engine tries it at one position instead of every position of each sentence: it must still match nothing, however
// it is asked, and keep its source, which the loose patterns and the literal anchors read as matching nothing.
import { describe, expect, it } from 'vitest';
import { phrases, RULE_PATTERN_NAMES } from '../../src/extract/phrases.js';
import { literalAnchors } from '../../src/knowledge/literal-anchors.js';
import { loosen } from '../../src/knowledge/loose-pattern.js';
import { readDataJson } from '../../src/paths.js';
import { isCommentaryIn } from '../../src/extract/rules/report.js';
import type { Unit } from '../../src/extract/units.js';

const TEXTS = ['', 'The rocket flew east.', '북한이 미사일을 발사했다.', '北朝鮮がミサイルを発射した。', 'line one\nline two'];

describe('rule patterns that match nothing', () => {
  it('match nothing at any position, keep their source and their empty anchors', () => {
    let seen = 0;
    for (const locale of ['en', 'ko', 'ja'] as const) {
      const rows = readDataJson<{ rulePatterns: Record<string, { pattern: string }> }>(`locales/${locale}/phrases.json`).rulePatterns;
      const compiled = phrases(locale).rule;
      for (const name of RULE_PATTERN_NAMES) {
        if (rows[name].pattern !== '(?!)') continue;
        seen++;
        const re = compiled[name];
        expect(re.source).toBe('(?!)');
        expect(literalAnchors(loosen(re.source))).toEqual([]);
        for (const text of TEXTS) {
          for (let at = 0; at <= text.length; at++) {
            re.lastIndex = at;
            expect(re.test(text), `${locale} ${name} at ${at}`).toBe(false);
          }
          expect(re.exec(text)).toBeNull();
          expect([...text.matchAll(new RegExp(re.source, `${re.flags}g`))]).toEqual([]);
          expect(text.split(re)).toEqual([text]);
        }
      }
    }
    // Not vacuous: English alone has four such patterns.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('make no article commentary, however many sentences it has (isCommentaryIn asks none of them)', () => {
    const unit = (text: string, index: number): Unit => ({ part: 'text', index, span: { start: 0, end: text.length }, text, paragraph: 0, isCaption: false, inChronology: false });
    const units = TEXTS.map(unit);
    const voice = phrases('en').rule.commentaryVoice;
    expect(voice.source).toBe('(?!)');
    expect(isCommentaryIn(units, voice)).toBe(false);
    // A voice that matches every sentence does make one: the count is still what decides.
    expect(isCommentaryIn(units, /.?/)).toBe(true);
  });
});
