import type { Article } from '../types.js';
import { findDates } from './dates.js';
import { sentenceRole, statesLaunch } from './roles.js';
import { articleUnits } from './units.js';

/** One line per sentence: its role and reason, whether it states a launch, and the dates in it (for debugging). */
export function explainUnits(article: Article): string[] {
  const ref = article.published?.date ?? null;
  return articleUnits(article).map((u) => {
    const dates = findDates(u.text, ref);
    const role = sentenceRole(u, dates, null);
    const ds = dates.map((d) => `${d.kind}:${d.surface}→${d.date ?? '?'}`).join(', ');
    return `${String(u.index).padStart(3)} ${u.part === 'title' ? 'T' : ' '} ${role.role.padEnd(10)} ${statesLaunch(u.text) ? 'L' : ' '} ${u.text.slice(0, 150)}${ds ? `  {${ds}}` : ''}${role.reason !== 'main' ? `  <${role.reason}>` : ''}`;
  });
}
