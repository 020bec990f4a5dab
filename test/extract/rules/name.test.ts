import { describe, expect, it } from 'vitest';
import { extract, fieldValue } from '../../helpers/article.js';

// Every sentence below is made up for these tests.
const run = (sentence: string) => extract({ title: null, text: sentence, published: '2025-05-09' }).ex;

describe('name: the first designation in a main launch sentence', () => {
  it('takes the designation as written, without a possessive', () => {
    expect(fieldValue(run("North Korea fired a Hwasong-18's prototype on Friday, the military said."), 'name')).toBe('Hwasong-18');
  });
  it('takes the first of two designations', () => {
    expect(fieldValue(run('North Korea launched a KN-23 and a Hwasong-18 on Friday.'), 'name')).toBe('KN-23');
  });
  it('takes none from a background clause', () => {
    expect(fieldValue(run('North Korea fired a ballistic missile on Friday, its first launch since a Hwasong-18 test in March.'), 'name')).toBeNull();
  });
});
