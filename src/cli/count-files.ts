// How many files a list of paths holds, for the ingest progress bar's total (hidden entries skipped, as ingest does).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** How many files the paths hold (for the progress bar's total); unreadable paths count as one. */
export function countFiles(paths: string[]): number {
  let n = 0;
  const visit = (p: string): void => {
    try {
      if (statSync(p).isDirectory()) {
        for (const e of readdirSync(p)) if (!e.startsWith('.')) visit(join(p, e));
      } else n++;
    } catch {
      n++;
    }
  };
  for (const p of paths) visit(p);
  return n;
}
