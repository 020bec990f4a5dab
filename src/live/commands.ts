// The watcher's commands on the command line (`salvo watch`, `salvo alerts test`). Their code (the watcher, the
// store, the alert dispatcher) is loaded only when one of them runs, so other commands start fast.
import type { Command } from 'commander';

export function addLiveCommands(program: Command, db: () => string | undefined): void {
  program
    .command('watch')
    .description('poll the feeds and sitemaps of the config file, ingest new articles and send alerts to its webhooks')
    .option('--config <file>', 'config file (default ./salvo.config.json)')
    .option('--once', 'poll every source once, deliver the alerts and exit (for cron)')
    .action(async (opts: { config?: string; once?: boolean }) => {
      const { watchCommand } = await import('./cli.js');
      process.exitCode = await watchCommand(db(), opts);
    });

  program
    .command('alerts')
    .description('webhook alerts')
    .command('test')
    .description('send a sample alert to every webhook of the config file')
    .option('--config <file>', 'config file (default ./salvo.config.json)')
    .action(async (opts: { config?: string }) => {
      const { alertsTestCommand } = await import('./cli.js');
      process.exitCode = await alertsTestCommand(db(), opts);
    });
}
