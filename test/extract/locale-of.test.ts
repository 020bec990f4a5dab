// localeFor (the locale the prefilter's anchor scan reads an article in, without loading the configurations) names the
// locale of the configuration the extraction reads the same article with.
import { describe, expect, it } from 'vitest';
import { localeFor } from '../../src/extract/locales/locale.js';
import { configurationFor } from '../../src/extract/locales/index.js';
import { LANGUAGES } from '../../src/types.js';

describe('localeFor', () => {
  it.each([...LANGUAGES, undefined])('agrees with configurationFor for language %s', (language) => {
    expect(localeFor(language)).toBe(configurationFor(language).locale);
  });

  it('reads an article without a language in English', () => {
    expect(localeFor(undefined)).toBe('en');
  });
});
