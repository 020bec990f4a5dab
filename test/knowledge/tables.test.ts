import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, readDataJson } from '../../src/paths.js';
import {
  MISSILE_CLASSES,
  type AliasItem,
  type KnowledgeMatch,
  type MissileEntry,
  actorInfo,
  allSites,
  findActors,
  findAgencies,
  findClassPhrases,
  findEez,
  findMissiles,
  findSeas,
  findSites,
  knowledgeProblems,
  loadKnowledge,
  missileByName,
  referenceLaunches,
  siteByKey,
} from '../../src/knowledge/index.js';

const REFERENCE = join(PACKAGE_ROOT, '..', 'shared', 'reference');
const hasReference = existsSync(join(REFERENCE, 'facilities.json'));

const surfaces = (ms: KnowledgeMatch[]): string[] => ms.map((m) => m.surface);
const aliasText = (a: AliasItem): string => (typeof a === 'string' ? a : a.text);

describe('data files', () => {
  it('have no problems: every pattern compiles, classes, kinds, landings and zones are valid', () => {
    expect(knowledgeProblems()).toEqual([]);
    expect(() => loadKnowledge()).not.toThrow();
  });

  it('use only the allowed class values', () => {
    const allowed: readonly string[] = MISSILE_CLASSES;
    const missiles = readDataJson<{ missiles: MissileEntry[] }>('missiles.json').missiles;
    const classes = readDataJson<{ classes: { class: string }[] }>('classes.json').classes;
    for (const m of missiles) expect(allowed, m.name).toContain(m.class);
    for (const c of classes) expect(allowed).toContain(c.class);
    for (const l of referenceLaunches()) if (l.class !== null) expect(allowed).toContain(l.class);
  });

  it('compile every pattern on its own, case-insensitively', () => {
    const files: [string, string][] = [
      ['missiles.json', 'missiles'],
      ['classes.json', 'classes'],
      ['agencies.json', 'agencies'],
      ['actors.json', 'actors'],
      ['seas.json', 'seas'],
      ['seas.json', 'eez'],
    ];
    let n = 0;
    for (const [file, list] of files) {
      const entries = readDataJson<Record<string, { patterns: (string | { pattern: string })[] }[]>>(file)[list];
      for (const e of entries) {
        for (const p of e.patterns) {
          const source = typeof p === 'string' ? p : p.pattern;
          expect(() => new RegExp(source, 'iu'), `${file}: ${source}`).not.toThrow();
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(300);
  });

  it('let every site alias find its own site when written alone', () => {
    for (const site of allSites()) {
      for (const alias of site.aliases) {
        const text = `It flew from ${aliasText(alias)} at dawn.`;
        const hits = findSites(text);
        expect(hits.map((h) => h.key), `${site.key}: "${aliasText(alias)}"`).toEqual([site.key]);
        expect(hits[0].surface).toBe(aliasText(alias));
      }
    }
  });

  it.skipIf(!hasReference)('cover every reference facility, and name no other', () => {
    const facilities = JSON.parse(readFileSync(join(REFERENCE, 'facilities.json'), 'utf8')).facilities as Record<string, unknown>;
    const refKeys = Object.keys(facilities).filter((k) => k !== 'unknown').sort();
    expect(allSites().map((s) => s.key).sort()).toEqual(refKeys);
  });

  it.skipIf(!hasReference)('are what the build script derives from the reference (no stale sites or launches)', () => {
    expect(() =>
      execFileSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build-reference-data.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

describe('findSites', () => {
  it('finds sites with their coordinates and spans', () => {
    const text = 'Seoul says the rockets rose from near Kalma before dawn.';
    const [hit] = findSites(text);
    expect(hit).toMatchObject({ key: 'wonsan', weak: false, surface: 'Kalma' });
    expect(text.slice(hit.start, hit.end)).toBe('Kalma');
    expect(hit.lat).toBeCloseTo(siteByKey('wonsan')!.lat);
  });

  it('accepts Korean romanisation variants', () => {
    const cases: [string, string][] = [
      ['Dongchang-ri', 'sohae'],
      ['Tongchang ri', 'sohae'],
      ['Changyon', 'jangyon'],
      ['Kittae-ryong', 'kittaeryong'],
      ['Kittaeryong', 'kittaeryong'],
      ['Bukchang', 'pukchang'],
      ['Sondong', 'sondok'],
      ['Junghwa', 'chunghwa'],
      ['Ryokpho', 'ryokpo'],
      ['Taekwan', 'taegwan'],
      ['Shinpo', 'sinpo'],
    ];
    for (const [words, key] of cases) {
      expect(findSites(`A test took place at ${words} on Monday.`).map((s) => s.key), words).toEqual([key]);
    }
  });

  it('flags ambiguous aliases as weak', () => {
    const [gov] = findSites('Pyongyang has warned it will respond.');
    expect(gov).toMatchObject({ key: 'pyongyang', weak: true });
    const [area] = findSites('The launches came from the Pyongyang area.');
    expect(area).toMatchObject({ key: 'pyongyang', weak: false, surface: 'Pyongyang area' });
  });

  it('prefers the longest alias', () => {
    expect(findSites('near Pyongyang International Airport').map((s) => [s.key, s.weak])).toEqual([['sunan', false]]);
    expect(findSites('from North Kusong').map((s) => s.key)).toEqual(['north-kusong']);
    expect(findSites('a pad on the Hodo Peninsula').map((s) => s.surface)).toEqual(['Hodo Peninsula']);
  });

  it('matches on word boundaries, case-insensitively, through curly apostrophes', () => {
    expect(findSites('the wonsan coastline')).toHaveLength(1);
    expect(findSites('Wonsanese')).toHaveLength(0);
    const hits = findSites('from Pyongyang’s international airport');
    expect(hits.map((h) => [h.key, h.surface])).toEqual([['sunan', 'Pyongyang’s international airport']]);
  });

  it('looks sites up by key', () => {
    expect(siteByKey('sinpo')?.name).toMatch(/Sinpo/);
    expect(siteByKey('nowhere')).toBeUndefined();
  });
});

describe('findMissiles', () => {
  it('prefers the more specific designation', () => {
    const hits = findMissiles('Officials believe it was a Hwasong-11D rather than an older Hwasong-11.');
    expect(hits.map((h) => h.name)).toEqual(['Hwasong-11D', 'Hwasong-11']);
    expect(hits[0]).toMatchObject({ class: 'SRBM', actor: 'DPRK', sameAs: 'KN-35' });
  });

  it('reports KN designations as written, with the Hwasong name alongside', () => {
    const [kn] = findMissiles('Analysts called the weapon a KN-23, a solid-fuel design.');
    expect(kn).toMatchObject({ name: 'KN-23', sameAs: 'Hwasong-11A', class: 'SRBM', surface: 'KN-23' });
    expect(findMissiles('a Hwasong-11A (KN-23)').map((h) => h.name)).toEqual(['Hwasong-11A', 'KN-23']);
  });

  it('keeps a plural s out of the span, and reads a lower-case final s as a plural', () => {
    const text = 'They fired two KN-24s and several Hwasong-11s.';
    const hits = findMissiles(text);
    expect(hits.map((h) => [h.name, h.surface])).toEqual([
      ['KN-24', 'KN-24'],
      ['Hwasong-11', 'Hwasong-11'],
    ]);
    expect(findMissiles('a new Hwasong-11S from a submarine').map((h) => h.name)).toEqual(['Hwasong-11S']);
  });

  it('accepts spelling variants and keeps the surface', () => {
    expect(findMissiles('The Hwaseong-18 flew high.').map((h) => h.name)).toEqual(['Hwasong-18']);
    expect(findMissiles('an Agni-V test').map((h) => [h.name, h.surface, h.class])).toEqual([['Agni-5', 'Agni-V', 'ICBM']]);
    expect(findMissiles('an unarmed Minuteman 3').map((h) => h.name)).toEqual(['Minuteman III']);
    expect(findMissiles('a Minuteman test').map((h) => h.weak)).toEqual([true]);
    expect(findMissiles('the Type-88 anti-ship missile').map((h) => [h.name, h.class])).toEqual([['Type 88', 'cruise']]);
  });

  it('does not take a site for a missile', () => {
    expect(findMissiles('the Musudan-ri launch pad')).toEqual([]);
    expect(findSites('the Musudan-ri launch pad').map((s) => s.key)).toEqual(['tonghae']);
  });

  it('covers other countries', () => {
    const text = 'Iran put up a Simorgh; China tested a DF-26B; Pakistan fired a Shaheen-III; Russia launched a Sarmat.';
    expect(findMissiles(text).map((h) => [h.name, h.actor, h.class])).toEqual([
      ['Simorgh', 'Iran', 'SLV'],
      ['DF-26B', 'China', 'IRBM'],
      ['Shaheen-III', 'Pakistan', 'MRBM'],
      ['Sarmat', 'Russia', 'ICBM'],
    ]);
  });

  it('looks missiles up by name', () => {
    expect(missileByName('hwasong 18')?.class).toBe('ICBM');
    expect(missileByName('Haeil')).toBeUndefined();
  });
});

describe('findClassPhrases', () => {
  it('finds class phrases, longest first', () => {
    const text = 'It fired short-range ballistic missiles and a long-range cruise missile, then an intercontinental ballistic missile.';
    expect(findClassPhrases(text).map((c) => [c.class, c.weak])).toEqual([
      ['SRBM', false],
      ['cruise', false],
      ['ICBM', false],
    ]);
  });

  it('marks suggestive phrases weak', () => {
    expect(findClassPhrases('a long-range missile').map((c) => [c.class, c.weak])).toEqual([['ICBM', true]]);
    expect(findClassPhrases('a hypersonic missile').map((c) => [c.class, c.weak])).toEqual([['HGV', true]]);
    expect(findClassPhrases('new satellite images').map((c) => [c.class, c.weak])).toEqual([['SLV', true]]);
  });

  it('knows rocket launchers and satellite launches', () => {
    expect(findClassPhrases('a super-large multiple rocket launcher drill').map((c) => c.class)).toEqual(['MLRS']);
    expect(findClassPhrases('a rocket carrying a reconnaissance satellite').map((c) => c.class)).toEqual(['SLV']);
  });
});

describe('findAgencies', () => {
  it('names who said it, preferring the fuller name', () => {
    const text = 'Japan’s Defense Ministry and the Joint Chiefs of Staff both reported it; KCNA confirmed it later.';
    expect(findAgencies(text).map((a) => [a.key, a.kind, a.weak])).toEqual([
      ['jp-mod', 'government', false],
      ['jcs', 'military', false],
      ['kcna', 'state-media', false],
    ]);
  });

  it('takes the JSC typo and bare "state media" only as weak', () => {
    expect(findAgencies('the JSC said').map((a) => [a.key, a.weak])).toEqual([['jcs', true]]);
    expect(findAgencies('state media said').map((a) => [a.key, a.weak])).toEqual([['kcna', true]]);
    expect(findAgencies('North Korean state media said').map((a) => [a.key, a.weak])).toEqual([['kcna', false]]);
  });
});

describe('findActors', () => {
  it('recognises launchers under several names', () => {
    const text = 'N. Korea and the Houthis fired missiles, while the U.S. Air Force tested one from Vandenberg.';
    expect(findActors(text).map((a) => a.actor)).toEqual(['DPRK', 'Houthis', 'USA', 'USA']);
    expect(findActors("North Korea's leader").map((a) => a.surface)).toEqual(["North Korea's"]);
  });

  it('holds case-sensitive abbreviations to their capitals', () => {
    expect(findActors('Let us know.')).toEqual([]);
    expect(findActors('The US said little.').map((a) => [a.actor, a.weak])).toEqual([['USA', true]]);
    expect(findAgencies('AP reported it, unlike the map.').map((a) => a.key)).toEqual(['ap']);
    expect(findAgencies('a mod for the game')).toEqual([]);
  });

  it('gives each actor a local time', () => {
    expect(actorInfo('DPRK')?.utcOffsetMinutes).toBe(540);
    expect(actorInfo('India')?.utcOffsetMinutes).toBe(330);
    expect(actorInfo(null)).toBeUndefined();
    expect(actorInfo('Atlantis')).toBeUndefined();
  });
});

describe('findSeas and findEez', () => {
  it('finds landing areas', () => {
    expect(findSeas('It came down in waters off its eastern coast.').map((s) => [s.landing, s.weak])).toEqual([['sea-of-japan', false]]);
    expect(findSeas('toward the West Sea').map((s) => s.landing)).toEqual(['yellow-sea']);
    expect(findSeas('far out in the Pacific Ocean').map((s) => s.surface)).toEqual(['Pacific Ocean']);
  });

  it('reads inside and outside the EEZ, negation included', () => {
    expect(findEez('It fell outside Japan’s exclusive economic zone.').map((e) => e.value)).toEqual(['outside']);
    expect(findEez('It landed within Japan’s EEZ.').map((e) => e.value)).toEqual(['inside']);
    expect(findEez("The missile did not land in Japan's EEZ.").map((e) => e.value)).toEqual(['outside']);
  });
});

describe('referenceLaunches', () => {
  it('lists past launches with typed, known sites', () => {
    const launches = referenceLaunches();
    expect(launches.length).toBeGreaterThan(100);
    for (const l of launches) {
      expect(l.dateUtc).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      if (l.timeUtc !== null) expect(l.timeUtc).toMatch(/^\d{2}:\d{2}$/);
      if (l.facility !== null) expect(siteByKey(l.facility), l.facility).toBeDefined();
      for (const v of [l.apogeeKm, l.distanceKm, l.bearing]) expect(v === null || typeof v === 'number').toBe(true);
    }
  });
});
