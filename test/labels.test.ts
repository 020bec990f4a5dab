// Display names: fields by label, keys by name ("Sea of Japan (East Sea)"), figures with units, changes as
// sentences; the history the API serves carries them beside the stored keys.
import { describe, expect, it } from 'vitest';
import { changeText, FIELD_LABELS, historyView, valueText } from '../src/app/labels.js';
import { FIELD_NAMES } from '../src/types.js';

describe('labels', () => {
  it('names every field, and the event date as history records it', () => {
    for (const f of FIELD_NAMES) expect(FIELD_LABELS[f], f).toMatch(/^[A-Z]/);
    expect(FIELD_LABELS.dateLocal).toBe('Date (local)');
  });

  it('shows values by name and with units', () => {
    expect(valueText('landing', 'sea-of-japan')).toBe('Sea of Japan (East Sea)');
    expect(valueText('site', 'sinpo')).toBe('Sinpo Shipyard');
    expect(valueText('eez', 'outside')).toBe("Outside Japan's EEZ");
    expect(valueText('apogee_km', 50)).toBe('50 km');
    expect(valueText('count_exact', false)).toBe('at least');
    expect(valueText('class', null)).toBe('—');
  });

  it('tells a change as a sentence', () => {
    expect(changeText({ field: 'distance_km', from: 500, to: 600 })).toBe('Distance revised to 600 km (was 500 km)');
    expect(changeText({ field: 'landing', from: null, to: 'pacific-ocean' })).toBe('Landing reported: Pacific Ocean');
    expect(changeText({ field: 'dateLocal', from: '2034-01-02', to: null })).toBe('Date (local) withdrawn (was 2034-01-02)');
  });

  it('adds the words to each stored change, keeping its keys', () => {
    const [v] = historyView([{ eventId: 'e', version: 2, createdAt: 't', articleId: 'a', changes: [{ field: 'dateLocal', from: null, to: '2034-01-02', articleId: 'a', claimIndex: null }] }]);
    expect(v.changes[0]).toMatchObject({ field: 'dateLocal', label: 'Date (local)', fromText: '—', toText: '2034-01-02', text: 'Date (local) reported: 2034-01-02' });
  });
});
