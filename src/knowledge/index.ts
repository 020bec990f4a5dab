// The knowledge tables as one module for the stages that read them: load and validate (tables), match against
// text with a locale's word boundary (lookups, matcher), tell cheaply when a table or a pattern cannot match a
// text (table-gate, from the literal anchors of loosened patterns: literal-anchors, loose-pattern, anchor-regex),
// and office-holders' terms (officeholders).
export * from './tables.js';
export * from './lookups.js';
export { fold } from './fold.js';
export { anchorRegex, eitherAnchors, pivotAnchorRegex } from './anchor-regex.js';
export { literalAnchors } from './literal-anchors.js';
export { loosen, MATCHES_NOTHING, matchesInLongerText, mayMatch, spacedOnce } from './loose-pattern.js';
export { anchorGate, patternAnchors, patternGate, patternStarts, rowAnchors, sharedGate, type SharedGate } from './table-gate.js';
export { RecentTexts } from './recent-texts.js';
export { aliasSource, LOCALES, type Locale, type PatternItem } from './matcher.js';
export { dateWindow, type DateWindow } from './officeholders.js';
