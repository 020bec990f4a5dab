// Dating undated reports by the office-holders they name, and lining them up with the reference list.
import { describe, expect, it } from 'vitest';
import { resolverFromStore } from '../src/cli/open.js';
import { dateWindow } from '../src/extract/window.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { ingestDocument } from '../src/pipeline.js';
import { openStore } from '../src/store/open.js';

describe('dateWindow', () => {
  it('an office-holder named in office bounds the date', () => {
    expect(dateWindow('The launch came as President Lee Jae-myung prepared for talks.')).toMatchObject({ from: '2025-06-04', to: null });
    expect(dateWindow('Prime Minister Fumio Kishida called it outrageous.')).toMatchObject({ from: '2021-10-04', to: '2024-10-01' });
  });

  it('"former" and "then-" office-holders do not count; no names, no window', () => {
    expect(dateWindow('Former President Moon Jae-in once met Kim three times.')).toBeNull();
    expect(dateWindow('Then-Prime Minister Shinzo Abe condemned the launch.')).toBeNull();
    expect(dateWindow('North Korea fired a missile.')).toBeNull();
  });

  it('several names intersect; terms that cannot overlap give no window', () => {
    expect(dateWindow('Defense Secretary Pete Hegseth and President Lee Jae-myung met.')).toMatchObject({ from: '2025-06-04', to: null });
    expect(dateWindow('President Moon Jae-in and President Lee Jae-myung met.')).toBeNull();
  });
});

describe('an undated report dated by its office-holders', () => {
  it('takes the one reference launch day in its window and shows where its figures differ', async () => {
    const store = await openStore(':memory:');
    const text = [
      'North Korea fired a short-range ballistic missile toward its eastern waters on Friday, the Joint Chiefs of Staff said.',
      'The missile flew about 700 kilometres before falling into the East Sea, the JCS said.',
      'The launch came days after Defense Secretary Pete Hegseth visited Seoul, where President Lee Jae-myung hosted him.',
    ].join('\n\n');
    const doc = documentFromRecord({ id: 'undated', url: null, source: 'example.org', published: null, title: 'North Korea fires missile', text }, 'undated');
    const resolver = await resolverFromStore(store);
    await ingestDocument(store, { resolver: async () => resolver }, doc);
    const ev = (await store.listEvents())[0];
    // Reference list: one Friday KST launch day after 2025-06-04 (2025-11-07, 450 km).
    expect(ev.dateLocal).toBe('2025-11-07');
    expect(ev.reference?.dateInferred).toBe(true);
    expect(ev.reference?.differences).toContainEqual({ field: 'distance_km', event: 700, reference: 450 });
    await store.close();
  });
});
