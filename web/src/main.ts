// The analyst's app: a hash router over the views, one data-version poll that refreshes the open view when
// reports arrive (from this browser or a `salvo ingest` beside the server).
import { getJson } from './api.js';
import { h } from './dom.js';
import { addView } from './views/add.js';
import { articleView, articlesView } from './views/article.js';
import { docsView } from './views/docs.js';
import { eventView } from './views/event.js';
import { mapView } from './views/map.js';
import { searchView } from './views/search.js';
import { sourcesView } from './views/sources.js';
import { timelineView } from './views/timeline.js';

export interface View {
  /** Called when the stored data changed while the view is open. */
  refresh?: () => void;
}

const main = document.getElementById('main') as HTMLElement;
let current: View = {};
let version = '';

function route(): { name: string; arg: string; params: URLSearchParams } {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const [name = '', ...rest] = path.split('/');
  return { name, arg: decodeURIComponent(rest.join('/')), params: new URLSearchParams(query) };
}

/** How many pages have been opened: a page's view only takes the window while it is the last one opened. */
let opened = 0;

/**
 * Opens the page the address names. Each view draws into a box of its own, in the window while it is the last
 * page opened: a slow view overtaken by a newer one (a quick click elsewhere) draws into its own box, out of
 * sight, and never over the newer page; only the last page's view is told when the data change.
 */
async function show(): Promise<void> {
  const mine = ++opened;
  const r = route();
  const box = h('div', { class: 'view' }, h('p', { class: 'muted' }, 'Loading…'));
  main.replaceChildren(box);
  current = {};
  for (const a of document.querySelectorAll('header nav a')) {
    const target = (a.getAttribute('href') ?? '').replace(/^#\/?/, '');
    if (target === r.name || (target === '' && r.name === '')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  let view: View = {};
  try {
    switch (r.name) {
      case '': view = await timelineView(box, r.params); break;
      case 'map': view = await mapView(box, r.params); break;
      case 'event': view = await eventView(box, r.arg); break;
      case 'article': view = await articleView(box, r.arg); break;
      case 'articles': view = await articlesView(box, r.params); break;
      case 'search': view = await searchView(box, r.params); break;
      case 'add': view = await addView(box); break;
      case 'docs': view = await docsView(box); break;
      case 'sources': view = await sourcesView(box); break;
      default:
        document.title = 'Not found · Salvo';
        box.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Back to the timeline')));
    }
  } catch (err) {
    box.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, err instanceof Error ? err.message : String(err)));
  }
  if (mine === opened) current = view;
}

/** Tell the open view when the data changed; views decide how to refresh (no full reload). */
export function dataChanged(): void {
  current.refresh?.();
}

async function poll(): Promise<void> {
  try {
    const s = await getJson<{ version: string }>('/api/status');
    if (version && s.version !== version) dataChanged();
    version = s.version;
  } catch {
    // server restarting: try again next time
  }
}

window.addEventListener('hashchange', () => {
  void show().then(() => main.focus({ preventScroll: true }));
});
void show();
void poll();
setInterval(() => void poll(), 5000);

document.getElementById('attribution')?.append(
  'Reference launches: CNS North Korea Missile Test Database (James Martin Center for Nonproliferation Studies, for NTI), via nagix/nk-missile-tests (Apache-2.0); facts only. Borders: Natural Earth via world-atlas.',
);
