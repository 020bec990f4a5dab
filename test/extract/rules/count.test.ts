import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('counts', () => {
  const counts = (title: string, paragraphs: string[]) => {
    const ex = run(title, paragraphs, FRI);
    return { min: fieldValue(ex, 'count_min'), exact: fieldValue(ex, 'count_exact') };
  };

  it('a bare plural after "The North" counts (2, not exact)', () => {
    expect(counts('Seoul reports launches', ['The North launched short-range missiles toward the East Sea on Friday, the JCS said.'])).toEqual({ min: 2, exact: false });
  });

  it('"an unarmed Minuteman 3 missile" is one missile, not three', () => {
    const ex = run('Air Force tests ICBM', ['The U.S. Air Force launched an unarmed Minuteman 3 missile from California early on Friday.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(1);
  });

  it('three satellites and a later "ballistic missiles" are not a missile count', () => {
    const ex = run(
      'Iran puts satellites into orbit',
      ['Iran launched a Simorgh rocket carrying three research satellites on Friday, in a programme that Washington says advances its work on ballistic missiles.'],
      FRI,
    );
    expect(fieldValue(ex, 'count_min')).toBe(1);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
  });

  it('a bare plural gives way to a later figure ("fired missiles … three short-range missiles were launched")', () => {
    expect(
      counts('North Korea fires missiles', [
        'North Korea fired missiles into the East Sea on Friday morning.',
        'The Joint Chiefs of Staff said three short-range ballistic missiles were launched from near the capital.',
      ]),
    ).toEqual({ min: 3, exact: true });
  });

  it('a number hedged elsewhere is not exact ("three" in the lead, "at least three" later)', () => {
    expect(
      counts('North Korea fires missiles', [
        'North Korea fired three ballistic missiles toward the East Sea on Friday, the military said.',
        "Japan's defence ministry said at least three missiles were launched.",
      ]),
    ).toEqual({ min: 3, exact: false });
  });

  it('no count words, singular launch sentence → 1, exact', () => {
    expect(counts('India tests Agni-Prime', ['India flight-tested the Agni-Prime from an island off Odisha on Friday, the defence ministry said.'])).toEqual({
      min: 1,
      exact: true,
    });
  });

  it('no count words, "missile tests" → 2, not exact', () => {
    expect(
      counts('Iran holds missile tests', ['Iran conducted missile tests on Thursday and Friday along its southern coast, state television said.']),
    ).toEqual({ min: 2, exact: false });
  });
});

describe('counts joined, ranged and sized; dates by day of month; US zones spelled out', () => {
  it('"an ICBM and two short-range ballistic missiles" adds up to 3, exact', () => {
    const ex = run(null, ['North Korea fired an ICBM and two short-range ballistic missiles into the sea on Friday, Seoul said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(3);
    expect(fieldValue(ex, 'count_exact')).toBe(true);
  });

  it('"two or three missiles" commits to 2, not exact', () => {
    const ex = run(null, ['North Korea fired two or three short-range missiles toward the East Sea on Friday, officials said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(2);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
  });

  it('"Twelve 240mm rockets fired at once" counts 12; "multiple rocket launchers" is a weapon, not a count', () => {
    const ex = run('Kim watches firing of multiple rocket launchers', ['Twelve 240mm rockets fired at once hit a target island on Friday, state media said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(12);
  });

  it('"nearly two dozen missiles" is 24, not exact', () => {
    const ex = run(null, ['North Korea fired nearly two dozen missiles of several types on Friday, the military said.'], FRI);
    expect(fieldValue(ex, 'count_min')).toBe(24);
    expect(fieldValue(ex, 'count_exact')).toBe(false);
  });
});

describe('counts: differing statements and ordinals', () => {
  const counts = (title: string, paragraphs: string[]) => {
    const ex = run(title, paragraphs, FRI);
    return { min: fieldValue(ex, 'count_min'), exact: fieldValue(ex, 'count_exact') };
  };

  it('"a second <missile>" means at least two', () => {
    expect(counts('Second launch in a day', ['Officials said the North launched a second Hwasong-12 missile on Friday after the first one broke up.'])).toEqual({ min: 2, exact: false });
  });

  it('a designation between the number and the noun is a modifier ("Three Hwasong-11 short-range missiles were launched")', () => {
    expect(counts('Missiles fired', ['Three Hwasong-11 short-range ballistic missiles were launched on Friday from near Kaechon, the JCS said.'])).toEqual({ min: 3, exact: true });
  });

  it('the lede says "about 8", the headline "10": the largest unhedged figure', () => {
    expect(counts('North says it fired 10 rockets from launchers', ['Seoul said on Friday it had detected about 8 short-range missiles fired toward the East Sea.'])).toEqual({ min: 10, exact: true });
  });

  it('a later sentence about a response salvo does not raise the count', () => {
    expect(
      counts('North Korea fires a missile', [
        'North Korea fired a short-range ballistic missile on Friday, the JCS said.',
        'The JCS said the missile flew 400 km.',
        'In response, the South fired four missiles of its own into the sea.',
      ]),
    ).toEqual({ min: 1, exact: true });
  });

  it('"rounds" and rocket launchers count at a firing verb', () => {
    expect(counts('Rocket drill', ['The army fired six rounds from its multiple rocket launchers on Friday.'])).toEqual({ min: 6, exact: true });
  });
});

describe('counts: a figure stated after a revision replaces the earlier ones', () => {
  const count = (title: string, paragraphs: string[]): [unknown, unknown] => {
    const ex = run(title, paragraphs, FRI);
    return [fieldValue(ex, 'count_min'), fieldValue(ex, 'count_exact')];
  };
  it('a smaller revised figure wins over the headline\'s larger one', () => {
    expect(count('North Korea fires three missiles', ['North Korea fired ballistic missiles on Friday, Seoul said.', 'Seoul had first counted three missiles, but it later said it had detected a single missile that broke apart.'])).toEqual([1, true]);
  });
  it('a larger revised figure wins over a hedged earlier one', () => {
    expect(count('Rebels fire missiles at port', ['The rebels fired missiles at the port on Friday.', 'Officials first spoke of more than a dozen missiles.', 'A defence official later said the rebels had fired 14 ballistic missiles in all.'])).toEqual([14, true]);
    expect(count('North Korea fires missile', ['North Korea fired a ballistic missile on Friday, Seoul said.', 'The military subsequently reported it had also detected a second missile fired from the same site.'])).toEqual([2, false]);
  });
  it('"land attack" and "ship-launched" are modifiers between a number and its noun', () => {
    expect(count('Navy strikes base', ['The navy launched 24 Tomahawk land attack missiles on Friday at the base.'])).toEqual([24, true]);
    expect(count('Navy fires missiles', ['The navy fired six ship-launched cruise missiles on Friday, the ministry said.'])).toEqual([6, true]);
  });
});
