import { classifyPair } from '../resolve/copies/index.js';
import { copyText } from '../resolve/sources.js';
import type { Store } from '../store/store.js';
import type { Article, ClaimView, CopyLink, EventVersion, Extraction, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import { countText } from './format.js';
import { openDb } from './open.js';


/** How an article of the event relates to the others: a stored copy link, else its closest sibling and why. */
interface ArticleRelation {
  copyOf: CopyLink | null;
  closest: { articleId: string; kind: string; similarity: number; reason: string } | null;
}

/**
 * For each article of an event, its copy link (if any) and its closest sibling with the similarity and the
 * reason, so a reader sees why a report was or was not taken for a copy.
 */
export async function articleRelations(store: Store, ids: string[], articles: Map<string, Article | null>, extractions: Map<string, Extraction | null>): Promise<Map<string, ArticleRelation>> {
  const out = new Map<string, ArticleRelation>();
  const docs = ids.map((id) => {
    const a = articles.get(id);
    return { id, text: a ? copyText(a) : '', published: a?.published?.date ?? null, extraction: extractions.get(id) ?? null };
  });
  for (const d of docs) {
    const link = (await store.copyLinks(d.id)).find((l) => l.articleId === d.id) ?? null;
    let closest: ArticleRelation['closest'] = null;
    // Pairwise within one event only: a launch day has a handful to a few hundred reports.
    if (docs.length <= 60) {
      for (const o of docs) {
        if (o.id === d.id) continue;
        const v = classifyPair(d, o);
        const rank = v.kind === 'duplicate' ? 2 : v.kind === 'rewrite' ? 1 : 0;
        const bestRank = closest ? (closest.kind === 'duplicate' ? 2 : closest.kind === 'rewrite' ? 1 : 0) : -1;
        if (!closest || rank > bestRank || (rank === bestRank && v.similarity > closest.similarity)) {
          closest = { articleId: o.id, kind: v.kind, similarity: Math.round(v.similarity * 100) / 100, reason: v.reason };
        }
      }
    }
    out.set(d.id, { copyOf: link, closest });
  }
  return out;
}

/** The evidence behind every candidate value of every field of one event. */
export async function eventDetail(store: Store, ev: LaunchEvent): Promise<Record<string, unknown>> {
  const extractions = new Map(await Promise.all(ev.articleIds.map(async (id) => [id, await store.getExtraction(id)] as const)));
  const articles = new Map(await Promise.all(ev.articleIds.map(async (id) => [id, await store.getArticle(id)] as const)));
  const relations = await articleRelations(store, ev.articleIds, articles, extractions);
  const fields: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) {
    const field = ev.fields[f];
    fields[f] = {
      value: field.value,
      disputed: field.disputed,
      confidence: field.confidence ?? null,
      candidates: field.candidates.map((c) => ({
        value: c.value,
        reports: c.support.length,
        weight: c.weight ?? null,
        sources: c.sources ?? [],
        claims: c.support
          .map((s): ClaimView | null => {
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
              copyOf: s.copyOf ?? null,
              superseded: s.superseded ?? false,
            };
          })
          .filter((x) => x !== null),
      })),
    };
  }
  return {
    id: ev.id,
    actor: ev.actor,
    dateLocal: ev.dateLocal,
    reference: ev.reference ?? null,
    articles: ev.articleIds.map((id) => {
      const a = articles.get(id);
      const rel = relations.get(id);
      return {
        id,
        origin: a?.origin ?? null,
        outlet: a?.source ?? null,
        title: a?.title ?? null,
        published: a?.published?.date ?? null,
        url: a?.url ?? null,
        copyOf: rel?.copyOf ?? null,
        closest: rel?.closest ?? null,
      };
    }),
    fields,
  };
}

type Detail = {
  articles: { id: string; outlet: string | null; title: string | null; origin: string | null; copyOf: CopyLink | null; closest: ArticleRelation['closest'] }[];
  fields: Record<string, { candidates: { value: unknown; reports: number; weight: number | null; sources: string[]; claims: ClaimView[] }[] }>;
};

const short = (id: string): string => id.slice(0, 12);

function historyLines(history: EventVersion[]): string[] {
  const out = ['', `History (${history.length} version${history.length === 1 ? '' : 's'}):`];
  for (const v of history) {
    out.push(`  v${v.version}  ${v.createdAt}  after article ${v.articleId ? short(v.articleId) : '?'}`);
    for (const c of v.changes) {
      out.push(`      ${c.field}: ${c.from === null ? '–' : String(c.from)} → ${c.to === null ? '–' : String(c.to)}${c.claimIndex !== null ? ` (claim ${c.claimIndex})` : ''}`);
    }
  }
  return out;
}

/** `salvo show <id>`: each field, its value, the quoted sentences that state it, who said them, copies, reference. */
export async function showCommand(db: string | undefined, id: string, json: boolean, history = false): Promise<number> {
  const store = await openDb(db, { mustExist: true });
  try {
    const ev = (await store.getEvent(id)) ?? (await store.findEvent(id));
    if (!ev) {
      process.stderr.write(`salvo: no event with id ${id} (see \`salvo events\`)\n`);
      return 1;
    }
    const detail = await eventDetail(store, ev);
    const versions = history ? await store.eventHistory(ev.id) : [];
    if (json) {
      process.stdout.write(`${JSON.stringify(history ? { ...detail, history: versions } : detail, null, 2)}\n`);
      return 0;
    }
    const d = detail as unknown as Detail;
    const out: string[] = [];
    const dating = (await Promise.all(ev.articleIds.map(async (id) => (await store.getExtraction(id))?.dateWindow))).find((w) => w)?.by.join(', ');
    out.push(`Event ${ev.id}  actor ${ev.actor ?? '?'}  date ${ev.dateLocal ?? '?'}${ev.reference?.dateInferred ? ` (inferred from the reference list${dating ? `; reports dated by ${dating}` : ''})` : ''}  count ${countText(ev)}  reports ${ev.articleIds.length}`);
    for (const a of d.articles) {
      out.push(`  article ${short(a.id)}  ${a.outlet ?? '?'}  ${a.title ?? a.origin ?? ''}`);
      if (a.copyOf) out.push(`      ${a.copyOf.kind} of ${short(a.copyOf.originalId)} (similarity ${a.copyOf.similarity.toFixed(2)}): ${a.copyOf.reason}`);
      else if (a.closest) out.push(`      not a copy; closest ${short(a.closest.articleId)}: ${a.closest.kind}, similarity ${a.closest.similarity.toFixed(2)} (${a.closest.reason})`);
    }
    const ref = ev.reference;
    if (ref) {
      out.push(`  reference list: ${ref.dateUtc} UTC, ${ref.flights} flight(s)${ref.missiles.length ? `, ${ref.missiles.join(', ')}` : ''}${ref.facility ? `, ${ref.facility}` : ''}${ref.distanceKm !== null ? `, ${ref.distanceKm} km` : ''}${ref.apogeeKm !== null ? `, apogee ${ref.apogeeKm} km` : ''}`);
      for (const diff of ref.differences) out.push(`      differs on ${diff.field}: reports say ${String(diff.event)}, reference list says ${String(diff.reference)}`);
    } else if (ev.actor === 'DPRK') {
      out.push('  reference list: no matching entry (a new or unlisted launch)');
    }
    for (const f of FIELD_NAMES) {
      const field = ev.fields[f];
      const refDiff = ref?.differences.find((x) => x.field === f);
      out.push('');
      out.push(`${f}: ${field.value === null ? '–' : String(field.value)}${field.confidence ? `  (confidence ${field.confidence.toFixed(2)})` : ''}${field.disputed ? '   SOURCES DISAGREE' : ''}${refDiff ? `   reference list: ${String(refDiff.reference)}` : ''}`);
      for (const c of d.fields[f].candidates) {
        if (field.candidates.length > 1) out.push(`  candidate ${String(c.value)}: ${c.reports} report${c.reports === 1 ? '' : 's'}, weight ${c.weight ?? '?'}, independent sources: ${c.sources.join(', ') || '–'}`);
        for (const cl of c.claims) {
          out.push(`    “${cl.sentence}”`);
          const notes = [cl.implied ? 'partly implied' : '', cl.copyOf ? `copy of ${short(cl.copyOf)}` : '', cl.superseded ? 'superseded by a later statement' : ''].filter(Boolean).join(', ');
          out.push(`      — ${cl.saidBy ?? 'unattributed'}; article ${short(cl.articleId)} (${cl.outlet ?? '?'}), ${cl.part} chars ${cl.span.start}–${cl.span.end} “${cl.quote}”, confidence ${cl.confidence.toFixed(2)}${notes ? `; ${notes}` : ''}`);
        }
      }
    }
    if (history) out.push(...historyLines(versions));
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
