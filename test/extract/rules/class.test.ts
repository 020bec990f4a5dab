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
