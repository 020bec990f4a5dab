#!/usr/bin/env node
// Prints how Salvo reads one input: each sentence with its role, the dates found, and the chosen claims.
//   node scripts/explain.mjs FILE [FILE...]
import { ingestPaths } from '../dist/src/ingest/index.js';
import { cleanDocument } from '../dist/src/clean/index.js';
import { extractArticle } from '../dist/src/extract/index.js';
import { explainUnits } from '../dist/src/extract/explain.js';

for await (const item of ingestPaths(process.argv.slice(2))) {
  if (!item.ok) { console.log('FAILED', item.failure); continue; }
  const article = cleanDocument(item.doc);
  console.log(`== ${item.doc.origin}  published=${article.published?.date ?? null} (${article.published?.via ?? '-'})`);
  for (const line of explainUnits(article)) console.log(line);
  const x = extractArticle(article);
  console.log(`report=${x.isLaunchReport} (${x.reportConfidence}) actor=${x.actor} weekday=${x.weekday}`);
  for (const c of x.claims) console.log(`  ${c.field}=${JSON.stringify(c.value)} [${c.parser}] «${c.surface}» by ${c.saidBy}`);
  if (article.removed.length) console.log('  removed:', article.removed.map((r) => `${r.reason}:${r.text.slice(0, 40)}`).join(' | '));
}
