// The commands of the `salvo` CLI that read reports and stored events: ingest, events, reference, show,
// analyze, export, db. Each parses its arguments and calls src/app (or a stage) through one *Command function, whose
// module is loaded only when the command runs.
import type { Command } from 'commander';
import { COLUMN_SETS, OUTPUT_NAMES } from '../app/outputs/names.js';

export interface CliContext {
  /** The --db option of the program (read when a command runs). */
  db: () => string | undefined;
}

export function addCliCommands(program: Command, { db }: CliContext): void {
  program
    .command('ingest')
    .description('read report files or folders (.txt, .html, .json, .jsonl, .warc[.gz]) or http(s) addresses and store their launch events')
    .argument('<paths...>', 'files, folders or http(s) addresses')
    .option('--allow-loopback', 'allow fetching from loopback addresses (127.0.0.0/8, ::1)')
    .option('--allow-private', 'allow fetching from private and link-local addresses')
    .action(async (paths: string[], opts: { allowLoopback?: boolean; allowPrivate?: boolean }) => {
      const { ingestCommand } = await import('./ingest.js');
      process.exitCode = await ingestCommand(paths, db(), { allowLoopback: Boolean(opts.allowLoopback), allowPrivate: Boolean(opts.allowPrivate) });
    });

  program
    .command('events')
    .description('list launch events, one line each')
    .option('--json', 'print JSON instead of a table')
    .option('--disputed', 'only events where independent sources, or the reports and the reference list, disagree')
    .action(async (opts: { json?: boolean; disputed?: boolean }) => {
      const { eventsCommand } = await import('./events.js');
      process.exitCode = await eventsCommand(db(), Boolean(opts.json), Boolean(opts.disputed));
    });

  program
    .command('export')
    .description('the stored events in one of the outputs the API also serves at /api/events.<format>')
    .requiredOption('--format <name>', `output: ${OUTPUT_NAMES.join(', ')}`)
    .option('--from <date>', 'earliest launch date (YYYY-MM-DD)')
    .option('--to <date>', 'latest launch date (YYYY-MM-DD)')
    .option('--class <class>', 'missile class')
    .option('--site <key>', 'launch site key')
    .option('--actor <actor>', 'who launched ("DPRK")')
    .option('--columns <set>', `column set, for outputs with several (${OUTPUT_NAMES.filter((n) => COLUMN_SETS[n]).map((n) => `${n}: ${COLUMN_SETS[n]?.join(', ')}`).join('; ')})`)
    .option('--base <url>', 'address of the web app, for links', 'http://localhost:8080')
    .action(async (opts: { format: string; columns?: string; from?: string; to?: string; class?: string; site?: string; actor?: string; base: string }) => {
      const { exportCommand } = await import('./export.js');
      process.exitCode = await exportCommand(db(), opts);
    });

  program
    .command('reference')
    .description('line stored events up with the bundled reference list of North Korean launches (CNS/NTI)')
    .option('--from <date>', 'first day (YYYY-MM-DD, KST)')
    .option('--to <date>', 'last day (YYYY-MM-DD, KST)')
    .option('--json', 'print JSON')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const { referenceCommand } = await import('./reference.js');
      process.exitCode = await referenceCommand(db(), opts);
    });

  program
    .command('show')
    .description('one event: its reports, and every field with its value, agreement and sources (one line each)')
    .argument('<event-id>', 'event id or a unique prefix of it')
    .option('--evidence', 'also print the quoted sentences behind each value, who said them and how each was read')
    .option('--json', 'print JSON')
    .option('--history', 'also list every version of the event: what changed, when, and which report changed it')
    .action(async (id: string, opts: { json?: boolean; history?: boolean; evidence?: boolean }) => {
      const { showCommand } = await import('./show.js');
      process.exitCode = await showCommand(db(), id, { json: Boolean(opts.json), history: Boolean(opts.history), evidence: Boolean(opts.evidence) });
    });

  program
    .command('analyze')
    .description('per-article predictions in the scorer format, without touching the database')
    .argument('<paths...>', 'files or folders')
    .option('--jsonl', 'JSON Lines output (the default; kept for clarity)')
    .option('--events <file>', 'also write the event table that ingesting these files would store (JSON Lines, one event per line)')
    .action(async (paths: string[], opts: { events?: string }) => {
      const { analyzeCommand } = await import('./analyze.js');
      process.exitCode = await analyzeCommand(paths, opts.events);
    });

  const database = program.command('db').description('database upkeep');
  database
    .command('migrate')
    .description('bring the database (file or postgres:// URL) to the newest schema')
    .action(async () => {
      const { dbMigrateCommand } = await import('./db.js');
      process.exitCode = await dbMigrateCommand(db());
    });
  database
    .command('copy')
    .description('move an SQLite database into PostgreSQL (an empty schema), every table; prints rows per table')
    .requiredOption('--from <file>', 'SQLite database file')
    .requiredOption('--to <url>', 'postgres:// URL')
    .action(async (opts: { from: string; to: string }) => {
      const { dbCopyCommand } = await import('./db.js');
      process.exitCode = await dbCopyCommand(opts.from, opts.to);
    });
  database
    .command('check')
    .description('check that every launch report is in exactly one event (exit 1 when not); --repair regroups the events')
    .option('--repair', 'regroup every stored report (as `db rebuild`) when a problem is found')
    .action(async (opts: { repair?: boolean }) => {
      const { dbCheckCommand } = await import('./db.js');
      process.exitCode = await dbCheckCommand(db(), Boolean(opts.repair));
    });
  database
    .command('rebuild')
    .description('group every stored launch report into events again, from scratch, and write what differs')
    .action(async () => {
      const { dbRebuildCommand } = await import('./db.js');
      process.exitCode = await dbRebuildCommand(db());
    });
}
