// Per-article predictions in the scorer's format (../shared/eval/score.mjs), one JSON line per report of the
// events: what `salvo analyze` prints, read from the store instead.
import { toPrediction } from '../../prediction.js';
import type { Output } from './output.js';

export const predictions: Output = {
  name: 'predictions',
  mediaType: 'application/jsonl',
  extension: 'jsonl',
  download: true,
  description: "per-article predictions of the events' reports in the scorer's format (as `salvo analyze` prints)",
  async render({ store, events }) {
    const lines: string[] = [];
    for (const se of events) {
      for (const id of se.event.articleIds) {
        const article = await store.getArticle(id);
        const extraction = await store.getExtraction(id);
        if (article && extraction) lines.push(JSON.stringify(toPrediction({ article, extraction }, se.event.id)));
      }
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
