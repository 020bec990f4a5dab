// Time grows linearly with input size for the input shapes that once grew quadratically or worse: each shape at
// 10 KB and 100 KB, the larger within 15 times the smaller (linear is 10; quadratic would be 100). Ratios of the
// best of several runs, never absolute times. Inputs are generated here.
import { describe, expect, it } from 'vitest';
import { cleanDocument, splitSentences } from '../src/clean/index.js';
import { extractHtml } from '../src/ingest/extract-html/index.js';
import { extractArticle } from '../src/extract/index.js';
import { documentFromText } from '../src/ingest/index.js';
import { looksLikeHeadline } from '../src/ingest/text.js';
import { findMissiles } from '../src/knowledge/index.js';

const KB = 1024;
const repeatTo = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** The best of at least three runs, and of up to seven while they add up to under 300 ms (cheap work is noisy). */
function bestMs(run: () => unknown): number {
  let best = Infinity;
  let total = 0;
  for (let i = 0; i < 7 && (i < 3 || total < 300); i++) {
    const t = performance.now();
    run();
    const ms = performance.now() - t;
    best = Math.min(best, ms);
    total += ms;
  }
  return best;
}

/** Times `work` on the shape at 10 KB and 100 KB (after a warm-up run of each) and checks the growth. */
function expectLinear(shape: (bytes: number) => string, work: (input: string) => unknown): void {
  const small = shape(10 * KB);
  const large = shape(100 * KB);
  work(small);
  work(large);
  const ratio = bestMs(() => work(large)) / Math.max(bestMs(() => work(small)), 1);
  expect(ratio).toBeLessThan(15);
}

describe('linear time per input shape (100 KB within 15× of 10 KB)', () => {
  it('"a\\n" repeated: thousands of wrapped lines joined into one', () => {
    expectLinear((n) => repeatTo('a\n', n), (text) => cleanDocument(documentFromText(text, 'shape')));
  });

  it('"Mr. " repeated: a sentence that never ends keeps growing at every boundary', () => {
    expectLinear((n) => repeatTo('Mr. ', n), (text) => splitSentences(text, 'en'));
  });

  it('long paragraphs of ordinary sentences are segmented window by window', () => {
    expectLinear((n) => repeatTo('The missile flew 300 km. It landed at sea. ', n), (text) => splitSentences(text, 'en'));
  });

  it('"KN-23 " repeated: thousands of overlapping designation matches', () => {
    expectLinear((n) => repeatTo('KN-23 ', n), (text) => findMissiles(text));
  });

  it('nested divs with little text: ten blocks nested deeper as the page grows', () => {
    const level = '<div class="wrapper-block">x ';
    const page = (bytes: number): string => {
      const depth = Math.floor(bytes / 10 / (level.length + 6));
      return `<html><body>${(level.repeat(depth) + '</div>'.repeat(depth)).repeat(10)}</body></html>`;
    };
    expectLinear(page, (html) => extractHtml(html));
  });

  it('many distinct launch sentences: each rule reads its sentences once, whatever their number', () => {
    const sites = ['Wonsan', 'Sinpo', 'Hamhung', 'Sunan', 'Kaechon', 'Jangyon', 'Mundok'];
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    // Short sentences, so that 100 KB holds some 1,800 of them.
    const launch = (i: number): string => `North Korea fired a missile from ${sites[i % sites.length]} at 7:1${i % 10} on ${days[i % days.length]}, ${100 + ((i * 37) % 900)} km. `;
    const report = (bytes: number): string => {
      let text = '';
      for (let i = 0; text.length < bytes; i++) text += launch(i);
      return text;
    };
    expectLinear(report, (text) => extractArticle(cleanDocument(documentFromText(text, 'shape'))));
  });

  it('one long Korean line: the headline test does not segment it into words', () => {
    expectLinear((n) => repeatTo('북한 미사일 ', n), (line) => looksLikeHeadline(line, 'ko'));
  });
});
