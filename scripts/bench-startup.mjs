#!/usr/bin/env node
// npm run bench:startup — how long `salvo events` takes beside `node -e 0` (Node's own start), on a small database
// (the invented reports of test/fixtures/e2e). Each is run --runs times; prints the median wall time and CPU time
// (user + system, GNU time) and the difference. Target: `salvo events` within 150 ms of `node -e 0`.
//
//   npm run bench:startup -- [--runs 15]   (reads dist/: build first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, requireBuilt } from './built-cli.mjs';

requireBuilt();
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;

/** Median wall and CPU milliseconds of a command. */
function measure(args) {
  const wall = [];
  const cpu = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const out = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    wall.push(performance.now() - t);
    const [user, system] = out.stderr.trim().split('\n').pop().split(' ').map(Number);
    cpu.push((user + system) * 1000);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-startup-'));
try {
  const db = join(dir, 'salvo.db');
  const ingest = spawnSync(process.execPath, [CLI, '--db', db, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e')], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(ingest.stderr);
  const node = measure(['-e', '0']);
  const events = measure([CLI, '--db', db, 'events']);
  const help = measure([CLI, '--help']);
  const row = (name, m) => console.log(`  ${name.padEnd(16)} ${m.wall.toFixed(0).padStart(6)} ms wall ${m.cpu.toFixed(0).padStart(6)} ms CPU`);
  console.log(`start-up (median of ${RUNS} runs)`);
  row('node -e 0', node);
  row('salvo --help', help);
  row('salvo events', events);
  console.log(`  salvo events − node -e 0: ${(events.wall - node.wall).toFixed(0)} ms wall, ${(events.cpu - node.cpu).toFixed(0)} ms CPU (target ≤ 150 ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
