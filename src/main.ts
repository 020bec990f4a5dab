#!/usr/bin/env node
// The `salvo` program: the commands of the three entry points (cli/, serve/, live/) on one command line. The
// only module that knows all three; they know src/app and the stages, never each other. Each command's code is
// loaded when it runs (cli/commands.ts, serve/cli.ts, live/commands.ts), so a command starts without the others'.
import './node-version.js';
import { Command } from 'commander';
import { addCliCommands } from './cli/commands.js';
import { addLiveCommands } from './live/commands.js';
import { addServeCommand } from './serve/cli.js';

// `salvo events | head`: once the reader has closed the pipe nothing more can be shown; exit quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const program = new Command();
program
  .name('salvo')
  .description('Turns news reports of missile launches into one source-cited record per launch.')
  .option('--db <path>', 'SQLite database file or postgres:// URL (default: $SALVO_DB or ./salvo.db)');
const db = (): string | undefined => program.opts<{ db?: string }>().db;

addCliCommands(program, { db });
addServeCommand(program, db);
addLiveCommands(program, db);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`salvo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
