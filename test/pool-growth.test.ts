// When a batch's document pool starts its other threads (src/app/pool-growth.ts): after enough documents, most of
// which waited for the one thread, and only while the machine leaves a core idle. Machine readings are made up
// here, so nothing depends on how busy the machine running the test is.
import { describe, expect, it } from 'vitest';
import { GrowthRule, machineCpu, type MachineCpu } from '../src/app/pool-growth.js';
import { POOL_GROW_IDLE_CORES } from '../src/settings.js';

/** A machine of `cores` cores whose readings advance by 1000 ms per core between calls, `idle[i]` cores idle in the i-th. */
function machine(cores: number, idle: number[]): () => MachineCpu {
  let idleMs = 0;
  let totalMs = 0;
  let call = 0;
  return () => {
    if (call > 0) {
      idleMs += (idle[call - 1] ?? 0) * 1000;
      totalMs += cores * 1000;
    }
    call++;
    return { idleMs, totalMs, cores };
  };
}

describe('document pool growth', () => {
  it('grows after the given documents when most waited and a core was idle meanwhile', () => {
    const rule = new GrowthRule(10, machine(2, [1.5]));
    expect(rule.grows(9, 9)).toBe(false); // the batch has not shown its size yet
    expect(rule.grows(10, 10)).toBe(true);
  });

  it('does not grow while documents seldom wait for the thread, and looks at the machine only once they do', () => {
    const rule = new GrowthRule(10, machine(2, [2]));
    expect(rule.grows(10, 2)).toBe(false);
    expect(rule.grows(20, 12)).toBe(true); // the first reading after the start: the cores were idle
  });

  it('does not grow while the machine has no core to spare, and looks again a batch later, over the time since', () => {
    const rule = new GrowthRule(10, machine(2, [0.1, 0.2, 1]));
    expect(rule.grows(10, 10)).toBe(false);
    expect(rule.grows(15, 15)).toBe(false); // not looked at again before 10 more documents
    expect(rule.grows(20, 20)).toBe(false); // 0.2 idle cores since the last look
    expect(rule.grows(30, 30)).toBe(true); // a whole core idle since then
  });

  it('counts the idle share of every core: POOL_GROW_IDLE_CORES idle in all on four cores is enough, half of it is not', () => {
    expect(new GrowthRule(1, machine(4, [POOL_GROW_IDLE_CORES])).grows(1, 1)).toBe(true);
    expect(new GrowthRule(1, machine(4, [POOL_GROW_IDLE_CORES / 2])).grows(1, 1)).toBe(false);
  });

  it('grows when no time has passed between readings (nothing tells the machine is busy)', () => {
    const still: MachineCpu = { idleMs: 5, totalMs: 10, cores: 2 };
    expect(new GrowthRule(1, () => still).grows(1, 1)).toBe(true);
  });

  it('reads the machine: idle time is part of the total, counted for each core', () => {
    const m = machineCpu();
    expect(m.cores).toBeGreaterThan(0);
    expect(m.idleMs).toBeGreaterThanOrEqual(0);
    expect(m.totalMs).toBeGreaterThanOrEqual(m.idleMs);
  });
});
