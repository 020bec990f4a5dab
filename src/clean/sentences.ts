// Sentence splitting: Intl.Segmenter's sentences of each paragraph, with the article's locale (for an English
// paragraph of plain characters the same segments found without it, src/clean/plain-segments.ts), then repairs for
// its mistakes.
//
// Korean and Japanese: ICU's boundaries (。, ？, ！, and full stops followed by anything but a lower-case
// letter: "…했다. 합참은…" splits) with two repairs: an opening bracket ICU leaves at the end of a sentence
// (…ました。「) moves to the next one, and a quote that ends in a full stop joins the words that continue its
// sentence ("…있다."라고 말했다, 「…。」と述べた; data/locales/<lang>/sentences.json).
//
// English: the repair rule, at each boundary the segmenter proposes:
//  1. A bare list marker ("1.", "a)", "•") is joined to what follows, and starts a new sentence after a
//     finished one.
//  2. If the next sentence starts with a lower-case letter or a digit (after opening quotes/brackets), join.
//  3. If the previous segment ends with a closing quote or bracket, split (the sentence really ended).
//  4. If it ends with a single initial ("Kim J.") or a title-like abbreviation that never ends a sentence
//     ("Gen.", "Mr.", "No.", "approx.", "e.g.", "Jan."), join.
//  5. If it ends with an abbreviation that can end a sentence ("a.m.", "p.m.", "km.", "U.S.", "U.N.", any
//     dotted acronym), split only when the next word is a common sentence starter ("The", "It", "North",
//     "Officials", …) and is not the start of a time-zone phrase ("a.m. Seoul time", "a.m. Japan Standard").
//  6. Otherwise keep the segmenter's split.

import { readDataJson } from '../paths.js';
import type { Language, Span } from '../types.js';
import { plainSegments } from './plain-segments.js';
import { type Segment, segmentsOf } from './segments.js';
import { isSpaceAt, lastCodePoint } from './text-end.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const NEVER_FINAL = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'gen.', 'lt.', 'col.', 'maj.', 'capt.', 'cpt.', 'sgt.', 'adm.', 'cmdr.', 'cdr.',
  'brig.', 'rep.', 'sen.', 'gov.', 'pres.', 'amb.', 'st.', 'mt.', 'ft.', 'no.', 'nos.', 'vs.', 'approx.', 'e.g.',
  'i.e.', 'cf.', 'est.', 'ca.', 'fig.', 'vol.', 'art.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.',
  'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'mon.', 'tue.', 'tues.', 'wed.', 'thu.', 'thur.', 'thurs.', 'fri.', 'sat.', 'sun.',
]);
const MAY_END = new Set(['a.m.', 'p.m.', 'km.', 'mi.', 'm.', 'kg.', 'etc.', 'inc.', 'co.', 'corp.', 'ltd.', 'jr.', 'sr.']);

const SENTENCE_STARTERS = new Set([
  'The', 'It', 'A', 'An', 'North', 'South', 'Japan', "Japan's", 'Japan’s', 'Japanese', 'This', 'That', 'These', 'Those',
  'There', 'He', 'She', 'They', 'We', 'I', 'Its', 'His', 'Her', 'Their', 'Officials', 'Official', 'According', 'In',
  'On', 'At', 'After', 'Before', 'But', 'And', 'However', 'Meanwhile', 'Earlier', 'Later', 'Pyongyang', 'Seoul',
  'Tokyo', 'Washington', 'Beijing', 'Kim', 'China', 'Russia', 'Iran', 'Analysts', 'Experts', 'Both', 'Another',
  'Some', 'Such', 'Last', 'Since', 'While', 'When', 'If', 'As', 'Yonhap', 'KCNA',
]);
// "…at 7 a.m. Seoul time", "…8:10 a.m. Japan Standard Time": the capitalised word belongs to the time.
const TIME_ZONE_FOLLOWER = /^(?:time|standard|local|daylight)\b/i;

const LIST_MARKER = /^(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[•\-–—*·])$/;

/** The last `n` characters of `text` from `start` to `end`: text.slice(start, end).slice(-n), without the first slice. */
const tailOf = (text: string, start: number, end: number, n: number): string => text.slice(Math.max(start, end - n), end);

// The longest text LIST_MARKER matches: "(123." (it is anchored at both ends).
const LIST_MARKER_MAX = 5;

/** Whether `s` from `from` to `to` is a list marker: a longer text is not looked at (nor copied out to be). */
const isListMarker = (s: string, from: number, to: number): boolean => to - from <= LIST_MARKER_MAX && LIST_MARKER.test(s.slice(from, to));

/** Where `s` ends without its trailing whitespace (what trimEnd would leave). */
function endWithoutSpace(s: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceAt(s, end - 1)) end--;
  return end;
}

// What keepTogether reads at a boundary, made once here: a regex literal in the function body is a new RegExp
// object each time it is evaluated, at every boundary.
const OPENING_PUNCTUATION = /^[(["“‘']+/;
const FINISHED_SENTENCE_END = /[.!?]["”’')\]]?$/;
const GOES_ON_LOWER_OR_DIGIT = /^[("“'‘[]*[\p{Ll}\p{N}]/u;
const CLOSING_END = /[)"”’'\]]$/;
const INITIAL = /^\p{Lu}\.$/u;
const DOTTED_ACRONYM = /^(?:\p{L}\.){2,}$/u;
const NEXT_WORD = /^[("“'‘]*([\p{L}’']+)\s*(\S*)/u;

// Only the end of the text before a boundary is read (its last word, its last two characters): a sentence that
// keeps growing by joins ("Mr. Mr. Mr. …") is not read again from its start at every boundary. That text is
// `paragraph` from `start` to `end`, read where it lies, without trailing whitespace (as trimEnd would leave it):
// not copied out (nor trimmed) at each boundary only to read its end.
function keepTogether(paragraph: string, start: number, end: number, after: string): boolean {
  const prevEnd = endWithoutSpace(paragraph, start, end);
  const next = after.trimStart();
  if (isListMarker(paragraph, start, prevEnd)) return true;
  // Its last word, as text-end lastWord reads it (back to the last whitespace).
  let wordStart = prevEnd;
  while (wordStart > start && !isSpaceAt(paragraph, wordStart - 1)) wordStart--;
  const lastToken = paragraph.slice(wordStart, prevEnd).replace(OPENING_PUNCTUATION, '');
  const lower = lastToken.toLowerCase();
  // "…launched on Nov. 18.": a month (or title) abbreviation never ends a sentence, even before a number.
  if (NEVER_FINAL.has(lower)) return true;
  // "…two rockets. 2. Both…": a lone marker after a finished sentence opens the next item.
  if (isListMarker(next, 0, endWithoutSpace(next, 0, next.length)) && FINISHED_SENTENCE_END.test(tailOf(paragraph, start, prevEnd, 2))) return false;
  if (GOES_ON_LOWER_OR_DIGIT.test(next)) return true;
  if (CLOSING_END.test(tailOf(paragraph, start, prevEnd, 1))) return false;
  if (INITIAL.test(lastToken)) return true;
  if (MAY_END.has(lower) || DOTTED_ACRONYM.test(lastToken)) {
    const m = NEXT_WORD.exec(next);
    const isStarter = m !== null && SENTENCE_STARTERS.has(m[1]) && !TIME_ZONE_FOLLOWER.test(m[2]);
    return !isStarter;
  }
  return false;
}

/** English sentence spans of one paragraph (no newlines inside) with its segments, offset by `base`. */
function splitEnglish(paragraph: string, segments: Iterable<Segment>, base: number, out: Span[]): void {
  let start = -1;
  let end = 0;
  for (const { index, segment } of segments) {
    if (start >= 0 && keepTogether(paragraph, start, end, segment)) {
      end = index + segment.length;
      continue;
    }
    if (start >= 0) pushTrimmed(paragraph, start, end, base, out);
    start = index;
    end = index + segment.length;
  }
  if (start >= 0) pushTrimmed(paragraph, start, end, base, out);
}

interface CjkLocale {
  segmenter: Intl.Segmenter;
  quoteContinuations: string[];
}

const cjkLocale = (language: 'ko' | 'ja'): CjkLocale => ({
  segmenter: new Intl.Segmenter(language, { granularity: 'sentence' }),
  quoteContinuations: readDataJson<{ quoteContinuations: string[] }>(`locales/${language}/sentences.json`).quoteContinuations,
});
const CJK: Record<'ko' | 'ja', CjkLocale> = { ko: cjkLocale('ko'), ja: cjkLocale('ja') };

// Unambiguous opening brackets and quotes ("'" and '"' open and close, so they are left where ICU puts them).
const OPENING = /[\p{Ps}\p{Pi}]/u;
const CLOSING_QUOTE = /[\p{Pe}\p{Pf}"']$/u;

/** Korean or Japanese sentence spans of one paragraph with its segments, offset by `base`. */
function splitCjk(paragraph: string, segments: Iterable<Segment>, base: number, out: Span[], locale: CjkLocale): void {
  const cuts: number[] = [];
  for (const { index } of segments) {
    if (index === 0) continue;
    let cut = index;
    const previous = cuts.length ? cuts[cuts.length - 1] : 0;
    while (cut > previous + 1 && OPENING.test(paragraph[cut - 1])) cut--;
    // The end of the text before the cut and the start of the text after it: never the whole of either.
    const before = lastCodePoint(paragraph.slice(previous, cut));
    if (CLOSING_QUOTE.test(before) && locale.quoteContinuations.some((w) => paragraph.startsWith(w, cut))) continue;
    cuts.push(cut);
  }
  let start = 0;
  for (const cut of [...cuts, paragraph.length]) {
    pushTrimmed(paragraph, start, cut, base, out);
    start = cut;
  }
}

/** A paragraph of a text (a run of characters without "\n") and its segments, their offsets within it. */
interface ParagraphSegments {
  start: number;
  end: number;
  segments: Segment[];
}

/**
 * The segments of every paragraph of `text`, from one pass of the segmenter over the whole text: making a segment
 * iterator costs more than reading a paragraph's few sentences with it. ICU breaks after every line break and no
 * rule looks across one (UAX #29, SB4), so a paragraph's segments are the ones it has alone, except that its last
 * one also holds the line break after it: that is cut off. Null when a segment holds a line break anywhere else
 * (not seen; the caller then reads the text paragraph by paragraph).
 */
function paragraphSegments(segmenter: Intl.Segmenter, text: string): ParagraphSegments[] | null {
  const out: ParagraphSegments[] = [];
  let current: ParagraphSegments | null = null;
  for (const { index, segment } of segmentsOf(segmenter, text)) {
    const lineBreak = segment.indexOf('\n');
    if (lineBreak >= 0 && lineBreak !== segment.length - 1) return null;
    const end = lineBreak >= 0 ? index + lineBreak : index + segment.length;
    // A line break alone: the one between two paragraphs.
    if (end === index) continue;
    if (current === null || index >= current.end) {
      if (index > 0 && text[index - 1] !== '\n') return null;
      const paragraphEnd = text.indexOf('\n', index);
      current = { start: index, end: paragraphEnd < 0 ? text.length : paragraphEnd, segments: [] };
      out.push(current);
    }
    current.segments.push({ index: index - current.start, segment: text.slice(index, end) });
  }
  return out;
}

/**
 * English sentence spans over `text`, paragraph by paragraph: a paragraph's segments are found without the
 * segmenter when all its characters are plain ones (src/clean/plain-segments.ts), by the segmenter otherwise. ICU
 * breaks after every line break and no rule looks across one (UAX #29, SB4), so these are the segments of the
 * whole text, cut at its line breaks.
 */
function splitEnglishText(text: string, spans: Span[]): void {
  for (let start = 0; start < text.length; ) {
    const lineBreak = text.indexOf('\n', start);
    const end = lineBreak < 0 ? text.length : lineBreak;
    if (end > start) {
      const paragraph = text.slice(start, end);
      splitEnglish(paragraph, plainSegments(paragraph) ?? segmentsOf(segmenter, paragraph), start, spans);
    }
    start = end + 1;
  }
}

/** Sentence spans over `text` in `language`; every line break is a paragraph boundary that no sentence crosses. */
export function splitSentences(text: string, language: Language = 'en'): Span[] {
  const spans: Span[] = [];
  if (language === 'en') {
    splitEnglishText(text, spans);
    return spans;
  }
  const segmenterOf = CJK[language].segmenter;
  const paragraphs = paragraphSegments(segmenterOf, text);
  if (paragraphs) {
    for (const p of paragraphs) splitCjk(text.slice(p.start, p.end), p.segments, p.start, spans, CJK[language]);
    return spans;
  }
  for (const m of text.matchAll(/[^\n]+/g)) splitCjk(m[0], segmentsOf(segmenterOf, m[0]), m.index ?? 0, spans, CJK[language]);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, base: number, out: Span[]): void {
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
}

