// The strings every match of a pattern starts with (knowledge patternStarts, from literal-anchors literalStarts):
// another sound set of anchors than patternAnchors', read off the first words of each branch. Every text a pattern
// matches in must hold one of them (checked through the gate made of them); a pattern whose matches may start
// anywhere (an optional or open first part) has none.
import { describe, expect, it } from 'vitest';
import { anchorGate, patternStarts } from '../../src/knowledge/index.js';
import { WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';

const shown = (xs: string[] | null): string[] | null => xs && xs.map((x) => x.replaceAll(WORD_BOUNDARY, '^')).sort();

describe('pattern starts', () => {
  it('are the first words of each branch, where the literal anchors are the last', () => {
    const struck = /\b(?:struck|hit)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:city|port)\s+of\b|\bfell\s+inland\b/i;
    expect(shown(patternStarts(struck))).toEqual(['^fell', '^hit', '^struck']);
    // A lookbehind in front is dropped first (loosened): what follows it still starts every match.
    expect(shown(patternStarts(/(?<!\bnot\s)\blanded\s+\w+/i))).toEqual(['^landed']);
  });

  it('are unknown when a match may start anywhere', () => {
    expect(patternStarts(/\w+\s+(?:missile|rocket)/i)).toBeNull();
    expect(patternStarts(/(?:very\s+)?\w*fired/i)).toBeNull();
  });

  it('of a pattern of few exact strings are those strings, less any that holds another', () => {
    // "ac" and "bc" hold "c": a text with either holds "c".
    expect(shown(patternStarts(/(?:a|b)?c/i))).toEqual(['c']);
  });

  it('let through every text the pattern matches in', () => {
    const patterns = [
      /\b(?:struck|hit)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:city|port)\s+of\b|\bfell\s+inland\b/i,
      /\b(?:landed|crashed)\s+(?:on|in)?\s*(?:an?|the)\s+(?:test(?:ing)? range|air ?base)\b/i,
      /(?:kilometers?|miles?)\b/i,
    ];
    const texts = [
      'A drone struck the port city of Odesa overnight.',
      'A drone HIT  the southern port of Odesa.',
      'Debris fell inland near the coast.',
      'It crashed on a testing range, and another landed in the airbase.',
      'It flew 300 miles.',
      'The report from the city said nothing of the sort.',
      'Pilots landed at the base.',
    ];
    for (const re of patterns) {
      const gate = anchorGate(patternStarts(re), re);
      expect(gate, re.source).not.toBeNull();
      for (const text of texts) if (re.test(text)) expect(gate?.test(text), `${re.source} in "${text}"`).toBe(true);
    }
    // And turn away a sentence with the nouns but none of the verbs.
    expect(anchorGate(patternStarts(patterns[0]), patterns[0])?.test('The report from the city said nothing.')).toBe(false);
  });
});
