// The knowledge tables as one module for the stages that read them: load and validate (tables), match against
// text with a locale's word boundary (lookups, matcher), and office-holders' terms (officeholders).
export * from './tables.js';
export * from './lookups.js';
export { aliasSource, fold, LOCALES, type Locale, type PatternItem } from './matcher.js';
export { dateWindow, type DateWindow } from './officeholders.js';
