// `salvo analyze`: per-article predictions as JSON Lines on stdout (the in-memory pipeline), each written as soon
// as it is made — a launch report's at the end, with the event it is grouped into — and with --events the event
// table that ingesting the same files would store, through the real ingest path into a database in memory.
// Documents are analysed in the document pool's threads, each within the time budget (one over it is skipped
// with that reason, the rest go on), and their predictions written in the order the documents were read. HTML
// pages are read into documents there too (also within the budget). This thread streams files, scans each
// document for the launch prefilter's literal anchors and groups reports: a document without them (most of a
// news feed) is answered here, since a trip to a thread and back cost far more than the scan (a few literal
// words, linear in the text, so it needs no budget); it runs no extractor (the threads do), and loads the
// ingest path only with --events.
import { writeFile } from 'node:fs/promises';
import { DocumentPool } from '../app/pool.js';
import { ingestPaths } from '../ingest/index.js';
import { anchorAnalysis } from '../turned-away.js';
import { Predictions, type DocumentAnalysis } from '../predictions.js';
import type { IngestItem, Prediction } from '../types.js';

const line = (p: Prediction): string => `${JSON.stringify(p)}\n`;

/** Predictions on stdout, reasons for unreadable inputs on stderr; the event table to `eventsFile` when given. */
export async function analyzeCommand(paths: string[], eventsFile?: string): Promise<number> {
  const pool = DocumentPool.forBatch();
  try {
    const predictions = new Predictions();
    let read = 0;
    const analysis = (item: IngestItem): Promise<DocumentAnalysis> => {
      if (!item.ok) return Promise.resolve(item);
      const turnedAway = anchorAnalysis(item.doc);
      return turnedAway ? Promise.resolve(turnedAway) : pool.analyze(item.doc);
    };
    for await (const done of pool.inOrder(ingestPaths(paths, { readHtml: pool.readHtml }), analysis)) {
      const result = predictions.take(done);
      if (!result.ok) {
        process.stderr.write(`salvo: skipped ${result.failure.origin}: ${result.failure.reason}\n`);
        continue;
      }
      read++;
      if (result.prediction) process.stdout.write(line(result.prediction));
    }
    const reports = predictions.finish();
    if (reports.length) process.stdout.write(reports.map(line).join(''));
    if (eventsFile !== undefined) await writeFile(eventsFile, await eventTable(paths, pool));
    return read === 0 ? 1 : 0;
  } finally {
    await pool.close();
  }
}

/** The events a fresh database holds after `salvo ingest <paths>`, in the jsonl output's format. */
async function eventTable(paths: string[], pool: DocumentPool): Promise<string> {
  const [{ Ingester }, { openDb }, { jsonl }] = await Promise.all([import('../app/ingestion.js'), import('../app/open.js'), import('../app/outputs/jsonl.js')]);
  const store = await openDb(':memory:');
  try {
    await new Ingester(store, pool.prepare).ingest(ingestPaths(paths, { readHtml: pool.readHtml }));
    const events = (await store.queryEvents({ order: 'asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).events;
    return await jsonl.render({ store, events, base: '' });
  } finally {
    await store.close();
  }
}
