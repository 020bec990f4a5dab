// How an article is named for a reader: its title, else its headline (the first line of its text), never the
// server path it was read from; where it came from without server folders; its outlet without a port.
import { HEADLINE_MAX_CHARS } from './settings.js';

/** The article's title, else the first line of its text cut at a word to HEADLINE_MAX_CHARS ("" when empty). */
export function displayTitle(title: string | null, text: string): string {
  if (title && title.trim()) return title.trim();
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  if (line.length <= HEADLINE_MAX_CHARS) return line;
  const cut = line.slice(0, HEADLINE_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * Where an article came from, safe to show beyond the server: a web address, a paste or an upload as stored; a
 * file on the server as its file name alone (with its line or record number), never its folders.
 */
export function publicOrigin(origin: string): string {
  if (/^(?:https?:|browser:|upload:)/.test(origin)) return origin;
  return origin.split(/[\\/]/).pop() ?? origin;
}

/** An outlet as a reader names it: the domain without a port ("example.org:8443" → "example.org"). */
export function outletName(source: string | null): string | null {
  return source === null ? null : source.replace(/:\d+$/, '');
}
