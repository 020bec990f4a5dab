// The cheap tests in front of the boilerplate rules (src/clean/boilerplate.ts) must agree with what they stand for:
// the joined prefix gate with the prefix rules one by one (on lines written here and on seeded random lines made of
// pieces of them), and a line rule's requires test with the rule.
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/seeded-random.mjs';
import { MAX_BOILERPLATE_LINE_CHARS } from '../../src/settings.js';
import { LINE_RULES, matchBoilerplateLine, mayStartWithPrefix, mentionsLaunchFact, PREFIX_RULES } from '../../src/clean/boilerplate.js';

const WRITTEN = [
  'Privacy PolicyreCAPTCHANorthland fired a rocket on Monday.',
  'Terms of service were changed by the council.',
  'Advertisement The rocket lifted off at dawn.',
  'skip to the main contentThe ministry said nothing.',
  'Menu content',
  'The rocket flew 300 km (186 miles) into the sea.',
  'Home > News > World',
  'Kim Min-su/AFP via Getty Images',
  'In this undated photo released by the agency, a rocket stands on its pad.',
  'Contact: desk@example.org',
  '(c) 2031 Harbor Times',
  '[Harbor Times] https://example.org/a',
  'No redistribution.',
  'Shutterstock',
  'A photo by Lee Jae-won',
  '',
];

const PIECES = [
  'privacy policy', 'PRIVACY POLICY', 'recaptcha', 'terms of use', 'cookie policy', 'skip to content', 'go to the navigation',
  'menu content', 'advertisement', 'contributorspublishersadvertisers', 'photo', 'Image', 'via ap', 'via  Reuters', '/afp',
  '(ap photo/', 'this undated file picture', 'getty\timages', 'no redistribution', '>', '|', '<', '@', '(c)', '] https://',
  'the rocket', ' ', '  ', '.', ',', 'Northland', 'fired', '300 km', '(', ')', 'ſ', 'K', '»',
  'PHOTO BY', 'Kim Su', 'shutter', 'stock', 'this picture', 'photo taken by', 'Getty Images)', '(AP Photo/', 'picture',
  'via ', 'AP', 'Reuters', '/Reuters', 'Yonhap', 'copyright', 'all rights reserved', 'Home', 'News', '›', '|', 'ⓒ', 'Ⓒ', '자료사진', '写真：',
];

function randomLines(count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let line = '';
    for (let i = 1 + Math.floor(next() * 6); i > 0; i--) line += PIECES[Math.floor(next() * PIECES.length)];
    out.push(line);
  }
  return out;
}

const LINES = [...WRITTEN, ...randomLines(4000, 7)];

describe('boilerplate gates', () => {
  it('the prefix gate says no only when no prefix rule matches', () => {
    for (const line of LINES) {
      expect(mayStartWithPrefix(line), line).toBe(PREFIX_RULES.some((rule) => rule.pattern.test(line)));
    }
  });

  it('a line is the boilerplate of the first rule that matches it, as the rules tried one by one say (gates and scans agree)', () => {
    const plain = (line: string) =>
      line.length > MAX_BOILERPLATE_LINE_CHARS ? null : (LINE_RULES.find((rule) => rule.pattern.test(line) && !(rule.keepIfLaunchFact && mentionsLaunchFact(line))) ?? null);
    let matched = 0;
    for (const line of LINES) {
      const rule = plain(line);
      if (rule) matched++;
      expect(matchBoilerplateLine(line), line).toBe(rule);
    }
    // The lines try the gated rules both ways: some are boilerplate, most are not.
    expect(matched).toBeGreaterThan(100);
    expect(matched).toBeLessThan(LINES.length - 100);
  });

  it('a line rule with a requires test matches behind it, and a line without its words is no boilerplate', () => {
    expect(LINE_RULES.some((rule) => rule.requires && rule.reason === 'copyright')).toBe(true);
    expect(matchBoilerplateLine('Harbor Times Company. All Rights Reserved.')?.reason).toBe('copyright');
    expect(matchBoilerplateLine('Harbor Times Company. All rights were reserved for the launch crews.')).toBeNull();
  });
});
