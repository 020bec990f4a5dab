import { Fetcher, type FetchOptions } from '../ingest/fetch.js';
import { ingestPaths } from '../ingest/index.js';
import { ingestDocument } from '../pipeline.js';
import { countFiles } from './count-files.js';
import { followingResolver } from '../app/following-resolver.js';
import { openDb, resolverFromStore } from './open.js';
import { Progress } from './progress.js';

/**
 * `salvo ingest`: every readable report is cleaned, extracted, grouped and stored, one transaction per article.
 * A bad input costs one line on stderr and nothing else; the exit code is non-zero only when nothing at all
 * could be read.
 */
export async function ingestCommand(paths: string[], db: string | undefined, fetchOptions: FetchOptions = {}): Promise<number> {
  const store = await openDb(db);
  const resolver = await followingResolver(store, resolverFromStore);
  const progress = new Progress(countFiles(paths), 'ingest');
  let stored = 0;
  let duplicates = 0;
  let failed = 0;
  let launches = 0;
  let lastFile = '';
  const fail = (origin: string, reason: string): void => {
    failed++;
    process.stderr.write(`${progress.isTty ? '\n' : ''}salvo: skipped ${origin}: ${reason}\n`);
  };
  try {
    for await (const item of ingestPaths(paths, { fetcher: new Fetcher(fetchOptions) })) {
      const origin = item.ok ? item.doc.origin : item.failure.origin;
      const file = origin.replace(/:\d+$|\[\d+\]$/, '');
      if (file !== lastFile) {
        if (lastFile) progress.tick();
        lastFile = file;
      }
      if (!item.ok) {
        fail(item.failure.origin, item.failure.reason);
        continue;
      }
      try {
        const outcome = await ingestDocument(store, resolver, item.doc);
        if (outcome.status === 'duplicate') {
          duplicates++;
          continue;
        }
        stored++;
        if (outcome.extraction.isLaunchReport) launches++;
      } catch (err) {
        fail(origin, `not stored: ${err instanceof Error ? err.message : String(err)}`);
        // The resolver may hold the failed article: rebuild it from what the store really has.
        resolver.reset();
      }
    }
    if (lastFile) progress.tick();
    progress.finish();
  } finally {
    await store.close();
  }
  process.stderr.write(
    `salvo: ${stored} stored (${launches} launch reports), ${duplicates} already stored, ${failed} failed\n`,
  );
  return stored + duplicates === 0 ? 1 : 0;
}
