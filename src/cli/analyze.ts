import { processPaths, resolveAll, toPrediction } from '../pipeline.js';

/** `salvo analyze`: predictions as JSON Lines on stdout, reasons for unreadable inputs on stderr. */
export async function analyzeCommand(paths: string[]): Promise<number> {
  const { processed, failures } = await processPaths(paths);
  for (const f of failures) process.stderr.write(`salvo: skipped ${f.origin}: ${f.reason}\n`);
  const resolver = resolveAll(processed);
  const lines = processed.map((p) => JSON.stringify(toPrediction(p, resolver.eventOf(p.article.id))));
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
  return processed.length === 0 ? 1 : 0;
}
