// The outputs registry: every output renders the same stored events for the CLI and the API, and the jsonl
// output (one event per line) carries the article ids the records came with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { documentsFromPaste } from '../src/app/paste.js';
import { OUTPUTS, outputNamed } from '../src/app/outputs/index.js';
import { COLUMN_SETS, OUTPUT_NAMES } from '../src/app/outputs/names.js';
import { buildServer } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

const records = [
  { id: 'first-wire', source: 'wire.example.org', published: '2036-04-02', title: 'North Korea fires missile', text: "SEOUL, April 2, 2036 - North Korea fired a ballistic missile northeast from the Wonsan area on Wednesday, South Korea's Joint Chiefs of Staff said. It flew about 800 km." },
  { id: 'second-paper', source: 'paper.example.org', published: '2036-04-02', title: 'Missile launch reported', text: "North Korea launched a ballistic missile from near Wonsan on Wednesday morning, Seoul's military said. The missile travelled about 800 kilometres before landing in the sea." },
];

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  const text = records.map((r) => JSON.stringify(r)).join('\n');
  const report = await new Ingester(store).ingest(documentsFromPaste({ text, format: 'jsonl' }, 'test'));
  expect(report.stored).toBe(2);
});
afterAll(async () => store.close());

const render = async (name: string): Promise<string> => {
  const output = outputNamed(name);
  if (!output) throw new Error(`no output ${name}`);
  const events = (await store.queryEvents({ order: 'asc', limit: 100, offset: 0 })).events;
  return output.render({ store, events, base: 'http://localhost:8080' });
};

describe('outputs', () => {
  it('each output carries the name and column sets names.ts gives it (what `salvo export --help` lists)', () => {
    expect(OUTPUTS.map((o) => o.name)).toEqual([...OUTPUT_NAMES]);
    for (const o of OUTPUTS) expect(o.columnSets, o.name).toEqual(COLUMN_SETS[o.name as keyof typeof COLUMN_SETS]);
  });

  it('jsonl: one line per event with the record ids of its articles and every field', async () => {
    const lines = (await render('jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event_id: 'DPRK-2036-04-02', actor: 'DPRK', date_local: '2036-04-02', fields: { site: 'wonsan', distance_km: 800 } });
    expect([...(lines[0].articles as string[])].sort()).toEqual(['first-wire', 'second-paper']);
  });

  it('predictions: one scorer line per report of the events', async () => {
    const lines = (await render('predictions')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id).sort()).toEqual(['first-wire', 'second-paper']);
    expect(lines.every((l) => l.event_id === 'DPRK-2036-04-02' && l.is_launch_report === true)).toBe(true);
  });

  it('table: the header and one row per event', async () => {
    const rows = (await render('table')).split('\n');
    expect(rows[0]).toMatch(/^id\s+date\s+time/);
    expect(rows[1]).toMatch(/^DPRK-2036-04-02\s+2036-04-02/);
  });

  it('the API serves every output at /api/events.<name>, the same text as the registry renders', async () => {
    const app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
    try {
      for (const output of OUTPUTS) {
        const r = await app.inject({ method: 'GET', url: `/api/events.${output.name}`, headers: { host: 'localhost:8080' } });
        expect(r.statusCode, output.name).toBe(200);
        expect(r.headers['content-type']).toBe(`${output.mediaType}; charset=utf-8`);
        expect(r.body, output.name).toBe(await render(output.name));
      }
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { host: 'localhost:8080' } })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/events.jsonl');
    } finally {
      await app.close();
    }
  });
});
