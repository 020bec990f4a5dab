import { describe, expect, it } from 'vitest';
import { EventResolver, type Report } from '../../src/resolve/index.js';
import { dateFlags } from '../../src/resolve/plausibility.js';
import type { Claim, Extraction, FieldName, FieldValue, LaunchEvent } from '../../src/types.js';

// Events built from made-up claims; first flights come from the bundled reference list (data/reference-launches.json).

function report(articleId: string, actor: string, values: Partial<Record<FieldName, FieldValue>>): Report {
  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const [f, v] of Object.entries(values)) {
    const sentence = `${f} stated as ${String(v)}.`;
    fields[f as FieldName] = {
      field: f as FieldName,
      value: v as FieldValue,
      surface: String(v),
      evidence: { articleId, part: 'text', span: { start: 0, end: 1 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
      attribution: null,
      saidBy: null,
      confidence: 0.8,
      parser: 'test',
      implied: false,
    };
  }
  const date = typeof values.date_local === 'string' ? values.date_local : null;
  const extraction: Extraction = { articleId, isLaunchReport: true, reportConfidence: 0.9, actor, claims: Object.values(fields), fields, weekday: date ? new Date(`${date}T00:00:00Z`).getUTCDay() : null };
  return { extraction, published: date };
}

const eventOf = (actor: string, values: Partial<Record<FieldName, FieldValue>>): LaunchEvent => new EventResolver().add(report('a', actor, values))[0];

describe('rule: a date before the first known flight of the designation or the class is flagged', () => {
  it('a Hwasong-15 dated 2012 is flagged on its date, with the first known flight in the reason', () => {
    const flags = dateFlags(eventOf('DPRK', { date_local: '2012-12-12', name: 'Hwasong-15' }));
    expect(flags).toHaveLength(1);
    expect(flags[0].field).toBe('date_local');
    expect(flags[0].kind).toBe('name-before-first-flight');
    expect(flags[0].reason).toContain('2017-11-28');
  });

  it('a North Korean ICBM dated 2016 is flagged as before the first known ICBM flight', () => {
    const flags = dateFlags(eventOf('DPRK', { date_local: '2016-03-10', class: 'ICBM' }));
    expect(flags.map((f) => f.kind)).toEqual(['class-before-first-flight']);
  });

  it('the same designation on or after its first flight (a UTC day behind) is not flagged', () => {
    expect(dateFlags(eventOf('DPRK', { date_local: '2017-11-29', name: 'Hwasong-15', class: 'ICBM' }))).toEqual([]);
    expect(dateFlags(eventOf('DPRK', { date_local: '2017-11-27', name: 'Hwasong-15' }))).toEqual([]);
  });

  it('other actors and undated events are not judged by the North Korean list', () => {
    expect(dateFlags(eventOf('Iran', { date_local: '2012-01-01', class: 'ICBM' }))).toEqual([]);
    expect(dateFlags(eventOf('DPRK', { name: 'Hwasong-15' }))).toEqual([]);
  });
});
