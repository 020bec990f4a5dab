import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.js';
import {
  type CopyDoc,
  classifyPair,
  entityQuotes,
  estimateJaccard,
  factSequence,
  jaccard,
  linkCopies,
  LshIndex,
  normaliseText,
  rewriteScore,
  shingleHashes,
  signature,
  signatureFromHashes,
} from '../src/resolve/copies/index.js';
import { mulberry32 } from '../src/resolve/copies/hash.js';
import { NUM_PERM } from '../src/settings.js';
import type { Claim, Extraction, FieldName, FieldValue } from '../src/types.js';
import { makeArticle } from './helpers/article.js';

// Fixtures (test/fixtures/copies, all made up): a wire story, three syndicated copies of it (other headline,
// first half only, two local paragraphs added), a spun rewrite, two independent reports of the same launch
// (Seoul's JCS, Tokyo's defence ministry) and two unrelated stories. Measured on them (see link.ts):
//   wire ~ copy-headline J 0.92, ~ copy-local J 0.77, ~ copy-truncated J 0.55 (containment 1.00)
//   wire ~ rewrite J 0.12, rewriteScore ≈ 1.0; independents: J ≤ 0.01, rewriteScore ≤ 0.31

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'copies');
const MANIFEST = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, string>;

/** A fixture as a CopyDoc, extracted through the real ingest → clean → extract stages. */
function fixture(name: string, overrides: Partial<CopyDoc> = {}): CopyDoc {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  const [title, ...rest] = text.split('\n');
  const published = MANIFEST[name] ?? null;
  const article = makeArticle({ title, text: rest.join('\n').trim(), published });
  return { id: name, text, published, extraction: extractArticle(article), ...overrides };
}

const NAMES = Object.keys(MANIFEST);
const DOCS = new Map(NAMES.map((n) => [n, fixture(n)]));
const doc = (n: string): CopyDoc => {
  const d = DOCS.get(n);
  if (!d) throw new Error(`no fixture ${n}`);
  return d;
};

/** Random distinct-ish uint32 shingle hashes from a seeded PRNG. */
function randomSet(rnd: () => number, size: number): Uint32Array {
  return new Uint32Array(size).map(() => rnd());
}

describe('shingles and MinHash', () => {
  it('normalises: lowercase, punctuation stripped, digits kept, possessives joined', () => {
    expect(normaliseText('North Korea\'s "Hwasong-18" flew 1,000 km at 8:10 a.m.!')).toBe('north koreas hwasong 18 flew 1000 km at 8 10 a m');
  });

  it('ignores boilerplate lines, bylines and wire datelines', () => {
    const body = 'North Korea fired two missiles on Friday, the military said, and Japan lodged a protest.';
    const dressed = `By Jane Roe\n\nSEOUL, March 14 (Wirepress) - ${body}\n\nCopyright 2025 Some Paper. All rights reserved.\n\nRead more: our coverage\n\nFollow us on social media`;
    expect([...shingleHashes(dressed)]).toEqual([...shingleHashes(body)]);
    // A sentence that begins with "By" is not a byline.
    expect(shingleHashes('By Friday, the North had fired three more missiles at the sea.').length).toBeGreaterThan(0);
  });

  it('signatures are fixed-length and deterministic; an empty text is similar to nothing', () => {
    const a = signature(doc('wire').text);
    expect(a).toBeInstanceOf(Uint32Array);
    expect(a.length).toBe(NUM_PERM);
    expect([...signature(doc('wire').text)]).toEqual([...a]);
    expect(estimateJaccard(a, a)).toBe(1);
    expect(estimateJaccard(signature(''), signature(''))).toBe(0);
    expect(estimateJaccard(signature(''), a)).toBe(0);
  });

  it('estimateJaccard is within ±0.1 of the true Jaccard on fixture pairs', () => {
    const pairs: [string, string][] = [
      ['wire', 'copy-headline'],
      ['wire', 'copy-truncated'],
      ['wire', 'copy-local'],
      ['wire', 'rewrite'],
      ['copy-truncated', 'copy-local'],
      ['seoul-jcs', 'tokyo-mod'],
      ['wire', 'unrelated-harvest'],
    ];
    for (const [x, y] of pairs) {
      const truth = jaccard(shingleHashes(doc(x).text), shingleHashes(doc(y).text));
      const est = estimateJaccard(signature(doc(x).text), signature(doc(y).text));
      expect(Math.abs(est - truth), `${x} ~ ${y}: true ${truth.toFixed(3)}, estimate ${est.toFixed(3)}`).toBeLessThanOrEqual(0.1);
    }
  });

  it('estimateJaccard is within ±0.1 on synthetic sets of known Jaccard', () => {
    const rnd = mulberry32(7);
    for (const target of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      // |A∩B| = s, |A| = |B| = n: J = s / (2n − s)  ⇒  s = 2nJ / (1 + J)
      const n = 2000;
      const s = Math.round((2 * n * target) / (1 + target));
      const shared = randomSet(rnd, s);
      const a = new Uint32Array([...shared, ...randomSet(rnd, n - s)]);
      const b = new Uint32Array([...shared, ...randomSet(rnd, n - s)]);
      const truth = s / (2 * n - s);
      expect(Math.abs(estimateJaccard(signatureFromHashes(a), signatureFromHashes(b)) - truth)).toBeLessThanOrEqual(0.1);
    }
  });
});

describe('LshIndex', () => {
  // 10,000 random documents (synthetic shingle sets of 40–120 shingles), plus the wire story.
  const rnd = mulberry32(2025);
  const index = new LshIndex(); // default capacity 1024: also exercises growth
  const sets: Uint32Array[] = [];
  for (let i = 0; i < 10_000; i++) {
    const set = randomSet(rnd, 40 + (rnd() % 81));
    sets.push(set);
    index.add(`rand-${i}`, signatureFromHashes(set));
  }
  index.add('wire', signature(doc('wire').text));

  it('holds every signature', () => {
    expect(index.size).toBe(10_001);
  });

  it('finds the wire story from each of its syndicated copies', () => {
    for (const n of ['copy-headline', 'copy-truncated', 'copy-local']) {
      const found = index.query(signature(doc(n).text));
      expect(found, n).toContain('wire');
      expect(found.filter((id) => id.startsWith('rand-')), n).toEqual([]);
    }
  });

  it('finds a synthetic near-duplicate (70% of shingles kept, J ≈ 0.54) of a random document', () => {
    let hits = 0;
    for (let i = 0; i < 200; i++) {
      const set = sets[i * 37];
      const near = set.map((v) => (rnd() % 100 < 70 ? v : rnd()));
      if (index.query(signatureFromHashes(near)).includes(`rand-${i * 37}`)) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(196); // the S-curve gives ≈ 99.8% at J = 0.54
  });

  it('does not return unrelated documents', () => {
    for (const n of ['unrelated-harvest', 'unrelated-satellite', 'seoul-jcs', 'tokyo-mod']) {
      expect(index.query(signature(doc(n).text)), n).toEqual([]);
    }
    let stray = 0;
    for (let i = 0; i < 1000; i++) stray += index.query(signatureFromHashes(randomSet(rnd, 80))).length;
    expect(stray).toBeLessThanOrEqual(2);
  });

  it('rejects a signature too short for its bands', () => {
    expect(() => index.query(new Uint32Array(10))).toThrow(RangeError);
  });
});

/** A minimal claim literal for hand-built extractions. */
function claim(field: FieldName, value: FieldValue, start: number, part: 'title' | 'text' = 'text'): Claim {
  return {
    field,
    value,
    surface: String(value),
    evidence: { articleId: 'x', part, span: { start, end: start + 3 }, sentenceSpan: { start: 0, end: 200 }, sentence: '' },
    attribution: null,
    saidBy: null,
    confidence: 0.9,
    parser: 'test',
    implied: false,
  };
}

function extraction(claims: Claim[]): Extraction {
  return { articleId: 'x', isLaunchReport: true, reportConfidence: 0.9, actor: 'DPRK', claims, fields: {}, weekday: null };
}

describe('rewrite signals', () => {
  it('factSequence lists facts in text order of their evidence, title first, each once', () => {
    const ex = extraction([
      claim('landing', 'Sea of Japan', 180),
      claim('distance_km', 800, 150),
      claim('count_exact', 2, 10),
      claim('class', 'SRBM', 20),
      claim('time_local', '08:10', 120),
      claim('site', 'Wonsan', 60),
      claim('count_exact', 2, 5, 'title'),
      claim('distance_km', 800, 190),
    ]);
    expect(factSequence(ex)).toEqual(['count:2', 'class:SRBM', 'site:wonsan', 'time:08:10', 'distance:800', 'landing:sea-of-japan']);
    expect(factSequence(null)).toEqual([]);
  });

  it('factSequence of a real extraction follows the story', () => {
    const facts = factSequence(doc('wire').extraction);
    expect(facts).toEqual(expect.arrayContaining(['site:wonsan', 'time:08:10', 'distance:800']));
    expect(facts.indexOf('site:wonsan')).toBeLessThan(facts.indexOf('time:08:10'));
    expect(facts.indexOf('time:08:10')).toBeLessThan(facts.indexOf('distance:800'));
  });

  it('entityQuotes finds quotes and named-entity runs, not sentence-initial words', () => {
    const { quotes, entities } = entityQuotes(
      'Officials in Seoul said South Korea\'s Joint Chiefs of Staff tracked the launch. "We are watching closely," a spokesman said. ' +
        'Restaurant owners shrugged. The missile fell into the Sea of Japan on Friday.',
    );
    expect(quotes).toEqual(['we are watching closely']);
    expect(entities).toEqual(['seoul', 'south korea', 'joint chiefs of staff', 'sea of japan']);
  });

  it('rewriteScore is high for the spun rewrite and low for independent reports of the same launch', () => {
    const spun = rewriteScore(doc('wire'), doc('rewrite'));
    expect(spun.score).toBeGreaterThan(0.8);
    expect(spun.reasons.join(' ')).toMatch(/facts in the same order/);
    for (const [x, y] of [
      ['seoul-jcs', 'tokyo-mod'],
      ['wire', 'seoul-jcs'],
      ['wire', 'tokyo-mod'],
      ['rewrite', 'tokyo-mod'],
    ]) {
      expect(rewriteScore(doc(x), doc(y)).score, `${x} ~ ${y}`).toBeLessThan(0.45);
    }
  });
});

describe('classifyPair', () => {
  it('calls the three syndicated copies duplicates of the wire story', () => {
    for (const n of ['copy-headline', 'copy-truncated', 'copy-local']) {
      expect(classifyPair(doc('wire'), doc(n)).kind, n).toBe('duplicate');
      expect(classifyPair(doc(n), doc('wire')).kind, `${n} (reversed)`).toBe('duplicate');
    }
  });

  it('calls the spun version a rewrite', () => {
    const c = classifyPair(doc('wire'), doc('rewrite'));
    expect(c.kind).toBe('rewrite');
    expect(c.reason).toMatch(/rewrite score/);
  });

  it('keeps independent reports of one launch, and unrelated stories, independent', () => {
    const independent = ['seoul-jcs', 'tokyo-mod', 'unrelated-harvest', 'unrelated-satellite'];
    for (const x of [...independent, 'wire', 'rewrite']) {
      for (const y of independent) {
        if (x !== y) expect(classifyPair(doc(x), doc(y)).kind, `${x} ~ ${y}`).toBe('independent');
      }
    }
  });

  it('a short brief that repeats one sentence is not a truncated copy', () => {
    const brief = { id: 'brief', text: 'The JCS said it was maintaining full readiness.', published: null };
    expect(classifyPair(doc('wire'), brief).kind).toBe('independent');
  });
});

describe('linkCopies', () => {
  const launchDay = (n: string): string | null => (n.startsWith('unrelated') ? null : 'DPRK-2025-03-14');
  const all = NAMES.map((n) => ({ ...doc(n), group: launchDay(n) }));

  it('links the copies and the rewrite to the wire story, and nothing else', () => {
    const links = linkCopies(all);
    const byId = new Map(links.map((l) => [l.id, l]));
    expect([...byId.keys()].sort()).toEqual(['copy-headline', 'copy-local', 'copy-truncated', 'rewrite']);
    for (const n of ['copy-headline', 'copy-truncated', 'copy-local']) {
      expect(byId.get(n)).toMatchObject({ originalId: 'wire', kind: 'duplicate' });
    }
    expect(byId.get('rewrite')).toMatchObject({ originalId: 'wire', kind: 'rewrite' });
    for (const l of links) {
      expect(l.similarity).toBeGreaterThan(0);
      expect(l.reason.length).toBeGreaterThan(0);
    }
  });

  it('without groups, finds the duplicates through LSH but does not look for rewrites', () => {
    const links = linkCopies(NAMES.map((n) => doc(n)));
    expect(links.map((l) => l.id).sort()).toEqual(['copy-headline', 'copy-local', 'copy-truncated']);
    expect(links.every((l) => l.originalId === 'wire' && l.kind === 'duplicate')).toBe(true);
  });

  it('the original is the earliest published, whatever the input order', () => {
    const docs = [
      { ...doc('copy-local'), published: '2025-03-15' },
      { ...doc('copy-truncated'), published: '2025-03-13' },
      { ...doc('wire'), published: '2025-03-14' },
    ];
    const links = linkCopies(docs);
    expect(links.map((l) => [l.id, l.originalId])).toEqual([
      ['copy-local', 'copy-truncated'],
      ['wire', 'copy-truncated'],
    ]);
  });

  it('on the same day, the most complete report is the original; an unknown date comes last', () => {
    const sameDay = linkCopies([
      { ...doc('copy-truncated'), published: '2025-03-14' },
      { ...doc('wire'), published: '2025-03-14' },
    ]);
    expect(sameDay).toMatchObject([{ id: 'copy-truncated', originalId: 'wire' }]);
    const undated = linkCopies([
      { ...doc('wire'), published: null },
      { ...doc('copy-truncated'), published: '2025-03-20' },
    ]);
    expect(undated).toMatchObject([{ id: 'wire', originalId: 'copy-truncated' }]);
  });

  it('an empty input links nothing', () => {
    expect(linkCopies([])).toEqual([]);
  });
});
