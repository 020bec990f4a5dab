// The store contract: every behaviour of `Store` that is not about one backend, as one suite that each backend's
// test file runs against fresh stores of its own (`storeContract(name, openFresh)`). Fixtures are made-up
// reports about a made-up country.
import { afterEach, describe, expect, it } from 'vitest';
import { supportOf, supportWeight } from '../src/resolve/consensus.js';
import { MEMBERSHIP_LOST, type AlertPayload, type ArticleWrite, type Store } from '../src/store/store.js';
import {
  FIELD_NAMES,
  type Article,
  type Claim,
  type CopyLink,
  type EventField,
  type EventVersion,
  type Extraction,
  type FieldName,
  type FieldValue,
  type Language,
  type LaunchEvent,
} from '../src/types.js';

// ---- fixtures: made-up reports about a made-up country --------------------------------------------------

export function makeArticle(n: number, over: Partial<Article> = {}): Article {
  const text =
    `Freedonia fired ${n} ballistic missiles from Port Vell on Tuesday, the coast guard said.\n\n` +
    'The missiles flew about 800 kilometers before falling into the sea.';
  const first = text.indexOf('\n\n');
  return {
    id: `${String(n).padStart(4, '0')}${'ab'.repeat(30)}`,
    externalId: `ext-${n}`,
    origin: `/tmp/reports/${n}.html`,
    format: 'html',
    url: `https://news.example.org/2024/05/0${n}/launch`,
    source: 'news.example.org',
    published: { date: `2024-05-0${n}`, instant: `2024-05-0${n}T03:15:00.000Z`, via: 'meta' },
    title: `Freedonia fires missiles (${n})`,
    text,
    paragraphs: [
      { start: 0, end: first },
      { start: first + 2, end: text.length },
    ],
    sentences: [
      { start: 0, end: first },
      { start: first + 2, end: text.length },
    ],
    removed: [{ text: 'Share this story', reason: 'share' }],
    language: 'en',
    ...over,
  };
}

export function makeClaim(article: Article, field: FieldName, value: FieldValue, over: Partial<Claim> = {}): Claim {
  const sentence = article.text.slice(article.sentences[0].start, article.sentences[0].end);
  return {
    field,
    value,
    surface: String(value),
    evidence: {
      articleId: article.id,
      part: 'text',
      span: { start: 7, end: 12 },
      sentenceSpan: { ...article.sentences[0] },
      sentence,
    },
    attribution: 'coast-guard',
    saidBy: 'Freedonian Coast Guard',
    confidence: 0.85,
    parser: 'test-parser',
    implied: false,
    ...over,
  };
}

/** A launch-report extraction with one claim of each value type; `fields` holds the same objects. */
export function makeExtraction(article: Article, over: Partial<Extraction> = {}): Extraction {
  const claims = [
    makeClaim(article, 'count_exact', 2),
    makeClaim(article, 'site', 'Port Vell', { attribution: null, saidBy: 'news.example.org' }),
    makeClaim(article, 'distance_km', 812.5, { implied: true, confidence: 0.4 }),
    makeClaim(article, 'distance_km', 800, { confidence: 0.7 }),
    makeClaim(article, 'eez', false),
    makeClaim(article, 'date_local', '2024-05-07', { implied: true, parser: 'weekday' }),
  ];
  claims[3].evidence = { ...claims[3].evidence, part: 'title', sentenceSpan: { start: 0, end: 20 } };
  return {
    articleId: article.id,
    isLaunchReport: true,
    reportConfidence: 0.93,
    actor: 'Freedonia',
    claims,
    fields: { count_exact: claims[0], site: claims[1], distance_km: claims[3], eez: claims[4], date_local: claims[5] },
    weekday: 2,
    ...over,
  };
}

function emptyFields(): Record<FieldName, EventField> {
  const fields = {} as Record<FieldName, EventField>;
  for (const name of FIELD_NAMES) fields[name] = { value: null, candidates: [], disputed: false };
  return fields;
}

export function makeEvent(id: string, articleIds: string[], over: Partial<LaunchEvent> = {}): LaunchEvent {
  const fields = emptyFields();
  fields.count_exact = {
    value: 2,
    candidates: articleIds.map((articleId) => ({ value: 2, support: [{ articleId, claimIndex: 0, confidence: 0.85 }] })),
    disputed: false,
  };
  fields.distance_km = {
    value: 800,
    candidates: [
      { value: 800, support: [{ articleId: articleIds[0] ?? 'x', claimIndex: 3, confidence: 0.7 }] },
      { value: 812.5, support: [{ articleId: articleIds[0] ?? 'x', claimIndex: 2, confidence: 0.4 }] },
    ],
    disputed: true,
  };
  fields.eez = { value: false, candidates: [{ value: false, support: [] }], disputed: false };
  fields.site = { value: 'Port Vell', candidates: [], disputed: false };
  return { id, actor: 'Freedonia', dateLocal: '2024-05-07', weekday: 2, articleIds, fields, ...over };
}

// ---- helpers ---------------------------------------------------------------------------------------------

/** An article of one paragraph and one sentence, in another language than makeArticle's. */
function oneParagraph(n: number, title: string, text: string, language: Language): Article {
  return makeArticle(n, { title, text, language, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }] });
}

/** Write times one second apart, so ingest order is deterministic. */
export function clock(start = Date.UTC(2024, 5, 1)): () => string {
  let tick = start;
  return () => new Date((tick += 1000)).toISOString();
}

/** A write with no versions, alerts or sources unless given. */
export function articleWrite(article: Article, extraction: Extraction, events: LaunchEvent[], at: string, more: Partial<ArticleWrite> = {}): ArticleWrite {
  return { article, extraction, events, versions: [], alerts: [], at, ...more };
}

function version(eventId: string, n: number, articleId: string, at: string): EventVersion {
  return { eventId, version: n, createdAt: at, articleId, changes: [{ field: 'distance_km', from: null, to: 800, articleId, claimIndex: 3 }] };
}

function alert(ev: LaunchEvent, n: number, at: string): AlertPayload {
  return {
    id: `${ev.id}#${n}`, kind: n === 1 ? 'new-event' : 'field-changed', eventId: ev.id, version: n, createdAt: at, title: `alert ${n}`,
    event: { id: ev.id, actor: ev.actor, dateLocal: ev.dateLocal, reports: ev.articleIds.length, fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, ev.fields[f].value])) as Record<FieldName, FieldValue | null>, disputed: [] },
    changes: [], disputed: [],
  };
}

/** Registers the contract tests for one backend; `openFresh` opens an empty, migrated store. */
export function storeContract(name: string, openFresh: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const open = async (): Promise<Store> => {
      const s = await openFresh();
      opened.push(s);
      return s;
    };

    describe('round-trips', () => {
      it('returns the article as saved, with and without optional parts', async () => {
        const store = await open();
        const at = clock();
        const full = makeArticle(1);
        const bare = makeArticle(2, { externalId: null, url: null, source: null, published: null, title: null, format: 'text', removed: [] });
        const dateOnly = makeArticle(3, { published: { date: '2024-05-03', instant: null, via: 'dateline' } });
        for (const a of [full, bare, dateOnly]) await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        expect(await store.getArticle(full.id)).toEqual(full);
        expect(await store.getArticle(bare.id)).toEqual(bare);
        expect(await store.getArticle(dateOnly.id)).toEqual(dateOnly);
        expect(await store.getArticle('missing')).toBeNull();
        expect(await store.hasArticle(full.id)).toBe(true);
        expect(await store.hasArticle('missing')).toBe(false);
      });

      it('returns the extraction with claims in order, typed values and fields pointing at the claims', async () => {
        const store = await open();
        const a = makeArticle(1);
        const x = makeExtraction(a);
        await store.saveArticle(articleWrite(a, x, [], clock()()));
        const back = await store.getExtraction(a.id);
        expect(back).toEqual(x);
        expect(back?.claims.map((c) => c.value)).toStrictEqual([2, 'Port Vell', 812.5, 800, false, '2024-05-07']);
        expect(back?.claims.map((c) => typeof c.value)).toEqual(['number', 'string', 'number', 'number', 'boolean', 'string']);
        // The chosen distance is the second distance claim, not the first one of that field.
        expect(back?.fields.distance_km).toBe(back?.claims[3]);
        expect(back?.fields.eez).toBe(back?.claims[4]);
        expect(Object.keys(back?.fields ?? {}).sort()).toEqual(Object.keys(x.fields).sort());
        expect(await store.getExtraction('missing')).toBeNull();
      });

      it('reads an extraction back by every read with each field the very claim of its list, at its index, weighing the same', async () => {
        const store = await open();
        const a = makeArticle(1);
        // Two claims alike in every respect but their place, the chosen one the second; an agency's claim chosen.
        const first = makeClaim(a, 'distance_km', 640, { attribution: 'jcs', saidBy: 'the Joint Chiefs of Staff' });
        const twin = makeClaim(a, 'distance_km', 640, { attribution: 'jcs', saidBy: 'the Joint Chiefs of Staff' });
        const site = makeClaim(a, 'site', 'Port Vell', { attribution: 'jp-mod', saidBy: 'the Japanese defence ministry' });
        const x = makeExtraction(a, { claims: [first, twin, site], fields: { distance_km: twin, site } });
        await store.saveArticle(articleWrite(a, x, [makeEvent('ev-1', [a.id])], clock()()));
        const reads = [
          await store.getExtraction(a.id),
          (await store.launchExtractions())[0].extraction,
          (await store.copyCandidates([a.id]))[0].extraction,
        ];
        const weight = (e: Extraction, f: FieldName): number => {
          const report = { extraction: e, published: null, source: a.source };
          const claim = e.fields[f];
          return claim ? supportWeight(report, supportOf(report, claim, false)) : NaN;
        };
        for (const back of reads) {
          expect(back).toEqual(x);
          if (!back) continue;
          expect(back.claims.indexOf(back.fields.distance_km as Claim)).toBe(1);
          expect(back.claims.indexOf(back.fields.site as Claim)).toBe(2);
          for (const f of ['distance_km', 'site'] as const) expect(weight(back, f)).toBe(weight(x, f));
        }
        // An agency's claim weighs more than an unattributed one: the weight compared above is the agency's.
        expect(weight(x, 'site')).toBeGreaterThan(weight(makeExtraction(a, { claims: [{ ...site, attribution: null }], fields: { site: { ...site, attribution: null } } }), 'site'));
      });

      it('round-trips a non-report extraction with no claims, and a date window', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1);
        const x: Extraction = { articleId: a.id, isLaunchReport: false, reportConfidence: 0.1, actor: null, claims: [], fields: {}, weekday: null };
        await store.saveArticle(articleWrite(a, x, [], at()));
        expect(await store.getExtraction(a.id)).toEqual(x);
        const b = makeArticle(2);
        const windowed = makeExtraction(b, { dateWindow: { from: '2021-10-04', to: '2024-10-01', by: ['a prime minister'] } });
        await store.saveArticle(articleWrite(b, windowed, [], at()));
        expect(await store.getExtraction(b.id)).toEqual(windowed);
      });

      it('accepts fields holding deep-equal copies of claims', async () => {
        const store = await open();
        const a = makeArticle(1);
        const x = structuredClone(makeExtraction(a)); // structuredClone keeps shared references…
        x.fields.site = { ...x.claims[1] }; // …so break one on purpose
        await store.saveArticle(articleWrite(a, x, [], clock()()));
        expect(await store.getExtraction(a.id)).toEqual(x);
      });

      it('returns events as saved, with their write time', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1);
        const b = makeArticle(2);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-1', [a.id])], at()));
        const e1b = makeEvent('ev-1', [b.id, a.id], { weekday: null, actor: null }); // order kept, not sorted
        const second = at();
        await store.saveArticle(articleWrite(b, makeExtraction(b), [e1b], second));
        expect(await store.getEvent('ev-1')).toEqual(e1b);
        expect(await store.listEvents()).toEqual([e1b]);
        expect(await store.getEvent('ev-2')).toBeNull();
        expect((await store.queryEvents({ limit: 10, offset: 0 })).events).toEqual([{ event: e1b, updatedAt: second, languages: ['en'] }]);
      });

      it('returns signatures and copy links as saved', async () => {
        const store = await open();
        const at = clock();
        const [a, b] = [makeArticle(1), makeArticle(2)];
        const signature = Uint32Array.from([1, 2, 0xffffffff, 42]);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at(), { sources: { signature } }));
        const link = { articleId: b.id, originalId: a.id, kind: 'duplicate' as const, similarity: 0.93, reason: 'same text' };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { signature: null, copies: [link] } }));
        expect(await store.signatures()).toEqual([{ articleId: a.id, signature }]);
        expect(await store.copyLinks()).toEqual([link]);
        expect(await store.copyLinks(a.id)).toEqual([link]);
        expect(await store.copyLinks(b.id)).toEqual([link]);
        expect(await store.copyLinks('other')).toEqual([]);
      });

      it('reads the copy links touching a set of articles in one call, each link once, by copy', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) => makeArticle(n));
        const link = (copy: Article, original: Article, similarity: number) =>
          ({ articleId: copy.id, originalId: original.id, kind: 'duplicate' as const, similarity, reason: `copy of ${original.id}` });
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { copies: [link(b, a, 0.91)] } }));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [], at(), { sources: { copies: [link(c, a, 0.92)] } }));
        await store.saveArticle(articleWrite(d, makeExtraction(d), [], at()));
        await store.saveArticle(articleWrite(e, makeExtraction(e), [], at(), { sources: { copies: [link(e, d, 0.93)] } }));
        const byCopy = (links: CopyLink[]) => [...links].sort((x, y) => (x.articleId < y.articleId ? -1 : 1));
        // a is the original of two, c a copy among them (asked twice, found once), 'missing' touches nothing.
        expect(await store.copyLinksOf([c.id, a.id, 'missing', c.id])).toEqual(byCopy([link(b, a, 0.91), link(c, a, 0.92)]));
        expect(await store.copyLinksOf([e.id, b.id])).toEqual(byCopy([link(b, a, 0.91), link(e, d, 0.93)]));
        // The same links as asking one article at a time.
        const one = async (ids: string[]) => byCopy([...new Map((await Promise.all(ids.map((id) => store.copyLinks(id)))).flat().map((l) => [l.articleId, l])).values()]);
        for (const ids of [[a.id, d.id], [b.id, e.id, c.id], [d.id]]) expect(await store.copyLinksOf(ids)).toEqual(await one(ids));
        expect(await store.copyLinksOf(['missing'])).toEqual([]);
        expect(await store.copyLinksOf([])).toEqual([]);
      });

      it('keeps the signatures of articles stored as copies out of the near-duplicate index', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        const sig = (n: number): Uint32Array => Uint32Array.from([n, n + 1, n + 2]);
        const cursor = await store.changeCursor();
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at(), { sources: { signature: sig(1) } }));
        const link = { articleId: b.id, originalId: a.id, kind: 'duplicate' as const, similarity: 0.9, reason: 'same text' };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { signature: sig(2), copies: [link] } }));
        // Told explicitly, whatever the links say.
        await store.saveArticle(articleWrite(c, makeExtraction(c), [], at(), { sources: { signature: sig(3), indexed: false } }));
        expect(await store.signatures()).toEqual([{ articleId: a.id, signature: sig(1) }]);
        const changes = new Map((await store.changesSince(cursor)).articles.map((x) => [x.id, x.signature]));
        expect([changes.get(a.id), changes.get(b.id), changes.get(c.id)]).toEqual([sig(1), null, null]);
      });

      it('reads copy sketches (shingles, date, claim count, original) in the order asked, unknown ids left out', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3, { published: null })];
        const shingles = Uint32Array.from([3, 17, 0xfffffffe]);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at(), { sources: { signature: Uint32Array.from([1]), shingles } }));
        const link = { articleId: b.id, originalId: a.id, kind: 'rewrite' as const, similarity: 0.7, reason: 'reworded' };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { copies: [link] } }));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [], at()));
        expect(await store.copySketches([c.id, 'missing', b.id, a.id])).toEqual([
          { articleId: c.id, published: null, claims: 6, shingles: null, copyOf: null },
          { articleId: b.id, published: b.published?.date, claims: 6, shingles: null, copyOf: a.id },
          { articleId: a.id, published: a.published?.date, claims: 6, shingles, copyOf: null },
        ]);
        expect(await store.copySketches([])).toEqual([]);
      });

      it('reads the original each article is linked to as a copy, leaving out articles without a link and unknown ids', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        const link = { articleId: b.id, originalId: a.id, kind: 'duplicate' as const, similarity: 0.95, reason: 'same text' };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { copies: [link] } }));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [], at()));
        expect(await store.copyOrigins([c.id, 'missing', b.id, a.id])).toEqual(new Map([[b.id, a.id]]));
        expect(await store.copyOrigins([])).toEqual(new Map());
      });

      it('reports the articles written since a change cursor, with their signatures and whether they may regroup events', async () => {
        const store = await open();
        const at = clock();
        const [before, plain, launch, original] = [makeArticle(1), makeArticle(2), makeArticle(3), makeArticle(4)];
        const nonLaunch = (a: Article): Extraction => makeExtraction(a, { isLaunchReport: false });
        await store.saveArticle(articleWrite(before, nonLaunch(before), [], at()));
        const cursor = await store.changeCursor();
        const signature = Uint32Array.from([7, 8, 9]);
        await store.saveArticle(articleWrite(plain, nonLaunch(plain), [], at(), { sources: { signature } }));
        await store.saveArticle(articleWrite(launch, makeExtraction(launch), [makeEvent('ev-1', [launch.id])], at()));
        // A non-launch article that a stored launch report turns out to copy changes that report's event.
        const link = { articleId: launch.id, originalId: original.id, kind: 'duplicate' as const, similarity: 0.9, reason: 'same text' };
        await store.saveArticle(articleWrite(original, nonLaunch(original), [], at(), { sources: { copies: [link] } }));
        const changes = await store.changesSince(cursor);
        const byId = new Map(changes.articles.map((a) => [a.id, a]));
        expect(byId.get(plain.id)).toEqual({ id: plain.id, signature, regroups: false });
        expect(byId.get(launch.id)).toEqual({ id: launch.id, signature: null, regroups: true });
        expect(byId.get(original.id)).toEqual({ id: original.id, signature: null, regroups: true });
        // Written before the cursor: may come again (PostgreSQL re-reads while older transactions run), unchanged.
        expect(byId.get(before.id) ?? { id: before.id, signature: null, regroups: false }).toEqual({ id: before.id, signature: null, regroups: false });
        const later = makeArticle(5);
        await store.saveArticle(articleWrite(later, nonLaunch(later), [], at()));
        expect((await store.changesSince(changes.cursor)).articles.map((a) => a.id)).toContain(later.id);
      });

      it('tells, since a change cursor, whether the event table was rewritten on its own (a rebuild), which no article tells', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-a', [a.id])], at()));
        const start = await store.changeCursor();
        // Ingest's writes are told by their articles, not as rewrites.
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-a', [a.id, b.id])], at()));
        const ingested = await store.changesSince(start);
        expect(ingested.eventsRewritten).toBe(false);
        expect(ingested.articles.map((x) => x.id)).toContain(b.id);
        // A rewrite with nothing to write writes nothing, and is not told either.
        await store.writeEvents({ events: [], deleted: [], at: at() });
        expect((await store.changesSince(ingested.cursor)).eventsRewritten).toBe(false);
        // A rebuild splits the event: told to a cursor taken before it (however old), once.
        await store.writeEvents({ events: [makeEvent('ev-a', [a.id]), makeEvent('ev-b', [b.id])], deleted: [], at: at() });
        const rewritten = await store.changesSince(ingested.cursor);
        expect(rewritten.eventsRewritten).toBe(true);
        expect((await store.changesSince(start)).eventsRewritten).toBe(true);
        expect((await store.changesSince(rewritten.cursor)).eventsRewritten).toBe(false);
        expect((await store.changesSince(await store.changeCursor())).eventsRewritten).toBe(false);
        // A delete alone is a rewrite too; articles written after it come with it.
        const before = rewritten.cursor;
        await store.writeEvents({ events: [makeEvent('ev-a', [a.id, b.id])], deleted: ['ev-b'], at: at() });
        await store.saveArticle(articleWrite(c, makeExtraction(c, { isLaunchReport: false }), [], at()));
        const both = await store.changesSince(before);
        expect(both.eventsRewritten).toBe(true);
        expect(both.articles.map((x) => x.id)).toContain(c.id);
        expect((await store.changesSince(both.cursor)).eventsRewritten).toBe(false);
      });

      it('reads copy candidates in the order asked, each with its extraction and its original, unknown ids left out', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        const link = { articleId: b.id, originalId: a.id, kind: 'rewrite' as const, similarity: 0.7, reason: 'reworded' };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [], at(), { sources: { copies: [link] } }));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [], at()));
        const got = await store.copyCandidates([c.id, 'missing', b.id, a.id]);
        expect(got.map((x) => x.article.id)).toEqual([c.id, b.id, a.id]);
        expect(got.map((x) => x.copyOf)).toEqual([null, a.id, null]);
        for (const x of got) {
          expect(x.extraction?.claims).toHaveLength(6);
          expect(x.article).toEqual(await store.getArticle(x.article.id));
          expect(x.extraction).toEqual(await store.getExtraction(x.article.id));
        }
        expect(await store.copyCandidates([])).toEqual([]);
      });
    });

    describe('saveArticle', () => {
      it('is idempotent: saving the same article again changes nothing', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1);
        const x = makeExtraction(a);
        const e = makeEvent('ev-1', [a.id]);
        expect(await store.saveArticle(articleWrite(a, x, [e], at(), { versions: [version('ev-1', 1, a.id, 't')] }))).toBe(true);
        const listed = await store.listArticles();
        const counted = await store.counts();

        // Even with different events, versions and alerts attached, a known article is skipped as a whole.
        const again = articleWrite(a, x, [makeEvent('ev-1', [a.id], { actor: 'Someone else' }), makeEvent('ev-9', [a.id])], at(), {
          versions: [version('ev-1', 2, a.id, 't2')],
          alerts: [alert(e, 2, 't2')],
        });
        expect(await store.saveArticle(again)).toBe(false);
        expect(await store.counts()).toEqual(counted);
        expect(counted).toEqual({ articles: 1, events: 1 });
        expect(await store.listArticles()).toEqual(listed); // ingested_at not bumped
        expect(await store.getEvent('ev-1')).toEqual(e);
        expect((await store.eventHistory('ev-1')).map((v) => v.version)).toEqual([1]);
        expect(await store.listAlerts({ limit: 10 })).toEqual([]);
      });

      it('deletes an event whose article list is empty (events merged)', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-a', [a.id])], at()));
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-b', [b.id], { dateLocal: null })], at()));
        expect((await store.listEvents()).map((e) => e.id)).toEqual(['ev-a', 'ev-b']);

        const merged = makeEvent('ev-a', [a.id, b.id, c.id]);
        await store.saveArticle(articleWrite(c, makeExtraction(c), [merged, makeEvent('ev-b', [])], at()));
        expect(await store.listEvents()).toEqual([merged]);
        expect(await store.getEvent('ev-b')).toBeNull();
        expect((await store.listArticles()).map((s) => s.eventId)).toEqual(['ev-a', 'ev-a', 'ev-a']);
      });

      it('refuses a write that would leave a launch report in no event, writing nothing of it', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-a', [a.id])], at()));
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-a', [a.id, b.id])], at()));
        // A writer that had not seen b rewrites ev-a from its own view: b would be in no event.
        await expect(store.saveArticle(articleWrite(c, makeExtraction(c), [makeEvent('ev-a', [a.id, c.id])], at()))).rejects.toThrow(MEMBERSHIP_LOST);
        expect(await store.hasArticle(c.id)).toBe(false);
        expect((await store.getEvent('ev-a'))?.articleIds).toEqual([a.id, b.id]);
        // Taking b out is fine when the same write puts it in another event.
        await store.saveArticle(articleWrite(c, makeExtraction(c), [makeEvent('ev-a', [a.id, c.id]), makeEvent('ev-b', [b.id])], at()));
        expect((await store.listArticles()).map((s) => s.eventId)).toEqual(['ev-a', 'ev-b', 'ev-a']);
      });

      it('writes events on their own (a rebuild): upserts some, deletes others, in one go', async () => {
        const store = await open();
        const at = clock();
        const [a, b] = [makeArticle(1), makeArticle(2)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-a', [a.id])], at()));
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-b', [b.id], { dateLocal: null })], at()));
        const before = await store.dataVersion();
        const both = makeEvent('ev-a', [b.id, a.id]);
        await store.writeEvents({ events: [both], deleted: ['ev-b'], at: 't-rebuild' });
        expect(await store.listEvents()).toEqual([both]);
        expect((await store.queryEvents({ limit: 5, offset: 0 })).events[0].updatedAt).toBe('t-rebuild');
        expect(await store.dataVersion()).not.toBe(before);
        expect(await store.eventHistory('ev-a')).toEqual([]);
      });

      it('keeps the summaries written with events, and drops one when its event is written without it', async () => {
        const store = await open();
        const at = clock();
        const [a, b] = [makeArticle(1), makeArticle(2)];
        const summary = {
          members: [a.id],
          closest: { [a.id]: null },
          impact: null,
          reports: {
            [a.id]: { origin: a.origin, source: a.source, url: a.url, title: a.title, headline: a.title ?? '', language: a.language, published: '2024-05-01', saidBy: ['Freedonian Coast Guard'] },
          },
        };
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-a', [a.id])], at(), { summaries: { 'ev-a': summary } }));
        expect(await store.eventSummaries(['ev-a', 'ev-none'])).toEqual(new Map([['ev-a', summary]]));
        const two = {
          members: [a.id, b.id],
          closest: {
            [a.id]: { articleId: b.id, kind: 'rewrite', similarity: 0.61234, reason: 'rewrite score 0.61' },
            [b.id]: { articleId: a.id, kind: 'rewrite', similarity: 0.61234, reason: 'rewrite score 0.61' },
          },
          impact: null,
        };
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-a', [a.id, b.id])], at(), { summaries: { 'ev-a': two } }));
        expect((await store.eventSummaries(['ev-a'])).get('ev-a')).toEqual(two);
        await store.writeEvents({ events: [makeEvent('ev-a', [a.id, b.id])], deleted: [], at: at() });
        expect((await store.eventSummaries(['ev-a'])).size).toBe(0);
      });

      it('stores nothing from a call that fails midway, keeping earlier data', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1);
        const e = makeEvent('ev-1', [a.id]);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [e], at(), { versions: [version('ev-1', 1, a.id, 't1')], alerts: [alert(e, 1, 't1')] }));
        const before = await store.counts();

        const b = makeArticle(2);
        const changed = makeEvent('ev-1', [a.id, b.id], { actor: 'Changed' });
        const broken = makeEvent('ev-2', ['no-such-article']); // its article link fails after the article is written
        const write = articleWrite(b, makeExtraction(b), [changed, broken], at(), { versions: [version('ev-1', 2, b.id, 't2')], alerts: [alert(changed, 2, 't2')], sources: { signature: Uint32Array.from([7]) } });
        await expect(store.saveArticle(write)).rejects.toThrow();

        expect(await store.counts()).toEqual(before);
        expect(await store.hasArticle(b.id)).toBe(false);
        expect(await store.getExtraction(b.id)).toBeNull();
        expect(await store.getEvent('ev-1')).toEqual(e);
        expect(await store.getEvent('ev-2')).toBeNull();
        expect(await store.lastVersion('ev-1')).toBe(1);
        expect((await store.listAlerts({ limit: 10 })).map((x) => x.id)).toEqual(['ev-1#1']);
        expect(await store.signatures()).toEqual([]);

        // The store is still usable and the same article can now be saved.
        await store.saveArticle({ ...write, events: [changed] });
        expect(await store.getEvent('ev-1')).toEqual(changed);
        expect(await store.lastVersion('ev-1')).toBe(2);
      });

      it('rejects inconsistent input before writing anything', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1);
        await expect(store.saveArticle(articleWrite(a, makeExtraction(makeArticle(2)), [], at()))).rejects.toThrow(/extraction is for article/);
        const stray = makeExtraction(a);
        stray.fields.site = makeClaim(a, 'site', 'Somewhere not claimed');
        await expect(store.saveArticle(articleWrite(a, stray, [], at()))).rejects.toThrow(/field site is not one of its claims/);
        const nan = makeExtraction(a);
        nan.claims[2].value = Number.NaN;
        await expect(store.saveArticle(articleWrite(a, nan, [], at()))).rejects.toThrow(/cannot be stored/);
        expect(await store.counts()).toEqual({ articles: 0, events: 0 });
        expect(await store.hasArticle(a.id)).toBe(false);
      });

      it('changes the data version', async () => {
        const store = await open();
        const a = makeArticle(1);
        const v0 = await store.dataVersion();
        expect(await store.dataVersion()).toBe(v0);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [], clock()()));
        expect(await store.dataVersion()).not.toBe(v0);
      });
    });

    describe('history and alerts as data', () => {
      it('writes the versions and alerts it is given, with the article, and reads them back in order', async () => {
        const store = await open();
        const at = clock();
        const [a, b] = [makeArticle(1), makeArticle(2)];
        const e1 = makeEvent('ev-1', [a.id]);
        expect(await store.lastVersion('ev-1')).toBe(0);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [e1], at(), { versions: [version('ev-1', 1, a.id, 't1')], alerts: [alert(e1, 1, 't1')] }));
        const e2 = makeEvent('ev-1', [a.id, b.id]);
        await store.saveArticle(articleWrite(b, makeExtraction(b), [e2], at(), { versions: [version('ev-1', 2, b.id, 't2')], alerts: [alert(e2, 2, 't2')] }));
        expect(await store.lastVersion('ev-1')).toBe(2);
        expect(await store.eventHistory('ev-1')).toEqual([version('ev-1', 1, a.id, 't1'), version('ev-1', 2, b.id, 't2')]);
        expect(await store.eventHistory('ev-9')).toEqual([]);
        const alerts = await store.listAlerts({ limit: 10 });
        expect(alerts.map((x) => [x.seq, x.id, x.kind, x.eventId, x.version, x.createdAt])).toEqual([
          [alerts[0].seq, 'ev-1#1', 'new-event', 'ev-1', 1, 't1'],
          [alerts[1].seq, 'ev-1#2', 'field-changed', 'ev-1', 2, 't2'],
        ]);
        expect(alerts[1].seq).toBeGreaterThan(alerts[0].seq);
        expect(alerts[1].payload).toEqual(alert(e2, 2, 't2'));
        expect((await store.listAlerts({ limit: 1, newestFirst: true })).map((x) => x.id)).toEqual(['ev-1#2']);
        expect((await store.listAlerts({ afterSeq: alerts[0].seq, limit: 10 })).map((x) => x.id)).toEqual(['ev-1#2']);
      });

      it('refuses a version number already taken, writing nothing of the call', async () => {
        const store = await open();
        const at = clock();
        const [a, b] = [makeArticle(1), makeArticle(2)];
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-1', [a.id])], at(), { versions: [version('ev-1', 1, a.id, 't1')] }));
        await expect(store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-1', [a.id, b.id])], at(), { versions: [version('ev-1', 1, b.id, 't2')] }))).rejects.toThrow();
        expect(await store.hasArticle(b.id)).toBe(false);
        expect((await store.getEvent('ev-1'))?.articleIds).toEqual([a.id]);
      });
    });

    describe('the event-grouping lock', () => {
      it('runs units holding the same key one after another, and passes results and errors through', async () => {
        const store = await open();
        const trace: string[] = [];
        const unit = (label: string, ms: number) =>
          store.withEventLock(['actor:Freedonia'], async (session) => {
            trace.push(`${label} in`);
            await new Promise((r) => setTimeout(r, ms));
            await session.counts();
            trace.push(`${label} out`);
            return label;
          });
        const failing = (): Promise<string> =>
          store.withEventLock(['actor:Freedonia'], async () => {
            trace.push('bad in');
            throw new Error('unit failed');
          });
        const results = await Promise.allSettled([unit('one', 30), failing(), unit('two', 5)]);
        expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['one', 'unit failed', 'two']);
        // No unit starts while another holds the key. Which waiting unit goes first is not part of the contract: on
        // PostgreSQL each waits for the advisory lock on its own connection, and the server may grant it to any.
        const inside: string[] = [];
        for (const t of trace) {
          const [label, step] = t.split(' ');
          if (step === 'in') {
            expect(inside, `${label} started while ${inside.join(', ')} held the key`).toEqual([]);
            if (label !== 'bad') inside.push(label);
          } else {
            expect(inside).toEqual([label]);
            inside.pop();
          }
        }
        expect([...trace].sort()).toEqual(['bad in', 'one in', 'one out', 'two in', 'two out']);
      });

      it('lets a unit read, then save with the versions numbered from what it read', async () => {
        const store = await open();
        const at = clock();
        const articles = [1, 2, 3, 4].map((n) => makeArticle(n));
        // Four concurrent writers of one event: each reads the last version and writes the next one.
        await Promise.all(
          articles.map((a, i) =>
            store.withEventLock(['actor:Freedonia'], async (session) => {
              const last = await session.lastVersion('ev-1');
              const members = (await session.getEvent('ev-1'))?.articleIds ?? [];
              await new Promise((r) => setTimeout(r, 4 - i));
              await session.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-1', [...members, a.id])], at(), { versions: [version('ev-1', last + 1, a.id, `t${i}`)] }));
            }),
          ),
        );
        expect((await store.eventHistory('ev-1')).map((v) => v.version)).toEqual([1, 2, 3, 4]);
        expect((await store.getEvent('ev-1'))?.articleIds).toHaveLength(4);
      });
    });

    describe('queries', () => {
      it('lists events by date, undated last, then by id', async () => {
        const store = await open();
        const a = makeArticle(1);
        const events = [
          makeEvent('ev-c', [a.id], { dateLocal: '2024-05-02' }),
          makeEvent('ev-z', [a.id], { dateLocal: null }),
          makeEvent('ev-b', [a.id], { dateLocal: '2024-05-02' }),
          makeEvent('ev-a', [a.id], { dateLocal: null }),
          makeEvent('ev-d', [a.id], { dateLocal: '2023-12-31' }),
        ];
        await store.saveArticle(articleWrite(a, makeExtraction(a), events, clock()()));
        expect((await store.listEvents()).map((e) => e.id)).toEqual(['ev-d', 'ev-b', 'ev-c', 'ev-a', 'ev-z']);
        expect((await store.queryEvents({ limit: 10, offset: 0 })).events.map((e) => e.event.id)).toEqual(['ev-d', 'ev-b', 'ev-c', 'ev-a', 'ev-z']);
        expect((await store.queryEvents({ order: 'desc', limit: 10, offset: 0 })).events.map((e) => e.event.id)).toEqual(['ev-c', 'ev-b', 'ev-d', 'ev-z', 'ev-a']);
      });

      it('filters, pages and counts events', async () => {
        const store = await open();
        const a = makeArticle(1);
        const withClass = (id: string, date: string | null, cls: string, site: string, actor = 'Freedonia'): LaunchEvent => {
          const ev = makeEvent(id, [a.id], { dateLocal: date, actor });
          ev.fields.class = { value: cls, candidates: [], disputed: false };
          ev.fields.site = { value: site, candidates: [], disputed: false };
          return ev;
        };
        const events = [
          withClass('e1', '2023-03-01', 'SRBM', 'port-vell'),
          withClass('e2', '2023-03-20', 'ICBM', 'port-vell'),
          withClass('e3', '2024-01-05', 'SRBM', 'north-cape'),
          withClass('e4', null, 'SRBM', 'port-vell'),
          withClass('e5', '2024-02-01', 'SRBM', 'north-cape', 'Sylvania'),
        ];
        await store.saveArticle(articleWrite(a, makeExtraction(a), events, clock()()));
        const ids = async (q: Parameters<Store['queryEvents']>[0]): Promise<[number, string[]]> => {
          const r = await store.queryEvents(q);
          return [r.total, r.events.map((e) => e.event.id)];
        };
        expect(await ids({ class: 'SRBM', limit: 10, offset: 0 })).toEqual([4, ['e1', 'e3', 'e5', 'e4']]);
        expect(await ids({ from: '2023-03-02', to: '2024-01-31', limit: 10, offset: 0 })).toEqual([2, ['e2', 'e3']]);
        expect(await ids({ site: 'port-vell', actor: 'Freedonia', limit: 1, offset: 1 })).toEqual([3, ['e2']]);
        expect(await ids({ actor: 'Nowhere', limit: 10, offset: 0 })).toEqual([0, []]);
        expect(await store.countEventsBy({}, 'year')).toEqual([
          { period: '2023', class: 'ICBM', count: 1 },
          { period: '2023', class: 'SRBM', count: 1 },
          { period: '2024', class: 'SRBM', count: 2 },
        ]);
        expect(await store.countEventsBy({ actor: 'Freedonia' }, 'month')).toEqual([
          { period: '2023-03', class: 'ICBM', count: 1 },
          { period: '2023-03', class: 'SRBM', count: 1 },
          { period: '2024-01', class: 'SRBM', count: 1 },
        ]);
      });

      it('reads the events with some ids or holding some articles, in the order of listEvents', async () => {
        const store = await open();
        const at = clock();
        const [a, b, c, d] = [1, 2, 3, 4].map((n) => makeArticle(n));
        await store.saveArticle(articleWrite(a, makeExtraction(a), [makeEvent('ev-z', [a.id], { dateLocal: null })], at()));
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-b', [b.id], { dateLocal: '2024-05-02' })], at()));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [makeEvent('ev-a', [c.id], { dateLocal: '2024-05-02' })], at()));
        await store.saveArticle(articleWrite(d, makeExtraction(d), [makeEvent('ev-a', [c.id, d.id], { dateLocal: '2024-05-02' })], at()));
        const ids = async (select: { ids: string[]; articleIds: string[] }) => (await store.eventsOf(select)).map((e) => [e.id, e.articleIds]);
        expect(await ids({ ids: ['ev-z', 'gone'], articleIds: [d.id, b.id, 'nothing'] })).toEqual([['ev-a', [c.id, d.id]], ['ev-b', [b.id]], ['ev-z', [a.id]]]);
        // An event named both ways comes once; nothing asked, nothing read.
        expect(await ids({ ids: ['ev-b'], articleIds: [b.id] })).toEqual([['ev-b', [b.id]]]);
        expect(await ids({ ids: [], articleIds: [] })).toEqual([]);
        expect(await store.eventsOf({ ids: ['ev-a'], articleIds: [] })).toEqual((await store.listEvents()).filter((e) => e.id === 'ev-a'));
        // Each event's articles in the event's order, not in the order of their ids.
        await store.writeEvents({ events: [makeEvent('ev-a', [d.id, c.id], { dateLocal: '2024-05-02' })], deleted: [], at: at() });
        expect(await ids({ ids: ['ev-a'], articleIds: [c.id] })).toEqual([['ev-a', [d.id, c.id]]]);
      });

      it('finds an event by a unique id prefix only', async () => {
        const store = await open();
        const a = makeArticle(1);
        const events = ['3fa9c001', '3fa9c002', '7b20e5aa'].map((id) => makeEvent(id, [a.id]));
        await store.saveArticle(articleWrite(a, makeExtraction(a), events, clock()()));
        expect(await store.findEvent('3fa9c')).toBeNull(); // ambiguous
        expect(await store.findEvent('3fa9c002')).toEqual(events[1]);
        expect(await store.findEvent('7b')).toEqual(events[2]);
        expect(await store.findEvent('ffff')).toBeNull();
        expect(await store.findEvent('%')).toBeNull(); // not a wildcard
        expect(await store.findEvent('_')).toBeNull();
        expect(await store.findEvent('')).toBeNull();
      });

      it('lists launch extractions by published date (undated last), then article id', async () => {
        const store = await open();
        const at = clock();
        const late = makeArticle(5);
        const early = makeArticle(2);
        const undated = makeArticle(1, { published: null });
        const sameDay = makeArticle(9, { published: { date: '2024-05-02', instant: null, via: 'url' } });
        const notLaunch = makeArticle(3);
        for (const a of [late, undated, early, sameDay]) await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        await store.saveArticle(articleWrite(notLaunch, makeExtraction(notLaunch, { isLaunchReport: false }), [], at()));

        const got = await store.launchExtractions();
        expect(got.map((g) => [g.extraction.articleId, g.published])).toEqual([
          [early.id, '2024-05-02'],
          [sameDay.id, '2024-05-02'],
          [late.id, '2024-05-05'],
          [undated.id, null],
        ]);
        expect(got[0].extraction).toEqual(makeExtraction(early));
        expect(got[0].extraction.fields.site).toBe(got[0].extraction.claims[1]);
        // Those of some articles only, in the same order; articles that are no launch report or not stored left out.
        const some = await store.launchExtractions([undated.id, notLaunch.id, late.id, 'nothing', early.id]);
        expect(some).toEqual([got[0], got[2], got[3]]);
        expect(some[0].extraction.fields.site).toBe(some[0].extraction.claims[1]);
        expect(await store.launchExtractions([])).toEqual([]);
      });

      it('lists article summaries in ingest order with their event, and pages them newest first', async () => {
        const store = await open();
        const at = clock();
        const [b, a, c] = [makeArticle(2), makeArticle(1), makeArticle(3, { published: null, url: null, title: null, source: 'news.example.org:8443' })];
        await store.saveArticle(articleWrite(b, makeExtraction(b), [makeEvent('ev-1', [b.id])], at()));
        await store.saveArticle(articleWrite(a, makeExtraction(a, { isLaunchReport: false }), [], at()));
        await store.saveArticle(articleWrite(c, makeExtraction(c), [makeEvent('ev-1', [b.id, c.id])], at()));

        const list = await store.listArticles();
        expect(list.map((s) => s.id)).toEqual([b.id, a.id, c.id]); // not sorted by id
        // Where it came from without the server's folders; named by its title.
        expect(list[0]).toEqual({
          id: b.id,
          origin: '2.html',
          url: b.url,
          source: b.source,
          published: '2024-05-02',
          title: b.title,
          headline: b.title,
          language: 'en',
          isLaunchReport: true,
          eventId: 'ev-1',
          ingestedAt: '2024-06-01T00:00:01.000Z',
        });
        expect(list[1]).toMatchObject({ isLaunchReport: false, eventId: null, ingestedAt: '2024-06-01T00:00:02.000Z' });
        // No title: named by the first line of its text; the outlet without its port.
        expect(list[2]).toMatchObject({ published: null, url: null, eventId: 'ev-1', title: null, headline: 'Freedonia fired 3 ballistic missiles from Port Vell on Tuesday, the coast guard said.', source: 'news.example.org' });
        expect(await store.articleEventId(c.id)).toBe('ev-1');
        expect(await store.articleEventId(a.id)).toBeNull();

        const page = await store.listArticlesPage({ limit: 2, offset: 0 });
        expect([page.total, page.articles.map((s) => s.id)]).toEqual([3, [c.id, a.id]]);
        const launches = await store.listArticlesPage({ limit: 10, offset: 1, launch: true });
        expect([launches.total, launches.articles.map((s) => s.id)]).toEqual([2, [b.id]]);
        expect((await store.listArticlesPage({ limit: 10, offset: 0, launch: false })).articles.map((s) => s.id)).toEqual([a.id]);
      });

      it('ranks a search matching more than its bound among the newest matches and estimates its total', async () => {
        const store = await open();
        const at = clock();
        // Twelve articles about a lighthouse; "lantern" in three of them, the first three written.
        const ids: string[] = [];
        for (let n = 1; n <= 12; n++) {
          const text = `The lighthouse keeper of Gull Rock logged ${n} ships passing in the fog${n <= 3 ? ' by lantern light' : ''}.`;
          const x = oneParagraph(n, `Lighthouse log ${n}`, text, 'en');
          ids.push(x.id);
          await store.saveArticle(articleWrite(x, makeExtraction(x, { isLaunchReport: false, claims: [], fields: {} }), [], at()));
        }
        const search = (q: string, offset = 0) => store.searchArticles(q, { limit: 10, offset, ranked: 5 });
        // Within the bound: counted exactly, every match ranked.
        expect(await search('lantern')).toMatchObject({ total: 3, estimated: false });
        expect((await search('lantern')).hits.map((h) => h.id).sort()).toEqual(ids.slice(0, 3).sort());
        // Beyond it: the newest five matches only, the total an estimate above the bound.
        const wide = await search('lighthouse');
        expect(wide.estimated).toBe(true);
        expect(wide.total).toBeGreaterThan(5);
        expect(wide.total).toBeLessThanOrEqual(12);
        expect(wide.hits.map((h) => h.id).sort()).toEqual(ids.slice(7).sort());
        expect((await search('lighthouse', 5)).hits).toEqual([]);
        // Both words in every article: still bounded; one word of the two in few articles: exact.
        expect(await search('keeper fog')).toMatchObject({ estimated: true });
        expect(await search('lantern keeper')).toMatchObject({ total: 3, estimated: false });
        // The default bound is far above twelve articles.
        expect(await store.searchArticles('lighthouse', { limit: 1, offset: 0 })).toMatchObject({ total: 12, estimated: false });
      });

      it('searches titles and texts by words, phrases and a last-word prefix, never as query syntax', async () => {
        const store = await open();
        const at = clock();
        const a = makeArticle(1, { title: 'Freedonia fires a Thunderbolt-7 missile' });
        const b = makeArticle(2, { title: 'Harbour reopens', text: 'The harbour at Port Vell reopened on Monday after the storm.\n\nFishing boats returned.' });
        for (const x of [a, b]) await store.saveArticle(articleWrite(x, makeExtraction(x), [], at()));
        const hits = async (q: string): Promise<[number, string[]]> => {
          const r = await store.searchArticles(q, { limit: 10, offset: 0 });
          return [r.total, r.hits.map((h) => h.id)];
        };
        expect(await hits('Port Vell')).toEqual([2, expect.arrayContaining([a.id, b.id])]);
        expect(await hits('harbour reopen')).toEqual([1, [b.id]]);
        expect(await hits('"coast guard said"')).toEqual([1, [a.id]]);
        expect(await hits('thunderbolt-7')).toEqual([1, [a.id]]);
        expect(await hits('submarine')).toEqual([0, []]);
        expect(await hits('*** () OR')).toEqual([0, []]);
        // Stop words drop out: alone they find nothing (they would rank nearly every article), beside other words
        // they change nothing.
        expect(await hits('the')).toEqual([0, []]);
        expect(await hits('The "on" after')).toEqual([0, []]);
        expect(await hits('the harbour')).toEqual([1, [b.id]]);
        expect(await hits('harbour the')).toEqual([1, [b.id]]);
        const [hit] = (await store.searchArticles('reopened', { limit: 1, offset: 0 })).hits;
        expect(hit).toMatchObject({ id: b.id, title: 'Harbour reopens', isLaunchReport: true });
        expect(hit.snippet).toContain('\u0002reopened\u0003');
      });
    });

    describe('languages', () => {
      // Made-up reports in Korean and Japanese, of our own wording.
      const korean = (n: number): Article =>
        oneParagraph(n, '프리도니아, 동해상으로 미사일 발사', '합참은 프리도니아가 오늘 오전 KN-23 탄도미사일 1발을 동해상으로 발사했다고 밝혔다. 북한이 아닌 프리도니아의 발사다.', 'ko');
      const japanese = (n: number): Article =>
        oneParagraph(n, 'フリードニア、弾道ミサイル発射', '防衛省によると、フリードニアは本日午前、弾道ミサイル1発を日本海に向けて発射した。', 'ja');

      it('keeps each article\'s language, lists it and filters articles by it', async () => {
        const store = await open();
        const at = clock();
        const [en, ko, ja] = [makeArticle(1), korean(2), japanese(3)];
        for (const a of [en, ko, ja]) await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        expect(await store.getArticle(ko.id)).toEqual(ko);
        expect(await store.getArticle(ja.id)).toEqual(ja);
        expect((await store.listArticles()).map((s) => s.language)).toEqual(['en', 'ko', 'ja']);
        const page = async (language?: Language): Promise<[number, string[]]> => {
          const r = await store.listArticlesPage({ limit: 10, offset: 0, language });
          return [r.total, r.articles.map((s) => s.id)];
        };
        expect(await page('ko')).toEqual([1, [ko.id]]);
        expect(await page('ja')).toEqual([1, [ja.id]]);
        expect(await page()).toEqual([3, [ja.id, ko.id, en.id]]);
        expect((await store.listArticlesPage({ limit: 10, offset: 0, language: 'en', launch: false })).total).toBe(0);
      });

      it('gives each event the languages of its reports and filters events by them', async () => {
        const store = await open();
        const at = clock();
        const [en, ko, ja] = [makeArticle(1), korean(2), japanese(3)];
        const mixed = makeEvent('ev-mixed', [en.id, ko.id], { dateLocal: '2024-05-02' });
        const japaneseOnly = makeEvent('ev-ja', [ja.id], { dateLocal: '2024-05-03' });
        await store.saveArticle(articleWrite(en, makeExtraction(en), [makeEvent('ev-mixed', [en.id], { dateLocal: '2024-05-02' })], at()));
        await store.saveArticle(articleWrite(ko, makeExtraction(ko), [mixed], at()));
        await store.saveArticle(articleWrite(ja, makeExtraction(ja), [japaneseOnly], at()));
        const listed = async (language?: Language): Promise<[string, Language[]][]> =>
          (await store.queryEvents({ language, limit: 10, offset: 0 })).events.map((e) => [e.event.id, e.languages]);
        expect(await listed()).toEqual([['ev-mixed', ['en', 'ko']], ['ev-ja', ['ja']]]);
        expect(await listed('ko')).toEqual([['ev-mixed', ['en', 'ko']]]);
        expect(await listed('en')).toEqual([['ev-mixed', ['en', 'ko']]]);
        expect(await listed('ja')).toEqual([['ev-ja', ['ja']]]);
        expect((await store.queryEvents({ language: 'ja', class: 'SRBM', limit: 10, offset: 0 })).total).toBe(0);
        expect(await store.countEventsBy({ language: 'ko' }, 'year')).toEqual([{ period: '2024', class: null, count: 1 }]);
      });

      it('finds Korean and Japanese words inside longer runs of their script', async () => {
        const store = await open();
        const at = clock();
        const [en, ko, ja] = [makeArticle(1), korean(2), japanese(3)];
        for (const a of [en, ko, ja]) await store.saveArticle(articleWrite(a, makeExtraction(a), [], at()));
        const hits = async (q: string): Promise<[number, string[]]> => {
          const r = await store.searchArticles(q, { limit: 10, offset: 0 });
          return [r.total, r.hits.map((h) => h.id)];
        };
        expect(await hits('북한')).toEqual([1, [ko.id]]); // written "북한이": the particle is glued on
        expect(await hits('동해상')).toEqual([1, [ko.id]]); // inside "동해상으로"
        expect(await hits('弾道ミサイル')).toEqual([1, [ja.id]]); // inside a sentence without spaces
        expect(await hits('発射')).toEqual([1, [ja.id]]); // two characters: below a trigram, still found
        expect(await hits('미사일')).toEqual([1, [ko.id]]);
        expect(await hits('防衛省 日本海')).toEqual([1, [ja.id]]); // every word must occur
        expect(await hits('防衛省 동해상')).toEqual([0, []]);
        expect(await hits('KN-23 탄도미사일')).toEqual([1, [ko.id]]); // an English-script word and a Korean one
        expect(await hits('Freedonia 弾道')).toEqual([0, []]);
        expect(await hits('"coast guard" ')).toEqual([1, [en.id]]);
        const [hit] = (await store.searchArticles('북한', { limit: 1, offset: 0 })).hits;
        expect(hit).toMatchObject({ id: ko.id, language: 'ko' });
        expect(hit.snippet).toContain('\u0002북한\u0003이');
      });

      it('bounds Korean and Japanese searches as word searches: exact under the bound, estimated over it, pages stable', async () => {
        const store = await open();
        const at = clock();
        // Sixteen harbour logs of our own, Korean and Japanese in turn (oldest first), an English word in every
        // title; fog in the first three of each language, another English word in the first two of each.
        const ko: string[] = [];
        const ja: string[] = [];
        for (let n = 1; n <= 8; n++) {
          const k = oneParagraph(2 * n, `Harbour 등대 일지 ${n}`, `등대지기는 오늘 밤 항구를 지나간 배 ${n}척을 기록했다.${n <= 3 ? ' 안개가 짙었다.' : ''}${n <= 2 ? ' 등대의 lantern 불빛은 밤새 켜져 있었다.' : ''}`, 'ko');
          const j = oneParagraph(2 * n + 1, `Harbour 灯台日誌 ${n}`, `灯台守は今夜、港を通った船${n}隻を記録した。${n <= 3 ? '霧が深かった。' : ''}${n <= 2 ? '灯台の lantern は一晩中ともっていた。' : ''}`, 'ja');
          for (const x of [k, j]) await store.saveArticle(articleWrite(x, makeExtraction(x, { isLaunchReport: false, claims: [], fields: {} }), [], at()));
          ko.push(k.id);
          ja.push(j.id);
        }
        const newestFirst = (ids: string[]) => [...ids].reverse();
        const search = (q: string, offset = 0, limit = 10) => store.searchArticles(q, { limit, offset, ranked: 5 });
        const ids = async (q: string, offset = 0, limit = 10) => (await search(q, offset, limit)).hits.map((h) => h.id);
        // Within the bound: counted exactly, newest first: two characters, one character, a trigram's length.
        expect(await search('안개')).toMatchObject({ total: 3, estimated: false });
        expect(await ids('안개')).toEqual(newestFirst(ko.slice(0, 3)));
        expect(await search('霧')).toMatchObject({ total: 3, estimated: false });
        expect(await ids('霧')).toEqual(newestFirst(ja.slice(0, 3)));
        expect(await search('짙었다')).toMatchObject({ total: 3, estimated: false });
        // Pages of one hit put together are the whole list, in its order.
        const pages = [...(await ids('霧', 0, 1)), ...(await ids('霧', 1, 1)), ...(await ids('霧', 2, 1))];
        expect(pages).toEqual(await ids('霧'));
        // Beyond it (in all eight of a language): the newest five matches only, the total an estimate above the bound.
        for (const [q, language] of [['배', ko], ['記録', ja], ['등대지기', ko], ['灯台守は', ja]] as const) {
          const wide = await search(q);
          expect(wide.estimated, q).toBe(true);
          expect(wide.total, q).toBeGreaterThan(5);
          expect(wide.total, q).toBeLessThanOrEqual(16);
          expect(wide.hits.map((h) => h.id), q).toEqual(newestFirst(language).slice(0, 5));
          expect(await ids(q, 5), q).toEqual([]);
        }
        // Paging through an estimated search: pages of two cover its five newest matches once each.
        const paged = [...(await ids('記録', 0, 2)), ...(await ids('記録', 2, 2)), ...(await ids('記録', 4, 2))];
        expect(paged).toEqual(newestFirst(ja).slice(0, 5));
        // Each hit marks the part it was found by.
        expect((await search('배', 0, 1)).hits[0].snippet).toContain('\u0002배\u0003');
        // Latin and Korean or Japanese words together: every one must occur; within the bound, exact.
        expect(await search('lantern 배')).toMatchObject({ total: 2, estimated: false });
        expect(await ids('lantern 배')).toEqual(newestFirst(ko.slice(0, 2)));
        expect(await search('lantern 記録')).toMatchObject({ total: 2, estimated: false });
        expect(await ids('lantern 記録')).toEqual(newestFirst(ja.slice(0, 2)));
        expect(await search('lantern 霧 안개')).toMatchObject({ total: 0, estimated: false, hits: [] });
        // Over the bound: a Latin word in every title with a Korean part in every Korean log (newest first, as
        // every search with such a part); two Korean parts; and two scripts' parts that never meet: none.
        for (const q of ['harbour 배', 'Harbour 기록했다', '배 기록했다']) {
          const mixed = await search(q);
          expect(mixed.estimated, q).toBe(true);
          expect(mixed.total, q).toBeGreaterThan(5);
          expect(mixed.hits.map((h) => h.id), q).toEqual(newestFirst(ko).slice(0, 5));
        }
        expect(await search('배 船')).toMatchObject({ total: 0, estimated: false });
        // The default bound is far above sixteen articles.
        expect(await store.searchArticles('배', { limit: 1, offset: 0 })).toMatchObject({ total: 8, estimated: false });
      });

      it('finds rare parts of one and two characters in old articles behind many newer ones in their scripts', async () => {
        const store = await open();
        const at = clock();
        // Nine old harbour notes of our own (whale sightings, a warehouse), then sixty newer weather notes in
        // Korean and Japanese: more than the newest articles the PostgreSQL store reads first for a bound of five
        // (SEARCH_PROBE_FACTOR times it), none holding the rare parts.
        const whalesJa: string[] = [];
        const whalesKo: string[] = [];
        for (let n = 1; n <= 7; n++) {
          const j = oneParagraph(n, `Whale note ${n}`, `沖で鯨を${n}頭見たと漁師が話した。`, 'ja');
          await store.saveArticle(articleWrite(j, makeExtraction(j, { isLaunchReport: false, claims: [], fields: {} }), [], at()));
          whalesJa.push(j.id);
          if (n > 2) continue;
          const k = oneParagraph(100 + n, `Whale note ${n}`, `어부는 바다에서 고래 ${n}마리를 보았다고 말했다. 부두 B동 창고는 닫혀 있었다.`, 'ko');
          await store.saveArticle(articleWrite(k, makeExtraction(k, { isLaunchReport: false, claims: [], fields: {} }), [], at()));
          whalesKo.push(k.id);
        }
        for (let n = 1; n <= 30; n++) {
          const k = oneParagraph(200 + n, `Weather ${n}`, `기상대는 오늘 바람이 약했다고 기록했다. 파도 높이는 ${n}미터였다.`, 'ko');
          const j = oneParagraph(300 + n, `Weather ${n}`, `気象台は今日の風が弱かったと記録した。波の高さは${n}メートルだった。`, 'ja');
          for (const x of [k, j]) await store.saveArticle(articleWrite(x, makeExtraction(x, { isLaunchReport: false, claims: [], fields: {} }), [], at()));
        }
        const newestFirst = (ids: string[]) => [...ids].reverse();
        const search = (q: string, offset = 0, limit = 10) => store.searchArticles(q, { limit, offset, ranked: 5 });
        const ids = async (q: string, offset = 0, limit = 10) => (await search(q, offset, limit)).hits.map((h) => h.id);
        // Two characters, a Korean word in two old notes: exact, newest first, each hit marked.
        expect(await search('고래')).toMatchObject({ total: 2, estimated: false });
        expect(await ids('고래')).toEqual(newestFirst(whalesKo));
        expect((await search('고래', 0, 1)).hits[0].snippet).toContain('\u0002고래\u0003');
        // A Latin letter and a Hangul syllable, typed in the other case: two characters of the text all the same.
        expect(await ids('b동')).toEqual(newestFirst(whalesKo));
        // One character in seven old notes, over the bound of five: its five newest, the total an estimate above it.
        const wide = await search('鯨');
        expect(wide.estimated).toBe(true);
        expect(wide.total).toBeGreaterThan(5);
        expect(wide.total).toBeLessThanOrEqual(69);
        expect(wide.hits.map((h) => h.id)).toEqual(newestFirst(whalesJa).slice(0, 5));
        expect(await ids('鯨', 5)).toEqual([]);
        // With an English word in two of them (the Korean notes' titles): exact, and pages of one are the whole list.
        expect(await search('whale 고래')).toMatchObject({ total: 2, estimated: false });
        expect(await search('whale 鯨 고래')).toMatchObject({ total: 0, estimated: false, hits: [] });
        expect(await search('鯨 漁師')).toMatchObject({ estimated: true });
        expect([...(await ids('고래 B동', 0, 1)), ...(await ids('고래 B동', 1, 1))]).toEqual(newestFirst(whalesKo));
        // A digit and a Han character, in the third note only.
        expect(await search('3頭')).toMatchObject({ total: 1, estimated: false });
        expect(await ids('3頭')).toEqual([whalesJa[2]]);
        // A part no article holds: none, on both paths.
        expect(await search('鮫')).toMatchObject({ total: 0, estimated: false, hits: [] });
      });
    });

    describe('watched sources, alerts and deliveries', () => {
      it('keeps the configured sources, their polls and their items', async () => {
        const store = await open();
        const feed = 'https://news.example.org/feed.xml';
        const gone = 'https://old.example.org/rss';
        await store.syncWatchSources([{ url: gone, kind: 'feed', intervalS: 600 }]);
        await store.syncWatchSources([{ url: feed, kind: 'auto', intervalS: 300 }]);
        expect(await store.addWatchItems(feed, [{ key: 'k1', url: 'https://news.example.org/1' }, { key: 'k2', url: 'https://news.example.org/2' }], '2024-06-01T00:00:00.000Z')).toBe(2);
        expect(await store.addWatchItems(feed, [{ key: 'k2', url: 'https://news.example.org/2' }, { key: 'k3', url: 'https://news.example.org/3' }], '2024-06-01T00:01:00.000Z')).toBe(1);
        await store.finishWatchItem(feed, 'k1', { status: 'done', error: null, articleId: null, at: '2024-06-01T00:02:00.000Z' });
        await store.finishWatchItem(feed, 'k2', { status: 'pending', error: 'HTTP 503', articleId: null, at: '2024-06-01T00:02:00.000Z' });
        expect((await store.pendingWatchItems(feed)).map((i) => [i.key, i.status, i.attempts, i.lastError])).toEqual([
          ['k2', 'pending', 1, 'HTTP 503'],
          ['k3', 'pending', 0, null],
        ]);
        await store.recordPoll(feed, { at: '2024-06-01T00:03:00.000Z', error: null, etag: '"v1"', lastModified: null });
        await store.recordPoll(feed, { at: '2024-06-01T00:08:00.000Z', error: 'HTTP 500' });
        const [first, second] = await store.listWatchSources();
        expect(first).toMatchObject({
          url: feed, kind: 'auto', intervalS: 300, active: true, lastPoll: '2024-06-01T00:08:00.000Z', lastSuccess: '2024-06-01T00:03:00.000Z',
          lastError: 'HTTP 500', etag: '"v1"', lastModified: null, itemsSeen: 3, itemsDone: 1, itemsFailed: 0, itemsPending: 2,
        });
        expect(second).toMatchObject({ url: gone, active: false, itemsSeen: 0 });
      });

      it('queues alerts per webhook from its first call on, and records deliveries', async () => {
        const store = await open();
        const at = clock();
        const hook = 'https://hooks.example.org/salvo';
        const [a, b] = [makeArticle(1), makeArticle(2)];
        const e1 = makeEvent('ev-1', [a.id]);
        await store.saveArticle(articleWrite(a, makeExtraction(a), [e1], at(), { alerts: [alert(e1, 1, 't1')] }));
        expect(await store.enqueueAlerts(hook, 't1')).toBe(0); // a new webhook starts from now: no backlog
        const e2 = makeEvent('ev-1', [a.id, b.id]);
        await store.saveArticle(articleWrite(b, makeExtraction(b), [e2], at(), { alerts: [alert(e2, 2, 't2')] }));
        expect(await store.enqueueAlerts(hook, '2024-06-02T00:00:00.000Z')).toBe(1);
        expect(await store.enqueueAlerts(hook, '2024-06-02T00:00:00.000Z')).toBe(0);
        expect(await store.nextDeliveryAt()).toBe('2024-06-02T00:00:00.000Z');
        expect(await store.dueDeliveries('2024-06-01T23:59:59.000Z', 10)).toEqual([]);
        const due = await store.dueDeliveries('2024-06-02T00:00:00.000Z', 10);
        expect(due).toEqual([{ delivery: { alertId: 'ev-1#2', webhookUrl: hook, status: 'pending', attempts: 0, nextAttempt: '2024-06-02T00:00:00.000Z', lastError: null, deliveredAt: null }, payload: alert(e2, 2, 't2') }]);
        await store.recordDelivery('ev-1#2', hook, { status: 'pending', attempts: 1, nextAttempt: '2024-06-02T00:05:00.000Z', error: 'HTTP 500', deliveredAt: null });
        expect(await store.nextDeliveryAt()).toBe('2024-06-02T00:05:00.000Z');
        await store.recordDelivery('ev-1#2', hook, { status: 'delivered', attempts: 2, nextAttempt: null, error: null, deliveredAt: '2024-06-02T00:05:01.000Z' });
        expect(await store.nextDeliveryAt()).toBeNull();
        expect(await store.listDeliveries(hook)).toEqual([{ alertId: 'ev-1#2', webhookUrl: hook, status: 'delivered', attempts: 2, nextAttempt: null, lastError: null, deliveredAt: '2024-06-02T00:05:01.000Z' }]);
        expect(await store.listDeliveries('https://other.example.org')).toEqual([]);
        expect(await store.listDeliveries()).toHaveLength(1);
      });
    });
  });
}
