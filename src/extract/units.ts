import type { Article, Span } from '../types.js';

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
}

// Caption openers used by wires and outlets for file images; a caption may describe an older launch.
const CAPTION = /^(?:\(?(?:file|photo|image)\b|in this (?:undated |file )?(?:photo|picture|image)|this (?:undated |file )?(?:photo|picture|image)|an? (?:undated )?(?:photo|picture|image)\b|a (?:tv|television) screen|people watch|a man watches|a woman watches|\(?(?:ap|afp|reuters|yonhap|kcna|epa)(?: photo)?[/)])|\b(?:photo|image|picture)s? (?:released|provided|distributed|taken|shows?)\b|\((?:ap|afp|yonhap|reuters|kcna)[^)]*photo|\/(?:ap|afp|reuters|getty|yonhap)\)|\bfile (?:photo|footage|image|picture)\b|^people (?:sit|stand|watch|walk)|\bphoto credit\b|^(?:an?|the) [^.]{0,80}\b(?:is|are) (?:launched|fired|seen|displayed|shown|test-fired)\b|^(?:an?|the) [^.]{0,60}\bflies\b/i;

export function articleUnits(article: Article): Unit[] {
  const units: Unit[] = [];
  if (article.title && article.title.trim()) {
    const t = article.title;
    units.push({ part: 'title', index: 0, span: { start: 0, end: t.length }, text: t, paragraph: -1, isCaption: false });
  }
  let p = 0;
  for (const s of article.sentences) {
    while (p < article.paragraphs.length - 1 && article.paragraphs[p].end <= s.start) p++;
    const text = article.text.slice(s.start, s.end);
    units.push({ part: 'text', index: units.length, span: s, text, paragraph: p, isCaption: CAPTION.test(text) });
  }
  return units;
}
