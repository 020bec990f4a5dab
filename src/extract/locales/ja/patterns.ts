// The Japanese-only patterns of data/locales/ja/rules.json, compiled, and the width fold they are matched on:
// full-width ASCII (ＥＥＺ, ５０キロ, １発) becomes ASCII character for character, so every offset found in the
// folded text is an offset in the original.
import { readDataJson } from '../../../paths.js';

export const JA_PATTERN_NAMES = [
  'counter', 'pluralCounter', 'possibilityAfter', 'clock', 'noon', 'bareDay', 'today', 'yesterday', 'sameDay', 'length',
  'apogeeBefore', 'distanceBefore', 'distanceAfter', 'apogeeAfter', 'capabilityBefore', 'offsetBefore', 'offsetAfter',
  'timeEventAfter', 'launchEvent', 'landingAfterSea', 'statementSubjectBefore', 'statementDateAfter', 'launchNotTheNews', 'formLine', 'siteFromAfter', 'eachBefore', 'eachAfter', 'farthestBefore',
] as const;
export type JaPatternName = (typeof JA_PATTERN_NAMES)[number];

// Patterns scanned for every match are global; the rest test a window of text.
const GLOBAL: ReadonlySet<JaPatternName> = new Set(['counter', 'pluralCounter', 'clock', 'noon', 'bareDay', 'today', 'yesterday', 'sameDay', 'length', 'timeEventAfter']);

let compiled: Record<JaPatternName, RegExp> | null = null;

/** The compiled patterns (global ones for matchAll, the others for test/exec). */
export function jaPatterns(): Record<JaPatternName, RegExp> {
  if (compiled) return compiled;
  const table = readDataJson<Record<string, { pattern: string }>>('locales/ja/rules.json');
  const out = {} as Record<JaPatternName, RegExp>;
  for (const name of JA_PATTERN_NAMES) {
    const row = table[name];
    if (!row) throw new Error(`salvo: data/locales/ja/rules.json lacks the pattern "${name}"`);
    out[name] = new RegExp(row.pattern, GLOBAL.has(name) ? 'gu' : 'u');
  }
  compiled = out;
  return out;
}

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII folded to ASCII, one character for one (the rest of NFKC would move offsets). */
export const foldWidth = (text: string): string => text.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET));
