// The synthetic firehose's rewrites (scripts/firehose.mjs) look like the re-edited stories of the corpora: the
// source's order kept but for at most one paragraph moved up, its quotes word for word, its lead reworded.
import { describe, expect, it } from 'vitest';
import { generateFirehose } from '../scripts/firehose.mjs';

interface Made {
  record: { title: string; text: string };
  meta: { kind: string; of?: number };
}

const quotes = (text: string): string[] => [...text.matchAll(/"[^"]*"/g)].map((m) => m[0]);

/** Runs of three words: rewording breaks some of a paragraph's, not all. */
const runs = (p: string): string[] => p.split(' ').slice(2).map((w, i, all) => `${p.split(' ')[i]} ${p.split(' ')[i + 1]} ${w}`);

/** The source paragraph sharing the most three-word runs with a rewritten one. */
function sourceOf(paragraph: string, source: string[]): number {
  const mine = new Set(runs(paragraph));
  const shared = source.map((p) => runs(p).filter((r) => mine.has(r)).length);
  return shared.indexOf(Math.max(...shared));
}

describe('firehose rewrites', () => {
  const made = [...(generateFirehose({ count: 3000, seed: 11 }) as Iterable<Made>)];
  const rewrites = made.filter((m) => m.meta.kind === 'rewrite');

  it('keeps the source paragraphs it keeps in order, but for one at most, and rewords the lead', () => {
    expect(rewrites.length).toBeGreaterThan(20);
    let moved = 0;
    let newLeads = 0;
    for (const r of rewrites) {
      const source = made[r.meta.of as number].record.text.split('\n\n');
      // The rewrite's paragraphs, without its byline and copyright line, each where it came from.
      const [lead, ...body] = r.record.text.split('\n\n').slice(1, -1);
      if (lead !== source[0]) newLeads++; // its first sentence reworded (one with no word to swap stays)
      expect(sourceOf(lead, source)).toBe(0);
      const at = body.map((p) => sourceOf(p, source));
      const outOfOrder = at.filter((i, k) => k > 0 && i < at[k - 1]).length;
      expect(outOfOrder).toBeLessThanOrEqual(1);
      moved += outOfOrder;
    }
    expect(moved).toBeGreaterThan(0); // some editors move a paragraph up
    expect(newLeads / rewrites.length).toBeGreaterThan(0.9);
  });

  it('quotes its source word for word', () => {
    let quoted = 0;
    for (const r of rewrites) {
      const source = made[r.meta.of as number].record.text;
      for (const q of quotes(r.record.text)) {
        expect(source).toContain(q);
        quoted++;
      }
    }
    expect(quoted).toBeGreaterThan(0);
  });
});
