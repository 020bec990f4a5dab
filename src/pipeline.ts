// The stages chained in memory, for `salvo analyze`'s per-article predictions: ingest → clean → extract →
// resolve, no store. Storing goes through src/app/ingestion.ts.
import { cleanDocument } from './clean/index.js';
import { extractArticle } from './extract/index.js';
import { ingestPaths } from './ingest/index.js';
import { EventResolver } from './resolve/index.js';
import type { Article, Claim, Extraction, FieldName, FieldValue, IngestFailure, Prediction } from './types.js';
import { FIELD_NAMES } from './types.js';
import { MIN_CONFIDENCE } from './settings.js';

export interface Processed {
  article: Article;
  extraction: Extraction;
}

/** Runs clean and extract on every readable input; failures are collected, never thrown. */
export async function processPaths(
  paths: string[],
  onItem?: (origin: string, ok: boolean) => void,
): Promise<{ processed: Processed[]; failures: IngestFailure[] }> {
  const processed: Processed[] = [];
  const failures: IngestFailure[] = [];
  for await (const item of ingestPaths(paths)) {
    if (!item.ok) {
      failures.push(item.failure);
      onItem?.(item.failure.origin, false);
      continue;
    }
    try {
      const article = cleanDocument(item.doc);
      processed.push({ article, extraction: extractArticle(article) });
      onItem?.(item.doc.origin, true);
    } catch (err) {
      failures.push({ origin: item.doc.origin, reason: `could not be processed: ${err instanceof Error ? err.message : String(err)}` });
      onItem?.(item.doc.origin, false);
    }
  }
  return { processed, failures };
}

/** Groups processed articles into events; reports with a date go first so undated ones can join them. */
export function resolveAll(items: Processed[]): EventResolver {
  const resolver = new EventResolver();
  const dated = (p: Processed): boolean => p.extraction.fields.date_local !== undefined;
  const order = [...items.filter(dated), ...items.filter((p) => !dated(p))];
  for (const p of order) resolver.add({ extraction: p.extraction, published: p.article.published?.date ?? null, source: p.article.source });
  return resolver;
}

const confident = (c: Claim | undefined): FieldValue | null => (c && c.confidence >= MIN_CONFIDENCE ? c.value : null);

/** One article's prediction in the scorer's format (../shared/eval/score.mjs). */
export function toPrediction(p: Processed, eventId: string | null): Prediction {
  const e = p.extraction;
  const event = e.isLaunchReport
    ? (Object.fromEntries(FIELD_NAMES.map((f: FieldName) => [f, confident(e.fields[f])])) as Prediction['event'])
    : null;
  return {
    id: p.article.externalId ?? p.article.id,
    is_launch_report: e.isLaunchReport,
    actor: e.actor,
    event,
    event_id: e.isLaunchReport ? eventId : null,
  };
}
