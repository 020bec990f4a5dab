// The oldest Node.js Salvo runs on, checked before anything else is loaded: on an older Node a dependency fails
// with an error that names neither Node nor the version needed (ERR_REQUIRE_ESM, a syntax error), so the
// program says what is wrong instead. Imported first by main.ts; its one import, settings.ts, imports nothing.
import { MIN_NODE_VERSION } from './settings.js';

/** Why this Node.js cannot run Salvo, or null when it can. `version` is like process.versions.node ("20.19.0"). */
export function nodeVersionProblem(version: string, minimum: string = MIN_NODE_VERSION): string | null {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    if (a > need[i]) return null;
    if (a < need[i]) return `Salvo needs Node.js ${minimum} or later; this is Node.js ${version} (see "engines" in package.json)`;
  }
  return null;
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`salvo: ${problem}\n`);
  process.exit(1);
}
