// The web app's own logic, without a browser (the timeline's join of news events and reference flights is the
// server's: test/timeline.test.ts): local times with their zone and in UTC, the junk-line rules of the article
// page and the BibTeX and CSL-JSON of a citation. Fixtures are written here.
import { describe, expect, it } from 'vitest';
import { localTime, shift, showValue } from '../web/src/display.js';
import { junkKind } from '../web/src/junk.js';
import { bibtex, citationText, cslJson, type Citation } from '../web/src/views/citation.js';

describe('clock arithmetic', () => {
  it('moves times across midnight and month ends', () => {
    expect(shift('2022-10-13', '16:47', 540)).toEqual({ date: '2022-10-14', time: '01:47' });
    expect(shift('2024-02-29', '23:30', 60)).toEqual({ date: '2024-03-01', time: '00:30' });
    expect(shift('2025-01-01', '03:00', -540)).toEqual({ date: '2024-12-31', time: '18:00' });
  });
});

describe('times and names as shown', () => {
  it('names the zone and gives UTC, with the UTC day when it differs', () => {
    expect(localTime('2025-05-08', '08:10', 'Asia/Pyongyang')).toBe('08:10 KST (23:10 UTC, 7 May)');
    expect(localTime('2023-03-16', '07:10', 'Asia/Seoul')).toBe('07:10 KST (22:10 UTC, 15 Mar)');
    // Korean reports of 2015–2018 give Seoul time, not Pyongyang's UTC+8:30 of those years
    expect(localTime('2017-07-28', '23:41', 'Asia/Pyongyang')).toBe('23:41 KST (14:41 UTC)');
    expect(localTime('2024-04-13', '23:00', 'Asia/Tehran')).toBe('23:00 UTC+3:30, Asia/Tehran (19:30 UTC)');
    expect(localTime(null, '06:00', null)).toBe('06:00');
  });

  it('shows site, sea and EEZ names instead of keys', () => {
    const sites = new Map([['sunan', 'Pyongyang International Airport']]);
    expect(showValue('site', 'sunan', sites)).toBe('Pyongyang International Airport');
    expect(showValue('site', 'west-sunan', sites)).toBe('West Sunan');
    expect(showValue('landing', 'sea-of-japan', sites)).toBe('Sea of Japan (East Sea)');
    expect(showValue('eez', 'inside', sites)).toBe("inside Japan's EEZ");
    expect(showValue('distance_km', 600, sites)).toBe('600 km');
  });
});

describe('article page junk lines', () => {
  it('finds ticker lines and a repeated headline, and leaves report sentences alone', () => {
    expect(junkKind('date 2037-10-02 ACME 142.50 Increased By ▲ 1.75 (1.24%)', null)).toBe('stock ticker');
    expect(junkKind('KOSPI 2,480.12 -0.4% KOSDAQ 712.30 +0.2%', null)).toBe('market quotes');
    expect(junkKind('Missile test ends in failure', 'Missile test ends in failure')).toBe('repeated headline');
    expect(junkKind('The missile flew about 350 km and reached an altitude of 50 km, the JCS said.', 'Missile test')).toBeNull();
    expect(junkKind('Its success rate rose to 59.67% this year, officials said.', null)).toBeNull();
  });
});

describe('citations', () => {
  const c: Citation = { title: 'DPRK missile launch, 2031-04-16 (event DPRK-2031-04-16)', url: 'https://salvo.example/#/event/DPRK-2031-04-16', version: 3, updated: '2031-04-17', accessed: '2031-05-01' };
  it('gives a sentence, BibTeX and CSL-JSON naming the record version and dates', () => {
    expect(citationText(c)).toBe('Salvo. “DPRK missile launch, 2031-04-16 (event DPRK-2031-04-16).” Record version 3, updated 2031-04-17. https://salvo.example/#/event/DPRK-2031-04-16 (accessed 2031-05-01).');
    const bib = bibtex(c, 'DPRK-2031-04-16');
    expect(bib.split('\n')[0]).toBe('@misc{salvo-DPRK-2031-04-16,');
    expect(bib).toContain('  version = {3},');
    expect(bib).toContain('  urldate = {2031-05-01},');
    expect(bib.trim().endsWith('}')).toBe(true);
    const [item] = JSON.parse(cslJson(c, 'DPRK-2031-04-16')) as { id: string; issued: { 'date-parts': number[][] }; accessed: { 'date-parts': number[][] } }[];
    expect(item.id).toBe('salvo-DPRK-2031-04-16');
    expect(item.issued['date-parts']).toEqual([[2031, 4, 17]]);
    expect(item.accessed['date-parts']).toEqual([[2031, 5, 1]]);
  });

  it('escapes BibTeX specials in titles', () => {
    expect(bibtex({ ...c, title: 'A & B_{1} 50%' }, 'x')).toContain('title = {A \\& B\\_\\{1\\} 50\\%}');
  });
});
