// A short fuzz run (scripts/fuzz.mjs): 5,000 mutated reports through ingest → clean → extract → resolve, and not
// one of them may throw. (`npm run fuzz` runs 100,000 and also reports the slowest input and the 99th percentile.)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

describe('fuzz', () => {
  it('5,000 mutated inputs raise no exception', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'fuzz.mjs'), '--inputs', '5000', '--seed', String(Date.now() % 100_000), '--json'], {
      encoding: 'utf8',
      timeout: 300_000,
    }).trim();
    const summary = JSON.parse(out.split('\n').pop() ?? '{}') as { inputs: number; exceptions: number };
    expect(summary.inputs).toBe(5000);
    expect(summary.exceptions).toBe(0);
  }, 320_000);
});
