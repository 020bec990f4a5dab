// Runs the built `salvo` CLI (dist/src/main.js) as a child process, the way a person would.
// `npm test` builds first; running vitest alone needs a `npm run build` before.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'main.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it) first`);
}

/** `salvo ...args` in `cwd`, with SALVO_DB removed from the environment unless `env` sets it. */
export function salvo(args: string[], opts: { cwd: string; env?: Record<string, string> }): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SALVO_DB;
  Object.assign(env, opts.env ?? {});
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rows of a read-only query on a Salvo database (to check what was stored, independently of the CLI). */
export function query<T>(dbPath: string, sql: string): T[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** The "salvo: N stored (…), N already stored, N failed" summary that ingest prints last on stderr. */
export function summary(stderr: string): { stored: number; launches: number; already: number; failed: number } {
  const m = /salvo: (\d+) stored \((\d+) launch reports?\), (\d+) already stored, (\d+) failed/.exec(stderr);
  if (!m) throw new Error(`no ingest summary in stderr:\n${stderr}`);
  return { stored: Number(m[1]), launches: Number(m[2]), already: Number(m[3]), failed: Number(m[4]) };
}
