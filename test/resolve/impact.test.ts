import { describe, expect, it } from 'vitest';
import { EventResolver } from '../../src/resolve/index.js';
import { estimateImpact } from '../../src/resolve/impact.js';
import { directionSentences, estimateImpact as viewTimeImpact } from '../../src/serve/impact.js';
import { extract } from '../helpers/article.js';

// Every sentence below is made up for these tests.
const PUB = '2025-05-09';
function eventOf(paragraphs: string[]) {
  const { article, ex } = extract({ title: null, text: paragraphs.join('\n\n'), published: PUB });
  const resolver = new EventResolver();
  resolver.add({ extraction: ex, published: PUB, source: null });
  const [event] = resolver.all();
  return { article, ex, event };
}

describe('estimateImpact from claims', () => {
  it('uses the bearing claim, the site and the distance: the same point as the view-time estimate', () => {
    const { article, ex, event } = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew east for about 600 km, the military said.']);
    const fromClaims = estimateImpact(event, [ex]);
    expect(fromClaims?.bearing).toMatchObject({ deg: 90, from: 'text' });
    expect(fromClaims?.distance).toMatchObject({ km: 600, from: 'report' });
    expect(fromClaims).toEqual(viewTimeImpact(event, directionSentences([article], [ex])));
  });

  it('without a bearing claim, falls back to the landing sea', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile from Sunan on Friday that flew about 300 km and landed in the Sea of Japan.']);
    expect(estimateImpact(event, [ex])?.bearing).toMatchObject({ deg: 90, from: 'landing' });
  });

  it('is null without a known site', () => {
    const { ex, event } = eventOf(['North Korea fired a ballistic missile on Friday that flew east for about 600 km.']);
    expect(estimateImpact(event, [ex])).toBeNull();
  });
});
