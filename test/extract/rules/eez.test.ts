import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.

/** Runs the extractor on a headline and paragraphs (published on `published`, or undated when null). */
const run = (title: string | null, paragraphs: string[], published: string | null, url: string | null = null): Extraction =>
  extract({ title, text: paragraphs.join('\n\n'), published, url }).ex;

const FRI = '2025-05-09'; // a Friday

describe('labelled lines, economic zones, flights, satellite rockets, US local zones', () => {
  it('"outside Japan\'s economic zone" (without "exclusive") is the EEZ', () => {
    const ex = run(null, ['North Korea fired a ballistic missile on Friday that fell outside Japan\'s economic zone, Tokyo said.'], FRI);
    expect(fieldValue(ex, 'eez')).toBe('outside');
  });
});
