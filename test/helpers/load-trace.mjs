// Preloaded by test/cli.lazy-load.test.ts (`node --import ./load-trace.mjs dist/src/main.js …`): has every module
// the ES module loader loads recorded, by URL, one a line, in the file named by $SALVO_LOAD_TRACE. That is each
// of our dist/ modules, each node: builtin imported by name, and the entry file of each package imported from
// them (what a package then require()s itself is not seen, and need not be: its entry shows it was loaded).
import { register } from 'node:module';

register('./load-trace-hooks.mjs', import.meta.url);
