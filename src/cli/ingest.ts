// `salvo ingest`: files, folders and web addresses through the one ingest path (src/app/ingestion.ts), with a
// progress bar and one stderr line per input that could not be stored. HTML pages are read into documents, and
// documents cleaned and extracted, in the document pool's threads, each step within the time budget (a document
// over it fails with that reason, the rest go on).
import { Ingester } from '../app/ingestion.js';
import { openDb } from '../app/open.js';
import { DocumentPool } from '../app/pool.js';
import { Fetcher, type FetchOptions } from '../ingest/fetch.js';
import { countInputs, ingestPaths } from '../ingest/index.js';
import { Progress } from './progress.js';

/** The file an item came from: "a.jsonl:3" and "a.json[2]" are records of a.jsonl and a.json. */
const fileOf = (origin: string): string => origin.replace(/:\d+$|\[\d+\]$/, '');

/**
 * Every readable report is cleaned, extracted, grouped and stored, one transaction per article. A bad input
 * costs one line on stderr and nothing else; the exit code is non-zero only when nothing at all could be read.
 */
export async function ingestCommand(paths: string[], db: string | undefined, fetchOptions: FetchOptions = {}): Promise<number> {
  const store = await openDb(db, { write: true });
  const pool = DocumentPool.forBatch();
  const progress = new Progress(await countInputs(paths), 'ingest');
  let launches = 0;
  let lastFile = '';
  // The first reports of a run compile the knowledge tables' patterns in the pool's thread (hundreds of site,
  // missile, agency and class names per language, in small regular expressions per first character, compiled as
  // the characters turn up): the first report costs one to two CPU seconds more than the next ones.
  progress.start(`${progress.total} file${progress.total === 1 ? '' : 's'}; the first report also compiles the knowledge tables' patterns (a few seconds, once per run)`);
  try {
    const report = await new Ingester(store, pool.prepare, { batched: true }).ingest(ingestPaths(paths, { fetcher: new Fetcher(fetchOptions), readHtml: pool.readHtml }), (r) => {
      const file = fileOf(r.origin);
      if (file !== lastFile) {
        if (lastFile) progress.tick();
        lastFile = file;
      }
      if (r.status === 'failed') process.stderr.write(`${progress.isTty ? '\n' : ''}salvo: skipped ${r.origin}: ${r.reason}\n`);
      if (r.status === 'stored' && r.isLaunchReport) launches++;
    });
    if (lastFile) progress.tick();
    progress.finish();
    process.stderr.write(`salvo: ${report.stored} stored (${launches} launch reports), ${report.duplicates} already stored, ${report.failed} failed\n`);
    return report.stored + report.duplicates === 0 ? 1 : 0;
  } finally {
    await pool.close();
    await store.close();
  }
}
