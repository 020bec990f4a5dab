// The configuration of each language Salvo reads; an article is read with the one of its language (English when
// it has none, or one without a configuration of its own).
import type { Locale } from '../../knowledge/index.js';
import type { Language } from '../../types.js';
import type { Configuration } from '../configuration.js';
import { english } from './en/configuration.js';
import { japanese } from './ja/configuration.js';
import { korean } from './ko/configuration.js';
import { localeFor } from './locale.js';

const CONFIGURATIONS: Record<Locale, Configuration> = {
  en: english,
  ko: korean,
  ja: japanese,
};

export function configurationFor(language: Language | undefined): Configuration {
  return CONFIGURATIONS[localeFor(language)];
}
