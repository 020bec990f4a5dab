// The CPU time of one thread of this process, for the document pool's time budget (src/app/pool.ts): a thread
// notes its id and clock in the task's start cell when it starts a task, and the pool reads the clock again when
// the budget's time is up. From /proc (Linux: /proc/thread-self/stat, fields utime and stime, in the kernel's
// fixed 100 ticks a second); where the system does not tell, the cell holds the wall-clock time instead, and the
// pool counts that. The cell is a few bytes of shared memory sent with the task: starting a task sends no message
// back and wakes nothing on the pool's side.
import { readFileSync } from 'node:fs';

/** A thread's id and the CPU time (ms) it had used when read. */
export interface ThreadClock {
  tid: number;
  cpuMs: number;
}

/** USER_HZ: /proc counts CPU time in these ticks per second on every Linux architecture. */
const TICKS_PER_SECOND = 100;

/** utime + stime (ms) and the thread id from a /proc stat line ("tid (name) state … utime stime …"). */
function parseStat(line: string): ThreadClock | null {
  const close = line.lastIndexOf(')'); // the name may hold spaces and parentheses
  const fields = line.slice(close + 2).split(' '); // from field 3 (state) on
  const tid = Number.parseInt(line, 10);
  const ticks = Number(fields[11]) + Number(fields[12]); // fields 14 and 15
  return Number.isFinite(tid) && Number.isFinite(ticks) ? { tid, cpuMs: (ticks * 1000) / TICKS_PER_SECOND } : null;
}

function readStat(path: string): ThreadClock | null {
  try {
    return parseStat(readFileSync(path, 'latin1'));
  } catch {
    return null;
  }
}

/** The calling thread's clock (a pool thread's when it starts a task; the main thread's in bench:ingest). */
export const ownThreadClock = (): ThreadClock | null => readStat('/proc/thread-self/stat');

/** The CPU time (ms) a thread of this process has used by now; null when it cannot be read (or has ended). */
export const threadCpuMs = (tid: number): number | null => readStat(`/proc/self/task/${tid}/stat`)?.cpuMs ?? null;

/** When a task started, as its start cell tells: not yet, the thread's clock then, or the wall-clock time then (no clock). */
export type TaskStart = { clock: ThreadClock } | { wallMs: number } | null;

// The cell: an Int32 state (0 not started, 1 clock, 2 wall-clock), then two float64s (tid and CPU ms, or wall ms).
const CELL_BYTES = 24;
const NOT_STARTED = 0;
const CLOCK = 1;
const WALL = 2;

/** A new start cell for one task (the pool's side). */
export const newStartCell = (): SharedArrayBuffer => new SharedArrayBuffer(CELL_BYTES);

/** Marks the task started, with the calling thread's clock (the pool thread's side, as the task starts). */
export function markStart(cell: SharedArrayBuffer): void {
  const clock = ownThreadClock();
  const values = new Float64Array(cell, 8, 2);
  if (clock) [values[0], values[1]] = [clock.tid, clock.cpuMs];
  else values[1] = Date.now();
  Atomics.store(new Int32Array(cell, 0, 1), 0, clock ? CLOCK : WALL); // after the values: whoever reads the state sees them
}

/** What a start cell tells now. */
export function readStart(cell: SharedArrayBuffer): TaskStart {
  const state = Atomics.load(new Int32Array(cell, 0, 1), 0);
  if (state === NOT_STARTED) return null;
  const values = new Float64Array(cell, 8, 2);
  return state === CLOCK ? { clock: { tid: values[0], cpuMs: values[1] } } : { wallMs: values[1] };
}
