import { describe, expect, it } from 'vitest';
import { findClassPhrases, findMissiles } from '../../src/knowledge/index.js';
import { romanisedSource } from '../../src/knowledge/romanisation.js';

const matches = (name: string, text: string): boolean => new RegExp(`^(?:${romanisedSource(name) ?? '(?!)'})$`, 'iu').test(text);
const named = (text: string): string[] => findMissiles(text).map((m) => m.name);

describe('romanised spellings generated from a designation', () => {
  it('varies the vowels eo/eu/o/u', () => {
    for (const s of ['Hwasong-15', 'Hwaseong-15', 'Hwasung-15']) expect(matches('Hwasong-15', s), s).toBe(true);
    expect(matches('Pukguksong', 'Bukgeukseong')).toBe(true);
  });
  it('varies k/g, p/b and ch/j', () => {
    expect(matches('Pukguksong-2', 'Bukkuksong-2')).toBe(true);
    expect(matches('Chollima-1', 'Jollima-1')).toBe(true);
    expect(matches('Chollima-1', 'Cheollima-1')).toBe(true);
  });
  it('joins the parts with a hyphen, a space or nothing', () => {
    for (const s of ['Hwasong-11-Da-4.5', 'Hwasong 11 Da 4.5', 'Hwasong11Da4.5']) expect(matches('Hwasong-11-Da-4.5', s), s).toBe(true);
  });
  it('lets state media put "-pho" or "po" between the family word and the number', () => {
    for (const s of ['Hwasongpho-17', 'Hwasong-pho-17', 'Hwasongpo 17']) expect(matches('Hwasong-17', s), s).toBe(true);
  });
  it('keeps short codes as written', () => {
    expect(romanisedSource('KN-23')).toBeNull();
    expect(romanisedSource('K-4')).toBeNull();
  });
  it('does not stretch a name into another', () => {
    expect(matches('Hwasong-17', 'Hwasong-171')).toBe(false);
    expect(matches('Musudan', 'Musudanri')).toBe(false);
  });
});

describe('designations found in text', () => {
  it('reads state-media and variant spellings as the row they spell', () => {
    expect(named('The test of the Hwasongpho-18 was a success.')).toEqual(['Hwasong-18']);
    expect(named('a newly built Hwasongpho-11-Da-4.5 missile')).toEqual(['Hwasong-11-Da-4.5']);
    expect(named('the Bukgeukseong-3 was fired')).toEqual(['Pukguksong-3']);
  });
  it('names a family without its number', () => {
    expect(named('officials think it belongs to the Pukguksong series')).toEqual(['Pukguksong']);
    expect(named('two Hwasal strategic cruise missiles')).toEqual(['Hwasal']);
  });
  it('knows interceptors and the 600-mm rocket launcher', () => {
    expect(named('an L-SAM interceptor hit the target drone')).toEqual(['L-SAM']);
    expect(named('Israel tested the Arrow III system')).toEqual(['Arrow 3']);
    expect(named('the 600-mm super-large multiple rocket launchers fired')).toEqual(['super-large multiple rocket launcher']);
  });
  it('does not take a satellite for the rocket', () => {
    expect(named('the satellite Kwangmyongsong-3 reached orbit')).toEqual([]);
  });
});

describe('space-launch phrases', () => {
  const classes = (text: string): string[] => findClassPhrases(text).filter((c) => !c.weak).map((c) => c.class);
  it('"launched a <name> satellite" is a space launch, satellite imagery is not', () => {
    expect(classes('the agency launched a Nahid research satellite')).toEqual(['SLV']);
    expect(classes('a rocket that it says carried a weather satellite')).toEqual(['SLV']);
    expect(classes('commercial satellite imagery showed the pad')).toEqual([]);
  });
  it('"midrange" is medium range', () => {
    expect(classes('a midrange ballistic missile')).toEqual(['MRBM']);
  });
});
