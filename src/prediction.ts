// One article's prediction in the scorer's format (../shared/eval/score.mjs), from its extraction: what `salvo
// analyze` prints and the predictions output serves. Kept apart from the pipeline so that outputs load without it.
import type { Article, Claim, Extraction, FieldName, FieldValue, Prediction } from './types.js';
import { FIELD_NAMES } from './types.js';
import { MIN_CONFIDENCE } from './settings.js';

const confident = (c: Claim | undefined): FieldValue | null => (c && c.confidence >= MIN_CONFIDENCE ? c.value : null);

/** One article's prediction in the scorer's format (../shared/eval/score.mjs). */
export function toPrediction(
  p: { article: Pick<Article, 'id' | 'externalId'>; extraction: Pick<Extraction, 'isLaunchReport' | 'actor' | 'fields'> },
  eventId: string | null,
): Prediction {
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
