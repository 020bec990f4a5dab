// Preloaded into a salvo process (`node --import ./scripts/pg-query-census.mjs dist/src/main.js …`) by
// scripts/pg-ingest-profile.mjs: counts the queries the process sends to PostgreSQL (round trips, by kind) and
// the CPU its server backends spend (read from /proc/<backend pid>/stat before each connection closes; the
// server must run on this machine), and writes both as JSON to $SALVO_QUERY_CENSUS when the process exits, with the
// process's CPU and its main thread's (the rest is the document pool's threads and V8's helpers).
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

const out = process.env.SALVO_QUERY_CENSUS;
const kinds = new Map();
let queries = 0;
const backends = new Map(); // backend pid → CPU ms at its last reading
const TICK_MS = 1000 / 100; // clock ticks (USER_HZ) are 100 per second on Linux

const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return null;
  }
};
const readBackend = (client) => {
  const pid = client.processID;
  if (!pid) return;
  const ms = cpuMs(pid);
  if (ms !== null) backends.set(pid, ms);
};

const kindOf = (sql) => {
  const text = (typeof sql === 'string' ? sql : sql?.text ?? '').replace(/\s+/g, ' ').trim();
  const m = /^(WITH \w+ AS \(\w+ \w+|SELECT pg_advisory\w*|SELECT pg_snapshot\w*|\w+(?: INTO \w+| FROM \w+)?)/i.exec(text);
  return m ? m[1].slice(0, 48) : text.slice(0, 48);
};

// Per kind: how many, and the backend CPU read around each (in 10 ms clock ticks: exact only summed over many).
const kindCpu = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  queries++;
  const k = kindOf(config);
  kinds.set(k, (kinds.get(k) ?? 0) + 1);
  const before = this.processID ? cpuMs(this.processID) : null;
  const result = query.call(this, config, ...rest);
  if (before === null || typeof result?.then !== 'function') return result;
  const pid = this.processID;
  const account = () => kindCpu.set(k, (kindCpu.get(k) ?? 0) + ((cpuMs(pid) ?? before) - before));
  result.then(account, account);
  return result;
};
const end = pg.Client.prototype.end;
pg.Client.prototype.end = function (...args) {
  readBackend(this);
  return end.apply(this, args);
};
// Readings also every second, for connections the process never ends itself (killed, or left to exit).
const connect = pg.Client.prototype.connect;
const live = new Set();
pg.Client.prototype.connect = function (...args) {
  live.add(this);
  return connect.apply(this, args);
};
setInterval(() => live.forEach(readBackend), 1000).unref();

process.on('exit', () => {
  if (!out) return;
  live.forEach(readBackend);
  const cpu = process.cpuUsage();
  writeFileSync(out, JSON.stringify({
    queries,
    kinds: Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, `${n} queries, server ${Math.round(kindCpu.get(k) ?? 0)} ms`])),
    workerCpuMs: (cpu.user + cpu.system) / 1000,
    mainThreadCpuMs: cpuMs(`self/task/${process.pid}`),
    serverCpuMs: [...backends.values()].reduce((a, b) => a + b, 0),
    backends: backends.size,
  }));
});
