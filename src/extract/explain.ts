// One line per sentence of an article, for debugging the extractor: its role and reason, whether it states a
// launch, and the dates in it, read against the same reference date the extractor uses.
import type { Article } from '../types.js';
import { createContext } from './context.js';
import { configurationFor } from './locales/index.js';
import { sentenceRole, statesLaunch } from './roles.js';

/** One line per sentence: its role and reason, whether it states a launch, and the dates in it (for debugging). */
export function explainUnits(article: Article): string[] {
  const ctx = createContext(article, configurationFor(article.language));
  return ctx.units.map((u) => {
    const dates = u.dates;
    const role = sentenceRole(u, dates, null, null, ctx.locale);
    const ds = dates.map((d) => `${d.kind}:${d.surface}→${d.date ?? '?'}`).join(', ');
    return `${String(u.index).padStart(3)} ${u.part === 'title' ? 'T' : ' '} ${role.role.padEnd(10)} ${statesLaunch(u.text, ctx.locale) ? 'L' : ' '} ${u.text.slice(0, 150)}${ds ? `  {${ds}}` : ''}${role.reason !== 'main' ? `  <${role.reason}>` : ''}`;
  });
}
