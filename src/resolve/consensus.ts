// An event's fields from its reports' claims: values grouped within tolerance, weighed by who said them with
// copies counted once, a later official figure superseding an earlier one, disagreements marked as disputed.
import { agencyByKey, siteDistanceKm } from '../knowledge/index.js';
import type { CandidateSupport, Claim, EventField, Extraction, FieldCandidate, FieldName, FieldValue } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import { AGENCY_WEIGHT, SAME_FIGURE_KM, SAME_FIGURE_SHARE, SAME_SITE_KM, SAME_TIME_MINUTES, UNATTRIBUTED_WEIGHT } from '../settings.js';
import { organisationOf } from './outlets.js';

/** An extraction with what consensus needs: when it was published, by whom, and whether it copies another. */
export interface Report {
  extraction: Extraction;
  published: string | null;
  /** The outlet (domain), used as the source when no agency is named. */
  source?: string | null;
  /** Article id of the report this one copies or rewrites, when known. */
  copyOf?: string | null;
}


const norm = (v: FieldValue): string => String(v).toLowerCase().replace(/[^a-z0-9]/g, '');
const clockMinutes = (v: FieldValue): number | null => (typeof v === 'string' && /^\d\d:\d\d$/.test(v) ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3)) : null);
const BALLISTIC_CLASSES = new Set(['SRBM', 'MRBM', 'IRBM', 'ICBM', 'SLBM', 'ballistic']);

/** Same candidate: figures within 1 % (at least 2 km), the scorer's tolerance; names equal but for case and punctuation. */
export function sameValue(a: FieldValue, b: FieldValue, field?: FieldName): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= Math.max(2, 0.01 * Math.max(a, b));
  if (field === 'name') return norm(a) === norm(b);
  return a === b;
}

/**
 * A disagreement worth showing: figures more than 5 % (at least 5 km) apart, times more than 10 minutes apart,
 * sites more than 50 km apart (when the caller can tell), two different range classes ("ballistic" is not
 * one: it agrees with any ballistic class), any other different value.
 */
export function differsBeyondTolerance(a: FieldValue, b: FieldValue, field?: FieldName, near?: (a: string, b: string) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) > Math.max(SAME_FIGURE_KM, SAME_FIGURE_SHARE * Math.max(a, b));
  if (field === 'time_local') {
    const x = clockMinutes(a);
    const y = clockMinutes(b);
    if (x !== null && y !== null) return Math.abs(x - y) > SAME_TIME_MINUTES;
  }
  if (field === 'class' && (a === 'ballistic' || b === 'ballistic') && BALLISTIC_CLASSES.has(String(a)) && BALLISTIC_CLASSES.has(String(b))) return false;
  if (field === 'site' && near && typeof a === 'string' && typeof b === 'string') return !near(a, b);
  if (field === 'name') return norm(a) !== norm(b);
  return a !== b;
}

/** Report order: by publication date (undated last), then by article id. */
export function compareReports(a: Report, b: Report): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.extraction.articleId < b.extraction.articleId ? -1 : a.extraction.articleId > b.extraction.articleId ? 1 : 0;
}

/** Reports in report order (compareReports); a stable sort, so equal ones keep the order given. */
export function orderReports(reports: Report[]): Report[] {
  return [...reports].sort(compareReports);
}

// Fields where a disagreement is not news: the fewest missiles and whether the number is exact vary with how
// hedged each report is, and the event takes the least committed figure anyway.
const NOT_DISPUTED: ReadonlySet<FieldName> = new Set(['count_exact', 'date_local']);

/**
 * An event's fields from its reports' claims. Each candidate value is weighed by independent sources: a copy or
 * rewrite adds nothing to its original's support, reports of one news organisation count once whatever their
 * language or edition (data/outlets.json), an agency's claim weighs by the agency's kind, and a later
 * figure from the same agency supersedes its earlier preliminary one. The heaviest candidate wins (ties to the
 * earliest report); every other value stays as a candidate, and the field is disputed when independent sources
 * disagree beyond tolerance. This is the full recomputation; src/resolve/tally.ts keeps the same result up to
 * date report by report, from the parts below.
 */
export function computeFields(reports: Report[]): Record<FieldName, EventField> {
  const ordered = orderReports(reports);
  const byArticle = new Map(ordered.map((r) => [r.extraction.articleId, r]));
  const origin = independentSource(byArticle);
  const out = {} as Record<FieldName, EventField>;
  for (const f of FIELD_NAMES) {
    const candidates: FieldCandidate[] = [];
    // The latest dated statement of each agency: an earlier, different figure of the same agency is superseded.
    // Reports without a publication date cannot tell whether they came later, so they supersede nothing.
    const latestByAgency = new Map<string, { value: FieldValue; published: string }>();
    for (const r of ordered) {
      const c = r.extraction.fields[f];
      if (c?.attribution && r.published) latestByAgency.set(c.attribution, { value: c.value, published: r.published });
    }
    for (const r of ordered) {
      const c = r.extraction.fields[f];
      if (!c) continue;
      const support = supportOf(r, c, isSuperseded(latestByAgency.get(c.attribution ?? ''), r.published, c.value, f));
      const existing = candidates.find((x) => sameValue(x.value, c.value, f));
      if (existing) existing.support.push(support);
      else candidates.push({ value: c.value, support: [support] });
    }
    for (const cand of candidates) weigh(cand, origin, (s) => supportWeight(byArticle.get(s.articleId), s));
    out[f] = settleField(f, candidates);
  }
  return out;
}

/** One report's claim as support for a candidate. */
export function supportOf(r: Report, c: Claim, superseded: boolean): CandidateSupport {
  return {
    articleId: r.extraction.articleId,
    claimIndex: r.extraction.claims.indexOf(c),
    confidence: c.confidence,
    source: c.attribution ?? organisationOf(r.source),
    copyOf: r.copyOf ?? null,
    superseded,
  };
}

/**
 * The independent source behind a support, among an event's reports (by article id): the organisation that
 * published it, or the report it copies (its organisation when that report is in the event).
 */
export function independentSource(byArticle: ReadonlyMap<string, Report>): (s: CandidateSupport) => string {
  return (s) => {
    const origin = s.copyOf ?? s.articleId;
    return organisationOf(byArticle.get(origin)?.source ?? null) ?? origin;
  };
}

/** What a support weighs before copies are folded: its agency's kind (or unattributed) times its confidence. */
export function supportWeight(r: Report | undefined, s: CandidateSupport): number {
  const agency = agencyByKey(r?.extraction.claims[s.claimIndex]?.attribution);
  return (agency ? (AGENCY_WEIGHT[agency.kind] ?? UNATTRIBUTED_WEIGHT) : UNATTRIBUTED_WEIGHT) * s.confidence;
}

/**
 * A candidate's weighing, claim by claim in report order: copies and one organisation's reports count once,
 * support being grouped by the independent source behind it, each group giving its best claim; superseded claims
 * count for nothing. The groups' sum is kept as claims are added (added in the groups' order, as a full sum adds
 * them), and summed again only when a group's best claim changes.
 */
export class Weighing {
  private readonly groups = new Map<string, number>();
  /** The independent sources behind the candidate (copies left out), in order of their first claim. */
  readonly sources = new Set<string>();
  private sum = 0;
  private summed = true;

  add(s: CandidateSupport, origin: string, weight: number): void {
    if (s.superseded) return;
    const had = this.groups.get(origin);
    const best = Math.max(had ?? 0, weight);
    if (had === undefined) {
      this.groups.set(origin, best);
      if (this.summed) this.sum += best;
    } else if (best !== had) {
      this.groups.set(origin, best);
      this.summed = false;
    }
    if (!s.copyOf) this.sources.add(s.source ?? s.articleId);
  }

  /** The weight: the groups' best claims added up, rounded. */
  weight(): number {
    if (!this.summed) {
      this.sum = [...this.groups.values()].reduce((a, b) => a + b, 0);
      this.summed = true;
    }
    return round(this.sum);
  }
}

/**
 * Sets a candidate's weight and sources from its support (in report order), as Weighing adds them. `origin` and
 * `weightOf` get each support with its index.
 */
export function weigh(cand: FieldCandidate, origin: (s: CandidateSupport, i: number) => string, weightOf: (s: CandidateSupport, i: number) => number): void {
  const w = new Weighing();
  cand.support.forEach((s, i) => w.add(s, origin(s, i), weightOf(s, i)));
  cand.weight = w.weight();
  cand.sources = [...w.sources];
}

/**
 * A field from its weighed candidates (in order of their first report): the heaviest wins, ties to the
 * earliest; disputed when another live candidate differs beyond tolerance. Sorts `candidates` in place.
 */
export function settleField(f: FieldName, candidates: FieldCandidate[]): EventField {
  // Stable sort: among equal weights the first-seen (earliest report) candidate stays first.
  candidates.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  const total = candidates.reduce((a, c) => a + (c.weight ?? 0), 0);
  let best = candidates[0];
  // "ballistic" only says less than "SRBM": a supported specific class is preferred to it.
  if (f === 'class' && best?.value === 'ballistic') {
    const specific = candidates.find((c) => c.value !== 'ballistic' && BALLISTIC_CLASSES.has(String(c.value)) && (c.weight ?? 0) > 0);
    if (specific) best = specific;
  }
  const live = candidates.filter((c) => (c.weight ?? 0) > 0);
  const disputed = !NOT_DISPUTED.has(f) && best !== undefined && live.some((c) => c !== best && differsBeyondTolerance(c.value, best.value, f, nearSites));
  return { value: best?.value ?? null, candidates, disputed, agreement: best && total > 0 ? round((best.weight ?? 0) / total) : 0 };
}

/** Whether an agency's claim is superseded by the agency's latest dated statement on the field. */
export function isSuperseded(latest: { value: FieldValue; published: string } | undefined, published: string | null, value: FieldValue, f: FieldName): boolean {
  if (!latest || sameValue(latest.value, value, f)) return false;
  return published === null ? false : published < latest.published;
}

/** Two launch sites within 50 km of each other (Wonsan and the Hodo peninsula) are one place for disputes. */
const nearSites = (a: string, b: string): boolean => siteDistanceKm(a, b) <= SAME_SITE_KM;

const round = (x: number): number => Math.round(x * 1000) / 1000;
