// Issue 15 item 6: package.json's "engines" must be true. Every package the lock file installs must admit the
// declared minimum Node.js (else `npm ci` on it warns EBADENGINE, or worse, the package fails to load), and the
// start-up check must refuse an older Node with a message that names the version needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../dist/src/node-version.js';
import { MIN_NODE_VERSION } from '../dist/src/settings.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }>;
};

describe('Node.js engines', () => {
  const minimum = semver.minVersion(pkg.engines.node)?.version;

  it('package.json states the minimum the start-up check enforces', () => {
    expect(minimum).toBe(MIN_NODE_VERSION);
  });

  it('every package in the lock file admits the declared minimum', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '' || !entry.engines || Array.isArray(entry.engines) || !entry.engines.node) continue;
      if (!semver.satisfies(minimum as string, entry.engines.node)) refused.push(`${path}@${entry.version}: ${entry.engines.node}`);
    }
    expect(refused).toEqual([]);
  });

  it('the running Node passes the start-up check, an older one is refused with the version needed', () => {
    expect(nodeVersionProblem(process.versions.node)).toBeNull();
    expect(nodeVersionProblem('20.18.3')).toMatch(/needs Node\.js 20\.19\.0 or later; this is Node\.js 20\.18\.3/);
    expect(nodeVersionProblem('18.20.0')).toMatch(/needs Node\.js 20\.19\.0/);
    expect(nodeVersionProblem('20.19.0')).toBeNull();
    expect(nodeVersionProblem('22.1.0')).toBeNull();
  });
});
