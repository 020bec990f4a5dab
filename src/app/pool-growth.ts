// When a batch's document pool (src/app/pool.ts) starts its other threads: once the batch has shown its size,
// its documents had to wait for the one thread, and the machine left a core to spare meanwhile. A new thread
// loads the modules and compiles the knowledge tables itself (about a second of CPU), and runs only on a core
// nothing else uses: on a machine whose cores are busy (two `salvo ingest` workers into PostgreSQL on two cores,
// each with its main thread, pool thread and server backend; other programs) it would mostly wait, and take its
// documents' CPU from the threads it shares the cores with.
import { cpus } from 'node:os';
import { POOL_GROW_AFTER_DOCUMENTS, POOL_GROW_IDLE_CORES, POOL_GROW_WAITED_SHARE } from '../settings.js';

/** The machine's CPU time so far, summed over its cores (ms), of which idle, and how many cores it has. */
export interface MachineCpu {
  idleMs: number;
  totalMs: number;
  cores: number;
}

/** The machine's CPU time so far, as the system counts it for every core. */
export function machineCpu(): MachineCpu {
  let idleMs = 0;
  let totalMs = 0;
  const all = cpus();
  for (const { times } of all) {
    idleMs += times.idle;
    totalMs += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idleMs, totalMs, cores: all.length };
}

/**
 * Decides, after each finished task, whether a batch pool grows. The idle cores are those of the window since the
 * pool started, or since the last time it found none to spare; it looks again `growAfter` documents later.
 */
export class GrowthRule {
  private since: MachineCpu;
  private nextLook: number;

  constructor(
    private readonly growAfter: number = POOL_GROW_AFTER_DOCUMENTS,
    private readonly read: () => MachineCpu = machineCpu,
  ) {
    this.since = read();
    this.nextLook = growAfter;
  }

  /** Whether the pool should run one task per thread, `done` tasks having finished of which `waited` had to wait. */
  grows(done: number, waited: number): boolean {
    if (done < this.nextLook || waited < done * POOL_GROW_WAITED_SHARE) return false;
    const now = this.read();
    const spent = now.totalMs - this.since.totalMs;
    const idleCores = spent > 0 ? ((now.idleMs - this.since.idleMs) / spent) * now.cores : now.cores;
    this.since = now;
    this.nextLook = done + this.growAfter;
    return idleCores >= POOL_GROW_IDLE_CORES;
  }
}
