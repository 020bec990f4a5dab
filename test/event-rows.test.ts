// Stored events read back with the sources' share named "agreement", also those written when it was called
// "confidence" (a database from before the rename keeps working).
import { describe, expect, it } from 'vitest';
import { eventToRow, rowToEvent } from '../src/store/rows.js';
import type { EventField, FieldName, LaunchEvent } from '../src/types.js';
import { FIELD_NAMES } from '../src/types.js';

function empty(): Record<FieldName, EventField> {
  const fields: Partial<Record<FieldName, EventField>> = {};
  for (const f of FIELD_NAMES) fields[f] = { value: null, candidates: [], disputed: false, agreement: 0 };
  return fields as Record<FieldName, EventField>;
}

describe('event rows', () => {
  it('keep the agreement of each field', () => {
    const fields = empty();
    fields.distance_km = { value: 640, candidates: [{ value: 640, support: [{ articleId: 'a', claimIndex: 0, confidence: 0.8 }] }], disputed: false, agreement: 0.75 };
    const ev: LaunchEvent = { id: 'DPRK-2037-07-14', actor: 'DPRK', dateLocal: '2037-07-14', weekday: 2, articleIds: ['a'], fields };
    expect(rowToEvent(eventToRow(ev, '2037-07-14T00:00:00.000Z'), ['a'])).toEqual(ev);
  });

  it('read a field stored with "confidence" as its agreement', () => {
    const ev: LaunchEvent = { id: 'DPRK-2037-07-14', actor: 'DPRK', dateLocal: '2037-07-14', weekday: 2, articleIds: ['a'], fields: empty() };
    const row = eventToRow(ev, '2037-07-14T00:00:00.000Z');
    const old = JSON.parse(row.fields) as Record<string, Record<string, unknown>>;
    for (const f of Object.values(old)) {
      f.confidence = 0.6;
      delete f.agreement;
    }
    const back = rowToEvent({ ...row, fields: JSON.stringify(old) }, ['a']);
    expect(back.fields.site).toEqual({ value: null, candidates: [], disputed: false, agreement: 0.6 });
    expect('confidence' in back.fields.site).toBe(false);
  });
});
