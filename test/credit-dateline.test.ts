import { describe, expect, it } from 'vitest';
import { splitJoinedLine } from '../src/clean/boilerplate.js';
import { extract, fieldValue } from './helpers/article.js';

// A photo credit run into the text's dateline ("…/AFP SEOUL — …") is cut off, so the report is not read as caption.
describe('credit run into a dateline', () => {
  it('"Kim Min-su/AFP TOKYO — …" is cut before the dateline', () => {
    expect(splitJoinedLine('Photo: Kim Min-su/AFP TOKYO — Northland fired a missile on Monday.')).toEqual([
      'Photo: Kim Min-su/AFP',
      'TOKYO — Northland fired a missile on Monday.',
    ]);
  });
  it('"(Reuters)NEW DELHI (AP) -- …" is cut too', () => {
    expect(splitJoinedLine('(Reuters)NEW DELHI (AP) -- Troops test-fired a rocket.')).toEqual(['(Reuters)', 'NEW DELHI (AP) -- Troops test-fired a rocket.']);
  });
  it('an agency inside a sentence is left alone', () => {
    expect(splitJoinedLine('Officials told Reuters on Monday that the rocket flew 300 km.')).toEqual(['Officials told Reuters on Monday that the rocket flew 300 km.']);
    expect(splitJoinedLine('A spokesman told AFP the NATO allies — not Seoul — would respond.')).toHaveLength(1);
  });
  it('the report after a caption and a run-in credit keeps its facts', () => {
    const { ex } = extract({
      title: 'Missile alert',
      text: 'Commuters watch a screen showing a file image of a rocket launch at a station.\n\nPhoto: Kim Min-su/AFP SEOUL — North Korea fired a short-range ballistic missile at 6:15 a.m. on Monday, the military said.',
      published: '2025-03-10',
    });
    expect(ex.isLaunchReport).toBe(true);
    expect(fieldValue(ex, 'time_local')).toBe('06:15');
  });
});
