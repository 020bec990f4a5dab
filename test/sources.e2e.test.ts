// Sources end to end through the real ingest path (ingestDocument): copies linked at ingest and counted once,
// a later official update revising an event with both versions in its history, two workers learning of each
// other's writes. Fixtures are made up.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ingester, ingestDocument, resolverFromStore } from '../src/app/ingestion.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import type { IngestItem } from '../src/types.js';
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

describe('two ingest workers on one database', () => {
  const bridge = [
    'The county board voted on Tuesday to close the old river bridge for eight months of repairs starting in the spring,',
    'after inspectors found corroded cables under the eastern span. Drivers will be sent over the northern ring road, which',
    'adds about twelve minutes to the trip into town, and two extra ferry crossings will run at rush hour. Shop owners near',
    'the bridge said they feared losing customers, while the board promised a grant for the businesses hit hardest.',
  ].join(' ');

  it('each learns what the other stored: copies of its articles and reports of its launches', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'salvo-workers-')), 'shared.db');
    const [storeA, storeB] = [await openStore(path), await openStore(path)];
    const [a, b] = [new Ingester(storeA), new Ingester(storeB)];
    // B's resolver is built before A writes anything, so what A writes reaches it as changes.
    await b.ingest([{ ok: true, doc: record('tokyo-mod') }]);
    const doc = (id: string, source: string, published: string, title: string): IngestItem => ({ ok: true, doc: documentFromRecord({ id, source, published, title, text: bridge }, id) });
    // A launch report from A reaches B as a change that regroups events: B rebuilds its resolver.
    const wire = (await a.ingest([{ ok: true, doc: record('wire') }])).results[0].articleId;
    const copy = (await b.ingest([{ ok: true, doc: record('copy-headline') }])).results[0].articleId;
    // A story with no launch in it reaches B as a signature only, added to B's copy tracker.
    const story = (await a.ingest([doc('bridge', 'county-news.example.org', '2031-05-02', 'Board closes river bridge')])).results[0].articleId;
    const storyCopy = (await b.ingest([doc('bridge-copy', 'valley-post.example.org', '2031-05-03', 'River bridge to shut for repairs')])).results[0].articleId;
    const links = new Map((await storeA.copyLinks()).map((l) => [l.articleId, l]));
    expect(links.get(storyCopy!)).toMatchObject({ originalId: story, kind: 'duplicate' });
    expect(links.get(copy!)).toMatchObject({ originalId: wire, kind: 'duplicate' });
    const events = await storeA.listEvents();
    expect(events.filter((e) => e.articleIds.includes(wire!)).map((e) => e.articleIds.includes(copy!))).toEqual([true]);
    await storeA.close();
    await storeB.close();
  });
});
