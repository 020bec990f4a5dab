import { describe, expect, it } from 'vitest';
import { computeFields, EventResolver, type Report } from '../src/resolve/index.js';
import type { Claim, Extraction, FieldName, FieldValue } from '../src/types.js';
import { extract } from './helpers/article.js';

// Resolve groups reports of one launch (day) into events and computes each field from the reports' claims.

function claim(articleId: string, field: FieldName, value: FieldValue): Claim {
  const sentence = `${field} stated as ${String(value)}.`;
  return {
    field,
    value,
    surface: String(value),
    evidence: { articleId, part: 'text', span: { start: 0, end: 1 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
    attribution: null,
    saidBy: null,
    confidence: 0.8,
    parser: 'test',
    implied: false,
  };
}

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** A launch report's extraction with the given field values; the weekday follows the date unless given. */
function report(
  articleId: string,
  published: string | null,
  actor: string,
  values: Partial<Record<FieldName, FieldValue>>,
  weekday?: number,
): Report {
  const claims = Object.entries(values).map(([f, v]) => claim(articleId, f as FieldName, v as FieldValue));
  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) fields[c.field] = c;
  const date = typeof values.date_local === 'string' ? values.date_local : null;
  const extraction: Extraction = {
    articleId,
    isLaunchReport: true,
    reportConfidence: 0.9,
    actor,
    claims,
    fields,
    weekday: weekday ?? (date ? weekdayOf(date) : null),
  };
  return { extraction, published };
}

const THU = '2025-05-08'; // Thursday
const FRI = '2025-05-09';

describe('EventResolver: grouping', () => {
  it('two reports of one launch day (same actor and date) meet in one event', () => {
    const r = new EventResolver();
    r.add(report('a1', THU, 'DPRK', { date_local: THU, time_local: '07:40', site: 'wonsan' }));
    r.add(report('a2', FRI, 'DPRK', { date_local: THU, count_min: 2 }));
    const events = r.all();
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe('DPRK');
    expect(events[0].dateLocal).toBe(THU);
    expect([...events[0].articleIds].sort()).toEqual(['a1', 'a2']);
    expect(r.eventOf('a1')).toBe(r.eventOf('a2'));
  });

  it('a report giving only a weekday (no publication date) joins the dated event whose weekday, time and site agree', () => {
    const r = new EventResolver();
    r.add(report('dated', THU, 'DPRK', { date_local: THU, time_local: '07:40', site: 'wonsan' }));
    r.add(report('undated', null, 'DPRK', { time_local: '07:45', site: 'wonsan' }, 4));
    expect(r.all()).toHaveLength(1);
    expect(r.eventOf('undated')).toBe(r.eventOf('dated'));
    expect(r.all()[0].dateLocal).toBe(THU);
  });

  it('a weekday-only report whose time and site disagree stays apart', () => {
    const r = new EventResolver();
    r.add(report('dated', THU, 'DPRK', { date_local: THU, time_local: '07:40', site: 'wonsan' }));
    r.add(report('other', null, 'DPRK', { time_local: '15:10', site: 'sunan' }, 4));
    expect(r.all()).toHaveLength(2);
    expect(r.eventOf('other')).not.toBe(r.eventOf('dated'));
  });

  it('reports on neighbouring days do not merge', () => {
    const r = new EventResolver();
    r.add(report('thu', THU, 'DPRK', { date_local: THU, time_local: '07:40', site: 'wonsan' }));
    r.add(report('fri', FRI, 'DPRK', { date_local: FRI, time_local: '07:40', site: 'wonsan' }));
    expect(r.all()).toHaveLength(2);
    expect(r.eventOf('thu')).not.toBe(r.eventOf('fri'));
  });

  it('a different actor on the same day does not merge', () => {
    const r = new EventResolver();
    r.add(report('kp', THU, 'DPRK', { date_local: THU, class: 'ICBM' }));
    r.add(report('cn', THU, 'China', { date_local: THU, class: 'ICBM' }));
    expect(r.all()).toHaveLength(2);
    expect(r.all().map((e) => e.actor).sort()).toEqual(['China', 'DPRK']);
  });

  it('an undated event is absorbed when a matching dated report arrives, and comes back emptied', () => {
    const r = new EventResolver();
    const first = r.add(report('undated', null, 'DPRK', { time_local: '07:40', site: 'wonsan' }, 4));
    expect(first).toHaveLength(1);
    const undatedId = first[0].id;
    expect(first[0].dateLocal).toBeNull();

    const changes = r.add(report('dated', THU, 'DPRK', { date_local: THU, time_local: '07:42', site: 'wonsan' }));
    const emptied = changes.find((e) => e.id === undatedId);
    expect(emptied).toBeDefined();
    expect(emptied?.articleIds).toEqual([]);
    const dated = changes.find((e) => e.id !== undatedId);
    expect(dated?.dateLocal).toBe(THU);
    expect([...(dated?.articleIds ?? [])].sort()).toEqual(['dated', 'undated']);
    expect(r.all()).toHaveLength(1);
    expect(r.eventOf('undated')).toBe(dated?.id);
  });

  it('a non-launch report changes nothing', () => {
    const r = new EventResolver();
    const rep = report('x', THU, 'DPRK', { date_local: THU });
    rep.extraction.isLaunchReport = false;
    expect(r.add(rep)).toEqual([]);
    expect(r.all()).toEqual([]);
  });
});

describe('computeFields', () => {
  it('takes the most frequent value and keeps the others as candidates (disputed)', () => {
    const fields = computeFields([
      report('a', THU, 'DPRK', { distance_km: 800 }),
      report('b', FRI, 'DPRK', { distance_km: 600 }),
      report('c', FRI, 'DPRK', { distance_km: 800 }),
    ]);
    expect(fields.distance_km.value).toBe(800);
    expect(fields.distance_km.disputed).toBe(true);
    expect(fields.distance_km.candidates.map((c) => c.value)).toEqual([800, 600]);
    expect(fields.distance_km.candidates[0].support.map((s) => s.articleId).sort()).toEqual(['a', 'c']);
  });

  it('breaks a tie in favour of the earliest report, whatever the input order', () => {
    const fields = computeFields([
      report('late', FRI, 'DPRK', { site: 'sunan' }),
      report('early', THU, 'DPRK', { site: 'wonsan' }),
    ]);
    expect(fields.site.value).toBe('wonsan');
    expect(fields.site.disputed).toBe(true);
    expect(fields.site.candidates.map((c) => c.value)).toEqual(['wonsan', 'sunan']);
  });

  it('an agreed value is not disputed, and a field nobody states is null', () => {
    const fields = computeFields([report('a', THU, 'DPRK', { class: 'SRBM' }), report('b', FRI, 'DPRK', { class: 'SRBM' })]);
    expect(fields.class).toMatchObject({ value: 'SRBM', disputed: false });
    expect(fields.class.candidates).toHaveLength(1);
    expect(fields.apogee_km).toEqual({ value: null, candidates: [], disputed: false, agreement: 0 });
  });

  it('support points at the claim in the report', () => {
    const rep = report('a', THU, 'DPRK', { count_min: 2, count_exact: true });
    const fields = computeFields([rep]);
    const s = fields.count_exact.candidates[0].support[0];
    expect(s.articleId).toBe('a');
    expect(rep.extraction.claims[s.claimIndex].field).toBe('count_exact');
  });
});

describe('extract → resolve', () => {
  it('a dated wire report and an undated weekday-only report of the same launch form one event', () => {
    const dated = extract({
      title: 'North Korea fires ballistic missile from Wonsan',
      text: 'North Korea fired a ballistic missile at 7:40 a.m. on Thursday from the Wonsan area into the East Sea, South Korea\'s Joint Chiefs of Staff said.',
      published: THU,
    });
    const undated = extract({
      title: 'North Korea fires missile from Wonsan, Seoul says',
      text: 'North Korea launched a short-range ballistic missile from Wonsan at around 7:40 a.m. on Thursday, the South Korean military said.',
      published: null,
    });
    expect(dated.ex.fields.date_local?.value).toBe(THU);
    expect(undated.ex.fields.date_local).toBeUndefined();
    expect(undated.ex.weekday).toBe(4);
    const r = new EventResolver();
    r.add({ extraction: undated.ex, published: null });
    r.add({ extraction: dated.ex, published: THU });
    expect(r.all()).toHaveLength(1);
    expect(r.all()[0].id).toBe('DPRK-2025-05-08');
    expect(r.all()[0].articleIds).toHaveLength(2);
  });
});
