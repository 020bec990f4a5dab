import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('"a long-range rocket on Friday carrying what it said was a satellite" is a satellite launch', () => {
    const ex = run(null, ['North Korea launched a long-range rocket on Friday carrying what it said was an observation satellite.'], FRI);
    expect(fieldValue(ex, 'class')).toBe('SLV');
  });
});

describe('class: what the phrase states', () => {
  const cls = (paragraphs: string[]) => fieldValue(run('Launch reported', paragraphs, FRI), 'class');

  it('a class word modifying another noun states nothing ("a cruise missile submarine", "its ICBM program")', () => {
    expect(cls(['The navy fired a missile from a cruise missile submarine on Friday.'])).toBeNull();
    expect(cls(['North Korea fired a missile on Friday, the latest step in its ICBM program.'])).toBeNull();
  });

  it('a denied class states nothing, the stated one wins', () => {
    expect(cls(['North Korea fired a ballistic missile on Friday; officials said its flight was not consistent with an ICBM.'])).toBe('ballistic');
    expect(cls(['North Korea launched a missile on Friday that was not an intercontinental ballistic missile, Tokyo said.'])).toBeNull();
  });

  it('a class in doubt states nothing ("whether it was a ballistic missile")', () => {
    expect(cls(['North Korea fired a projectile on Friday; the military is studying whether it was a ballistic missile.'])).toBeNull();
  });

  it('the class of the launch this one answers is not its class', () => {
    const ex = run('Army rocket veers off course in drill responding to the North\'s ICBM', ['A short-range ballistic missile fired by the army on Friday crashed near the range, officials said.'], FRI);
    expect(fieldValue(ex, 'class')).toBe('SRBM');
  });

  it('a class held by a force or compared with is not the launch\'s', () => {
    expect(cls(['North Korea fired a missile on Friday from a base that houses intermediate-range missiles, officials said.'])).toBeNull();
  });

  it('"launched a <name> satellite" is a space launch', () => {
    expect(cls(['Iran launched a Nahid-3 research satellite on Friday, state media said.'])).toBe('SLV');
  });
});

describe('class: "submarine ballistic missile" without "-launched" is an SLBM', () => {
  const cls = (sentence: string): unknown => fieldValue(extract({ title: null, text: sentence, published: '2025-05-09', url: null }).ex, 'class');
  it('reads the state-media and the "submarine-based" wording', () => {
    expect(cls('The navy conducted an underwater test-fire of a strategic submarine ballistic missile on Friday, state media said.')).toBe('SLBM');
    expect(cls('North Korea fired a submarine-based ballistic missile off its east coast on Friday.')).toBe('SLBM');
  });
});
