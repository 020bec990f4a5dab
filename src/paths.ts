// Where the package's files are (its root and data/), whether run from src/ or from the built dist/src/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same modules run from src/ (tests, via vitest) and from dist/src/ (the built CLI), so data files are
// found by walking up to the package root rather than by a fixed relative path.
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('salvo: cannot find the package root (no package.json with a data/ folder above)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** Absolute path of a file under the package's data/ folder. */
export const dataPath = (name: string): string => join(PACKAGE_ROOT, 'data', name);

/** Reads and parses a JSON file from data/. */
export function readDataJson<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath(name), 'utf8')) as T;
}
