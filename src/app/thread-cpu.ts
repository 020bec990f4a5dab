// The CPU time of one thread of this process, for the document pool's time budget (src/app/pool.ts): a thread
// tells its id and clock when it starts a task, and the pool reads the clock again when the budget's time is up.
// From /proc (Linux: /proc/thread-self/stat, fields utime and stime, in the kernel's fixed 100 ticks a second);
// null where the system does not tell, and the pool then counts wall-clock time.
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

/** The calling thread's clock (in a pool thread, when it starts a task). */
export const ownThreadClock = (): ThreadClock | null => readStat('/proc/thread-self/stat');

/** The CPU time (ms) a thread of this process has used by now; null when it cannot be read (or has ended). */
export const threadCpuMs = (tid: number): number | null => readStat(`/proc/self/task/${tid}/stat`)?.cpuMs ?? null;
