// `salvo events | head`: when the reader closes the pipe, salvo exits quietly (no EPIPE crash, no stack trace).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, ROOT, salvo } from './helpers/cli.js';

let dir: string;
let db: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-pipe-'));
  db = join(dir, 'salvo.db');
  const r = salvo(['--db', db, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e')], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs salvo with its stdout a pipe that is closed before salvo writes to it. */
function closedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.destroy(); // the reader goes away, as `head` does once it has its lines
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed output pipe', () => {
  it('events: exits 0 without an error', async () => {
    const r = await closedPipe(['--db', db, 'events']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });

  it('events --json: exits 0 without an error', async () => {
    const r = await closedPipe(['--db', db, 'events', '--json']);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });
});
