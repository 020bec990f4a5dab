// The loader hook of load-trace.mjs (it runs on the loader's own thread): appends each loaded module's URL to
// the file named by $SALVO_LOAD_TRACE.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.SALVO_LOAD_TRACE, `${url}\n`);
  return nextLoad(url, context);
}
