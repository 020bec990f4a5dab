#!/usr/bin/env node
import { Command } from 'commander';
import { analyzeCommand } from './analyze.js';
import { eventsCommand } from './events.js';
import { ingestCommand } from './ingest.js';
import { showCommand } from './show.js';

const program = new Command();
program
  .name('salvo')
  .description('Turns news reports of missile launches into one source-cited record per launch.')
  .option('--db <path>', 'SQLite database file (default: $SALVO_DB or ./salvo.db)');

program
  .command('ingest')
  .description('read report files or folders (.txt, .html, .json, .jsonl) and store their launch events')
  .argument('<paths...>', 'files or folders')
  .action(async (paths: string[]) => {
    process.exitCode = await ingestCommand(paths, program.opts<{ db?: string }>().db);
  });

program
  .command('events')
  .description('list launch events, one line each')
  .option('--json', 'print JSON instead of a table')
  .action((opts: { json?: boolean }) => {
    process.exitCode = eventsCommand(program.opts<{ db?: string }>().db, Boolean(opts.json));
  });

program
  .command('show')
  .description('every field of one event with the sentences that state it and who said it')
  .argument('<event-id>', 'event id or a unique prefix of it')
  .option('--json', 'print JSON')
  .action((id: string, opts: { json?: boolean }) => {
    process.exitCode = showCommand(program.opts<{ db?: string }>().db, id, Boolean(opts.json));
  });

program
  .command('analyze')
  .description('per-article predictions in the scorer format, without touching the database')
  .argument('<paths...>', 'files or folders')
  .option('--jsonl', 'JSON Lines output (the default; kept for clarity)')
  .action(async (paths: string[]) => {
    process.exitCode = await analyzeCommand(paths);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`salvo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
