// Sources end to end through the real ingest path (ingestDocument): copies linked at ingest and counted once,
// a later official update revising an event with both versions in its history. Fixtures are made up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolverFromStore } from '../src/cli/open.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { ingestDocument } from '../src/pipeline.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

const DIR = join(import.meta.dirname, 'fixtures/copies');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, string>;

function record(name: string, published = manifest[name] ?? null, text = readFileSync(join(DIR, `${name}.txt`), 'utf8')) {
  const [title, ...rest] = text.split('\n');
  return documentFromRecord({ id: name, url: `https://${name}.example.org/story`, source: `${name}.example.org`, published, title, text: rest.join('\n') }, name);
}

async function ingestAll(store: Store, docs: ReturnType<typeof record>[]): Promise<Map<string, string>> {
  const resolver = await resolverFromStore(store);
  const ids = new Map<string, string>();
  for (const d of docs) {
    const out = await ingestDocument(store, { resolver: async () => resolver }, d);
    ids.set(d.externalId ?? d.origin, out.article.id);
  }
  return ids;
}

describe('copies at ingest', () => {
  it('links syndicated copies and the rewrite to the wire story, and not the independent reports', async () => {
    const store = await openStore(':memory:');
    const ids = await ingestAll(store, ['wire', 'copy-headline', 'copy-truncated', 'copy-local', 'rewrite', 'seoul-jcs', 'tokyo-mod'].map((n) => record(n)));
    const links = new Map((await store.copyLinks()).map((l) => [l.articleId, l]));
    for (const copy of ['copy-headline', 'copy-truncated', 'copy-local']) {
      expect(links.get(ids.get(copy)!)).toMatchObject({ originalId: ids.get('wire'), kind: 'duplicate' });
    }
    expect(links.get(ids.get('rewrite')!)).toMatchObject({ originalId: ids.get('wire'), kind: 'rewrite' });
    expect(links.has(ids.get('seoul-jcs')!)).toBe(false);
    expect(links.has(ids.get('tokyo-mod')!)).toBe(false);
    expect(links.get(ids.get('rewrite')!)?.reason).toMatch(/rewrite score/);
    await store.close();
  });

  it('counts the copies once in the event consensus', async () => {
    const store = await openStore(':memory:');
    await ingestAll(store, ['wire', 'copy-headline', 'copy-truncated', 'copy-local'].map((n) => record(n)));
    const ev = (await store.listEvents())[0];
    const best = ev.fields.distance_km.candidates[0];
    // Four reports state the figure, but they are one story: one independent source.
    expect(best.support).toHaveLength(4);
    expect(best.sources).toHaveLength(1);
    expect(best.support.filter((s) => s.copyOf).length).toBe(3);
    await store.close();
  });
});

describe('history', () => {
  it('a later official update revises the event and the history keeps both versions', async () => {
    const store = await openStore(':memory:');
    const first = 'North Korea fires ballistic missile\nNorth Korea fired a ballistic missile toward the East Sea on Monday, the Joint Chiefs of Staff said. The missile flew about 350 km, the JCS said in a preliminary assessment.';
    const later = 'JCS revises flight distance of Monday launch\nThe Joint Chiefs of Staff said on Monday that the ballistic missile North Korea fired that morning flew about 420 km, revising its earlier figure.';
    const ids = await ingestAll(store, [record('prelim', '2031-06-02', first), record('update', '2031-06-03', later)]);
    const ev = (await store.listEvents()).find((e) => e.articleIds.includes(ids.get('prelim')!))!;
    expect(ev.articleIds).toContain(ids.get('update'));
    expect(ev.fields.distance_km.value).toBe(420);
    const superseded = ev.fields.distance_km.candidates.find((c) => c.value === 350)?.support[0];
    expect(superseded?.superseded).toBe(true);
    const history = await store.eventHistory(ev.id);
    expect(history.map((v) => v.version)).toEqual([1, 2]);
    expect(history[0].changes.find((c) => c.field === 'distance_km')).toMatchObject({ from: null, to: 350 });
    expect(history[1].changes.find((c) => c.field === 'distance_km')).toMatchObject({ from: 350, to: 420, articleId: ids.get('update') });
    await store.close();
  });
});
