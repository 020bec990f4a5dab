import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/types.js';
import { extract } from '../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('confidence', () => {
  const conf = (sentence: string, field: 'name' | 'distance_km'): number => {
    const ex = run('North Korea fires missile', [sentence], FRI);
    const c = ex.fields[field];
    if (!c) throw new Error(`no ${field} claim in: ${sentence}`);
    return c.confidence;
  };

  it('a hedged sentence ("possibly") lowers confidence against the same sentence unhedged', () => {
    const plain = conf('North Korea fired a KN-23 missile on Friday that flew 600 km.', 'distance_km');
    const hedged = conf('North Korea fired a KN-23 missile on Friday that possibly flew 600 km.', 'distance_km');
    expect(hedged).toBeLessThan(plain);
  });

  it('"believed to be" lowers the name\'s confidence', () => {
    const plain = conf('North Korea fired a missile on Friday that was a KN-23.', 'name');
    const hedged = conf('North Korea fired a missile on Friday that was believed to be a KN-23.', 'name');
    expect(hedged).toBeLessThan(plain);
  });

  it('a value attributed to the Joint Chiefs of Staff is surer than the same unattributed', () => {
    const bare = run('North Korea fires missile', ['North Korea fired a ballistic missile on Friday that flew 600 km.'], FRI);
    const jcs = run('North Korea fires missile', ['North Korea fired a ballistic missile on Friday that flew 600 km, the Joint Chiefs of Staff said.'], FRI);
    expect(jcs.fields.distance_km?.attribution).toBe('jcs');
    expect(bare.fields.distance_km?.attribution).toBeNull();
    expect(jcs.fields.distance_km!.confidence).toBeGreaterThan(bare.fields.distance_km!.confidence);
  });
});
