import { describe, expect, it } from 'vitest';
import { computeFields, EventResolver, type Report } from '../src/resolve/index.js';
import { alignEvent } from '../src/resolve/reference.js';
import type { Claim, Extraction, FieldName, FieldValue } from '../src/types.js';

// One focused test per resolve rule the lead added, on hand-built extractions (made-up values).

interface Opts {
  /** Agency key every claim of the report is attributed to ("jcs"), or null. */
  attribution?: string | null;
  /** Article id this report copies. */
  copyOf?: string | null;
  /** Outlet of the report. */
  source?: string | null;
  /** Day of week named by the report (0 = Sunday); defaults to the weekday of date_local. */
  weekday?: number | null;
}

function claim(articleId: string, field: FieldName, value: FieldValue, attribution: string | null): Claim {
  const sentence = `Made-up sentence giving ${field} as ${String(value)}.`;
  return {
    field,
    value,
    surface: String(value),
    evidence: { articleId, part: 'text', span: { start: 0, end: 1 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
    attribution,
    saidBy: attribution,
    confidence: 0.8,
    parser: 'test',
    implied: false,
  };
}

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

function report(articleId: string, published: string | null, values: Partial<Record<FieldName, FieldValue>>, opts: Opts = {}): Report {
  const claims = Object.entries(values).map(([f, v]) => claim(articleId, f as FieldName, v as FieldValue, opts.attribution ?? null));
  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) fields[c.field] = c;
  const date = typeof values.date_local === 'string' ? values.date_local : null;
  const extraction: Extraction = {
    articleId,
    isLaunchReport: true,
    reportConfidence: 0.9,
    actor: 'DPRK',
    claims,
    fields,
    weekday: opts.weekday !== undefined ? opts.weekday : date ? weekdayOf(date) : null,
  };
  return { extraction, published, source: opts.source ?? `${articleId}.example`, copyOf: opts.copyOf ?? null };
}

const THU = '2025-05-08'; // Thursday
const FRI = '2025-05-09';
const SAT = '2025-05-10';

describe('copies count once', () => {
  it('three copies of one original with a wrong distance lose to two independent reports with the right one', () => {
    const fields = computeFields([
      report('copy1', THU, { distance_km: 950 }, { copyOf: 'orig' }),
      report('copy2', THU, { distance_km: 950 }, { copyOf: 'orig' }),
      report('copy3', THU, { distance_km: 950 }, { copyOf: 'orig' }),
      report('indep1', FRI, { distance_km: 800 }),
      report('indep2', FRI, { distance_km: 800 }),
    ]);
    expect(fields.distance_km.value).toBe(800);
    const wrong = fields.distance_km.candidates.find((c) => c.value === 950);
    const right = fields.distance_km.candidates.find((c) => c.value === 800);
    expect(wrong?.support).toHaveLength(3);
    expect(right!.weight!).toBeGreaterThan(wrong!.weight!);
  });
});

describe('official statements weigh more', () => {
  it('one JCS-attributed value beats one unattributed outlet value (even when the outlet reported first)', () => {
    const fields = computeFields([report('outlet', THU, { distance_km: 600 }), report('official', FRI, { distance_km: 800 }, { attribution: 'jcs' })]);
    expect(fields.distance_km.value).toBe(800);
    expect(fields.distance_km.disputed).toBe(true);
  });
});

describe('a later official update supersedes', () => {
  it("the same agency's earlier preliminary figure is superseded and the later one wins", () => {
    const fields = computeFields([
      report('early', THU, { distance_km: 600 }, { attribution: 'jcs' }),
      report('late', FRI, { distance_km: 800 }, { attribution: 'jcs' }),
    ]);
    expect(fields.distance_km.value).toBe(800);
    const early = fields.distance_km.candidates.find((c) => c.value === 600);
    expect(early?.support[0]).toMatchObject({ articleId: 'early', superseded: true });
    const late = fields.distance_km.candidates.find((c) => c.value === 800);
    expect(late?.support[0].superseded).toBe(false);
  });
});

describe('disputes', () => {
  it('two independent sources at 700 and 450 km are disputed', () => {
    const fields = computeFields([report('a', THU, { distance_km: 700 }), report('b', FRI, { distance_km: 450 })]);
    expect(fields.distance_km.disputed).toBe(true);
  });

  it('800 and 805 km are within tolerance: not disputed', () => {
    const fields = computeFields([report('a', THU, { distance_km: 800 }), report('b', FRI, { distance_km: 805 })]);
    expect(fields.distance_km.disputed).toBe(false);
  });

  it('count_exact is never disputed', () => {
    const fields = computeFields([report('a', THU, { count_exact: true }), report('b', FRI, { count_exact: false })]);
    expect(fields.count_exact.candidates).toHaveLength(2);
    expect(fields.count_exact.disputed).toBe(false);
  });
});

describe('undated reports join a dated event only on the weekday and a strong agreement', () => {
  const dated = () => report('dated', THU, { date_local: THU, distance_km: 800, apogee_km: 60, time_local: '07:40' });

  it('the weekday and one exact detail (a distance, a time) is not enough: several must agree', () => {
    const r = new EventResolver();
    r.add(report('dated', THU, { date_local: THU, distance_km: 800, time_local: '07:40' }));
    r.add(report('only-distance', null, { distance_km: 800 }, { weekday: 4 }));
    r.add(report('only-time', null, { time_local: '08:20' }, { weekday: 4 }));
    expect(r.eventOf('only-distance')).not.toBe(r.eventOf('dated'));
    expect(r.eventOf('only-time')).not.toBe(r.eventOf('dated'));
  });

  it('the weekday, an exact distance and a time within 45 minutes: joins', () => {
    const r = new EventResolver();
    r.add(report('dated', THU, { date_local: THU, distance_km: 800, time_local: '07:40' }));
    r.add(report('undated', null, { distance_km: 800, time_local: '08:20' }, { weekday: 4 }));
    expect(r.eventOf('undated')).toBe(r.eventOf('dated'));
    expect(r.all()).toHaveLength(1);
  });

  it('a dateline day ("Pyongyang, May 8") and an exact count of three agree: joins, in either order of arrival', () => {
    const undated = (): Report => {
      const u = report('undated', null, { count_min: 3, count_exact: true, site: 'sunan' }, { weekday: 4 });
      u.extraction.dateWindow = { from: null, to: null, by: [], monthDay: '05-08', year: null };
      return u;
    };
    const r = new EventResolver();
    r.add(report('dated', THU, { date_local: THU, count_min: 3, count_exact: true }));
    r.add(undated());
    expect(r.eventOf('undated')).toBe(r.eventOf('dated'));
    const later = new EventResolver();
    later.add(undated());
    later.add(report('dated', THU, { date_local: THU, count_min: 3, count_exact: true }));
    expect(later.eventOf('undated')).toBe(later.eventOf('dated'));
    expect(later.all().filter((e) => e.articleIds.length)).toHaveLength(1);
  });

  it('a dateline weeks away rules a report out, and a year five years off counts against it', () => {
    const r = new EventResolver();
    r.add(report('dated', THU, { date_local: THU, distance_km: 800, time_local: '07:40', site: 'sunan' }));
    const far = report('far-dateline', null, { distance_km: 800, time_local: '07:40' }, { weekday: 4 });
    far.extraction.dateWindow = { from: null, to: null, by: [], monthDay: '06-12', year: null };
    const old = report('old-year', null, { distance_km: 800, time_local: '07:40' }, { weekday: 4 });
    old.extraction.dateWindow = { from: null, to: null, by: [], monthDay: null, year: 2020 };
    r.add(far);
    expect(r.eventOf('far-dateline')).not.toBe(r.eventOf('dated'));
    const r2 = new EventResolver();
    r2.add(report('dated', THU, { date_local: THU, distance_km: 800, time_local: '07:40', site: 'sunan' }));
    r2.add(old);
    expect(r2.eventOf('old-year')).not.toBe(r2.eventOf('dated'));
  });

  it('the weekday and two loosely agreeing details: joins', () => {
    const r = new EventResolver();
    r.add(dated());
    r.add(report('undated', null, { distance_km: 720, apogee_km: 55 }, { weekday: 4 }));
    expect(r.eventOf('undated')).toBe(r.eventOf('dated'));
  });

  it('one loosely agreeing distance on the same weekday is not enough', () => {
    const r = new EventResolver();
    r.add(dated());
    r.add(report('undated', null, { distance_km: 720 }, { weekday: 4 }));
    expect(r.eventOf('undated')).not.toBe(r.eventOf('dated'));
    expect(r.all()).toHaveLength(2);
  });

  it('among several fitting events it joins the best fit, not the first', () => {
    const r = new EventResolver();
    const EARLIER_THU = '2025-05-01';
    r.add(report('weak', EARLIER_THU, { date_local: EARLIER_THU, distance_km: 800 }));
    r.add(report('strong', THU, { date_local: THU, distance_km: 800, site: 'sunan', time_local: '07:40' }));
    r.add(report('undated', null, { distance_km: 800, site: 'sunan', time_local: '07:50' }, { weekday: 4 }));
    expect(r.eventOf('undated')).toBe(r.eventOf('strong'));
    expect(r.eventOf('undated')).not.toBe(r.eventOf('weak'));
  });

  it('a different weekday never joins, whatever agrees', () => {
    const r = new EventResolver();
    r.add(dated());
    r.add(report('undated', null, { distance_km: 800, time_local: '07:40' }, { weekday: weekdayOf(SAT) }));
    expect(r.eventOf('undated')).not.toBe(r.eventOf('dated'));
  });
});

describe('reference alignment (data/reference-launches.json)', () => {
  // The reference list has North Korean flights at 2025-05-07 23:10 UTC and 2025-05-08 00:20 UTC (both 8 May in
  // KST, from south-wonsan, up to 800 km), and two 400 km flights from Kaechon at 2024-09-17 21:53/22:23 UTC
  // (Wednesday 18 September in KST) — the only Wednesday with Kaechon launches.
  it('a DPRK event on 2025-05-08 aligns with the reference launch day', () => {
    const r = new EventResolver();
    const [ev] = r.add(report('a', THU, { date_local: THU, distance_km: 800 }));
    const ref = alignEvent(ev);
    expect(ref?.dateKst).toBe('2025-05-08');
    expect(ref?.dateInferred).toBe(false);
    expect(ref?.differences).toEqual([]);
  });

  it('a distance beyond tolerance is listed as a difference on distance_km', () => {
    const r = new EventResolver();
    const [ev] = r.add(report('a', THU, { date_local: THU, distance_km: 300 }));
    const ref = alignEvent(ev);
    expect(ref?.differences).toContainEqual({ field: 'distance_km', event: 300, reference: 800 });
  });

  it('an undated Wednesday event from Kaechon flying 400 km takes the date 2024-09-18, marked inferred', () => {
    const r = new EventResolver();
    const [ev] = r.add(report('u', null, { site: 'kaechon', distance_km: 400 }, { weekday: 3 }));
    expect(ev.reference?.dateKst).toBe('2024-09-18');
    expect(ev.reference?.dateInferred).toBe(true);
    expect(ev.dateLocal).toBe('2024-09-18');
  });
});
