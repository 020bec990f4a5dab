import type { Claim, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import type { Store } from '../store/store.js';
import { countText } from './format.js';
import { openDb } from './open.js';

interface ShownClaim {
  value: Claim['value'];
  articleId: string;
  outlet: string | null;
  title: string | null;
  part: 'title' | 'text';
  span: Claim['evidence']['span'];
  sentence: string;
  quote: string;
  saidBy: string | null;
  attribution: string | null;
  confidence: number;
  implied: boolean;
}

/** The evidence behind every candidate value of every field of one event. */
export function eventDetail(store: Store, ev: LaunchEvent): Record<string, unknown> {
  const extractions = new Map(ev.articleIds.map((id) => [id, store.getExtraction(id)]));
  const articles = new Map(ev.articleIds.map((id) => [id, store.getArticle(id)]));
  const fields: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) {
    const field = ev.fields[f];
    fields[f] = {
      value: field.value,
      disputed: field.disputed,
      candidates: field.candidates.map((c) => ({
        value: c.value,
        reports: c.support.length,
        claims: c.support.map((s): ShownClaim | null => {
          const claim = extractions.get(s.articleId)?.claims[s.claimIndex];
          const article = articles.get(s.articleId);
          if (!claim || !article) return null;
          return {
            value: claim.value,
            articleId: s.articleId,
            outlet: article.source,
            title: article.title,
            part: claim.evidence.part,
            span: claim.evidence.span,
            sentence: claim.evidence.sentence,
            quote: claim.surface,
            saidBy: claim.saidBy,
            attribution: claim.attribution,
            confidence: claim.confidence,
            implied: claim.implied,
          };
        }).filter((x) => x !== null),
      })),
    };
  }
  return {
    id: ev.id,
    actor: ev.actor,
    dateLocal: ev.dateLocal,
    articles: ev.articleIds.map((id) => {
      const a = articles.get(id);
      return { id, origin: a?.origin ?? null, outlet: a?.source ?? null, title: a?.title ?? null, published: a?.published?.date ?? null, url: a?.url ?? null };
    }),
    fields,
  };
}

/** `salvo show <id>`: each field, its value, the quoted sentences that state it and who said them. */
export function showCommand(db: string | undefined, id: string, json: boolean): number {
  const store = openDb(db);
  try {
    const ev = store.getEvent(id) ?? store.findEvent(id);
    if (!ev) {
      process.stderr.write(`salvo: no event with id ${id} (see \`salvo events\`)\n`);
      return 1;
    }
    const detail = eventDetail(store, ev);
    if (json) {
      process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [];
    out.push(`Event ${ev.id}  actor ${ev.actor ?? '?'}  date ${ev.dateLocal ?? '?'}  count ${countText(ev)}  reports ${ev.articleIds.length}`);
    for (const a of detail.articles as { id: string; outlet: string | null; title: string | null; origin: string | null }[]) {
      out.push(`  article ${a.id.slice(0, 12)}  ${a.outlet ?? '?'}  ${a.title ?? a.origin ?? ''}`);
    }
    for (const f of FIELD_NAMES) {
      const field = ev.fields[f];
      out.push('');
      out.push(`${f}: ${field.value === null ? '–' : String(field.value)}${field.disputed ? '   (sources disagree)' : ''}`);
      for (const c of (detail.fields as Record<string, { candidates: { value: unknown; reports: number; claims: ShownClaim[] }[] }>)[f].candidates) {
        if (field.candidates.length > 1) out.push(`  candidate ${String(c.value)} (${c.reports} report${c.reports === 1 ? '' : 's'})`);
        for (const cl of c.claims) {
          out.push(`    “${cl.sentence}”`);
          out.push(`      — ${cl.saidBy ?? 'unattributed'}; article ${cl.articleId.slice(0, 12)} (${cl.outlet ?? '?'}), ${cl.part} chars ${cl.span.start}–${cl.span.end} “${cl.quote}”${cl.implied ? ', partly implied' : ''}, confidence ${cl.confidence.toFixed(2)}`);
        }
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    store.close();
  }
}
