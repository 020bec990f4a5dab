import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanDocument, splitSentences } from '../src/clean/index.js';
import type { Article, SourceDocument } from '../src/types.js';

function doc(text: string, over: Partial<SourceDocument> = {}): SourceDocument {
  return {
    origin: 'test',
    format: 'text',
    externalId: null,
    url: null,
    source: null,
    published: null,
    title: null,
    text,
    language: 'en',
    droppedByExtractor: [],
    ...over,
  };
}

const reasonFor = (article: Article, text: string): string | undefined => article.removed.find((r) => r.text === text)?.reason;
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

const FACT = 'Northland fired two rockets into the bay on Tuesday, officials said.';

describe('boilerplate removal', () => {
  const cases: [string, string][] = [
    ['Skip to content', 'navigation'],
    ['Scroll to Top', 'navigation'],
    ['Menu', 'navigation'],
    ['Home > World > Asia', 'navigation'],
    ['Share', 'share'],
    ['Tweet', 'share'],
    ['Share on Facebook', 'share'],
    ['Copy link', 'share'],
    ['PrintEmailFacebookTwitterLinkedInCopy Link', 'share'],
    ['Leave a Comment', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Required fields are marked *', 'comment-form'],
    ['Post Comment', 'comment-form'],
    ['Sign up for our morning briefing', 'newsletter'],
    ['Stay updated on the peninsula and beyond by following our live coverage.', 'newsletter'],
    ['Privacy Policy', 'privacy'],
    ['reCAPTCHA', 'privacy'],
    ['Terms of Service', 'privacy'],
    ['photo by Harbor Wire', 'photo-credit'],
    ['Photo: Jan Doe/Reuters', 'photo-credit'],
    ['(AP Photo/Jan Doe)', 'photo-credit'],
    ['Image source, Getty Images', 'photo-credit'],
    ['Jan Doe/Getty Images', 'photo-credit'],
    ['A fishing boat leaves the harbour at dawn. (AP Photo/Jan Doe)', 'photo-caption'],
    ['[1] Southland holds naval drill', 'link-list'],
    ["Here's the rewritten version:", 'rewrite-artefact'],
    ['© 2031 Example Media Group', 'copyright'],
    ['Example Media. All rights reserved.', 'copyright'],
    ['Advertisement', 'page-furniture'],
  ];
  it.each(cases)('drops %j as %s', (line, reason) => {
    const article = cleanDocument(doc(`${FACT}\n${line}\nThe rockets flew 300 km.`));
    expect(reasonFor(article, line)).toBe(reason);
    expect(article.text).toBe(`${FACT}\n\nThe rockets flew 300 km.`);
  });

  it('drops a "Read also" heading and the link list after it, then resumes at prose', () => {
    const text = [
      FACT,
      'Read also:',
      'Southland holds naval drill',
      'Eastland opens new port',
      'The rockets flew about 300 km before falling into the sea, the coastal guard said later on Tuesday.',
    ].join('\n');
    const article = cleanDocument(doc(text));
    expect(article.removed.map((r) => [r.reason, r.text])).toEqual([
      ['link-list', 'Read also:'],
      ['link-list', 'Southland holds naval drill'],
      ['link-list', 'Eastland opens new port'],
    ]);
    expect(article.text).toContain('The rockets flew about 300 km');
  });

  it('strips boilerplate glued to the start of a real sentence and keeps the sentence', () => {
    const glued = 'Privacy PolicyreCAPTCHANorthland and Eastland signed a defence pact last year.';
    const article = cleanDocument(doc(`${FACT}\n${glued}`));
    expect(article.text).toBe(`${FACT}\n\nNorthland and Eastland signed a defence pact last year.`);
    expect(article.removed).toEqual([
      { text: 'Privacy Policy', reason: 'privacy' },
      { text: 'reCAPTCHA', reason: 'privacy' },
    ]);
  });

  it('does not strip a boilerplate-looking phrase that starts real prose', () => {
    const line = 'Terms of service were changed after the launch, the agency said.';
    expect(cleanDocument(doc(line)).text).toBe(line);
  });

  it('drops exact duplicate lines (repeated captions) but keeps the first', () => {
    const caption = 'Crowds watch a rocket display in the capital square';
    const article = cleanDocument(doc(`${caption}\n${FACT}\n${caption}\nThe rockets flew 300 km.`));
    expect(article.text).toBe(`${caption}\n\n${FACT}\n\nThe rockets flew 300 km.`);
    expect(article.removed).toEqual([{ text: caption, reason: 'duplicate' }]);
  });

  it('tells a repeat from a line with the same first and last words (lines are compared by their ends first)', () => {
    const first = 'The rockets flew 300 km east before they fell into the sea, officials said.';
    const sameEnds = 'The rockets flew farther, some 900 km, before they fell into the sea, officials said.';
    const repeat = 'THE ROCKETS flew 300 km east -- before they fell into the sea; officials said';
    const article = cleanDocument(doc(`${first}\n${sameEnds}\n${repeat}\nThe rockets flew 300 km.`));
    expect(article.text).toBe(`${first}\n\n${sameEnds}\n\nThe rockets flew 300 km.`);
    expect(article.removed).toEqual([{ text: repeat, reason: 'duplicate' }]);
  });

  it('removes a line that repeats the title in other case and punctuation, not one with the same ends', () => {
    const title = 'Northland fires two rockets into the bay';
    const sameEnds = 'Northland fires a new engine and two rockets into the bay';
    const article = cleanDocument(doc(`NORTHLAND FIRES TWO ROCKETS -- INTO THE BAY\n${sameEnds}\n${FACT}`, { title }));
    expect(article.text).toBe(`${sameEnds}\n\n${FACT}`);
    expect(article.removed).toEqual([{ text: 'NORTHLAND FIRES TWO ROCKETS -- INTO THE BAY', reason: 'title' }]);
  });

  it('removes the line that repeats the title', () => {
    const title = 'Northland fires two rockets into the bay';
    const article = cleanDocument(doc(`${title}\n\n${FACT}`, { title }));
    expect(article.text).toBe(FACT);
    expect(article.title).toBe(title);
    expect(article.removed).toEqual([{ text: title, reason: 'title' }]);
  });

  it('never drops a caption that states a launch fact', () => {
    const caption = 'Northland fired a rocket from the western pad on Tuesday, in this photo released by its state agency.';
    const article = cleanDocument(doc(`${FACT}\n${caption}`));
    expect(article.text).toContain(caption);
  });

  it('keeps short section headings as their own paragraph', () => {
    const article = cleanDocument(doc(`${FACT}\nRockets for Export?\nAnalysts said the test may have been for buyers.`));
    expect(article.text).toBe(`${FACT}\n\nRockets for Export?\n\nAnalysts said the test may have been for buyers.`);
    expect(article.removed).toEqual([]);
  });

  it('keeps a wire dateline in the first sentence', () => {
    const text = 'HARBOR CITY, May 8 (Wire) - Northland fired a rocket on Thursday. It fell into the sea.';
    const article = cleanDocument(doc(text));
    expect(article.text.slice(article.sentences[0].start, article.sentences[0].end)).toBe(
      'HARBOR CITY, May 8 (Wire) - Northland fired a rocket on Thursday.',
    );
  });

  it('removes the stored date marker at the top of corpus texts', () => {
    const article = cleanDocument(doc(` date 2031-03-04 ${FACT}`));
    expect(article.text).toBe(FACT);
    expect(article.removed).toEqual([{ text: 'date 2031-03-04', reason: 'date-marker' }]);
  });

  it('joins a line wrapped in the middle of a sentence', () => {
    const article = cleanDocument(doc('Northland fired two rockets\ninto the bay on Tuesday.\nOfficials confirmed it.'));
    expect(article.text).toBe('Northland fired two rockets into the bay on Tuesday.\n\nOfficials confirmed it.');
  });

  it('joins a wrapped line that closes a bracket left open', () => {
    const article = cleanDocument(doc('The first rocket took off at 6:10 a.m. (2110 GMT\nMonday) from near the coast.\nA second (smaller) one followed.'));
    expect(article.text).toBe('The first rocket took off at 6:10 a.m. (2110 GMT Monday) from near the coast.\n\nA second (smaller) one followed.');
  });

  it('finds a bracket left open in an earlier piece of a line already joined, and a closed one there', () => {
    const open = cleanDocument(doc('The rocket took off at 6:10 a.m. (2110 GMT on\nthe day before,\nMonday) from the coast.'));
    expect(open.text).toBe('The rocket took off at 6:10 a.m. (2110 GMT on the day before, Monday) from the coast.');
    const closed = cleanDocument(doc('The rocket (a small one) took off on\nthe day before,\nMonday) from the coast.'));
    expect(closed.text).toBe('The rocket (a small one) took off on the day before,\n\nMonday) from the coast.');
  });

  it('joins a wrapped line that goes on with a figure and its unit, not a numbered item', () => {
    const article = cleanDocument(doc('The rocket climbed to a height of more than\n1,200 km.\nThe launch ended a pause of about\n3 months.\nOfficials listed the steps:\n1. The booster lit.'));
    expect(article.text).toBe('The rocket climbed to a height of more than 1,200 km.\n\nThe launch ended a pause of about 3 months.\n\nOfficials listed the steps:\n\n1. The booster lit.');
  });
});

describe('article record', () => {
  it('has a stable sha256 id of url, title and raw text', () => {
    const source = doc(`${FACT}\nShare`, { url: 'https://x.example/a', title: 'T' });
    const expected = createHash('sha256').update(`https://x.example/a\nT\n${FACT}\nShare`).digest('hex');
    expect(cleanDocument(source).id).toBe(expected);
    expect(cleanDocument({ ...source }).id).toBe(expected);
    expect(cleanDocument({ ...source, text: `${FACT}` }).id).not.toBe(expected);
  });

  it('gives paragraph and sentence spans over the final text, without surrounding whitespace', () => {
    const article = cleanDocument(doc(`  ${FACT}  \n\n\nThe rockets flew 300 km. Both fell into the sea.  `));
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual([
      FACT,
      'The rockets flew 300 km. Both fell into the sea.',
    ]);
    expect(article.sentences.map((s) => article.text.slice(s.start, s.end))).toEqual([
      FACT,
      'The rockets flew 300 km.',
      'Both fell into the sea.',
    ]);
  });
});

describe('splitSentences', () => {
  it('splits after "a.m." only before a sentence starter', () => {
    expect(sentences('The rocket was fired at 8:10 a.m. The launch was tracked by radar.')).toEqual([
      'The rocket was fired at 8:10 a.m.',
      'The launch was tracked by radar.',
    ]);
    expect(sentences('It was fired at 7 a.m. Seoul time from the coast.')).toEqual(['It was fired at 7 a.m. Seoul time from the coast.']);
    expect(sentences('It was fired at 9 p.m. Monday and fell at sea.')).toEqual(['It was fired at 9 p.m. Monday and fell at sea.']);
  });

  it('does not split after "km." when the sentence goes on, but does when a new one starts', () => {
    expect(sentences('It flew approx. 300 km. into the bay.')).toEqual(['It flew approx. 300 km. into the bay.']);
    expect(sentences('It flew 300 km. The second rocket failed.')).toEqual(['It flew 300 km.', 'The second rocket failed.']);
  });

  it('keeps "U.S.", "U.N.", titles and initials inside a sentence', () => {
    expect(sentences('The U.N. Security Council met after Gen. Park and Kim J. Doe spoke with U.S. officials.')).toEqual([
      'The U.N. Security Council met after Gen. Park and Kim J. Doe spoke with U.S. officials.',
    ]);
    expect(sentences('The launch was condemned by the U.S. It was the third this year.')).toEqual([
      'The launch was condemned by the U.S.',
      'It was the third this year.',
    ]);
  });

  it('keeps a numbered item marker with its item', () => {
    expect(sentences('1. Northland fired two rockets. 2. Both fell into the sea.')).toEqual([
      '1. Northland fired two rockets.',
      '2. Both fell into the sea.',
    ]);
    expect(sentences('It was rocket No. 5 on Jan. 4 this year.')).toEqual(['It was rocket No. 5 on Jan. 4 this year.']);
  });

  it('ends a sentence after a closing quote and keeps "he said" with its quote', () => {
    expect(sentences('"The rocket flew 300 km." Officials said more tests would follow. "Why now?" he asked.')).toEqual([
      '"The rocket flew 300 km."',
      'Officials said more tests would follow.',
      '"Why now?" he asked.',
    ]);
  });

  it('never lets a sentence cross a line break', () => {
    const text = 'A rocket was fired at 8 a.m.\nThe second followed';
    expect(sentences(text)).toEqual(['A rocket was fired at 8 a.m.', 'The second followed']);
  });
});
