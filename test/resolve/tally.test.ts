// Events kept up to date from their per-field tallies (src/resolve/tally.ts) must be exactly the events a full
// recomputation from their reports gives (eventFromReports: computeFields over every report), byte for byte, in
// whatever order the reports arrive. Checked after every added report on every event it changed: grouping
// decisions read only the events' state, so equal events at every step give the table the full recomputation
// gives. Made-up reports built to hit the hard cases (figures grouped within a tolerance that is not
// transitive, an agency's later figure superseding its earlier one, one organisation's outlets, copies whose
// original arrives later, undated reports merged into a dated launch), then every corpus at hand (articles
// only, never the gold).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/clean/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { EventResolver, eventFromReports, type Report } from '../../src/resolve/index.js';
import type { Claim, Extraction, FieldName, FieldValue, LaunchEvent } from '../../src/types.js';
import { rng as random } from '../../scripts/seeded-random.mjs';
import { ROOT } from '../helpers/cli.js';

const pickOf = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function claim(articleId: string, field: FieldName, value: FieldValue, attribution: string | null, confidence: number): Claim {
  const sentence = `An invented line that puts the ${field} at ${String(value)}.`;
  return {
    field,
    value,
    surface: String(value),
    evidence: { articleId, part: 'text', span: { start: 0, end: 2 }, sentenceSpan: { start: 0, end: sentence.length }, sentence },
    attribution,
    saidBy: attribution,
    confidence,
    parser: 'made-up',
    implied: false,
  };
}

// Invented launches: two on one day of one actor, so their reports share an event; one more day; another actor.
const LAUNCHES = [
  { actor: 'DPRK', date: '2030-03-05', time: '07:10', site: 'sunan', distance: 100, apogee: 50 },
  { actor: 'DPRK', date: '2030-03-05', time: '07:40', site: 'sunan', distance: 640, apogee: 90 },
  { actor: 'DPRK', date: '2030-03-09', time: '22:05', site: 'wonsan', distance: 300, apogee: 40 },
  { actor: 'Iran', date: '2030-03-09', time: '05:30', site: 'semnan', distance: 1200, apogee: 400 },
] as const;
// One organisation's editions, two other outlets, and none.
const OUTLETS = ['yna.co.kr', 'en.yna.co.kr', 'paper-one.example', 'wire-two.example', null];
const AGENCIES = [null, null, 'jcs', 'jcs', 'jp-mod', 'kcna'];
const CLASSES = ['SRBM', 'ballistic', 'ballistic', 'IRBM'];
const NAMES = ['Hwasong-11A', 'HWASONG 11A', 'KN-23'];

/**
 * `count` reports of the invented launches. Figures stray by steps of 1.5 % so that tolerance groups chain
 * (100, 101.5, 103: the first and last are not the same figure, the middle one is the same as both); a fifth
 * are undated (a weekday, a dateline's month-day, sometimes an office-holders' window), some copy another report.
 */
function madeUpReports(count: number, seed: number): Report[] {
  const rnd = random(seed);
  const out: Report[] = [];
  for (let i = 0; i < count; i++) {
    const l = pickOf(rnd, LAUNCHES);
    const id = `made-${seed}-${i}`;
    const agency = pickOf(rnd, AGENCIES);
    const confidence = pickOf(rnd, [0.5, 0.8, 0.9]);
    const values: Partial<Record<FieldName, FieldValue>> = {};
    const undated = rnd() < 0.2;
    if (!undated) values.date_local = rnd() < 0.9 ? l.date : '2030-03-04';
    if (rnd() < 0.6) values.time_local = rnd() < 0.8 ? l.time : '07:25';
    if (rnd() < 0.7) values.site = rnd() < 0.85 ? l.site : 'pyongyang';
    if (rnd() < 0.8) values.distance_km = Math.round(l.distance * (1 + 0.015 * Math.floor(rnd() * 5 - 2)) * 10) / 10;
    if (rnd() < 0.5) values.apogee_km = Math.round(l.apogee * (1 + 0.015 * Math.floor(rnd() * 5 - 2)) * 10) / 10;
    if (rnd() < 0.6) values.count_min = pickOf(rnd, [1, 2, 2, 3]);
    if (rnd() < 0.4) values.count_exact = rnd() < 0.7;
    if (rnd() < 0.6) values.class = pickOf(rnd, CLASSES);
    if (rnd() < 0.4) values.name = pickOf(rnd, NAMES);
    if (rnd() < 0.4) values.landing = pickOf(rnd, ['sea-of-japan', 'yellow-sea']);
    if (rnd() < 0.2) values.eez = rnd() < 0.3;
    // Claims in an order of their own; the field keeps the first of each.
    const claims = shuffled(Object.entries(values), rnd).map(([f, v]) => claim(id, f as FieldName, v as FieldValue, agency, confidence));
    const fields: Partial<Record<FieldName, Claim>> = {};
    for (const c of claims) if (!fields[c.field as FieldName]) fields[c.field as FieldName] = c;
    const weekday = new Date(`${l.date}T00:00:00Z`).getUTCDay();
    const extraction: Extraction = {
      articleId: id,
      isLaunchReport: true,
      reportConfidence: 0.9,
      actor: rnd() < 0.95 ? l.actor : null,
      claims,
      fields,
      weekday: undated || rnd() < 0.5 ? weekday : null,
      dateWindow: undated && rnd() < 0.6 ? { from: rnd() < 0.5 ? '2030-01-01' : null, to: rnd() < 0.3 ? '2030-12-31' : null, by: [], monthDay: rnd() < 0.5 ? l.date.slice(5) : null } : null,
    };
    const published = rnd() < 0.15 ? null : pickOf(rnd, [l.date, l.date, '2030-03-06', '2030-03-10']);
    const copyOf = i > 0 && rnd() < 0.15 ? `made-${seed}-${Math.floor(rnd() * count)}` : null;
    out.push({ extraction, published, source: pickOf(rnd, OUTLETS), copyOf: copyOf === id ? null : copyOf });
  }
  return out;
}

/** The event as written out (key order included). */
const bytes = (ev: LaunchEvent): string => JSON.stringify(ev);

/** Where two texts part, with some of each around it. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 300), i + 80)}\n  but the full recomputation gives\n…${b.slice(Math.max(0, i - 300), i + 80)}`;
}

/** Every event that has reports equals its full recomputation from them. */
function expectRecomputed(resolver: EventResolver, events: readonly LaunchEvent[], context: string): void {
  for (const ev of events) {
    if (ev.articleIds.length === 0) continue;
    const full = bytes(eventFromReports(ev.id, resolver.membersOf(ev.id)));
    if (bytes(ev) !== full) expect.fail(`${context}: ${ev.id} differs from its full recomputation:\n${firstDifference(bytes(ev), full)}`);
  }
}

/** Fresh Report objects (copy links are set on them), sharing the extractions. */
const fresh = (reports: readonly Report[]): Report[] => reports.map((r) => ({ ...r }));

/** Adds reports one by one, each change checked; returns the resolver. */
function addAll(resolver: EventResolver, reports: readonly Report[], context: string, links?: () => number): EventResolver {
  reports.forEach((r, step) => {
    expectRecomputed(resolver, resolver.add(r), `${context}, report ${step}`);
    // Now and then a copy link found after the report joined (ingest's copy detection).
    if (links && step > 0 && links() < 0.1) {
      const original = reports[Math.floor(links() * step)].extraction.articleId;
      if (original !== r.extraction.articleId) expectRecomputed(resolver, resolver.setCopyOf(r.extraction.articleId, original), `${context}, link ${step}`);
    }
  });
  expectRecomputed(resolver, resolver.all(), `${context}, at the end`);
  for (const ev of resolver.all()) for (const id of ev.articleIds) expect(resolver.eventOf(id)).toBe(ev.id);
  return resolver;
}

describe('events from their tallies equal the full recomputation', () => {
  it('on made-up reports, added in 120 orders (with copy links found on the way)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const reports = madeUpReports(24 + (seed % 4) * 12, seed);
      const rnd = random(1000 + seed);
      const resolver = addAll(new EventResolver(), shuffled(fresh(reports), rnd), `seed ${seed}`, seed % 2 ? rnd : undefined);
      expect(resolver.all().some((ev) => ev.articleIds.length > 3), `seed ${seed}`).toBe(true);
    }
  });

  it('on made-up reports that join events read back from a store (no tally yet, reports in report order)', () => {
    for (let seed = 200; seed < 240; seed++) {
      const reports = shuffled(fresh(madeUpReports(40, seed)), random(seed));
      const before = addAll(new EventResolver(), reports.slice(0, 20), `seed ${seed}, first half`);
      const stored = before.all().map((event) => ({ event, reports: [...before.membersOf(event.id)].sort((a, b) => event.articleIds.indexOf(a.extraction.articleId) - event.articleIds.indexOf(b.extraction.articleId)) }));
      addAll(new EventResolver(stored), reports.slice(20), `seed ${seed}, second half`);
    }
  });

  it('gives every figure of a tolerance chain to the candidate a full recomputation gives it, whatever the order', () => {
    // 100 and 103 are not the same figure, 101.5 is the same as both: which candidates form depends on which
    // report comes first, and a report with an earlier date founding a candidate regroups the later ones.
    const at = (id: string, published: string, km: number): Report => {
      const c = claim(id, 'distance_km', km, null, 0.8);
      const d = claim(id, 'date_local', '2030-03-05', null, 0.8);
      return { extraction: { articleId: id, isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims: [d, c], fields: { date_local: d, distance_km: c }, weekday: null }, published, source: `${id}.example` };
    };
    const chain = [at('a', '2030-03-05', 101.5), at('b', '2030-03-06', 100), at('c', '2030-03-07', 103), at('d', '2030-03-08', 103)];
    const seen = new Set<string>();
    for (let seed = 0; seed < 24; seed++) {
      const resolver = addAll(new EventResolver(), shuffled(fresh(chain), random(seed)), `chain ${seed}`);
      const field = resolver.all()[0].fields.distance_km;
      seen.add(bytes(resolver.all()[0]));
      expect(field.candidates.map((c) => c.value)).toEqual([101.5]);
      expect(field.candidates[0].support.map((s) => s.articleId)).toEqual(['a', 'b', 'c', 'd']);
    }
    expect(seen.size).toBe(1);
  });
});

const CORPORA = [
  ...readdirSync(join(ROOT, 'test')).filter((d) => d.startsWith('corpus')).map((d) => join(ROOT, 'test', d)),
  ...['seeds', 'dev', 'dev2', 'ko', 'ja'].map((d) => join(ROOT, '..', 'shared', 'corpus', d)),
].filter((d) => existsSync(join(d, 'articles')));

/** The launch reports of a corpus's articles, as `analyze` reads them. */
async function launchReports(dir: string): Promise<Report[]> {
  const out: Report[] = [];
  for await (const item of ingestPaths([join(dir, 'articles')])) {
    if (!item.ok) continue;
    const article = cleanDocument(item.doc);
    const extraction = extractArticle(article);
    if (extraction.isLaunchReport) out.push({ extraction, published: article.published?.date ?? null, source: article.source });
  }
  return out;
}

describe('events from their tallies equal the full recomputation on the corpora', () => {
  it('finds the repo corpora', () => {
    expect(CORPORA.filter((d) => d.startsWith(join(ROOT, 'test'))).length).toBeGreaterThanOrEqual(1);
  });

  for (const dir of CORPORA) {
    it(`${dir.slice(dir.lastIndexOf('/', dir.lastIndexOf('/') - 1) + 1)}: in analyze's order and 6 shuffled ones`, async () => {
      const reports = await launchReports(dir);
      expect(reports.length).toBeGreaterThan(0);
      const dated = (r: Report): boolean => r.extraction.fields.date_local !== undefined;
      addAll(new EventResolver(), fresh([...reports.filter(dated), ...reports.filter((r) => !dated(r))]), 'analyze order');
      for (let seed = 1; seed <= 6; seed++) {
        const rnd = random(seed);
        addAll(new EventResolver(), shuffled(fresh(reports), rnd), `shuffle ${seed}`, rnd);
      }
    }, 300_000);
  }
});
