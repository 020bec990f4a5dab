import { createHash } from 'node:crypto';
import type { EventField, Extraction, FieldCandidate, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

/** An extraction together with what resolve needs to order reports: the article's publication date. */
export interface Report {
  extraction: Extraction;
  published: string | null;
}

const valueOf = (e: Extraction, f: FieldName): FieldValue | null => e.fields[f]?.value ?? null;

/** Event id: actor and local date when known ("DPRK-2025-05-08"), else actor and a hash of the first report. */
export function eventIdFor(e: Extraction, date: string | null): string {
  const actor = (e.actor ?? 'unknown').replace(/[^A-Za-z0-9]+/g, '');
  if (date) return `${actor}-${date}`;
  return `${actor}-undated-${createHash('sha256').update(e.articleId).digest('hex').slice(0, 8)}`;
}

const minutes = (t: FieldValue | null): number | null => (typeof t === 'string' && /^\d\d:\d\d$/.test(t) ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) : null);

/**
 * How well an undated report fits an event: weekday, time, site and figures that agree add up; any that
 * clearly disagree rule it out. Returns null when incompatible.
 */
export function fitScore(e: Extraction, event: LaunchEvent): number | null {
  if (e.actor && event.actor && e.actor !== event.actor) return null;
  let score = 0;
  if (e.weekday !== null && event.weekday !== null) {
    if (e.weekday !== event.weekday) return null;
    score += 2;
  }
  const t1 = minutes(valueOf(e, 'time_local'));
  const t2 = minutes(event.fields.time_local.value);
  if (t1 !== null && t2 !== null) score += Math.abs(t1 - t2) <= 90 ? 2 : -3;
  const s1 = valueOf(e, 'site');
  const s2 = event.fields.site.value;
  if (s1 && s2) score += s1 === s2 ? 2 : -2;
  for (const f of ['distance_km', 'apogee_km'] as const) {
    const a = valueOf(e, f);
    const b = event.fields[f].value;
    if (typeof a === 'number' && typeof b === 'number') score += Math.abs(a - b) <= 0.15 * Math.max(a, b) ? 1 : -1;
  }
  const c1 = valueOf(e, 'class');
  const c2 = event.fields.class.value;
  if (c1 && c2 && c1 !== 'ballistic' && c2 !== 'ballistic') score += c1 === c2 ? 1 : -1;
  return score;
}

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= Math.max(2, 0.01 * Math.max(a, b)) : a === b;

/**
 * An event's fields from its reports' claims: for each field the most frequent value, ties going to the
 * earliest report; every other value stays as a candidate, so disagreements are kept, not discarded.
 */
export function computeFields(reports: Report[]): Record<FieldName, EventField> {
  const ordered = orderReports(reports);
  const out = {} as Record<FieldName, EventField>;
  for (const f of FIELD_NAMES) {
    const candidates: FieldCandidate[] = [];
    for (const r of ordered) {
      const c = r.extraction.fields[f];
      if (!c) continue;
      const claimIndex = r.extraction.claims.indexOf(c);
      const support = { articleId: r.extraction.articleId, claimIndex, confidence: c.confidence };
      const existing = candidates.find((x) => sameValue(x.value, c.value));
      if (existing) existing.support.push(support);
      else candidates.push({ value: c.value, support: [support] });
    }
    // Stable sort keeps first-seen (earliest report) order among equally supported values.
    candidates.sort((a, b) => b.support.length - a.support.length);
    out[f] = { value: candidates[0]?.value ?? null, candidates, disputed: candidates.length > 1 };
  }
  return out;
}

export function orderReports(reports: Report[]): Report[] {
  return [...reports].sort((a, b) => {
    if (a.published !== b.published) {
      if (a.published === null) return 1;
      if (b.published === null) return -1;
      return a.published < b.published ? -1 : 1;
    }
    return a.extraction.articleId < b.extraction.articleId ? -1 : a.extraction.articleId > b.extraction.articleId ? 1 : 0;
  });
}

function buildEvent(id: string, members: Report[]): LaunchEvent {
  const fields = computeFields(members);
  const date = typeof fields.date_local.value === 'string' ? fields.date_local.value : null;
  const first = orderReports(members)[0]?.extraction;
  const weekday = date ? new Date(`${date}T00:00:00Z`).getUTCDay() : (members.map((m) => m.extraction.weekday).find((w) => w !== null) ?? null);
  return { id, actor: first?.actor ?? null, dateLocal: date, weekday, articleIds: orderReports(members).map((m) => m.extraction.articleId), fields };
}

/** Groups launch reports into events (used by `analyze`, and by ingest to re-resolve the touched events). */
export class EventResolver {
  private readonly members = new Map<string, Report[]>();
  private readonly events = new Map<string, LaunchEvent>();

  constructor(existing: { event: LaunchEvent; reports: Report[] }[] = []) {
    for (const { event, reports } of existing) {
      this.members.set(event.id, [...reports]);
      this.events.set(event.id, event);
    }
  }

  /**
   * Adds one report; returns the events it changed (an event emptied by a merge comes back with no articles, so
   * the store deletes it).
   */
  add(report: Report): LaunchEvent[] {
    const e = report.extraction;
    if (!e.isLaunchReport) return [];
    const date = typeof e.fields.date_local?.value === 'string' ? e.fields.date_local.value : null;
    let id: string;
    if (date) {
      id = eventIdFor(e, date);
    } else {
      let best: { id: string; score: number } | null = null;
      for (const ev of this.events.values()) {
        const s = fitScore(e, ev);
        if (s !== null && s >= 2 && (!best || s > best.score)) best = { id: ev.id, score: s };
      }
      id = best?.id ?? eventIdFor(e, null);
    }
    const list = this.members.get(id) ?? [];
    list.push(report);
    this.members.set(id, list);
    const changed = [this.rebuild(id)];
    // A dated event may absorb undated ones that fit it.
    const target = this.events.get(id);
    if (date && target) {
      for (const ev of [...this.events.values()]) {
        if (ev.dateLocal !== null || ev.id === id) continue;
        const reps = this.members.get(ev.id) ?? [];
        const fits = reps.every((r) => {
          const s = fitScore(r.extraction, target);
          return s !== null && s >= 2;
        });
        if (!fits || !reps.length) continue;
        list.push(...reps);
        this.members.delete(ev.id);
        this.events.delete(ev.id);
        changed.push({ ...ev, articleIds: [] });
        changed[0] = this.rebuild(id);
      }
    }
    return changed;
  }

  private rebuild(id: string): LaunchEvent {
    const ev = buildEvent(id, this.members.get(id) ?? []);
    this.events.set(id, ev);
    return ev;
  }

  all(): LaunchEvent[] {
    return [...this.events.values()];
  }

  eventOf(articleId: string): string | null {
    for (const [id, reps] of this.members) if (reps.some((r) => r.extraction.articleId === articleId)) return id;
    return null;
  }
}
