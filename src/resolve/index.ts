// The resolve stage: groups launch reports into events (dated reports by actor and day, undated ones by how
// well they fit), recomputes each changed event's fields and lines it up with the reference list.
import { createHash } from 'node:crypto';
import type { EventField, Extraction, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { computeFields, orderReports, type Report } from './consensus.js';
import { alignEvent, type DateWindowLike } from './reference.js';
import type { CopyTracker } from './sources.js';
import { EventTally, WindowTally } from './tally.js';
import { daysBetween } from '../calendar.js';
import { DATELINE_LAUNCH_DAYS, FIGURE_FIT_STRONG, FIGURE_FIT_WEAK, JOIN_MIN_AGREEING_FIELDS, JOIN_SCORE, SAME_SALVO_MINUTES } from '../settings.js';

export { computeFields, orderReports, type Report } from './consensus.js';

const valueOf = (e: Extraction, f: FieldName): FieldValue | null => e.fields[f]?.value ?? null;

/** Event id: actor and local date when known ("DPRK-2025-05-08"), else actor and a hash of the first report. */
export function eventIdFor(e: Extraction, date: string | null): string {
  const actor = (e.actor ?? 'unknown').replace(/[^A-Za-z0-9]+/g, '');
  if (date) return `${actor}-${date}`;
  return `${actor}-undated-${createHash('sha256').update(e.articleId).digest('hex').slice(0, 8)}`;
}

const minutes = (t: FieldValue | null): number | null => (typeof t === 'string' && /^\d\d:\d\d$/.test(t) ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) : null);

/** Days from `a` to `b` when both are "MM-DD" of the same or neighbouring years (the shortest way round). */
function monthDayGap(a: string, event: string): number {
  const year = Number(event.slice(0, 4));
  return Math.min(...[year - 1, year, year + 1].map((y) => Math.abs(daysBetween(`${y}-${a}`, event))));
}

/**
 * How well an undated report fits an event. Clear disagreements rule it out (another actor, weekday, office-
 * holders' window, dateline day or written launch day) or count against it (time, site, figures, class, year).
 * A join needs strong agreement: at least JOIN_MIN_AGREEING_FIELDS details besides the actor and weekday that
 * agree (time, site, distance, apogee, designation, range class, an exact count of several, the dateline's day,
 * the launch's written month-day), and a score of JOIN_SCORE. Returns null when it cannot join.
 */
export function fitScore(e: Extraction, event: LaunchEvent): number | null {
  if (e.actor && event.actor && e.actor !== event.actor) return null;
  if (e.weekday !== null && event.weekday !== null && e.weekday !== event.weekday) return null;
  // An undated report dated by the office-holders it names cannot join a launch outside that window.
  const w = e.dateWindow;
  if (w && event.dateLocal && ((w.from && event.dateLocal < w.from) || (w.to && event.dateLocal > w.to))) return null;
  let score = 0;
  let fields = 0;
  let disagree = 0;
  const agree = (points: number): void => {
    score += points;
    fields += 1;
  };
  // The launch's own month-day, written in a sentence reporting it ("fired … on Dec. 4"), is that day or none.
  if (w?.launchMonthDay && event.dateLocal) {
    if (event.dateLocal.slice(5) !== w.launchMonthDay) return null;
    agree(2);
  }
  // A dateline ("Pyongyang, July 19") is the publication day: the launch lies on it or a few days before.
  if (w?.monthDay && event.dateLocal) {
    if (monthDayGap(w.monthDay, event.dateLocal) > DATELINE_LAUNCH_DAYS) return null;
    agree(2);
  }
  // The year the report's URL or text points to most, when years apart from the event's, weighs like a clash of times.
  if (w?.year && event.dateLocal && Math.abs(Number(event.dateLocal.slice(0, 4)) - w.year) > 1) disagree += 3;
  const t1 = minutes(valueOf(e, 'time_local'));
  const t2 = minutes(event.fields.time_local.value);
  if (t1 !== null && t2 !== null) {
    // A salvo can last an hour ("between 8:10 and 9:20"), but two launches 80 minutes apart are not one.
    if (Math.abs(t1 - t2) <= SAME_SALVO_MINUTES) agree(2);
    else disagree += 3;
  }
  const s1 = valueOf(e, 'site');
  const s2 = event.fields.site.value;
  if (s1 && s2) {
    if (s1 === s2) agree(2);
    else disagree += 2;
  }
  for (const f of ['distance_km', 'apogee_km'] as const) {
    const a = valueOf(e, f);
    const b = event.fields[f].value;
    if (typeof a === 'number' && typeof b === 'number') {
      const gap = Math.abs(a - b) / Math.max(a, b);
      if (gap <= FIGURE_FIT_STRONG) agree(2);
      else if (gap <= FIGURE_FIT_WEAK) agree(1);
      else disagree += 1;
    }
  }
  const n1 = valueOf(e, 'name');
  const n2 = event.fields.name.value;
  if (typeof n1 === 'string' && typeof n2 === 'string') {
    if (n1 === n2) agree(2);
    else disagree += 1;
  }
  const c1 = valueOf(e, 'class');
  const c2 = event.fields.class.value;
  if (c1 && c2 && c1 !== 'ballistic' && c2 !== 'ballistic') {
    if (c1 === c2) agree(1);
    else disagree += 1;
  }
  // "three missiles" and "three missiles": an exact count of several agrees; a single missile is too common to.
  const k1 = valueOf(e, 'count_min');
  const k2 = event.fields.count_min.value;
  if (typeof k1 === 'number' && typeof k2 === 'number' && valueOf(e, 'count_exact') === true && event.fields.count_exact.value === true) {
    if (k1 === k2 && k1 > 1) agree(1);
    else if (k1 !== k2) disagree += 1;
  }
  if (fields < JOIN_MIN_AGREEING_FIELDS) return null;
  return score - disagree + (e.weekday !== null && event.weekday !== null ? 1 : 0);
}

/** What an event is made of: its fields, its reports in report order, the first weekday named, its window. */
interface EventBasis {
  fields: Record<FieldName, EventField>;
  ordered: readonly Report[];
  firstWeekday: number | null;
  window: () => DateWindowLike | null;
}

/** An event from its reports (in the order they joined), every field computed from all of them: the full recomputation. */
export function eventFromReports(id: string, members: Report[]): LaunchEvent {
  const window = new WindowTally();
  for (const m of members) window.add(m);
  return eventFrom(id, {
    fields: computeFields(members),
    ordered: orderReports(members),
    firstWeekday: members.map((m) => m.extraction.weekday).find((w) => w !== null) ?? null,
    window: () => window.result(),
  });
}

function eventFrom(id: string, basis: EventBasis): LaunchEvent {
  const { fields, ordered } = basis;
  const date = typeof fields.date_local.value === 'string' ? fields.date_local.value : null;
  const first = ordered[0]?.extraction;
  const weekday = date ? new Date(`${date}T00:00:00Z`).getUTCDay() : basis.firstWeekday;
  const ev: LaunchEvent = { id, actor: first?.actor ?? null, dateLocal: date, weekday, articleIds: ordered.map((m) => m.extraction.articleId), fields, reference: null };
  ev.reference = alignEvent(ev, date ? null : basis.window());
  // An undated event matching exactly one reference launch day takes its date, marked as inferred.
  if (!ev.dateLocal && ev.reference?.dateInferred) ev.dateLocal = ev.reference.dateKst;
  return ev;
}

/**
 * The stores' event order (`Store.listEvents`): dated first, by date, then by id. Ids and dates are ASCII, so
 * comparing UTF-16 code units is the stores' byte order.
 */
function storeOrder(a: LaunchEvent, b: LaunchEvent): number {
  if ((a.dateLocal === null) !== (b.dateLocal === null)) return a.dateLocal === null ? 1 : -1;
  if (a.dateLocal !== b.dateLocal) return (a.dateLocal ?? '') < (b.dateLocal ?? '') ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An event with a date of its own (not one inferred from the reference list). */
const isDated = (ev: LaunchEvent): boolean => ev.dateLocal !== null && !ev.reference?.dateInferred;

/**
 * Groups launch reports into events (used by `analyze`, and by ingest to re-resolve the touched events). A
 * report joining an event updates the event from the event's tally (src/resolve/tally.ts); events that change
 * otherwise (undated ones merged into a dated one, a copy link found) are recomputed from all their reports, and
 * their tally is made again, from their reports, when the next report joins them.
 */
export class EventResolver {
  /** Near-duplicate and rewrite detection over the stored articles, when the resolver serves a store. */
  copies: CopyTracker | null = null;
  private readonly members = new Map<string, Report[]>();
  private readonly events = new Map<string, LaunchEvent>();
  /** The tallies of events whose reports have been tallied since they last changed otherwise. */
  private readonly tallies = new Map<string, EventTally>();
  /** The event of each report, by article id. */
  private readonly eventByArticle = new Map<string, string>();
  /**
   * Ids of the events without a date of their own, in the order of `events` (an event's id, and so whether it
   * has a date of its own, is set by its first report): a dated report looks for undated events to absorb here.
   */
  private readonly undated = new Set<string>();

  constructor(existing: { event: LaunchEvent; reports: Report[] }[] = []) {
    for (const { event, reports } of existing) {
      this.members.set(event.id, [...reports]);
      this.keep(event);
      for (const r of reports) this.eventByArticle.set(r.extraction.articleId, event.id);
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
        if (s !== null && s >= JOIN_SCORE && (!best || s > best.score)) best = { id: ev.id, score: s };
      }
      id = best?.id ?? eventIdFor(e, null);
    }
    const list = this.members.get(id) ?? [];
    list.push(report);
    this.members.set(id, list);
    this.eventByArticle.set(e.articleId, id);
    const changed = [this.join(id, report)];
    // A dated event may absorb undated ones that fit it better than any other dated event does.
    const target = this.events.get(id);
    if (date && target) {
      for (const evId of [...this.undated]) {
        const ev = this.events.get(evId);
        if (!ev || isDated(ev) || ev.id === id) continue;
        const reps = this.members.get(ev.id) ?? [];
        if (!reps.length || this.bestDatedHome(reps)?.id !== id) continue;
        list.push(...reps);
        for (const r of reps) this.eventByArticle.set(r.extraction.articleId, id);
        this.members.delete(ev.id);
        this.events.delete(ev.id);
        this.undated.delete(ev.id);
        this.tallies.delete(ev.id);
        changed.push({ ...ev, articleIds: [] });
        changed[0] = this.rebuild(id);
      }
    }
    return changed;
  }

  /** The dated event every one of these reports fits (score ≥ 2), the best by their weakest fit. */
  private bestDatedHome(reps: Report[]): LaunchEvent | null {
    let best: { ev: LaunchEvent; score: number } | null = null;
    for (const ev of this.events.values()) {
      if (!isDated(ev)) continue;
      let worst = Infinity;
      for (const r of reps) worst = Math.min(worst, fitScore(r.extraction, ev) ?? -Infinity);
      if (worst >= JOIN_SCORE && (!best || worst > best.score)) best = { ev, score: worst };
    }
    return best?.ev ?? null;
  }

  /**
   * The event after a report (already among its members) joined it, from its tally: the tally is made from the
   * members when the event has none, or when the report is the original of a copy already counted.
   */
  private join(id: string, report: Report): LaunchEvent {
    let tally = this.tallies.get(id);
    if (tally && !tally.changesSources(report)) tally.add(report);
    else tally = new EventTally(this.members.get(id) ?? []);
    this.tallies.set(id, tally);
    const ev = eventFrom(id, { fields: tally.result(), ordered: tally.ordered, firstWeekday: tally.firstWeekday, window: () => tally.dateWindow() });
    this.keep(ev);
    return ev;
  }

  /** The event recomputed from all its reports; its tally is made again when a report next joins it. */
  private rebuild(id: string): LaunchEvent {
    const ev = eventFromReports(id, this.members.get(id) ?? []);
    this.keep(ev);
    this.tallies.delete(id);
    return ev;
  }

  /** Keeps an event's latest version. */
  private keep(ev: LaunchEvent): void {
    this.events.set(ev.id, ev);
    if (isDated(ev)) this.undated.delete(ev.id);
    else this.undated.add(ev.id);
  }

  /**
   * Replaces some events with their stored state (read again because other processes' writes may have changed
   * them) and drops the `gone` ones, then puts the events in the order a resolver built from the whole store has
   * them (`Store.listEvents`'s), so what follows is grouped as after a full rebuild. The other events keep their
   * reports and tallies. Returns false, leaving the resolver unusable (the caller builds it anew), when a report
   * of the given events still belongs to an event neither given nor gone (the events read were not a closed set).
   */
  replace(fresh: { event: LaunchEvent; reports: Report[] }[], gone: string[]): boolean {
    for (const id of [...gone, ...fresh.map((f) => f.event.id)]) {
      for (const r of this.members.get(id) ?? []) {
        if (this.eventByArticle.get(r.extraction.articleId) === id) this.eventByArticle.delete(r.extraction.articleId);
      }
      this.members.delete(id);
      this.events.delete(id);
      this.tallies.delete(id);
    }
    for (const { event, reports } of fresh) {
      this.members.set(event.id, [...reports]);
      this.events.set(event.id, event);
      for (const r of reports) {
        if (this.eventByArticle.has(r.extraction.articleId)) return false;
        this.eventByArticle.set(r.extraction.articleId, event.id);
      }
    }
    const ordered = [...this.events.values()].sort(storeOrder);
    this.events.clear();
    this.undated.clear();
    for (const ev of ordered) this.keep(ev);
    return true;
  }

  /** The reports of one event. */
  membersOf(eventId: string): Report[] {
    return [...(this.members.get(eventId) ?? [])];
  }

  /** Marks a report as a copy of another, and returns the event it changes (its consensus is recomputed). */
  setCopyOf(articleId: string, originalId: string): LaunchEvent[] {
    const id = this.eventByArticle.get(articleId);
    const r = id === undefined ? undefined : this.members.get(id)?.find((x) => x.extraction.articleId === articleId);
    if (id === undefined || !r) return [];
    r.copyOf = originalId;
    return [this.rebuild(id)];
  }

  all(): LaunchEvent[] {
    return [...this.events.values()];
  }

  eventOf(articleId: string): string | null {
    return this.eventByArticle.get(articleId) ?? null;
  }
}
