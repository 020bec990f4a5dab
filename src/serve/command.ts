// `salvo serve`: the command-line end of the web app and HTTP API.
import { openDb } from '../app/open.js';
import { buildServer, DEFAULT_HOST, DEFAULT_PORT, startProblem } from './app.js';

export interface ServeFlags {
  port?: string;
  host?: string;
}

/**
 * `salvo serve`: the web app and the HTTP API on one port, until interrupted. Beyond localhost it refuses to
 * start without SALVO_TOKEN, which write routes then require.
 */
export async function serveCommand(db: string | undefined, flags: ServeFlags): Promise<number> {
  const host = flags.host ?? DEFAULT_HOST;
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`salvo: --port must be a number from 0 to 65535, not ${flags.port}\n`);
    return 1;
  }
  const token = process.env.SALVO_TOKEN || null;
  const problem = startProblem(host, token);
  if (problem) {
    process.stderr.write(`salvo: ${problem}\n`);
    return 1;
  }
  const store = await openDb(db);
  const app = await buildServer({ store, host, token });
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
  };
  try {
    const address = await app.listen({ port, host });
    const shown = address.replace('127.0.0.1', 'localhost');
    process.stderr.write(`salvo: serving ${shown} (API ${shown}/api/, docs ${shown}/api/docs); Ctrl-C stops\n`);
  } catch (err) {
    await stop();
    throw err;
  }
  await new Promise<void>((resolve) => {
    const done = (): void => {
      void stop().then(resolve);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  return 0;
}
