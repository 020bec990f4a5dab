import { test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { findAgencies, findActors, findClassPhrases } from '../src/extract/knowledge.js';
test('dev', () => {
  const dir = '/work/shared/corpus/dev/articles/';
  const c = new Map<string, number>();
  for (const f of readdirSync(dir)) {
    const a = JSON.parse(readFileSync(dir + f, 'utf8'));
    const t = `${a.title ?? ''}\n${a.text}`;
    for (const m of [...findAgencies(t).map((x) => 'AG ' + x.key + ' ' + x.surface), ...findActors(t).map((x) => 'AC ' + x.actor + ' ' + x.surface), ...findClassPhrases(t).map((x) => 'CL ' + x.class + ' ' + x.surface.toLowerCase())]) c.set(m, (c.get(m) ?? 0) + 1);
  }
  console.log([...c].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${v} ${k}`).join('\n'));
});
