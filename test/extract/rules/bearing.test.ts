import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/types.js';
import { extract } from '../../helpers/article.js';

// Every sentence below is made up for these tests.
const run = (paragraphs: string[]): Extraction => extract({ title: null, text: paragraphs.join('\n\n'), published: '2025-05-09' }).ex;
const bearing = (ex: Extraction): { value: unknown; surface: string } | undefined => {
  const c = ex.claims.find((x) => x.field === 'bearing');
  return c && { value: c.value, surface: c.surface };
};

describe('bearing: the direction of flight', () => {
  it('"flew east" is 90 degrees', () => {
    const ex = run(['North Korea fired a ballistic missile on Friday that flew east for about 600 km before landing at sea.']);
    expect(bearing(ex)?.value).toBe(90);
  });

  it('"toward the northeast" is 45 degrees', () => {
    const ex = run(['The missile was launched toward the northeast from a site near the coast on Friday.']);
    expect(bearing(ex)).toEqual({ value: 45, surface: 'toward the northeast' });
  });

  it('"headed east-northeast" is 67.5 degrees', () => {
    const ex = run(['A short-range missile fired on Friday headed east-northeast over the water.']);
    expect(bearing(ex)?.value).toBe(67.5);
  });

  it('a sea or a coast is not a direction ("toward the East Sea", "off the east coast")', () => {
    const ex = run(['North Korea fired a missile toward the East Sea on Friday from its east coast.']);
    expect(bearing(ex)).toBeUndefined();
  });

  it('a place is not a direction ("fired … east of Wonsan")', () => {
    const ex = run(['The missiles were fired from an area east of Wonsan on Friday.']);
    expect(bearing(ex)).toBeUndefined();
  });

  it('is a claim, not a scored field', () => {
    const ex = run(['North Korea fired a ballistic missile on Friday that flew east.']);
    expect(ex.claims.some((c) => c.field === 'bearing')).toBe(true);
    expect(Object.keys(ex.fields)).not.toContain('bearing');
  });
});
