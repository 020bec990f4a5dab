// The locale an article is read in: that of its language (English when it has none). Apart from the configurations,
// which load every rule and chrono's parsers, so that the launch prefilter's anchor scan can pick its locale in a
// thread that never extracts (`salvo analyze`'s main thread, src/turned-away.ts).
import type { Locale } from '../../knowledge/index.js';
import type { Language } from '../../types.js';

export const localeFor = (language: Language | undefined): Locale => language ?? 'en';
