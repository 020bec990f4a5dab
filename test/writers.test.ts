// Two writers on one SQLite file: what one of them stores between the moment the other reads the events and the
// moment it writes them must not be lost. The interleaving is forced in one process: writer A's grouping unit,
// after its resolver has placed a report, lets writer B ingest a report of the same launch before A saves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { membershipProblems } from '../src/app/integrity.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Store, StoreSession } from '../src/store/store.js';
import type { IngestItem } from '../src/types.js';

/** A launch report of one made-up launch (13 March 2031, from Sinpo), as the n-th outlet tells it. */
function report(n: number): IngestItem {
  const text =
    `North Korea fired a ballistic missile from the Sinpo area on Thursday morning, March 13, 2031, the South Korean military said in statement number ${n}.\n\n` +
    `The missile flew about ${640 + n} kilometers before splashing down in the sea, officials said.`;
  return { ok: true, doc: documentFromRecord({ text, title: `Missile launch report ${n}`, url: `https://outlet${n}.example/launch`, source: `outlet${n}.example`, published: '2031-03-13' }, `test:${n}`) };
}

/** `store`, whose grouping units call `meanwhile` once, just before the first event is read back for the save. */
function interrupted(store: Store, meanwhile: () => Promise<void>): Store {
  let pending = true;
  const session = (inner: StoreSession): StoreSession =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'getEvent' && pending) {
          return async (id: string) => {
            pending = false;
            await meanwhile();
            return target.getEvent(id);
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'withEventLock') {
        return <T>(keys: string[], fn: (s: StoreSession) => Promise<T>) => target.withEventLock(keys, (s) => fn(session(s)));
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('two writers on one SQLite file', () => {
  let dir = '';
  const opened: Store[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every launch report in exactly one event when the other writer stores one meanwhile', async () => {
    dir = mkdtempSync(join(tmpdir(), 'salvo-writers-'));
    const file = join(dir, 'salvo.db');
    const a = new SqliteStore(file);
    // B waits only briefly for A's write lock, so the forced interleaving does not wait out the full timeout.
    const b = new SqliteStore(file, { busyTimeoutMs: 50 });
    opened.push(a, b);
    const writerB = new Ingester(b);
    await new Ingester(a).ingest([report(1)]);
    const first = await new Ingester(interrupted(a, async () => void (await writerB.ingest([report(2)])))).ingest([report(3)]);
    expect(first.stored).toBe(1);
    // What B could not store while A held the lock it stores now (a report already stored is a duplicate).
    await writerB.ingest([report(2)]);

    const check = new SqliteStore(file);
    opened.push(check);
    expect(await membershipProblems(check)).toEqual([]);
    const events = await check.listEvents();
    expect(events).toHaveLength(1);
    expect(events[0].articleIds).toHaveLength(3);
  });
});
