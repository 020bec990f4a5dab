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
  it('takes none in doubt or denied', () => {
    expect(fieldValue(run('North Korea fired a long-range missile on Friday; it was unclear whether the missile was a Hwasong-17 or a new type.'), 'name')).toBeNull();
    expect(fieldValue(run('North Korea fired a ballistic missile on Friday that was not a KN-23, officials said.'), 'name')).toBeNull();
  });
  it('takes none from a comparison', () => {
    expect(fieldValue(run('North Korea fired two missiles on Friday whose flight resembled the Russian Iskander, analysts said.'), 'name')).toBeNull();
    expect(fieldValue(run('Russia fired a new missile on Friday that is based on the RS-26, the ministry said.'), 'name')).toBeNull();
  });
  it('takes none from a force that holds the type', () => {
    expect(fieldValue(run('North Korea fired a missile on Friday from a valley where a unit operates older Rodong missiles.'), 'name')).toBeNull();
    expect(fieldValue(run('China fired an ICBM into the Pacific on Friday, while its navy has the JL-3 for its submarines.'), 'name')).toBeNull();
  });
  it('still takes a designation after "has fired" or "was identified as"', () => {
    expect(fieldValue(run('North Korea has fired a Hwasong-18 toward the sea on Friday, the military said.'), 'name')).toBe('Hwasong-18');
    expect(fieldValue(run('The Air Force has test-launched an unarmed Minuteman III on Friday.'), 'name')).toBe('Minuteman III');
    expect(fieldValue(run('North Korea fired a missile on Friday that was later identified as a KN-25.'), 'name')).toBe('KN-25');
  });
});
