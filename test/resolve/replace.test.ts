// EventResolver.replace: some events put back as another process stored them, the rest kept, and the events in
// the stores' order afterwards, as a resolver built from the whole store has them.
import { describe, expect, it } from 'vitest';
import { EventResolver, type Report } from '../../src/resolve/index.js';
import type { LaunchEvent } from '../../src/types.js';
import { makeArticle, makeEvent, makeExtraction } from '../store.contract.js';

const report = (n: number): Report => {
  const a = makeArticle(n);
  return { extraction: makeExtraction(a), published: a.published?.date ?? null, source: a.source, copyOf: null };
};
const idOf = (n: number): string => makeArticle(n).id;
const entry = (event: LaunchEvent, ns: number[]) => ({ event, reports: ns.map(report) });

describe('EventResolver.replace', () => {
  it('replaces and drops the events given, keeps the others, and orders them dated first by date, then by id', () => {
    const resolver = new EventResolver([
      entry(makeEvent('ev-c', [idOf(1)], { dateLocal: '2024-05-03' }), [1]),
      entry(makeEvent('ev-u', [idOf(2)], { dateLocal: null }), [2]),
      entry(makeEvent('ev-a', [idOf(3)], { dateLocal: '2024-05-04' }), [3]),
    ]);
    // Elsewhere, ev-a took report 2 from the undated ev-u (deleted), and a new event ev-b was made.
    const ok = resolver.replace(
      [entry(makeEvent('ev-a', [idOf(3), idOf(2)], { dateLocal: '2024-05-01' }), [3, 2]), entry(makeEvent('ev-b', [idOf(4)], { dateLocal: '2024-05-03' }), [4])],
      ['ev-u'],
    );
    expect(ok).toBe(true);
    expect(resolver.all().map((e) => e.id)).toEqual(['ev-a', 'ev-b', 'ev-c']);
    expect([1, 2, 3, 4].map((n) => resolver.eventOf(idOf(n)))).toEqual(['ev-c', 'ev-a', 'ev-a', 'ev-b']);
    expect(resolver.membersOf('ev-a').map((r) => r.extraction.articleId)).toEqual([idOf(3), idOf(2)]);
    expect(resolver.membersOf('ev-u')).toEqual([]);
  });

  it('says so when a report of a given event is still in an event neither given nor dropped', () => {
    const resolver = new EventResolver([entry(makeEvent('ev-a', [idOf(1)]), [1]), entry(makeEvent('ev-b', [idOf(2)]), [2])]);
    expect(resolver.replace([entry(makeEvent('ev-a', [idOf(1), idOf(2)]), [1, 2])], [])).toBe(false);
  });
});
