// Full-text search over articles (SQLite FTS5 on the server).
import { getJson, type ArticleSummary } from '../api.js';
import { pageTitle } from '../data.js';
import { clear, h } from '../dom.js';
import type { View } from '../main.js';

interface Hit extends ArticleSummary {
  snippet: { text: string; match: boolean }[];
}

export async function searchView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  const q = params.get('q') ?? '';
  const input = h('input', { type: 'search', name: 'q', id: 'search-q', value: q, placeholder: 'Hwasong, "East Sea", Sinpo…', required: true, maxlength: 500 });
  const form = h('form', { role: 'search', class: 'search' }, h('label', { for: 'search-q' }, 'Search articles'), input, h('button', { type: 'submit' }, 'Search'));
  const results = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (input as HTMLInputElement).value.trim();
    if (v) location.hash = `#/search?q=${encodeURIComponent(v)}`;
  });
  pageTitle(q ? `Search: ${q}` : 'Search');
  main.replaceChildren(h('h1', {}, 'Search'), form, results);
  async function load(): Promise<void> {
    if (!q) return;
    const r = await getJson<{ total: number; estimated?: boolean; results: Hit[] }>('/api/search', { q, limit: 50 });
    // An estimated total: the word is in too many articles to count; the best of the newest matches are shown.
    const found = r.estimated
      ? `About ${r.total.toLocaleString('en')} articles found (too many to rank them all: the best 50 of the newest shown).`
      : `${r.total} article${r.total === 1 ? '' : 's'} found${r.total > 50 ? ' (best 50 shown)' : ''}.`;
    clear(results,
      h('p', { class: 'muted' }, found),
      h('ol', { class: 'hits' }, r.results.map((x) => h('li', {},
        h('a', { href: `#/article/${x.id}` }, x.headline || x.title || 'report'),
        h('span', { class: 'muted' }, ` — ${x.source ?? 'unknown outlet'}${x.published ? `, ${x.published}` : ''}`),
        x.eventId ? [' ', h('a', { href: `#/event/${encodeURIComponent(x.eventId)}` }, x.eventId)] : null,
        h('p', { class: 'snippet' }, x.snippet.map((p) => (p.match ? h('mark', {}, p.text) : p.text))),
      ))),
    );
  }
  await load();
  return { refresh: () => void load() };
}
