import { describe, expect, it } from 'vitest';
import { articleUnits } from '../../src/extract/units.js';
import { extract, fieldValue, makeArticle } from '../helpers/article.js';

// An appended chronology of earlier launches ("Aug. 2 - … flew 900 km") is background: its days and figures never
// date or describe the article's own launch.
const body = [
  'Northland fired a ballistic missile toward the sea, the defence ministry said.',
  'The missile flew about 600 km, officials said.',
  'Previous tests this year:',
  'Aug. 2 - medium-range missile flies 900 km',
  'June 11 - two rockets fired from the west coast',
  'March 3: first test of a new solid-fuel missile',
].join('\n\n');

describe('chronology lines', () => {
  const article = makeArticle({ title: null, text: body, published: '2024-09-20' });
  const units = articleUnits(article);
  it('each "day - what happened" line in a run is marked; the report sentences are not', () => {
    const marked = units.filter((u) => u.inChronology).map((u) => u.text.slice(0, 8));
    expect(marked).toEqual(['Aug. 2 -', 'June 11 ', 'March 3:']);
  });
  it('a single dated line is not a chronology', () => {
    const one = makeArticle({ title: null, text: 'May 4 - Northland fires a missile into the sea.\n\nMore soon.', published: '2024-05-04' });
    expect(articleUnits(one).some((u) => u.inChronology)).toBe(false);
  });
  it('a live-blog stamp with a clock time ("Oct 1, 19:55 --") is not a chronology line', () => {
    const blog = makeArticle({ title: null, text: 'Oct 1, 19:55 -- Sirens sound.\n\nOct 1, 20:10 -- The army says rockets were fired.', published: '2024-10-01' });
    expect(articleUnits(blog).some((u) => u.inChronology)).toBe(false);
  });
});

describe('a report followed by a chronology', () => {
  const { ex } = extract({ title: 'Northland fires ballistic missile', text: body, published: '2024-09-20' });
  it('stays a report about the publication day, with its own distance', () => {
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'date_local')).toBe('2024-09-20');
    expect(fieldValue(ex, 'distance_km')).toBe(600);
  });
});
