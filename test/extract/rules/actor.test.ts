import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('actor', () => {
  it('"Seoul says North launched missile" + body "North Korea fired …" → DPRK', () => {
    const ex = run('Seoul says North launched ballistic missile', ["North Korea fired a ballistic missile toward the East Sea on Friday, South Korea's military said."], FRI);
    expect(ex.actor).toBe('DPRK');
  });

  it('"a missile fired by North Korea" (passive agent) → DPRK', () => {
    const ex = run('Missile lands near Japan', ['A ballistic missile fired by North Korea fell into the sea off Hokkaido on Friday, Tokyo said.'], FRI);
    expect(ex.actor).toBe('DPRK');
  });

  it('"North Korea\'s launch of …" (possessive) → DPRK', () => {
    const ex = run('Tokyo protests', ["Japan protested North Korea's launch of a ballistic missile on Friday through diplomatic channels in Beijing."], FRI);
    expect(ex.isLaunchReport).toBe(true);
    expect(ex.actor).toBe('DPRK');
  });
});

describe('the actor is where a missile came from', () => {
  it('"a ballistic missile was launched from Yemen, the IDF said" is a Houthi launch, not an Israeli one', () => {
    const ex = run('Missile from Yemen intercepted over central Israel', ['Sirens sounded across central Israel early on Friday after a ballistic missile was launched from Yemen, the Israeli military said.'], FRI);
    expect(ex.actor).toBe('Houthis');
  });
});
