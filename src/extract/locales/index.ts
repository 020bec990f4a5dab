// The configuration of each language Salvo reads; an article is read with the one of its language (English when
// it has none, or one without a configuration of its own).
import type { Language } from '../../types.js';
import type { Configuration } from '../configuration.js';
import { english } from './en/configuration.js';
import { japanese } from './ja/configuration.js';
import { korean } from './ko/configuration.js';

const CONFIGURATIONS: Record<Language, Configuration> = {
  en: english,
  ko: korean,
  ja: japanese,
};

export function configurationFor(language: Language | undefined): Configuration {
  return language ? CONFIGURATIONS[language] : english;
}
