// Event page: every field with its value, the sources' agreement on it and its support; each claim with outlet, agency and the
// quoted sentence; disagreements side by side; links to the articles.
import { ApiError, getJson, type Claim, type EventPage } from '../api.js';
import { LANGUAGE_NAMES, pageTitle, siteNames } from '../data.js';
import { label, showValue } from '../display.js';
import { extLink, h, languageBadges } from '../dom.js';
import type { View } from '../main.js';
import { citationView } from './citation.js';

const show = (v: unknown): string => (v === null || v === undefined ? '–' : String(v));
/** Set per render: field values with site and sea names, times with their zone. */
let shown: (field: string, v: unknown) => string = (_f, v) => show(v);

/** The sentence with the words that state the value marked. */
export function quoted(sentence: string, quote: string): HTMLElement {
  const at = quote ? sentence.indexOf(quote) : -1;
  const q = h('q', { class: 'sentence' });
  if (at < 0) q.append(sentence);
  else q.append(sentence.slice(0, at), h('mark', {}, quote), sentence.slice(at + quote.length));
  return q;
}

/** A claim: the sentence quoted in its own language, then the value read from it, normalized and in English. */
function claimView(c: Claim, field: string): HTMLElement {
  return h('li', { class: 'claim', 'data-language': c.language },
    h('blockquote', { lang: c.language }, quoted(c.sentence, c.quote)),
    h('p', { class: 'reading' }, languageBadges([c.language], LANGUAGE_NAMES), ' read as ', h('strong', { class: 'value' }, shown(field, c.value))),
    h('p', { class: 'who' },
      h('span', { class: 'agency' }, c.saidBy ?? 'unattributed'),
      ' · ', c.outlet ?? 'unknown outlet',
      ' · ', h('a', { href: `#/article/${c.articleId}` }, c.title || 'report'),
      ` · confidence ${c.confidence.toFixed(2)}${c.implied ? ' · partly implied' : ''}`,
    ),
  );
}

/** How the event lines up with the bundled reference list (CNS/NTI), and where they differ. */
function referenceView(ev: EventPage): HTMLElement {
  const r = ev.reference;
  if (!r) return h('section', { class: 'reference' }, h('h2', {}, 'Reference list'), h('p', { class: 'muted' }, ev.actor === 'DPRK' ? 'No matching entry: a new or unlisted launch.' : 'The reference list covers North Korean launches only.'));
  return h('section', { class: 'reference' },
    h('h2', {}, 'Reference list'),
    h('p', {}, `${r.dateUtc} (UTC date; ${r.dateKst} in KST), ${r.flights} flight(s)${r.missiles.length ? `: ${r.missiles.join(', ')}` : ''}${r.facility ? ` from ${shown('site', r.facility)}` : ''}${r.distanceKm !== null ? `, ${r.distanceKm} km` : ''}${r.apogeeKm !== null ? `, apogee ${r.apogeeKm} km` : ''}.`,
      r.dateInferred ? h('span', { class: 'badge warn' }, 'date inferred from the reference list') : null),
    r.differences.length
      ? h('table', { class: 'fields' }, h('caption', {}, 'Reports and reference list disagree'),
          h('thead', {}, h('tr', {}, ['Field', 'Reports', 'Reference list'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, r.differences.map((d) => h('tr', { class: 'disputed' }, h('th', { scope: 'row' }, label(d.field)), h('td', {}, shown(d.field, d.event)), h('td', {}, d.field === 'site' ? String(d.reference).split(', ').map((k) => shown('site', k)).join(', ') : shown(d.field, d.reference))))))
      : h('p', { class: 'muted' }, 'The reports agree with the reference list.'),
    h('p', { class: 'muted small' }, 'Reference data: CNS North Korea Missile Test Database (NTI), via nagix/nk-missile-tests (Apache-2.0).'),
  );
}

/** The record's own timeline: the first version and every revision, with what changed. */
function historyView(ev: EventPage): HTMLElement {
  return h('section', { class: 'history' },
    h('h2', {}, 'History of this record'),
    h('ol', {}, ev.history.map((v) => h('li', {},
      h('strong', {}, `v${v.version}`), ` ${v.createdAt.replace('T', ' ').slice(0, 16)} UTC — `,
      v.articleId ? h('a', { href: `#/article/${v.articleId}` }, ev.articles.find((a) => a.id === v.articleId)?.headline || `report ${v.articleId.slice(0, 12)}`) : 'unknown report',
      h('ul', {}, v.changes.filter((c) => c.field !== 'dateLocal' || !v.changes.some((o) => o.field === 'date_local')).map((c) => h('li', {}, c.text ?? `${c.label ?? label(c.field)}: ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`))),
    ))),
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
    const names = await siteNames();
    shown = (field, v) => showValue(field, v, names, { date: ev.dateLocal, zone: ev.timeZone });
    pageTitle(`${ev.actor ?? 'Unknown'} launch ${ev.dateLocal ?? 'undated'}`, 'Event');
    const impact = ev.impact;
    const overview = h('table', { class: 'fields' },
      h('caption', {}, 'Fields'),
      h('thead', {}, h('tr', {}, [['Field', null], ['Value', null], ['Agreement', "The share of the independent sources' weight behind the value (0–1)"], ['Supporting reports', null]].map(([t, tip]) => h('th', { scope: 'col', title: tip }, t)))),
      h('tbody', {}, ev.overview.map((f) => h('tr', { class: f.disputed ? 'disputed' : '' },
        h('th', { scope: 'row' }, label(f.field)),
        h('td', {}, shown(f.field, f.value), f.disputed ? h('span', { class: 'badge warn' }, 'sources disagree') : null),
        h('td', { class: 'agreement' }, f.value === null || f.agreement === null ? '–' : f.agreement.toFixed(2)),
        h('td', {}, f.value === null ? '–' : `${f.reports} of ${f.reportsStating}`),
      ))),
    );
    const claims = h('section', { class: 'claims' }, h('h2', {}, 'What each report says'));
    for (const [field, data] of Object.entries(ev.fields)) {
      if (data.candidates.length === 0) continue;
      const block = h('section', { class: 'field-claims', id: `field-${field}` }, h('h3', {}, label(field), ': ', shown(field, data.value)));
      const cols = h('div', { class: data.disputed ? 'disagree' : 'agree' });
      for (const c of data.candidates) {
        cols.append(h('div', { class: `candidate${c.value === data.value ? ' chosen' : ''}` },
          data.candidates.length > 1
            ? h('h4', {}, shown(field, c.value), ` — ${c.reports} report${c.reports === 1 ? '' : 's'}, weight ${c.weight ?? '?'}, independent sources: ${c.sources.join(', ') || '–'}`)
            : null,
          h('ul', {}, c.claims.map((x) => claimView(x, field))),
        ));
      }
      block.append(cols);
      claims.append(block);
    }
    main.replaceChildren(
      h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Timeline'), ' › event'),
      h('h1', {}, `${ev.actor ?? 'Unknown'} launch, ${ev.dateLocal ?? 'undated'}`),
      h('p', { class: 'lead' }, `Event ${ev.id} · ${ev.count} missile(s) · ${ev.siteName ?? 'site unknown'}${ev.fields.time_local?.value ? ` · ${shown('time_local', ev.fields.time_local.value)}` : ''} · ${ev.articles.length} report${ev.articles.length === 1 ? '' : 's'} in `, languageBadges(ev.languages, LANGUAGE_NAMES)),
      impact
        ? h('p', { class: 'impact' },
            `Estimated impact ${impact.point.lat.toFixed(2)}°N ${impact.point.lon.toFixed(2)}°E: bearing ${Math.round(impact.bearing.deg)}° (${Math.round(impact.bearing.min)}–${Math.round(impact.bearing.max)}°, from ${impact.bearing.from}: “${impact.bearing.basis}”), distance ${Math.round(impact.distance.km)} km (${impact.distance.min}–${impact.distance.max} km, from ${impact.distance.from}). `,
            h('a', { href: `#/map?event=${encodeURIComponent(ev.id)}` }, 'Show on the map'))
        : h('p', { class: 'impact muted' }, 'No impact estimate: the site, a bearing or a distance is unknown.'),
      h('div', { class: 'scroll' }, overview),
      citationView(ev),
      claims,
      referenceView(ev),
      h('section', {}, h('h2', {}, 'Reports'), h('ul', { class: 'articles' }, ev.articles.map((a) => h('li', {},
        a.language ? [languageBadges([a.language], LANGUAGE_NAMES), ' '] : null,
        h('a', { href: `#/article/${a.id}`, lang: a.language ?? undefined }, a.headline || a.title || 'report'),
        ` — ${a.outlet ?? 'unknown outlet'}${a.published ? `, ${a.published}` : ''} `,
        a.url ? extLink(a.url, 'original') : null,
        a.copyOf
          ? h('p', { class: 'copy' }, h('span', { class: 'badge warn' }, a.copyOf.kind), ` of `, h('a', { href: `#/article/${a.copyOf.originalId}` }, a.copyOf.originalId.slice(0, 12)), ` (similarity ${a.copyOf.similarity.toFixed(2)}): ${a.copyOf.reason} — counted once`)
          : a.closest
            ? h('p', { class: 'copy muted' }, `independent report; closest: ${a.closest.kind}, similarity ${a.closest.similarity.toFixed(2)} (${a.closest.reason})`)
            : null,
      )))),
      historyView(ev),
    );
  }
  await render();
  return { refresh: () => void render() };
}
