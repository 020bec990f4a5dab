#!/usr/bin/env node
// npm run bench:grouping — the share of `analyze` time spent grouping launch reports into events, on streams of
// launch reports only (scripts/firehose.mjs generateFirehose with launchOnly: four reports per launch, 10 %
// copies and rewrites). Per stream size it prints the CPU time of reading, cleaning and extracting every report
// (Analyzer.add) and of grouping them and answering their events (Analyzer.finish), and grouping's share. With
// --baseline DIR (a checkout of an earlier version, built) the earlier resolver groups the same extractions in
// the same process, for a before/after. Figures, not a test; CPU time (user + system), as the machine may be
// shared.
//
//   npm run bench:grouping -- [--sizes 3000,10000] [--baseline /path/to/older/checkout]   (reads dist/: build first)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFirehose } from './firehose.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '3000,10000').split(',').map(Number);
const BASELINE = arg('baseline', null);
for (const dir of [ROOT, BASELINE].filter(Boolean)) {
  if (!existsSync(join(dir, 'dist', 'src', 'pipeline.js'))) {
    console.error(`${dir}/dist is missing: build it first`);
    process.exit(2);
  }
}
const { ingestPaths } = await import(join(ROOT, 'dist/src/ingest/index.js'));
const { Analyzer, resolveAll, toPrediction } = await import(join(ROOT, 'dist/src/pipeline.js'));
const before = BASELINE ? await import(join(BASELINE, 'dist/src/pipeline.js')) : null;

/** CPU milliseconds (user + system) of this process since `from`. */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`.padStart(10);

/** Groups the reports and answers each one's event, as Analyzer.finish does, with a given resolveAll. */
function finish(group, reports) {
  const t = process.cpuUsage();
  const resolver = group(reports);
  const predictions = reports.map((p) => toPrediction(p, resolver.eventOf(p.article.id)));
  return { ms: cpuMs(t), events: resolver.all().length, bytes: JSON.stringify(resolver.all()).length + JSON.stringify(predictions).length };
}

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-grouping-'));
try {
  console.log(`grouping benchmark (node ${process.version}; one process; CPU time, user + system)`);
  for (const size of SIZES) {
    const file = join(dir, `launches-${size}.jsonl`);
    await writeFirehose(file, { count: size, launchOnly: true });
    const analyzer = new Analyzer();
    const t = process.cpuUsage();
    for await (const item of ingestPaths([file])) if (item.ok) analyzer.add(item.doc);
    const extract = cpuMs(t);
    // The launch reports Analyzer keeps for finish(), read from it so both resolvers group the same objects.
    const reports = analyzer.reports;
    if (before) finish(before.resolveAll, reports.slice(0, 200)); // warm-up
    finish(resolveAll, reports.slice(0, 200));
    const now = finish(resolveAll, reports);
    console.log(`\nlaunch reports only, ${size.toLocaleString('en')} articles (${reports.length.toLocaleString('en')} launch reports, ${now.events.toLocaleString('en')} events)`);
    console.log(`  read + clean + extract   ${fmt(extract)}`);
    if (before) {
      const old = finish(before.resolveAll, reports);
      const same = old.bytes === now.bytes && old.events === now.events;
      console.log(`  grouping, baseline       ${fmt(old.ms)}  = ${((100 * old.ms) / (extract + old.ms)).toFixed(1)} % of analyze${same ? '' : '  (DIFFERENT events or predictions)'}`);
    }
    console.log(`  grouping                 ${fmt(now.ms)}  = ${((100 * now.ms) / (extract + now.ms)).toFixed(1)} % of analyze, ${Math.round(now.ms * 1000 / Math.max(1, reports.length))} µs per report`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
