// Event page: every field with its value, confidence and support; each claim with outlet, agency and the
// quoted sentence; disagreements side by side; links to the articles.
import { ApiError, getJson, type Claim, type EventPage } from '../api.js';
import { extLink, h } from '../dom.js';
import type { View } from '../main.js';

const LABELS: Record<string, string> = {
  date_local: 'Date (local)', time_local: 'Time (local)', site: 'Site', count_min: 'Count (at least)', count_exact: 'Count is exact',
  class: 'Class', name: 'Missile', distance_km: 'Distance (km)', apogee_km: 'Apogee (km)', landing: 'Landing area', eez: 'Japan EEZ',
};

const show = (v: unknown): string => (v === null || v === undefined ? '–' : String(v));

/** The sentence with the words that state the value marked. */
export function quoted(sentence: string, quote: string): HTMLElement {
  const at = quote ? sentence.indexOf(quote) : -1;
  const q = h('q', { class: 'sentence' });
  if (at < 0) q.append(sentence);
  else q.append(sentence.slice(0, at), h('mark', {}, quote), sentence.slice(at + quote.length));
  return q;
}

function claimView(c: Claim): HTMLElement {
  return h('li', { class: 'claim' },
    h('blockquote', {}, quoted(c.sentence, c.quote)),
    h('p', { class: 'who' },
      h('span', { class: 'agency' }, c.saidBy ?? 'unattributed'),
      ' · ', c.outlet ?? 'unknown outlet',
      ' · ', h('a', { href: `#/article/${c.articleId}` }, c.title ?? 'article'),
      ` · confidence ${c.confidence.toFixed(2)}${c.implied ? ' · partly implied' : ''}`,
    ),
  );
}

export async function eventView(main: HTMLElement, id: string): Promise<View> {
  async function render(): Promise<void> {
    let ev: EventPage;
    try {
      ev = await getJson<EventPage>(`/api/events/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
        main.replaceChildren(h('h1', {}, 'No such event'), h('p', {}, err.message, ' — ', h('a', { href: '#/' }, 'back to the timeline')));
        return;
      }
      throw err;
    }
    const impact = ev.impact;
    const overview = h('table', { class: 'fields' },
      h('caption', {}, 'Fields'),
      h('thead', {}, h('tr', {}, ['Field', 'Value', 'Confidence', 'Supporting reports'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ev.overview.map((f) => h('tr', { class: f.disputed ? 'disputed' : '' },
        h('th', { scope: 'row' }, LABELS[f.field] ?? f.field),
        h('td', {}, show(f.value), f.disputed ? h('span', { class: 'badge warn' }, 'sources disagree') : null),
        h('td', {}, f.value === null ? '–' : f.confidence.toFixed(2)),
        h('td', {}, f.value === null ? '–' : `${f.reports} of ${f.reportsStating}`),
      ))),
    );
    const claims = h('section', { class: 'claims' }, h('h2', {}, 'What each report says'));
    for (const [field, data] of Object.entries(ev.fields)) {
      if (data.candidates.length === 0) continue;
      const block = h('section', { class: 'field-claims', id: `field-${field}` }, h('h3', {}, LABELS[field] ?? field, ': ', show(data.value)));
      const cols = h('div', { class: data.disputed ? 'disagree' : 'agree' });
      for (const c of data.candidates) {
        cols.append(h('div', { class: `candidate${c.value === data.value ? ' chosen' : ''}` },
          data.candidates.length > 1 ? h('h4', {}, show(c.value), ` — ${c.reports} report${c.reports === 1 ? '' : 's'}`) : null,
          h('ul', {}, c.claims.map(claimView)),
        ));
      }
      block.append(cols);
      claims.append(block);
    }
    main.replaceChildren(
      h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Timeline'), ' › event'),
      h('h1', {}, `${ev.actor ?? 'Unknown'} launch, ${ev.dateLocal ?? 'undated'}`),
      h('p', { class: 'lead' }, `Event ${ev.id} · ${ev.count} missile(s) · ${ev.siteName ?? 'site unknown'} · ${ev.articles.length} report${ev.articles.length === 1 ? '' : 's'}`),
      impact
        ? h('p', { class: 'impact' },
            `Estimated impact ${impact.point.lat.toFixed(2)}°N ${impact.point.lon.toFixed(2)}°E: bearing ${Math.round(impact.bearing.deg)}° (${Math.round(impact.bearing.min)}–${Math.round(impact.bearing.max)}°, from ${impact.bearing.from}: “${impact.bearing.basis}”), distance ${Math.round(impact.distance.km)} km (${impact.distance.min}–${impact.distance.max} km, from ${impact.distance.from}). `,
            h('a', { href: `#/map?event=${encodeURIComponent(ev.id)}` }, 'Show on the map'))
        : h('p', { class: 'impact muted' }, 'No impact estimate: the site, a bearing or a distance is unknown.'),
      h('div', { class: 'scroll' }, overview),
      claims,
      h('section', {}, h('h2', {}, 'Reports'), h('ul', { class: 'articles' }, ev.articles.map((a) => h('li', {},
        h('a', { href: `#/article/${a.id}` }, a.title ?? a.origin ?? a.id.slice(0, 12)),
        ` — ${a.outlet ?? 'unknown outlet'}${a.published ? `, ${a.published}` : ''} `,
        a.url ? extLink(a.url, 'original') : null,
      )))),
    );
  }
  await render();
  return { refresh: () => void render() };
}
