// The watch config (`salvo.config.json`, or the file given with --config):
//
// {
//   "sources": [
//     { "url": "https://news.example/rss.xml", "interval": 60 },          // seconds; kind told from the document
//     { "url": "https://news.example/news-sitemap.xml", "kind": "sitemap", "interval": 300 }
//   ],
//   "webhooks": [ { "url": "https://alerts.example/hook", "secretEnv": "SALVO_WEBHOOK_SECRET" } ],
//   "fetch": { "contact": "ops@example.org", "hostDelayMs": 1000, "timeoutMs": 10000, "maxBytes": 20971520,
//              "allowLoopback": false, "allowPrivate": false },
//   "alerts": { "maxAttempts": 8, "backoffMs": 1000, "timeoutMs": 10000 },
//   "jobs": { "leaseMs": 30000, "retryBackoffMs": 60000 }           // see JOB_LEASE_MS, FETCH_RETRY_BACKOFF_MS
// }
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FetchOptions } from '../ingest/fetch.js';
import { FETCH_RETRY_BACKOFF_MS, JOB_LEASE_MS, MIN_WEBHOOK_SECRET_LENGTH } from '../settings.js';
import type { WatchSourceConfig } from '../store/store.js';
import { FETCH_DEFAULTS, WATCH_DEFAULTS } from '../settings.js';

export const DEFAULT_CONFIG_FILE = 'salvo.config.json';

export interface WebhookConfig {
  url: string;
  /** The HMAC-SHA256 key for X-Salvo-Signature. */
  secret: string;
}

export interface AlertOptions {
  /** Attempts per delivery before it is given up (default 8). */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each later one (default 1000 ms). */
  backoffMs: number;
  /** Time allowed for a webhook to answer (default 10 s). */
  timeoutMs: number;
}

export interface JobOptions {
  /** How long a claimed poll or fetch stays leased (renewed while it runs): a dead watcher's work waits this long. */
  leaseMs: number;
  /** Wait before an article fetch that failed transiently is tried again; doubled for each later attempt. */
  retryBackoffMs: number;
}

export interface WatchConfig {
  sources: WatchSourceConfig[];
  webhooks: WebhookConfig[];
  fetch: FetchOptions;
  alerts: AlertOptions;
  jobs: JobOptions;
}

export class ConfigError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function httpUrl(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new ConfigError(`${where}: "url" must be a string`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(`${where}: "${v}" is not a valid address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`${where}: "${v}" is not an http(s) address`);
  return u.href;
}

function num(v: unknown, where: string, min: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new ConfigError(`${where} must be a number ≥ ${min}`);
  return v;
}

function bool(v: unknown, where: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new ConfigError(`${where} must be true or false`);
  return v;
}

/** Checks a parsed config and fills in defaults; `env` supplies `secretEnv` values. */
export function parseConfig(value: unknown, env: NodeJS.ProcessEnv = process.env): WatchConfig {
  if (!isObject(value)) throw new ConfigError('the config must be a JSON object');
  const known = new Set(['sources', 'webhooks', 'fetch', 'alerts', 'jobs', '$schema', 'about']);
  for (const k of Object.keys(value)) if (!known.has(k)) throw new ConfigError(`unknown key "${k}" (known: sources, webhooks, fetch, alerts, jobs)`);
  const rawSources = value.sources ?? [];
  if (!Array.isArray(rawSources)) throw new ConfigError('"sources" must be a list');
  const seen = new Set<string>();
  const sources = rawSources.map((s: unknown, i): WatchSourceConfig => {
    const where = `sources[${i}]`;
    if (!isObject(s)) throw new ConfigError(`${where} must be an object with a "url"`);
    const url = httpUrl(s.url, where);
    if (seen.has(url)) throw new ConfigError(`${where}: ${url} is listed twice`);
    seen.add(url);
    const kind = s.kind ?? 'auto';
    if (kind !== 'auto' && kind !== 'feed' && kind !== 'rss' && kind !== 'atom' && kind !== 'sitemap') {
      throw new ConfigError(`${where}: "kind" must be feed, rss, atom, sitemap or auto`);
    }
    return { url, kind: kind === 'rss' || kind === 'atom' ? 'feed' : kind, intervalS: num(s.interval, `${where}.interval (seconds)`, 0.05, WATCH_DEFAULTS.intervalS) };
  });
  const rawHooks = value.webhooks ?? [];
  if (!Array.isArray(rawHooks)) throw new ConfigError('"webhooks" must be a list');
  const webhooks = rawHooks.map((w: unknown, i): WebhookConfig => {
    const where = `webhooks[${i}]`;
    if (!isObject(w)) throw new ConfigError(`${where} must be an object with a "url" and a "secret" or "secretEnv"`);
    const url = httpUrl(w.url, where);
    let secret: unknown = w.secret;
    if (secret === undefined && typeof w.secretEnv === 'string') {
      secret = env[w.secretEnv];
      if (!secret) throw new ConfigError(`${where}: environment variable ${w.secretEnv} (secretEnv) is not set`);
    }
    if (typeof secret !== 'string' || secret.length < MIN_WEBHOOK_SECRET_LENGTH) throw new ConfigError(`${where}: a "secret" (or "secretEnv") of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters is needed to sign alerts`);
    return { url, secret };
  });
  const f = value.fetch ?? {};
  if (!isObject(f)) throw new ConfigError('"fetch" must be an object');
  const timeout = num(f.timeoutMs, 'fetch.timeoutMs', 1, WATCH_DEFAULTS.timeoutMs);
  const fetch: FetchOptions = {
    userAgent: typeof f.userAgent === 'string' ? f.userAgent : undefined,
    contact: typeof f.contact === 'string' ? f.contact : undefined,
    connectTimeoutMs: num(f.connectTimeoutMs, 'fetch.connectTimeoutMs', 1, timeout),
    readTimeoutMs: num(f.readTimeoutMs, 'fetch.readTimeoutMs', 1, timeout),
    totalTimeoutMs: num(f.totalTimeoutMs, 'fetch.totalTimeoutMs', 1, Math.max(FETCH_DEFAULTS.totalTimeoutMs, timeout)),
    maxBytes: num(f.maxBytes, 'fetch.maxBytes', 1024, FETCH_DEFAULTS.maxBytes),
    maxRedirects: num(f.maxRedirects, 'fetch.maxRedirects', 0, FETCH_DEFAULTS.maxRedirects),
    hostDelayMs: num(f.hostDelayMs, 'fetch.hostDelayMs', 0, FETCH_DEFAULTS.hostDelayMs),
    allowLoopback: bool(f.allowLoopback, 'fetch.allowLoopback'),
    allowPrivate: bool(f.allowPrivate, 'fetch.allowPrivate'),
    robots: bool(f.robots, 'fetch.robots'),
  };
  const a = value.alerts ?? {};
  if (!isObject(a)) throw new ConfigError('"alerts" must be an object');
  const alerts: AlertOptions = {
    maxAttempts: num(a.maxAttempts, 'alerts.maxAttempts', 1, WATCH_DEFAULTS.alertAttempts),
    backoffMs: num(a.backoffMs, 'alerts.backoffMs', 0, WATCH_DEFAULTS.alertBackoffMs),
    timeoutMs: num(a.timeoutMs, 'alerts.timeoutMs', 1, WATCH_DEFAULTS.timeoutMs),
  };
  const j = value.jobs ?? {};
  if (!isObject(j)) throw new ConfigError('"jobs" must be an object');
  const jobs: JobOptions = {
    leaseMs: num(j.leaseMs, 'jobs.leaseMs', 100, JOB_LEASE_MS),
    retryBackoffMs: num(j.retryBackoffMs, 'jobs.retryBackoffMs', 0, FETCH_RETRY_BACKOFF_MS),
  };
  return { sources, webhooks, fetch, alerts, jobs };
}

/** Reads and checks a config file (default ./salvo.config.json). */
export function loadConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): { path: string; config: WatchConfig } {
  const file = resolve(path ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `no config file at ${file} (create ${DEFAULT_CONFIG_FILE} or pass --config)` : `cannot read ${file}: ${code ?? String(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return { path: file, config: parseConfig(value, env) };
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${file}: ${err.message}`);
    throw err;
  }
}
