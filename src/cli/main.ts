#!/usr/bin/env node
// The `salvo` command's historical path (dist/src/cli/main.js), kept for scripts and tools that call it there:
// it runs the program of src/main.ts, which puts the commands of cli/, serve/ and live/ on one command line.
import '../main.js';
