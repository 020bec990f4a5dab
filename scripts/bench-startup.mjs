#!/usr/bin/env node
// npm run bench:startup — how long `salvo events` takes beside `node -e 0` (Node's own start), on a small database
// (the invented reports of test/fixtures/e2e). Each is run --runs times, the commands in turn; prints the median
// wall time and CPU time (user + system of the process and its threads, to the millisecond, from bash's `times`)
// and the differences. Target: `salvo events` within 150 ms of `node -e 0`, in wall and in CPU time. On a busy
// machine wall times grow with the load; CPU times much less.
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

/** Wall and CPU milliseconds of one run of `node ...args` (CPU from bash's `times`: its children's user and system). */
function once(args) {
  const t = performance.now();
  const out = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', 'bash', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wall = performance.now() - t;
  const seconds = (s) => Number(/^(\d+)m([\d.]+)s$/.exec(s)?.[1]) * 60 + Number(/^(\d+)m([\d.]+)s$/.exec(s)?.[2]);
  const [user, system] = out.stdout.trim().split('\n').pop().split(' ').map(seconds);
  return { wall, cpu: (user + system) * 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall and CPU milliseconds of each command, run in turn so that a change of load falls on all of them. */
function measure(commands) {
  const runs = commands.map(() => []);
  for (let r = 0; r < RUNS; r++) commands.forEach((args, i) => runs[i].push(once(args)));
  return runs.map((rs) => ({ wall: median(rs.map((x) => x.wall)), cpu: median(rs.map((x) => x.cpu)) }));
}

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-startup-'));
try {
  const db = join(dir, 'salvo.db');
  const ingest = spawnSync(process.execPath, [CLI, '--db', db, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e')], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(ingest.stderr);
  const [node, help, events] = measure([['-e', '0'], [CLI, '--help'], [CLI, '--db', db, 'events']]);
  const row = (name, m) => console.log(`  ${name.padEnd(16)} ${m.wall.toFixed(0).padStart(6)} ms wall ${m.cpu.toFixed(0).padStart(6)} ms CPU`);
  console.log(`start-up (median of ${RUNS} runs)`);
  row('node -e 0', node);
  row('salvo --help', help);
  row('salvo events', events);
  console.log(`  salvo events − node -e 0: ${(events.wall - node.wall).toFixed(0)} ms wall, ${(events.cpu - node.cpu).toFixed(0)} ms CPU (target ≤ 150 ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
