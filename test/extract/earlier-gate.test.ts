// The gate of the English "earlier" markers (phrases.json earlierMarkers: "last week", "two days ago", "since the",
// "when" after a dash…). Their only literals are common words, and the literal anchors used to fall back to a bare
// word boundary, which every sentence holds: the pattern ran on every sentence. The anchors now keep the common
// words when nothing rarer is required (literal-anchors.ts `better`), so the gate turns ordinary sentences away;
// it must never turn away a sentence the pattern matches. Every sentence below is made up.
import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/extract/phrases.js';
import { factsOf, forgetSentenceFacts } from '../../src/extract/sentence-facts.js';
import { literalAnchors, WORD_BOUNDARY } from '../../src/knowledge/literal-anchors.js';
import { loosen } from '../../src/knowledge/loose-pattern.js';
import { patternGate, sharedGate } from '../../src/knowledge/table-gate.js';

/** Sentences holding an earlier-launch marker, one or more per branch of the table, in varied positions and case. */
const MARKED = [
  'The army fired a rocket last week from the coast.',
  'Last Thursday the navy tested a new torpedo.',
  'It was the second test earlier this year, officials said.',
  'A similar launch was carried out earlier in the month.',
  'Two days ago the regime paraded its largest missiles.',
  'The same rocket had failed several weeks before, analysts noted.',
  'The site was previously used for engine tests.',
  'Its previous launch ended in a fireball.',
  'Prior to that, the country had not tested for a year.',
  'The last launch took place in the spring.',
  'Pyongyang has fired more than 30 missiles this year.',
  'So far this year it has tested eight rockets.',
  'This year alone the military has staged a dozen drills.',
  'It is the first such flight since March.',
  'Tensions have risen since the start of the talks.',
  'In January the government announced a new five-year plan.',
  'A similar rocket exploded in 2019 shortly after liftoff.',
  'Back in the nineties, the programme relied on imported parts.',
  'The launch followed a week of warnings from the capital.',
  'It follows a string of tests of solid-fuel engines.',
  'Following the summit, both sides pledged restraint.',
  'The test came just after the joint drills ended.',
  'The announcement comes days after a failed satellite launch.',
  'It was the first launch from the new pad.',
  'The flight marked the first use of a mobile launcher.',
  'Recent tests have focused on manoeuvring warheads.',
  'The region has seen a series of launches over the winter.',
  'In recent years the programme has grown quickly.',
  'Over the past few years the range has doubled.',
  'Four months ago the engine was tested on a stand.',
  'It was the first test in eighteen months.',
  'When the rocket lifted off, the crowd cheered.',
  'The officials met on Tuesday — when the talks resumed, nobody mentioned the drills.',
];

/** Ordinary sentences without any marker: the gate should turn most of them away. */
const PLAIN = [
  'The council approved a plan for road repairs on Monday.',
  'Supporters of the new library asked for a public hearing before any vote.',
  'A spokesperson for the farmers said the figures would be published next month.',
  'The teachers union welcomed a modest plan for school meals in the valley.',
  'Residents wrote in to complain about the bus timetables.',
  'The board will meet again to discuss the budget.',
];

describe('the English earlier-marker gate', () => {
  const p = phrases('en');
  const gate = patternGate(p.earlier);

  it('is made of telling anchors, not a bare word boundary', () => {
    const anchors = literalAnchors(loosen(p.earlier.source));
    expect(anchors).not.toBeNull();
    expect((anchors ?? []).every((a) => a.replaceAll(WORD_BOUNDARY, '').trim() !== '')).toBe(true);
    expect(gate).not.toBeNull();
    // The sentence facts read it through their shared gate, which now answers for it too.
    expect(sharedGate([p.earlier]).covered.has(p.earlier)).toBe(true);
  });

  it('never turns away a sentence the pattern matches', () => {
    let matched = 0;
    for (const text of [...MARKED, ...MARKED.map((s) => s.toUpperCase()), ...PLAIN]) {
      if (!p.earlier.test(text)) continue;
      matched++;
      expect(gate?.test(text), text).toBe(true);
    }
    // Not vacuous: nearly every marked sentence is matched by the pattern.
    expect(matched).toBeGreaterThanOrEqual(MARKED.length * 2 - 2);
  });

  it('turns away ordinary sentences, and the facts read through it answer as the pattern does', () => {
    expect(PLAIN.filter((text) => gate?.test(text)).length).toBeLessThanOrEqual(1);
    for (const text of [...MARKED, ...PLAIN]) {
      forgetSentenceFacts();
      const m = p.earlier.exec(text);
      const f = factsOf(text).first('earlier');
      expect(f ? `${f.index}:${f[0]}` : null, text).toBe(m ? `${m.index}:${m[0]}` : null);
    }
  });
});

describe('literal anchors made only of common words', () => {
  it('keep the words rather than a bare word boundary when nothing rarer is required', () => {
    // Each match holds "ago" or "when"; a bare word boundary would be in every text.
    expect(literalAnchors('\\b(?:when|\\w+ ago)')?.sort()).toEqual(['ago', 'when']);
    // A rarer requirement still wins over common words.
    expect(literalAnchors('\\b(?:when|since)\\w* launched')).toEqual(['launched']);
  });
});
