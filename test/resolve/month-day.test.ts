// A date inferred from the reference list never contradicts a month-day written in the text: a dateline
// ("SEOUL, Dec. 4 (Agency)") or the launch's own month-day in the sentence reporting it ("fired … on Sept. 18")
// keeps an undated event off reference days that disagree with it, while a background date of an earlier launch
// ("The last test was conducted on March 10") changes nothing; and the paste API takes the publication date and
// URL that date such a report (validated). Every report here is written for the test.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventResolver, fitScore, type Report } from '../../src/resolve/index.js';
import { agreesWithMonthDays } from '../../src/resolve/reference.js';
import { extract } from '../helpers/article.js';
import { buildServer } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { Claim, Extraction, FieldName, FieldValue } from '../../src/types.js';

function claim(articleId: string, field: FieldName, value: FieldValue): Claim {
  const sentence = `Made-up sentence giving ${field} as ${String(value)}.`;
  return {
    field, value, surface: String(value), attribution: null, saidBy: null, confidence: 0.8, parser: 'test', implied: false,
    evidence: { articleId, part: 'text', span: { start: 0, end: 1 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
  };
}

/** An undated report of a Wednesday launch from Kaechon flying 400 km (one reference day fits it: 2024-09-18). */
function undated(articleId: string, window: Extraction['dateWindow']): Report {
  const values: Partial<Record<FieldName, FieldValue>> = { site: 'kaechon', distance_km: 400 };
  const claims = Object.entries(values).map(([f, v]) => claim(articleId, f as FieldName, v as FieldValue));
  const fields: Partial<Record<FieldName, Claim>> = {};
  for (const c of claims) fields[c.field] = c;
  return {
    extraction: { articleId, isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims, fields, weekday: 3, dateWindow: window },
    published: null, source: `${articleId}.example`, copyOf: null,
  };
}

const clues = (c: { monthDay?: string; launchMonthDay?: string }): Extraction['dateWindow'] => ({ from: null, to: null, by: [], monthDay: c.monthDay ?? null, ...(c.launchMonthDay ? { launchMonthDay: c.launchMonthDay } : {}), year: null });

describe('inferred dates and written month-days', () => {
  it('with nothing written, the one fitting reference day dates the event', () => {
    const [ev] = new EventResolver().add(undated('a', null));
    expect(ev.dateLocal).toBe('2024-09-18');
    expect(ev.reference?.dateInferred).toBe(true);
  });

  it('a dateline of another day keeps the event undated instead of contradicting it', () => {
    const [ev] = new EventResolver().add(undated('a', clues({ monthDay: '12-04' })));
    expect(ev.dateLocal).toBeNull();
    expect(ev.reference).toBeNull();
  });

  it('a dateline a day after the reference day agrees with it (the launch is reported the next day)', () => {
    const [ev] = new EventResolver().add(undated('a', clues({ monthDay: '09-19' })));
    expect(ev.dateLocal).toBe('2024-09-18');
  });

  it('an undated report with a dateline of another day does not join an event', () => {
    const r = new EventResolver();
    const [ev] = r.add(undated('a', null));
    expect(fitScore(undated('b', clues({ monthDay: '12-04' })).extraction, ev)).toBeNull();
  });

  it('agreesWithMonthDays: a dateline allows the days before it, not after; a launch day only itself', () => {
    const w = { from: null, to: null, monthDays: [{ monthDay: '01-02', daysAfter: 2, of: 'publication' as const }] };
    expect(['2023-12-31', '2024-01-01', '2024-01-02'].map((d) => agreesWithMonthDays(d, w))).toEqual([true, true, true]);
    expect(['2023-12-30', '2024-01-03'].map((d) => agreesWithMonthDays(d, w))).toEqual([false, false]);
    expect(agreesWithMonthDays('2024-01-02', { from: null, to: null, monthDays: [{ monthDay: '01-01', daysAfter: 0, of: 'launch' }] })).toBe(false);
  });

  it('a written launch day of another day keeps the event undated; the same day dates it', () => {
    expect(new EventResolver().add(undated('a', clues({ launchMonthDay: '09-17' })))[0].dateLocal).toBeNull();
    const [ev] = new EventResolver().add(undated('b', clues({ launchMonthDay: '09-18' })));
    expect(ev.dateLocal).toBe('2024-09-18');
    expect(ev.reference?.dateInferred).toBe(true);
  });

  it('an undated report with a written launch day joins an event of that day only', () => {
    const r = new EventResolver();
    const [ev] = r.add(undated('a', null));
    expect(fitScore(undated('b', clues({ launchMonthDay: '12-04' })).extraction, ev)).toBeNull();
    expect(fitScore(undated('c', clues({ launchMonthDay: '09-18' })).extraction, ev)).not.toBeNull();
  });
});

// Made-up undated reports (no publication date, no year anywhere) of a Wednesday launch from Kaechon flying about
// 400 km: the reference list holds exactly one such day (2024-09-18 KST).
const LEDE = 'North Korea fired two short-range ballistic missiles from the Kaechon area on Wednesday';
const FLIGHT = 'The missiles flew about 400 kilometers before falling into the East Sea, the Joint Chiefs of Staff said.';
const undatedReport = (...paragraphs: string[]) => extract({ title: null, text: paragraphs.join('\n\n'), published: null });
const eventOf = (...paragraphs: string[]) => new EventResolver().add({ extraction: undatedReport(...paragraphs).ex, published: null, source: 'test.example', copyOf: null })[0];

describe('the launch month-day written in the body', () => {
  it('is read from the sentence reporting the launch', () => {
    const { ex } = undatedReport(`${LEDE}, Sept. 18, South Korea's military said.`, FLIGHT);
    expect(ex.fields.date_local).toBeUndefined();
    expect(ex.dateWindow?.launchMonthDay).toBe('09-18');
  });

  it('agreeing with the one fitting reference day, the event takes that day', () => {
    const ev = eventOf(`${LEDE}, Sept. 18, South Korea's military said.`, FLIGHT);
    expect(ev.dateLocal).toBe('2024-09-18');
    expect(ev.reference?.dateInferred).toBe(true);
  });

  it('a sentence right after the launch sentence counts too; one of another day blocks the inference', () => {
    const ev = eventOf(`${LEDE}, South Korea's military said.`, 'The launches on Dec. 4 were tracked by the South Korean and US militaries.', FLIGHT);
    expect(ev.dateLocal).toBeNull();
    expect(ev.reference).toBeNull();
  });

  it('a background date of an earlier launch later in the text does not override the inference', () => {
    const { ex } = undatedReport(`${LEDE}, South Korea's military said.`, FLIGHT, 'Seoul condemned the launch as a provocation.', 'Japan lodged a protest through diplomatic channels.', 'The last ballistic missile test was conducted on March 10, just after allied drills began.');
    expect(ex.dateWindow?.launchMonthDay ?? null).toBeNull();
    const ev = new EventResolver().add({ extraction: ex, published: null, source: 'test.example', copyOf: null })[0];
    expect(ev.dateLocal).toBe('2024-09-18');
  });

  it('a date after the main clause ("its first launch since …") is background too', () => {
    const { ex } = undatedReport(`${LEDE}, its first launch since March 10, South Korea's military said.`, FLIGHT);
    expect(ex.dateWindow?.launchMonthDay ?? null).toBeNull();
  });
});

// A made-up wire report with a dateline that has no year, told on "Wednesday".
const PASTE = [
  'N. Korea fires ballistic missile from Kaechon',
  '',
  "SEOUL, Dec. 4 (Yonhap) -- North Korea fired a short-range ballistic missile from Kaechon toward the East Sea on Wednesday, South Korea's Joint Chiefs of Staff said.",
  '',
  'The missile flew about 400 km, the JCS said, adding that allied intelligence authorities were studying the details.',
].join('\n');

describe('the paste API: publication date and URL', () => {
  let store: Store;
  let app: FastifyInstance;
  const HOST = { host: '127.0.0.1:8080' };
  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });
  const paste = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload });

  it('without a publication date, the Dec. 4 report is not dated from the reference list', async () => {
    const r = await paste({ text: PASTE });
    expect(r.statusCode, r.body).toBe(200);
    const events = (await app.inject({ method: 'GET', url: '/api/events', headers: HOST })).json().events as { dateLocal: string | null }[];
    expect(events).toHaveLength(1);
    expect(events[0].dateLocal).toBeNull();
  });

  it('with a publication date and URL, the report is dated from them and links to its page', async () => {
    const r = await paste({ text: PASTE.replace('Kaechon toward', 'Kaechon in the morning toward'), published: '2024-12-04', url: 'https://news.example.org/2024/12/04/missile' });
    expect(r.statusCode, r.body).toBe(200);
    const ev = (await app.inject({ method: 'GET', url: '/api/events/DPRK-2024-12-04', headers: HOST })).json() as { dateLocal: string; articles: { url: string; published: string }[] };
    expect(ev.dateLocal).toBe('2024-12-04');
    expect(ev.articles[0]).toMatchObject({ url: 'https://news.example.org/2024/12/04/missile', published: '2024-12-04' });
  });

  it('refuses a publication date that is no calendar day, and a URL that is no web address', async () => {
    for (const bad of [{ published: '2024-02-30' }, { published: '2024-13-01' }, { published: '4 Dec 2024' }, { url: 'ftp://example.org/x' }, { url: 'https://' }]) {
      const r = await paste({ text: PASTE, ...bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().message).toMatch(/published|url/);
    }
  });
});
