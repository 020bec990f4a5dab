// The PostgreSQL store indexes trigrams only of articles flagged `unspaced` by a character class written in SQL
// (migration 011); a Korean, Japanese or Chinese search word must never occur in an article left unflagged, so
// the class must hold every character the search treats as unspaced (UNSPACED_SCRIPT). The SQLite store's gram
// index must hold every search part of one or two such characters that occurs in an article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PG_MIGRATIONS_DIR } from '../src/store/postgres/migrate.js';
import { queryParts, UNSPACED_SCRIPT, unspacedGrams } from '../src/store/search-text.js';

/** The migration's bracket expression as a JavaScript regular expression (\\uXXXX and \\UXXXXXXXX escapes). */
function migrationClass(): RegExp {
  const sql = readFileSync(join(PG_MIGRATIONS_DIR, '011-unspaced-trigrams.sql'), 'utf8');
  const match = /~ '(\[[^\]]+\])'/.exec(sql);
  if (!match) throw new Error('no character class in migration 011');
  return new RegExp(match[1].replace(/\\U([0-9A-Fa-f]{8})/g, (_, hex: string) => `\\u{${parseInt(hex, 16).toString(16)}}`), 'u');
}

describe('the unspaced flag of the PostgreSQL store', () => {
  const flagged = migrationClass();

  it('covers every Hangul, kana and Han character', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (UNSPACED_SCRIPT.test(ch) && !flagged.test(ch)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('flags texts holding a searched unspaced word and leaves plain English unflagged', () => {
    for (const word of ['미사일', 'ミサイル', '弾道', '火星-15']) {
      expect(queryParts(word)[0].unspaced).toBe(true);
      expect(flagged.test(`North Korea fired a ${word} on Monday`)).toBe(true);
    }
    expect(flagged.test('SEOUL, April 4 — North Korea fired a ballistic missile, officials said: “it flew 610 km”.')).toBe(false);
  });
});

describe('the grams of the SQLite gram index', () => {
  it('are every Hangul, kana or Han character and every adjacent pair with one, once each, never across words', () => {
    expect(unspacedGrams('K팝 소식', '북한이 發射, 北朝鮮.').split(' ').sort()).toEqual(
      ['K팝', '팝', '소', '소식', '식', '북', '북한', '한', '한이', '이', '發', '發射', '射', '北', '北朝', '朝', '朝鮮', '鮮'].sort(),
    );
    // Plain English holds none; a title may be missing.
    expect(unspacedGrams(null, 'Freedonia fired a missile.')).toBe('');
  });

  it('hold every search part of one or two characters that occurs in the text', () => {
    const text = '합참은 오늘 KN-23 탄도미사일 1발을 발사했다고 밝혔다. 防衛省によると、弾道ミサイル2発が発射された。';
    const grams = new Set(unspacedGrams(null, text).split(' '));
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      for (const part of [chars[i], chars.slice(i, i + 2).join('')]) {
        const [only] = queryParts(part);
        // Parts searched as substrings: one word of letters and digits holding a Hangul, kana or Han character.
        if (only && only.unspaced && only.words.length === 1 && only.words[0] === part) expect(grams.has(part), part).toBe(true);
      }
    }
  });
});
