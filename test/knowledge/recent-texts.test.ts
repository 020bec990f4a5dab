import { describe, expect, it } from 'vitest';
import { RecentTexts } from '../../src/knowledge/recent-texts.js';
import { RECENT_TEXT_MAX_CHARS } from '../../src/settings.js';

describe('RecentTexts', () => {
  it('makes the value of a text once while it is remembered', () => {
    const memo = new RecentTexts<number>(4);
    let made = 0;
    const make = (t: string): number => (made++, t.length);
    expect(memo.get('the sea', make)).toBe(7);
    expect(memo.get('the sea', make)).toBe(7);
    expect(made).toBe(1);
  });

  it('remembers a false answer too', () => {
    const memo = new RecentTexts<boolean>(4);
    let made = 0;
    memo.get('no anchor here', () => (made++, false));
    memo.get('no anchor here', () => (made++, false));
    expect(made).toBe(1);
  });

  it('forgets every text once it holds as many as it may, and on clear', () => {
    const memo = new RecentTexts<string>(2);
    let made = 0;
    const make = (t: string): string => (made++, t.toUpperCase());
    memo.get('a', make);
    memo.get('b', make);
    memo.get('c', make); // full: a and b dropped
    memo.get('a', make);
    expect(made).toBe(4);
    memo.clear();
    memo.get('a', make);
    expect(made).toBe(5);
  });

  it('never keeps a text longer than RECENT_TEXT_MAX_CHARS', () => {
    const memo = new RecentTexts<number>(4);
    let made = 0;
    const long = 'x'.repeat(RECENT_TEXT_MAX_CHARS + 1);
    memo.get(long, () => ++made);
    memo.get(long, () => ++made);
    expect(made).toBe(2);
  });
});
