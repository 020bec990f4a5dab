#!/usr/bin/env node
// Writes data/zone-offsets.json: for every time zone data/actors.json names, the instants its UTC offset changes
// between 1900 and 2100, read from this Node's time zone database (Intl). src/zone-offsets.ts reads the table so
// that listing events needs no Intl zone data at start-up; test/zone-offsets.test.ts checks it against Intl.
//   node scripts/build-zone-offsets.mjs [--check]     (--check: fail if the committed table is stale)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './built-cli.mjs';

const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2100, 0, 1);
const HOUR = 3_600_000;

/** The offset (minutes east of UTC) of a zone at an instant, as Intl gives it. */
function offsetAt(format, ms) {
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** Every change of the zone's offset in [FROM, TO): sampled every six hours, each change then found to the minute. */
function changesOf(timeZone) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const out = [[FROM, offsetAt(format, FROM)]];
  // Offsets never change twice within six hours, so a change shows between two samples six hours apart.
  for (let t = FROM; t < TO; t += 6 * HOUR) {
    const next = Math.min(t + 6 * HOUR, TO - 60_000);
    if (offsetAt(format, next) === out[out.length - 1][1]) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(format, mid) === out[out.length - 1][1]) lo = mid;
      else hi = mid;
    }
    out.push([hi, offsetAt(format, hi)]);
  }
  return out;
}

const actors = JSON.parse(readFileSync(join(ROOT, 'data', 'actors.json'), 'utf8'));
const zones = [...new Set(JSON.stringify(actors).match(/"timeZone":\s*"[^"]+"/g).map((m) => m.split('"')[3]))].sort();
const file = {
  about: `UTC offsets (minutes east) of the zones data/actors.json names, from the time zone database of Node ${process.versions.node} (ICU tz ${process.versions.tz}); written by scripts/build-zone-offsets.mjs`,
  from: FROM,
  to: TO,
  zones: Object.fromEntries(zones.map((z) => [z, changesOf(z)])),
};
const lines = ['{', `  "about": ${JSON.stringify(file.about)},`, `  "from": ${FROM},`, `  "to": ${TO},`, '  "zones": {'];
zones.forEach((z, i) => lines.push(`    ${JSON.stringify(z)}: ${JSON.stringify(file.zones[z])}${i < zones.length - 1 ? ',' : ''}`));
lines.push('  }', '}', '');
const text = lines.join('\n');
const path = join(ROOT, 'data', 'zone-offsets.json');
if (process.argv.includes('--check')) {
  if (!existsSync(path) || readFileSync(path, 'utf8').replace(/"about": "[^"]*"/, '') !== text.replace(/"about": "[^"]*"/, '')) {
    console.error('build-zone-offsets: data/zone-offsets.json is stale; rerun node scripts/build-zone-offsets.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  console.log(`wrote data/zone-offsets.json (${zones.length} zones)`);
}
