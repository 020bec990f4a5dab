#!/usr/bin/env node
import { Command } from 'commander';
import { analyzeCommand } from './analyze.js';
import { dbCopyCommand, dbMigrateCommand } from './db.js';
import { eventsCommand } from './events.js';
import { ingestCommand } from './ingest.js';
import { serveCommand } from './serve.js';
import { referenceCommand } from './reference.js';
import { showCommand } from './show.js';
import { alertsTestCommand, watchCommand } from '../live/cli.js';

const program = new Command();
program
  .name('salvo')
  .description('Turns news reports of missile launches into one source-cited record per launch.')
  .option('--db <path>', 'SQLite database file or postgres:// URL (default: $SALVO_DB or ./salvo.db)');

program
  .command('ingest')
  .description('read report files or folders (.txt, .html, .json, .jsonl, .warc[.gz]) or http(s) addresses and store their launch events')
  .argument('<paths...>', 'files, folders or http(s) addresses')
  .option('--allow-loopback', 'allow fetching from loopback addresses (127.0.0.0/8, ::1)')
  .option('--allow-private', 'allow fetching from private and link-local addresses')
  .action(async (paths: string[], opts: { allowLoopback?: boolean; allowPrivate?: boolean }) => {
    process.exitCode = await ingestCommand(paths, program.opts<{ db?: string }>().db, { allowLoopback: Boolean(opts.allowLoopback), allowPrivate: Boolean(opts.allowPrivate) });
  });

program
  .command('events')
  .description('list launch events, one line each')
  .option('--json', 'print JSON instead of a table')
  .option('--disputed', 'only events where independent sources, or the reports and the reference list, disagree')
  .action(async (opts: { json?: boolean; disputed?: boolean }) => {
    process.exitCode = await eventsCommand(program.opts<{ db?: string }>().db, Boolean(opts.json), Boolean(opts.disputed));
  });

program
  .command('reference')
  .description('line stored events up with the bundled reference list of North Korean launches (CNS/NTI)')
  .option('--from <date>', 'first day (YYYY-MM-DD, KST)')
  .option('--to <date>', 'last day (YYYY-MM-DD, KST)')
  .option('--json', 'print JSON')
  .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
    process.exitCode = await referenceCommand(program.opts<{ db?: string }>().db, opts);
  });

program
  .command('show')
  .description('every field of one event with the sentences that state it and who said it')
  .argument('<event-id>', 'event id or a unique prefix of it')
  .option('--json', 'print JSON')
  .option('--history', 'also list every version of the event: what changed, when, and which report changed it')
  .action(async (id: string, opts: { json?: boolean; history?: boolean }) => {
    process.exitCode = await showCommand(program.opts<{ db?: string }>().db, id, Boolean(opts.json), Boolean(opts.history));
  });

program
  .command('analyze')
  .description('per-article predictions in the scorer format, without touching the database')
  .argument('<paths...>', 'files or folders')
  .option('--jsonl', 'JSON Lines output (the default; kept for clarity)')
  .action(async (paths: string[]) => {
    process.exitCode = await analyzeCommand(paths);
  });

program
  .command('serve')
  .description('the web app and HTTP API on http://localhost:8080 (beyond localhost, SALVO_TOKEN must be set)')
  .option('--port <port>', 'port to listen on', '8080')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .action(async (opts: { port?: string; host?: string }) => {
    process.exitCode = await serveCommand(program.opts<{ db?: string }>().db, opts);
  });

program
  .command('watch')
  .description('poll the feeds and sitemaps of the config file, ingest new articles and send alerts to its webhooks')
  .option('--config <file>', 'config file (default ./salvo.config.json)')
  .option('--once', 'poll every source once, deliver the alerts and exit (for cron)')
  .action(async (opts: { config?: string; once?: boolean }) => {
    process.exitCode = await watchCommand(program.opts<{ db?: string }>().db, opts);
  });

program
  .command('alerts')
  .description('webhook alerts')
  .command('test')
  .description('send a sample alert to every webhook of the config file')
  .option('--config <file>', 'config file (default ./salvo.config.json)')
  .action(async (opts: { config?: string }) => {
    process.exitCode = await alertsTestCommand(program.opts<{ db?: string }>().db, opts);
  });

const db = program.command('db').description('database upkeep');
db.command('migrate')
  .description('bring the database (file or postgres:// URL) to the newest schema')
  .action(async () => {
    process.exitCode = await dbMigrateCommand(program.opts<{ db?: string }>().db);
  });
db.command('copy')
  .description('move an SQLite database into PostgreSQL (an empty schema), every table; prints rows per table')
  .requiredOption('--from <file>', 'SQLite database file')
  .requiredOption('--to <url>', 'postgres:// URL')
  .action(async (opts: { from: string; to: string }) => {
    process.exitCode = await dbCopyCommand(opts.from, opts.to);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`salvo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
