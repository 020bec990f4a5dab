// The sources `salvo watch` polls: when each was last polled, its last error, and how many items it listed.
import { getJson } from '../api.js';
import { pageTitle } from '../data.js';
import { clear, h } from '../dom.js';
import type { View } from '../main.js';

interface Source {
  url: string;
  kind: string;
  intervalS: number;
  active: boolean;
  lastPoll: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  itemsSeen: number;
  itemsDone: number;
  itemsFailed: number;
  itemsPending: number;
}

/** A moment in UTC, the zone named ("2026-12-06 05:28 UTC"), the same for every reader. */
const when = (iso: string | null): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never');

export async function sourcesView(main: HTMLElement): Promise<View> {
  pageTitle('Sources');
  const body = h('div', { 'aria-live': 'polite' });
  main.replaceChildren(
    h('h1', {}, 'Watched sources'),
    h('p', { class: 'muted' }, 'Feeds and sitemaps polled by salvo watch (listed in salvo.config.json).'),
    body,
  );
  async function load(): Promise<void> {
    const r = await getJson<{ sources: Source[] }>('/api/sources');
    if (r.sources.length === 0) {
      clear(body, h('p', {}, 'No sources yet: list feeds in salvo.config.json and run salvo watch.'));
      return;
    }
    clear(body, h('table', { class: 'sources' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Every'), h('th', { scope: 'col' }, 'Last poll'), h('th', { scope: 'col' }, 'Last success'),
        h('th', { scope: 'col' }, 'Last error'), h('th', { scope: 'col' }, 'Items seen'), h('th', { scope: 'col' }, 'Stored / failed / pending'),
      )),
      h('tbody', {}, r.sources.map((s) => h('tr', {},
        h('td', { 'data-label': 'Source', class: 'source-url' }, h('a', { href: s.url, rel: 'noreferrer' }, s.url), s.kind !== 'auto' ? h('span', { class: 'muted' }, ` (${s.kind})`) : null),
        h('td', { 'data-label': 'Every' }, `${s.intervalS} s`),
        h('td', { 'data-label': 'Last poll' }, when(s.lastPoll)),
        h('td', { 'data-label': 'Last success' }, when(s.lastSuccess)),
        h('td', { 'data-label': 'Last error', class: s.lastError ? 'error' : 'muted' }, s.lastError ?? (s.lastPoll ? 'none' : '—')),
        h('td', { 'data-label': 'Items seen' }, s.itemsSeen),
        h('td', { 'data-label': 'Stored / failed / pending' }, `${s.itemsDone} / ${s.itemsFailed} / ${s.itemsPending}`),
      ))),
    ));
  }
  await load();
  // Polls change no article when nothing is new: reload on a timer too, so "last poll" stays current.
  const timer = setInterval(() => {
    if (!document.body.contains(body)) clearInterval(timer);
    else void load().catch(() => undefined);
  }, 10_000);
  return { refresh: () => void load() };
}
