// JSON Lines, one event per line: id, actor, local date, the ids of its articles (the id a record came with,
// such as a corpus id, else Salvo's) and every field's value. The format of ../shared/eval/score-events.mjs,
// so `salvo analyze --events` writes it for scoring.
import type { Store } from '../../store/store.js';
import { dateFlags } from '../../resolve/plausibility.js';
import type { EventFlag, FieldValue, LaunchEvent } from '../../types.js';
import { FIELD_NAMES } from '../../types.js';
import type { Output } from './output.js';

export interface EventLine {
  event_id: string;
  actor: string | null;
  /** The date the reports give; a date inferred from the reference list alone is not theirs. */
  date_local: string | null;
  articles: string[];
  fields: Record<string, FieldValue | null>;
  /** Reasons the date cannot be right as it stands (empty when none). */
  flags: EventFlag[];
}

export async function eventLine(store: Store, ev: LaunchEvent): Promise<EventLine> {
  const articles: string[] = [];
  for (const id of ev.articleIds) articles.push((await store.getArticle(id))?.externalId ?? id);
  return {
    event_id: ev.id,
    actor: ev.actor,
    date_local: ev.reference?.dateInferred ? null : ev.dateLocal,
    articles,
    fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, ev.fields[f].value])),
    flags: dateFlags(ev),
  };
}

export const jsonl: Output = {
  name: 'jsonl',
  mediaType: 'application/jsonl',
  extension: 'jsonl',
  download: true,
  description: 'JSON Lines, one event per line: id, actor, date, article ids and every field value',
  async render({ store, events }) {
    const lines: string[] = [];
    for (const se of events) lines.push(JSON.stringify(await eventLine(store, se.event)));
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
