// Sentence splitting: Intl.Segmenter per paragraph, then repairs for its mistakes on abbreviations.
//
// The repair rule, at each boundary the segmenter proposes:
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

function keepTogether(before: string, after: string): boolean {
  const prev = before.trimEnd();
  const next = after.trimStart();
  if (LIST_MARKER.test(prev)) return true;
  // "…launched on Nov. 18.": a month (or title) abbreviation never ends a sentence, even before a number.
  const lastWord = (prev.split(/\s+/).pop() ?? '').replace(/^[(["“‘']+/, '').toLowerCase();
  if (NEVER_FINAL.has(lastWord)) return true;
  // "…two rockets. 2. Both…": a lone marker after a finished sentence opens the next item.
  if (LIST_MARKER.test(next.trimEnd()) && /[.!?]["”’')\]]?$/.test(prev)) return false;
  if (/^[("“'‘[]*[\p{Ll}\p{N}]/u.test(next)) return true;
  if (/[)"”’'\]]$/.test(prev)) return false;
  const lastToken = (prev.split(/\s+/).pop() ?? '').replace(/^[(["“‘']+/, '');
  if (/^\p{Lu}\.$/u.test(lastToken)) return true;
  const lower = lastToken.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  if (MAY_END.has(lower) || /^(?:\p{L}\.){2,}$/u.test(lastToken)) {
    const m = /^[("“'‘]*([\p{L}’']+)\s*(\S*)/u.exec(next);
    const isStarter = m !== null && SENTENCE_STARTERS.has(m[1]) && !TIME_ZONE_FOLLOWER.test(m[2]);
    return !isStarter;
  }
  return false;
}

/** Sentence spans of one paragraph (no newlines inside), offset by `base`. */
function splitParagraph(paragraph: string, base: number, out: { start: number; end: number }[]): void {
  let start = -1;
  let end = 0;
  for (const { index, segment } of segmenter.segment(paragraph)) {
    if (start >= 0 && keepTogether(paragraph.slice(start, end), segment)) {
      end = index + segment.length;
      continue;
    }
    if (start >= 0) pushTrimmed(paragraph, start, end, base, out);
    start = index;
    end = index + segment.length;
  }
  if (start >= 0) pushTrimmed(paragraph, start, end, base, out);
}

function pushTrimmed(text: string, start: number, end: number, base: number, out: { start: number; end: number }[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
}

export { splitParagraph };
