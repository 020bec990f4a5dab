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

async function show(): Promise<void> {
  const r = route();
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  for (const a of document.querySelectorAll('header nav a')) {
    const target = (a.getAttribute('href') ?? '').replace(/^#\/?/, '');
    if (target === r.name || (target === '' && r.name === '')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  try {
    switch (r.name) {
      case '': current = await timelineView(main, r.params); break;
      case 'map': current = await mapView(main, r.params); break;
      case 'event': current = await eventView(main, r.arg); break;
      case 'article': current = await articleView(main, r.arg); break;
      case 'articles': current = await articlesView(main, r.params); break;
      case 'search': current = await searchView(main, r.params); break;
      case 'add': current = await addView(main); break;
      case 'docs': current = await docsView(main); break;
      case 'sources': current = await sourcesView(main); break;
      default:
        document.title = 'Not found · Salvo';
        main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Back to the timeline')));
        current = {};
    }
  } catch (err) {
    main.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, err instanceof Error ? err.message : String(err)));
    current = {};
  }
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
