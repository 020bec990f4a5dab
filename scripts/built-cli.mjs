// Where the scripts find the built `salvo` command (dist/, from `npm run build`); `requireBuilt()` stops a script
// with a clear message when it is missing, so a bench never measures a stale or absent build silently.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built command line's entry point. */
export const CLI = join(ROOT, 'dist', 'src', 'main.js');

/** Exits with status 2 and a message when dist/ has not been built. */
export function requireBuilt() {
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: run npm run build first`);
    process.exit(2);
  }
}
