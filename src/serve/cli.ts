// `salvo serve` on the command line. The server (fastify, the routes, the web app) is loaded only when it runs, so
// other commands start fast.
import type { Command } from 'commander';
import type { ServeFlags } from './command.js';

export function addServeCommand(program: Command, db: () => string | undefined): void {
  program
    .command('serve')
    .description('the web app and HTTP API on http://localhost:8080 (beyond localhost, SALVO_TOKEN must be set)')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: ServeFlags) => {
      const { serveCommand } = await import('./command.js');
      process.exitCode = await serveCommand(db(), opts);
    });
}
