#!/usr/bin/env node
// The `salvo` program: the commands of the three entry points (cli/, serve/, live/) on one command line. The
// only module that knows all three; they know src/app and the stages, never each other.
import './node-version.js';
import { Command } from 'commander';
import { addCliCommands } from './cli/commands.js';
import { addLiveCommands } from './live/cli.js';
import { addServeCommand } from './serve/command.js';

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
