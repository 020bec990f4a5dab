// The table gates (src/knowledge/table-gate.ts) must never turn away a text that some rule of the table matches:
// checked rule by rule, on sentences written here in three languages and on sentences made from the tables' own
// names and aliases, spelled with curly quotes, Unicode hyphens, no-break spaces, line breaks and other letter case.
import { describe, expect, it } from 'vitest';
import { findEez, findMissiles, findSeas, findSites, fold, ruleSets, tables } from '../../src/knowledge/index.js';
import { tableGate } from '../../src/knowledge/table-gate.js';

const WRITTEN = [
  'The projectile flew about 350 km before it came down in waters off the peninsula, officials said.',
  'Seoul said the launch came from near the capital early on Tuesday and the missile fell outside Japan\u2019s exclusive economic zone.',
  'A spokesman for the defence ministry in Tokyo told reporters the object splashed down in the Sea of Japan.',
  'The U.S. Indo-Pacific Command said it was aware of the launch of a short\u2011range ballistic missile.',
  'Analysts at the think tank said the solid-fuel Hwasong-18 was last tested in July from Pyongyang.',
  'The weather in the capital was mild, and the markets closed slightly higher on Friday.',
  '북한이 오늘 오전 평안남도 일대에서 동해상으로 단거리 탄도미사일 2발을 발사했다고 합참이 밝혔다.',
  '북한은 신형 고체연료 대륙간탄도미사일 화성-19형을 시험발사했다고 조선중앙통신이 보도했다.',
  '防衛省によると、北朝鮮は午前7時ごろ、弾道ミサイル1発を日本海に向けて発射し、EEZ外に落下した。',
  '政府関係者は、巡航ミサイルが西海岸付近から発射された可能性があると述べた。',
  'Le missile est tombé en mer, selon l\u2019état-major sud-coréen.',
];

const itemText = (x: string | { text: string } | { pattern: string }): string | null => (typeof x === 'string' ? x : 'text' in x ? x.text : null);

/** Names and aliases written in the tables (not their regexes), in a few frames and spellings. */
function madeFromTables(): string[] {
  const t = tables();
  const names: string[] = [];
  for (const s of t.sites) names.push(s.name, ...s.aliases.map(itemText).filter((x): x is string => x !== null));
  for (const m of t.missiles) names.push(m.name);
  for (const s of t.seas) names.push(s.name);
  for (const e of t.eez) names.push(e.name);
  for (const a of t.agencies.values()) names.push(a.name);
  const out: string[] = [];
  for (const n of names) {
    out.push(`Officials said two of the ${n} were fired on Monday.`);
    out.push(`${n.toUpperCase()}\u00A0said.`);
    out.push(n.replace(/'/g, '\u2019').replace(/-/g, '\u2010').replace(/ /g, '\n'));
    out.push(`어제 ${n}에서`);
  }
  return out;
}

describe('table gates', () => {
  const texts = [...WRITTEN, ...madeFromTables()];
  for (const [table, rules] of Object.entries(ruleSets())) {
    it(`${table}: every text a rule matches passes the gate`, () => {
      const gate = tableGate(rules.map((r) => r.source));
      expect(gate).not.toBeNull();
      const compiled = rules.map((r) => new RegExp(r.source, 'iu'));
      let matched = 0;
      const missed: string[] = [];
      for (const text of texts) {
        const hit = compiled.findIndex((re) => re.test(fold(text)));
        if (hit < 0) continue;
        matched++;
        if (!gate?.test(text)) missed.push(`${rules[hit].where}: ${JSON.stringify(text)}`);
      }
      expect(missed).toEqual([]);
      // The check is only worth something when the table's rules do match some of the texts.
      expect(matched).toBeGreaterThan(2);
    });
  }

  it('turns away sentences with no word of a table, which the matcher then finds nothing in', () => {
    const text = 'The weather in the capital was mild, and the markets closed slightly higher on Friday.';
    expect(tableGate(ruleSets().eez.map((r) => r.source))?.test(text)).toBe(false);
    expect(tableGate(ruleSets().seas.map((r) => r.source))?.test(text)).toBe(false);
    expect(findEez(text)).toEqual([]);
    expect(findSeas(text)).toEqual([]);
  });

  it('lets the lookups find what the tables name, through the gates, in every locale', () => {
    expect(findSeas('It fell into the Sea of Japan.').map((s) => s.landing)).toEqual(['sea-of-japan']);
    expect(findMissiles('미사일은 화성-18형으로 추정된다', 'ko').map((m) => m.name)).toEqual(['Hwasong-18']);
    expect(findSites('The launch came from Sohae on Tuesday.').map((s) => s.surface)).toEqual(['Sohae']);
    expect(findEez('北朝鮮のミサイルはEEZ外に落下した', 'ja').map((e) => e.value)).toEqual(['outside']);
  });

  it('has no gate for an empty table or a rule with no literal to anchor on', () => {
    expect(tableGate([])).toBeNull();
    expect(tableGate(['korea', '\\p{L}+'])).toBeNull();
  });
});
