// The filter form shared by the timeline and the map: year range, class, site, actor, report language. Applying it changes the
// URL (#/?from=…), so a filtered view can be bookmarked and the back button works.
import { h } from '../dom.js';
import { allSites, CLASSES, LANGUAGE_NAMES, type Filters } from '../data.js';

export async function filterForm(route: string, f: Filters): Promise<HTMLElement> {
  const sites = await allSites();
  const year = (name: 'from' | 'to', label: string) =>
    h('label', {}, label, h('input', { name, type: 'number', min: 1980, max: 2100, step: 1, inputmode: 'numeric', value: f[name].slice(0, 4), placeholder: name === 'from' ? '1984' : 'now' }));
  const select = (name: 'class' | 'site' | 'actor' | 'language', label: string, options: [string, string][]) =>
    h('label', {}, label, h('select', { name }, h('option', { value: '' }, 'any'), options.map(([v, t]) => h('option', { value: v, selected: f[name] === v }, t))));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter launches' },
    year('from', 'From year'),
    year('to', 'To year'),
    select('class', 'Class', CLASSES.map((c) => [c, c])),
    select('site', 'Site', [...sites].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.key, s.name])),
    select('actor', 'Actor', [['DPRK', 'DPRK'], ['Iran', 'Iran'], ['Russia', 'Russia'], ['China', 'China'], ['South Korea', 'South Korea'], ['USA', 'USA']]),
    select('language', 'Reports in', Object.entries(LANGUAGE_NAMES)),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: `#/${route}`, class: 'button-link' }, 'Reset'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form as HTMLFormElement);
    const q = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim() !== '') q.set(k, v.trim());
    location.hash = `#/${route}${q.toString() ? `?${q.toString()}` : ''}`;
  });
  return form;
}
