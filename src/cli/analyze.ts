// `salvo analyze`: per-article predictions as JSON Lines on stdout (the in-memory pipeline), each written as soon
// as it is made — a launch report's at the end, with the event it is grouped into — and with --events the event
// table that ingesting the same files would store, through the real ingest path into a database in memory.
import { writeFile } from 'node:fs/promises';
import { Ingester } from '../app/ingestion.js';
import { openDb } from '../app/open.js';
import { jsonl } from '../app/outputs/jsonl.js';
import { ingestPaths } from '../ingest/index.js';
import { Analyzer } from '../pipeline.js';
import type { Prediction } from '../types.js';

const line = (p: Prediction): string => `${JSON.stringify(p)}\n`;

/** Predictions on stdout, reasons for unreadable inputs on stderr; the event table to `eventsFile` when given. */
export async function analyzeCommand(paths: string[], eventsFile?: string): Promise<number> {
  const analyzer = new Analyzer();
  let read = 0;
  for await (const item of ingestPaths(paths)) {
    const result = item.ok ? analyzer.add(item.doc) : item;
    if (!result.ok) {
      process.stderr.write(`salvo: skipped ${result.failure.origin}: ${result.failure.reason}\n`);
      continue;
    }
    read++;
    if (result.prediction) process.stdout.write(line(result.prediction));
  }
  const reports = analyzer.finish();
  if (reports.length) process.stdout.write(reports.map(line).join(''));
  if (eventsFile !== undefined) await writeFile(eventsFile, await eventTable(paths));
  return read === 0 ? 1 : 0;
}

/** The events a fresh database holds after `salvo ingest <paths>`, in the jsonl output's format. */
async function eventTable(paths: string[]): Promise<string> {
  const store = await openDb(':memory:');
  try {
    await new Ingester(store).ingest(ingestPaths(paths));
    const events = (await store.queryEvents({ order: 'asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).events;
    return await jsonl.render({ store, events, base: '' });
  } finally {
    await store.close();
  }
}
