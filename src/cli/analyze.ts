// `salvo analyze`: per-article predictions as JSON Lines on stdout (the in-memory pipeline), and with
// --events the event table that ingesting the same files would store, through the real ingest path into a
// database in memory.
import { writeFile } from 'node:fs/promises';
import { Ingester } from '../app/ingestion.js';
import { openDb } from '../app/open.js';
import { jsonl } from '../app/outputs/jsonl.js';
import { ingestPaths } from '../ingest/index.js';
import { processPaths, resolveAll, toPrediction } from '../pipeline.js';

/** Predictions on stdout, reasons for unreadable inputs on stderr; the event table to `eventsFile` when given. */
export async function analyzeCommand(paths: string[], eventsFile?: string): Promise<number> {
  const { processed, failures } = await processPaths(paths);
  for (const f of failures) process.stderr.write(`salvo: skipped ${f.origin}: ${f.reason}\n`);
  const resolver = resolveAll(processed);
  const lines = processed.map((p) => JSON.stringify(toPrediction(p, resolver.eventOf(p.article.id))));
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
  if (eventsFile !== undefined) await writeFile(eventsFile, await eventTable(paths));
  return processed.length === 0 ? 1 : 0;
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
