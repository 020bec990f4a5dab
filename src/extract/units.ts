// The units the extractor reads: the title and each sentence of the text, with captions marked by the locale's
// caption patterns and the lines of an appended chronology of earlier launches marked as such.
import type { Locale } from '../knowledge/index.js';
import type { Article, Span } from '../types.js';
import { MIN_CHRONOLOGY_LINES } from '../settings.js';
import { phrases } from './phrases.js';

/** A sentence of the article (or its title), the unit every parser and the role classifier work on. */
export interface Unit {
  part: 'title' | 'text';
  /** Position in reading order: the title is 0 when present. */
  index: number;
  /** Span in the title or in article.text. */
  span: Span;
  text: string;
  paragraph: number;
  /** Photo captions and file-image notes: they often describe another launch. */
  isCaption: boolean;
  /** A line of a list of dated earlier events ("Sept. 15 - … flies over Hokkaido"): background, never the news. */
  inChronology: boolean;
}


export function articleUnits(article: Article, locale: Locale = 'en'): Unit[] {
  const { captionStart, captionAnywhere } = phrases(locale);
  const units: Unit[] = [];
  if (article.title && article.title.trim()) {
    const t = article.title;
    units.push({ part: 'title', index: 0, span: { start: 0, end: t.length }, text: t, paragraph: -1, isCaption: false, inChronology: false });
  }
  let p = 0;
  for (const s of article.sentences) {
    while (p < article.paragraphs.length - 1 && article.paragraphs[p].end <= s.start) p++;
    const text = article.text.slice(s.start, s.end);
    units.push({ part: 'text', index: units.length, span: s, text, paragraph: p, isCaption: captionStart.test(text) || captionAnywhere.test(text), inChronology: false });
  }
  markCaptionBlocks(units, phrases(locale).rule.captionCredit);
  markChronology(units, phrases(locale).rule.chronologyEntry);
  return units;
}

/**
 * An appended chronology: at least MIN_CHRONOLOGY_LINES paragraphs in a row that each open with a day and a dash
 * ("May 14 - …", "Aug. 29 - …"). Every sentence of those paragraphs is marked; a single dated line is left alone.
 */
function markChronology(units: Unit[], entry: RegExp): void {
  const opens = new Map<number, boolean>();
  for (const u of units) if (u.part === 'text' && !opens.has(u.paragraph)) opens.set(u.paragraph, entry.test(u.text));
  const listed = new Set<number>();
  const paragraphs = [...opens.keys()].sort((a, b) => a - b);
  for (let i = 0; i < paragraphs.length; ) {
    let j = i;
    while (j < paragraphs.length && opens.get(paragraphs[j]) && (j === i || paragraphs[j] === paragraphs[j - 1] + 1)) j++;
    if (j - i >= MIN_CHRONOLOGY_LINES) for (let k = i; k < j; k++) listed.add(paragraphs[k]);
    i = Math.max(j, i + 1);
  }
  for (const u of units) if (u.part === 'text' && listed.has(u.paragraph)) u.inChronology = true;
}

/**
 * A caption runs on over several sentences until its credit: "A TV screen shows a file image of a launch on Nov. 3.
 * The North fired three missiles that day. (Yonhap)". Every sentence from a caption to a credit line (in the same
 * paragraph, or the next short line) is caption. The credit pattern is the article locale's.
 */
function markCaptionBlocks(units: Unit[], credit: RegExp): void {
  for (let i = 0; i < units.length; i++) {
    if (!units[i].isCaption || units[i].part !== 'text') continue;
    let j = i + 1;
    while (j < units.length && units[j].paragraph <= units[i].paragraph + 1 && !credit.test(units[j].text) && units[j].paragraph === units[i].paragraph) j++;
    if (j < units.length && credit.test(units[j].text) && units[j].paragraph <= units[i].paragraph + 1) {
      for (let k = i + 1; k <= j; k++) units[k].isCaption = true;
      i = j;
    }
  }
}
