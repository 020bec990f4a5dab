// Intl.Segmenter's sentences of a long paragraph, read window by window. V8's segment iterator costs time in
// proportion to the whole string at every step, so one pass over a paragraph of n characters costs n² (100 KB of
// prose: seconds). ICU finds each boundary looking forward from the one before, so the boundaries of a window
// that starts at a boundary are the paragraph's own, except near the window's cut end: those are read again at
// the start of the next window. A paragraph shorter than a window is segmented in one call, as before.
import { SEGMENT_MARGIN_CHARS, SEGMENT_WINDOW_CHARS } from '../settings.js';

export interface Segment {
  index: number;
  segment: string;
}

/** The segments `segmenter.segment(text)` yields, in order, in time linear in the length of `text`. */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string): Generator<Segment> {
  let offset = 0;
  let size = SEGMENT_WINDOW_CHARS;
  while (offset < text.length) {
    const end = Math.min(text.length, offset + size);
    const whole = end === text.length;
    let next = offset;
    for (const s of segmenter.segment(text.slice(offset, end))) {
      const segmentEnd = offset + s.index + s.segment.length;
      if (!whole && segmentEnd > end - SEGMENT_MARGIN_CHARS) break;
      yield { index: offset + s.index, segment: s.segment };
      next = segmentEnd;
    }
    if (whole) return;
    // No boundary far enough from the cut (one very long sentence): read a window twice as long.
    if (next === offset) size *= 2;
    else {
      offset = next;
      size = SEGMENT_WINDOW_CHARS;
    }
  }
}
