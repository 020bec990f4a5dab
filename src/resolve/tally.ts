// Per-field candidate tallies kept with an event, so a report joining it updates the event's fields from the
// tally and the new report's claims instead of recomputing every field from all its reports (computeFields).
// The result is exactly computeFields's: same candidates in the same order, same support order, weights,
// disputes and agreement (test/resolve/tally.test.ts adds reports in many orders and compares).
//
// What a report changes, per field it has a claim on:
//  - grouping: a claim joins the first candidate founded before it (in report order) whose value is the same
//    (sameValue). Figures are grouped within a tolerance, which is not transitive, so a claim that founds a new
//    candidate in the middle of the report order can change where every later claim goes: only then is that
//    one field regrouped from its claims (kept sorted); a claim that joins a candidate, or founds one after
//    every other claim, leaves the other claims where they are.
//  - supersession: when the claim is its agency's latest dated statement, the agency's other claims on the field
//    are checked again (their candidates are weighed again); otherwise only its own flag is set.
//  - weights: only the candidates whose support changed are weighed again, from their own support (the sum
//    must be added in the same order as the full recomputation's to give the same figure); the field is then
//    settled from its candidates (settleField), a few per field whatever the number of reports.
// So an added report costs its claims' insertions (a binary search and an array splice), the weighing of the
// candidates it touches (over their support, each claim's weight and independent source computed once, when it
// arrived), a pass over its agency's claims on a field when it becomes the agency's latest, and rarely one
// field's regrouping; not a reading of every report's claims. The event returned still lists every report
// (article ids, each candidate's support), so those arrays are copied, not recomputed. A report whose arrival
// changes the independent source of a claim already counted (the original of a copy in the event) is not
// tallied: the resolver then recomputes the event in full.
import type { CandidateSupport, Claim, EventField, FieldCandidate, FieldName } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import { DATELINE_LAUNCH_DAYS } from '../settings.js';
import type { DateWindowLike } from './reference.js';
import { compareReports, independentSource, isSuperseded, sameValue, settleField, supportOf, supportWeight, Weighing, type Report } from './consensus.js';

/** One report's claim on one field, with what weighing it needs computed once. */
interface Entry {
  report: Report;
  claim: Claim;
  support: CandidateSupport;
  /** Its weight before copies are folded (supportWeight). */
  weight: number;
  /** The independent source behind it (independentSource), which only a report that it copies can change. */
  origin: string;
  /** The candidate it is grouped into. */
  home: Candidate | null;
}

/** A candidate value: the claim that founded it (its value) and its claims in report order. */
interface Candidate {
  founder: Entry;
  entries: Entry[];
  /** The entries' supports, or null when one was replaced (its superseded flag changed). */
  supports: CandidateSupport[] | null;
  /** Its weighing, kept while claims join at its end; null when it must be weighed again from every claim. */
  weighing: Weighing | null;
  /** The candidate as the event shows it, or null when its support changed since. */
  shown: FieldCandidate | null;
}

/** A candidate founded by one claim. */
function candidateOf(founder: Entry): Candidate {
  return { founder, entries: [founder], supports: [founder.support], weighing: null, shown: null };
}

/** Index at which `x` goes into a list sorted by `cmp`, after the items equal to it (as a stable sort puts it). */
function upperBound<T>(list: readonly T[], x: T, cmp: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(list[mid], x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const entryOrder = (a: Entry, b: Entry): number => compareReports(a.report, b.report);

/** The tally of one field: its claims in report order, grouped into candidates, and each agency's latest. */
class FieldTally {
  private readonly entries: Entry[] = [];
  /** In order of their founding claims. */
  private candidates: Candidate[] = [];
  /** Each agency's latest dated claim on the field (the report order's last). */
  private readonly latest = new Map<string, Entry>();
  /** Each agency's claims on the field. */
  private readonly byAgency = new Map<string, Entry[]>();
  private shown: EventField | null = null;

  constructor(private readonly field: FieldName) {}

  add(entry: Entry): void {
    this.shown = null;
    const at = upperBound(this.entries, entry, entryOrder);
    this.entries.splice(at, 0, entry);
    this.supersede(entry);
    const home = this.candidates.find((c) => entryOrder(c.founder, entry) <= 0 && sameValue(c.founder.claim.value, entry.claim.value, this.field));
    if (home) {
      const i = upperBound(home.entries, entry, entryOrder);
      home.entries.splice(i, 0, entry);
      home.supports?.splice(i, 0, entry.support);
      // A claim after the others adds to the weighing kept; one before them changes the order it adds up in.
      if (i === home.entries.length - 1) home.weighing?.add(entry.support, entry.origin, entry.weight);
      else home.weighing = null;
      home.shown = null;
      entry.home = home;
    } else if (at === this.entries.length - 1) {
      entry.home = candidateOf(entry);
      this.candidates.push(entry.home);
    } else {
      this.regroup();
    }
  }

  /** The field as computeFields gives it. */
  result(): EventField {
    if (this.shown) return this.shown;
    const shown = this.candidates.map((c) => {
      if (!c.shown) {
        c.supports ??= c.entries.map((e) => e.support);
        if (!c.weighing) {
          c.weighing = new Weighing();
          for (const e of c.entries) c.weighing.add(e.support, e.origin, e.weight);
        }
        c.shown = { value: c.founder.claim.value, support: c.supports.slice(), weight: c.weighing.weight(), sources: [...c.weighing.sources] };
      }
      return c.shown;
    });
    this.shown = settleField(this.field, shown);
    return this.shown;
  }

  /** Sets the new claim's superseded flag, and its agency's other claims' when it is the agency's latest. */
  private supersede(entry: Entry): void {
    const agency = entry.claim.attribution;
    if (!agency) return;
    const same = this.byAgency.get(agency) ?? [];
    same.push(entry);
    this.byAgency.set(agency, same);
    const before = this.latest.get(agency);
    if (entry.report.published && (!before || entryOrder(before, entry) <= 0)) this.latest.set(agency, entry);
    const latest = this.latest.get(agency);
    const now = latest?.report.published ? { value: latest.claim.value, published: latest.report.published } : undefined;
    for (const e of latest === before ? [entry] : same) {
      const superseded = isSuperseded(now, e.report.published, e.claim.value, this.field);
      if (e.support.superseded === superseded) continue;
      e.support = { ...e.support, superseded };
      if (e.home) Object.assign(e.home, { supports: null, weighing: null, shown: null });
    }
  }

  /** Groups every claim again in report order, as computeFields does. */
  private regroup(): void {
    const candidates: Candidate[] = [];
    for (const e of this.entries) {
      const home = candidates.find((c) => sameValue(c.founder.claim.value, e.claim.value, this.field));
      if (home) Object.assign(home, { supports: null, weighing: null }).entries.push(e);
      else candidates.push(candidateOf(e));
      e.home = home ?? candidates[candidates.length - 1];
    }
    this.candidates = candidates;
  }
}

/**
 * The tallies of every field of one event, with what else the event is made of, kept as reports arrive: its
 * reports in report order, the first weekday they name (in the order they joined) and their date window.
 */
export class EventTally {
  private readonly fields = new Map<FieldName, FieldTally>(FIELD_NAMES.map((f) => [f, new FieldTally(f)]));
  private readonly byArticle = new Map<string, Report>();
  /** The reports in report order (compareReports). */
  readonly ordered: Report[] = [];
  /** The first weekday named by a report, in the order they joined. */
  firstWeekday: number | null = null;
  private readonly window = new WindowTally();
  /** Article ids that reports of the event copy: one arriving changes the independent source of its copies. */
  private readonly originals = new Set<string>();
  private readonly origin = independentSource(this.byArticle);

  /** A tally of these reports, in the order they joined (every copy's original among them known first). */
  constructor(reports: readonly Report[] = []) {
    for (const r of reports) this.byArticle.set(r.extraction.articleId, r);
    for (const r of reports) this.count(r);
  }

  /**
   * Whether adding this report needs the full recomputation: it is the original of a copy already counted, whose
   * claims were grouped under another independent source.
   */
  changesSources(report: Report): boolean {
    return this.originals.has(report.extraction.articleId);
  }

  add(report: Report): void {
    this.byArticle.set(report.extraction.articleId, report);
    this.count(report);
  }

  /** Tallies a report already among the event's reports. */
  private count(report: Report): void {
    this.ordered.splice(upperBound(this.ordered, report, compareReports), 0, report);
    if (this.firstWeekday === null) this.firstWeekday = report.extraction.weekday;
    this.window.add(report);
    if (report.copyOf) this.originals.add(report.copyOf);
    for (const f of FIELD_NAMES) {
      const claim = report.extraction.fields[f];
      if (!claim) continue;
      const support = supportOf(report, claim, false);
      this.fields.get(f)?.add({ report, claim, support, weight: supportWeight(report, support), origin: this.origin(support), home: null });
    }
  }

  /** The reports' date window, as a WindowTally of all of them gives it. */
  dateWindow(): DateWindowLike | null {
    return this.window.result();
  }

  /** Every field, as computeFields gives them for the tallied reports. */
  result(): Record<FieldName, EventField> {
    const out = {} as Record<FieldName, EventField>;
    for (const [f, t] of this.fields) out[f] = t.result();
    return out;
  }
}

/**
 * What undated reports say of the event's date, kept as they join: the intersection of their date windows (from
 * the office-holders they name), with the month-days they write without a year: their datelines' (the publication
 * day) and the launch's own, in the order they joined.
 */
export class WindowTally {
  private from: string | null = null;
  private to: string | null = null;
  private any = false;
  private readonly monthDays: NonNullable<DateWindowLike['monthDays']> = [];

  add(r: Report): void {
    const w = r.extraction.dateWindow;
    if (!w) return;
    this.any = true;
    if (w.from && (this.from === null || w.from > this.from)) this.from = w.from;
    if (w.to && (this.to === null || w.to < this.to)) this.to = w.to;
    if (w.monthDay) this.monthDays.push({ monthDay: w.monthDay, daysAfter: DATELINE_LAUNCH_DAYS, of: 'publication' });
    if (w.launchMonthDay) this.monthDays.push({ monthDay: w.launchMonthDay, daysAfter: 0, of: 'launch' });
  }

  result(): DateWindowLike | null {
    if (!this.any || (this.from !== null && this.to !== null && this.from > this.to)) return null;
    return { from: this.from, to: this.to, monthDays: [...this.monthDays] };
  }
}
