// How to cite one event record: a sentence to paste, BibTeX and CSL-JSON (for Zotero, Pandoc and the like), each
// downloadable, and the record itself as JSON. The record's version and last change date make the citation
// point at what the reader saw.
import type { EventPage } from '../api.js';
import { h } from '../dom.js';

export interface Citation {
  title: string;
  url: string;
  version: number;
  updated: string;
  accessed: string;
}

export function citationOf(ev: EventPage, now: Date = new Date()): Citation {
  const last = ev.history.at(-1);
  return {
    title: `${ev.actor ?? 'Unknown'} missile launch, ${ev.dateLocal ?? 'undated'} (event ${ev.id})`,
    url: `${location.origin}/#/event/${encodeURIComponent(ev.id)}`,
    version: last?.version ?? 1,
    updated: (last?.createdAt ?? now.toISOString()).slice(0, 10),
    accessed: now.toISOString().slice(0, 10),
  };
}

export const citationText = (c: Citation): string =>
  `Salvo. “${c.title}.” Record version ${c.version}, updated ${c.updated}. ${c.url} (accessed ${c.accessed}).`;

const bibEscape = (s: string): string => s.replace(/[\\{}]/g, (m) => `\\${m}`).replace(/[&%$#_]/g, (m) => `\\${m}`);

export function bibtex(c: Citation, id: string): string {
  return [
    `@misc{salvo-${id.replace(/[^A-Za-z0-9-]/g, '-')},`,
    `  title = {${bibEscape(c.title)}},`,
    '  author = {{Salvo}},',
    `  year = {${c.updated.slice(0, 4)}},`,
    `  version = {${c.version}},`,
    `  date = {${c.updated}},`,
    `  url = {${c.url}},`,
    `  urldate = {${c.accessed}},`,
    '  note = {Launch record compiled from cited news reports}',
    '}',
  ].join('\n');
}

const dateParts = (d: string): { 'date-parts': number[][] } => ({ 'date-parts': [d.split('-').map(Number)] });

export function cslJson(c: Citation, id: string): string {
  return JSON.stringify([{
    id: `salvo-${id}`, type: 'dataset', title: c.title, publisher: 'Salvo', author: [{ literal: 'Salvo' }],
    version: String(c.version), issued: dateParts(c.updated), accessed: dateParts(c.accessed), URL: c.url,
  }], null, 2);
}

/** A button that saves `text` as a file (a Blob URL; nothing leaves the browser). */
function saveButton(label: string, file: string, type: string, text: () => string): HTMLElement {
  const b = h('button', { type: 'button', class: 'button-link download', 'data-file': file }, label);
  b.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([text()], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return b;
}

export function citationView(ev: EventPage): HTMLElement {
  const c = citationOf(ev);
  const safeId = ev.id.replace(/[^A-Za-z0-9-]/g, '-');
  return h('section', { class: 'cite', 'aria-labelledby': 'cite-h' },
    h('h2', { id: 'cite-h' }, 'Cite or download this record'),
    h('p', { class: 'citation-text' }, citationText(c)),
    h('div', { class: 'row' },
      h('a', { href: `/api/events/${encodeURIComponent(ev.id)}`, download: `salvo-${safeId}.json`, class: 'button-link download', 'data-format': 'json' }, 'JSON (record with evidence)'),
      saveButton('BibTeX', `salvo-${safeId}.bib`, 'application/x-bibtex', () => bibtex(c, ev.id)),
      saveButton('CSL-JSON', `salvo-${safeId}.csl.json`, 'application/vnd.citationstyles.csl+json', () => cslJson(c, ev.id)),
    ),
    h('details', {}, h('summary', {}, 'BibTeX'), h('pre', { class: 'bibtex' }, bibtex(c, ev.id))),
    h('details', {}, h('summary', {}, 'CSL-JSON'), h('pre', { class: 'csl' }, cslJson(c, ev.id))),
  );
}
