// Event history as data (src/app/history.ts): versions and alerts computed from an event's stored state and
// its new one. Events and extractions here are made up.
import { describe, expect, it } from 'vitest';
import { alertsForWrite, eventChanges, historyOfWrite, type PriorEvent } from '../src/app/history.js';
import { FIELD_NAMES, type Claim, type Extraction, type LaunchEvent } from '../src/types.js';

const event = (distance: number | null, disputed: boolean, over: Partial<LaunchEvent> = {}): LaunchEvent => ({
  id: 'DPRK-2034-08-01',
  actor: 'DPRK',
  dateLocal: '2034-08-01',
  weekday: null,
  articleIds: ['a', 'b'],
  fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, { value: f === 'distance_km' ? distance : null, candidates: f === 'distance_km' && disputed ? [{ value: 780, support: [] }, { value: 600, support: [] }] : [], disputed: f === 'distance_km' && disputed }])) as unknown as LaunchEvent['fields'],
  ...over,
});

/** An extraction of article `b` claiming a distance (its second claim) and a date. */
function extraction(distance: number): Extraction {
  const claim = (field: Claim['field'], value: Claim['value']): Claim => ({
    field, value, surface: String(value), attribution: null, saidBy: null, confidence: 0.8, parser: 'test', implied: false,
    evidence: { articleId: 'b', part: 'text', span: { start: 0, end: 3 }, sentenceSpan: { start: 0, end: 10 }, sentence: 'made up.' },
  });
  const claims = [claim('date_local', '2034-08-01'), claim('distance_km', distance)];
  return { articleId: 'b', isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims, fields: { date_local: claims[0], distance_km: claims[1] }, weekday: null };
}

describe('alertsForWrite', () => {
  it('version 1 is a new event, a later one a change, a field turning disputed a dispute', () => {
    const first = alertsForWrite(null, event(780, false), [{ field: 'distance_km', from: null, to: 780, articleId: 'a', claimIndex: 0 }], 1, 0, 't1');
    expect(first.map((a) => [a.id, a.kind])).toEqual([['DPRK-2034-08-01#1', 'new-event']]);
    const disputeOnly = alertsForWrite(event(780, false), event(780, true), [], null, 1, 't2');
    expect(disputeOnly.map((a) => [a.id, a.kind])).toEqual([['DPRK-2034-08-01#1:disputed:distance_km', 'disputed']]);
    expect(disputeOnly[0].title).toMatch(/sources disagree on distance \(780 km vs 600 km\)/);
    const both = alertsForWrite(event(780, false), event(600, true), [{ field: 'distance_km', from: 780, to: 600, articleId: 'b', claimIndex: 1 }], 2, 1, 't3');
    expect(both.map((a) => a.kind)).toEqual(['field-changed', 'disputed']);
    // Titles a reader can read: field names and units, not keys.
    expect(first[0].title).toBe('New event: DPRK launch on 2034-08-01 (Distance: 780 km)');
    expect(both[0].title).toBe('Changed: DPRK launch on 2034-08-01: Distance revised to 600 km (was 780 km)');
    expect(alertsForWrite(event(600, true), event(600, true), [], null, 2, 't4')).toEqual([]);
  });
});

describe('eventChanges', () => {
  it('lists each moved value with the arriving claim that states it', () => {
    const changes = eventChanges(event(780, false), event(600, false), 'b', extraction(600));
    expect(changes).toEqual([{ field: 'distance_km', from: 780, to: 600, articleId: 'b', claimIndex: 1 }]);
  });

  it('a value the arriving report does not state has no claim; a new event starts from its date', () => {
    expect(eventChanges(event(780, false), event(600, false), 'b', extraction(410))[0].claimIndex).toBeNull();
    const fresh = eventChanges(null, event(600, false), 'b', extraction(600));
    expect(fresh.map((c) => c.field)).toEqual(['dateLocal', 'distance_km']);
    expect(fresh[0]).toMatchObject({ from: null, to: '2034-08-01', claimIndex: 0 });
  });
});

describe('historyOfWrite', () => {
  it('numbers the next version after the stored one and stamps versions and alerts with the write time', () => {
    const prior = new Map<string, PriorEvent>([['DPRK-2034-08-01', { event: event(780, false), lastVersion: 3 }]]);
    const out = historyOfWrite({ prior, events: [event(600, true)], extraction: extraction(600), at: '2034-08-02T00:00:00.000Z' });
    expect(out.versions).toEqual([
      { eventId: 'DPRK-2034-08-01', version: 4, createdAt: '2034-08-02T00:00:00.000Z', articleId: 'b', changes: [{ field: 'distance_km', from: 780, to: 600, articleId: 'b', claimIndex: 1 }] },
    ]);
    expect(out.alerts.map((a) => [a.id, a.createdAt])).toEqual([
      ['DPRK-2034-08-01#4', '2034-08-02T00:00:00.000Z'],
      ['DPRK-2034-08-01#4:disputed:distance_km', '2034-08-02T00:00:00.000Z'],
    ]);
  });

  it('an event not stored before starts at version 1; an unchanged event and an emptied one get nothing', () => {
    const unchanged = event(780, false, { id: 'DPRK-2034-07-01' });
    const prior = new Map<string, PriorEvent>([[unchanged.id, { event: unchanged, lastVersion: 2 }]]);
    const emptied = event(null, false, { id: 'DPRK-undated-1', articleIds: [] });
    const out = historyOfWrite({ prior, events: [event(600, false), unchanged, emptied], extraction: extraction(600), at: 't' });
    expect(out.versions.map((v) => [v.eventId, v.version])).toEqual([['DPRK-2034-08-01', 1]]);
    expect(out.alerts.map((a) => a.kind)).toEqual(['new-event']);
  });
});
