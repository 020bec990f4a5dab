// Line-level cleaning: strip glued boilerplate, join wrapped lines, drop boilerplate, link lists,
// duplicates and the repeated title; a live blog posted newest first is put in the order things happened.
// Returns the kept lines (future paragraphs) and what was removed.
import type { RemovedBlock } from '../types.js';
import { DATE_MARKER, isBoilerplateLine, matchBoilerplateLine, PREFIX_RULES, splitJoinedLine } from './boilerplate.js';
import { MAX_LINK_LIST_ITEMS } from '../settings.js';
import { chronologicalLiveBlog } from './live-blog.js';

/** Letters and digits only, lower-cased: "(LEAD) N. Korea fires…" and "(lead) n korea fires…" compare equal. */
const comparable = (line: string): string => line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Strips boilerplate glued to the start of a line; a prefix only counts when a real line follows it. */
function stripPrefixes(line: string, removed: RemovedBlock[], isFirstLine: boolean): string {
  let rest = line;
  if (isFirstLine) {
    const marker = DATE_MARKER.pattern.exec(rest);
    if (marker) {
      removed.push({ text: marker[0], reason: DATE_MARKER.reason });
      rest = rest.slice(marker[0].length).trim();
    }
  }
  // Collect a chain of glued prefixes ("Privacy Policy" + "reCAPTCHA"), then accept it only if what follows
  // starts like a real line: "Privacy PolicyreCAPTCHANorth…" strips, "Terms of service were…" does not.
  const chain: RemovedBlock[] = [];
  let after = rest;
  for (let found = true; found && after !== ''; ) {
    found = false;
    for (const rule of PREFIX_RULES) {
      const m = rule.pattern.exec(after);
      if (!m) continue;
      chain.push({ text: m[0], reason: rule.reason });
      after = after.slice(m[0].length).trimStart();
      found = true;
      break;
    }
  }
  if (chain.length > 0 && (after === '' || /^[\p{Lu}\p{N}"“‘'(]/u.test(after))) {
    removed.push(...chain);
    rest = after;
  }
  return rest;
}

// A line cut in the middle of a sentence: no closing punctuation, and the next line goes on in lower case, or
// with a figure and its lower-case unit after a lower-case word ("…an altitude of more than" + "2,500 km.").
const endsOpen = (line: string): boolean => !/[.!?:;"”’')\]…]$/.test(line);
// A bracket left open at the end of a line ("at 5:58 a.m. (2058 GMT" + "Tuesday) from near …") goes on too.
const continuesSentence = (line: string, previous: string): boolean =>
  /^\p{Ll}/u.test(line) ||
  (/\p{Ll}$/u.test(previous) && /^\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*\p{Ll}/u.test(line)) ||
  (/\([^()]*$/.test(previous) && /^[^()]*\)/.test(line));

// Items of a link list: short headline-like lines, or numbered/bulleted links. A line that ends like a
// sentence (also 。, ！, ？ and a closing 」 or 』 after them) is text again.
function isLinkItem(line: string): boolean {
  if (/^\[\d{1,3}\]/.test(line) || /^https?:\/\/\S+$/.test(line)) return true;
  const words = line.split(' ').length;
  return words <= 20 && !/[.!?。！？]["”’'」』]?$/.test(line);
}

export interface CleanLines {
  lines: string[];
  removed: RemovedBlock[];
}

export function cleanLines(text: string, title: string | null): CleanLines {
  const removed: RemovedBlock[] = [];
  const raw: string[] = [];
  for (const line of text.split('\n').flatMap(splitJoinedLine)) {
    const trimmed = line.replace(/[ \t\f\v]+/g, ' ').trim();
    if (trimmed === '') continue;
    const rest = stripPrefixes(trimmed, removed, raw.length === 0 && removed.length === 0);
    if (rest === '') continue;
    const previous = raw.length - 1;
    // Never glue boilerplate to a neighbour ("Close" + "newsletters…"): each must stay droppable on its own.
    const wrapped = previous >= 0 && endsOpen(raw[previous]) && continuesSentence(rest, raw[previous]);
    if (wrapped && !isBoilerplateLine(raw[previous]) && !isBoilerplateLine(rest)) raw[previous] += ` ${rest}`;
    else raw.push(rest);
  }

  const kept: string[] = [];
  const seen = new Set<string>();
  const titleKey = title ? comparable(title) : null;
  let linkListLeft = 0;
  for (const line of raw) {
    const key = comparable(line);
    if (linkListLeft > 0) {
      if (isLinkItem(line)) {
        removed.push({ text: line, reason: 'link-list' });
        linkListLeft--;
        continue;
      }
      linkListLeft = 0;
    }
    if (titleKey && key === titleKey) {
      removed.push({ text: line, reason: 'title' });
      continue;
    }
    const rule = matchBoilerplateLine(line);
    if (rule) {
      removed.push({ text: line, reason: rule.reason });
      if (rule.startsLinkList) linkListLeft = MAX_LINK_LIST_ITEMS;
      continue;
    }
    // Exact repeats (captions shown twice, a headline repeated) — only a line with letters counts.
    if (key !== '' && seen.has(key)) {
      removed.push({ text: line, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    kept.push(line);
  }
  return { lines: chronologicalLiveBlog(kept), removed };
}
