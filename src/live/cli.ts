// `salvo watch` and `salvo alerts test`: the command-line ends of the watcher and the alert dispatcher (loaded only
// when one of them runs; live/commands.ts puts them on the command line).
import { openDb } from '../app/open.js';
import { DocumentPool } from '../app/pool.js';
import { AlertDispatcher } from './alerts.js';
import { ConfigError, loadConfig, type WatchConfig } from './config.js';
import { Watcher } from './watch.js';

function readConfig(path: string | undefined): WatchConfig | null {
  try {
    return loadConfig(path).config;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`salvo: ${err.message}\n`);
      return null;
    }
    throw err;
  }
}

/**
 * `salvo watch [--config FILE] [--once]`: polls until interrupted (Ctrl-C / SIGTERM finish the polls under
 * way, then exit), or once with --once. Exit code 1 for a bad config; with --once, 1 also when every source
 * failed.
 */
export async function watchCommand(db: string | undefined, opts: { config?: string; once?: boolean }): Promise<number> {
  const config = readConfig(opts.config);
  if (!config) return 1;
  if (config.sources.length === 0) process.stderr.write('salvo watch: no sources in the config: only alerts will be sent\n');
  const store = await openDb(db, { write: true });
  const pool = new DocumentPool();
  try {
    const watcher = new Watcher(store, config, { prepare: pool.prepare, readHtml: pool.readHtml });
    if (opts.once) {
      const reports = await watcher.pollOnce();
      const stored = reports.reduce((n, r) => n + r.stored, 0);
      const failed = reports.filter((r) => r.error !== null).length;
      const itemFailures = reports.reduce((n, r) => n + r.failures.length, 0);
      process.stderr.write(`salvo watch: polled ${reports.length} source${reports.length === 1 ? '' : 's'}: ${stored} stored, ${failed} source${failed === 1 ? '' : 's'} failed, ${itemFailures} item${itemFailures === 1 ? '' : 's'} failed\n`);
      return reports.length > 0 && failed === reports.length ? 1 : 0;
    }
    const stop = new AbortController();
    const onSignal = (): void => {
      process.stderr.write('salvo watch: stopping after the polls under way\n');
      stop.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.stderr.write(`salvo watch: watching ${config.sources.length} source${config.sources.length === 1 ? '' : 's'}, ${config.webhooks.length} webhook${config.webhooks.length === 1 ? '' : 's'}\n`);
    await watcher.run(stop.signal);
    return 0;
  } finally {
    await pool.close();
    await store.close();
  }
}

/** `salvo alerts test [--config FILE]`: a sample alert to every webhook; exit 1 when one did not take it. */
export async function alertsTestCommand(db: string | undefined, opts: { config?: string }): Promise<number> {
  const config = readConfig(opts.config);
  if (!config) return 1;
  if (config.webhooks.length === 0) {
    process.stderr.write('salvo: no webhooks in the config\n');
    return 1;
  }
  const store = await openDb(db);
  try {
    const results = await new AlertDispatcher(store, config.webhooks, config.alerts).test();
    for (const { url, result } of results) {
      process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${url}: ${result.ok ? `HTTP ${result.status}` : result.error}\n`);
    }
    return results.every((r) => r.result.ok) ? 0 : 1;
  } finally {
    await store.close();
  }
}
