// How to cite one event: a line of text, a BibTeX entry and a CSL-JSON item (for Zotero and citeproc), naming
// the launch, the record's address and when it was read; the record's own reports are its sources, listed in
// the note.
import { outletName } from '../headline.js';
import type { EventSummary } from '../types.js';

export interface CitationInput {
  summary: EventSummary;
  /** The event's address in the web app ("http://localhost:8080/#/event/DPRK-2025-05-08"). */
  url: string;
  /** The day the record was read (YYYY-MM-DD, UTC): the "accessed" date. */
  accessed: string;
  /** Its reports' outlets, for the note. */
  outlets: (string | null)[];
}

export interface Citation {
  text: string;
  bibtex: string;
  csl: Record<string, unknown>;
}

const PUBLISHER = 'Salvo';

/** "DPRK launch of 2 × SRBM (KN-23) on 2025-05-08 from Wonsan" */
function launchTitle(s: EventSummary): string {
  const what = [s.class, s.name && `(${s.name})`].filter(Boolean).join(' ') || 'missile';
  const count = s.countMin === null ? '' : `${s.countExact ? '' : 'at least '}${s.countMin} × `;
  return `${s.actor ?? 'Unknown actor'} launch of ${count}${what}${s.launch.dateLocal ? ` on ${s.launch.dateLocal} (${s.launch.zone})` : ''}${s.siteName ? ` from ${s.siteName}` : ''}`;
}

const bibtexEscape = (v: string): string => v.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');

export function citationOf({ summary: s, url, accessed, outlets }: CitationInput): Citation {
  const title = launchTitle(s);
  const updated = s.updatedAt.slice(0, 10);
  const sources = [...new Set(outlets.map(outletName).filter((o): o is string => o !== null))];
  const note = `Event ${s.id}, from ${s.reports} news report${s.reports === 1 ? '' : 's'}${sources.length ? ` (${sources.join(', ')})` : ''}`;
  const [y, m, d] = updated.split('-').map(Number);
  const [ay, am, ad] = accessed.split('-').map(Number);
  return {
    text: `${PUBLISHER}. "${title}." Record ${s.id}, updated ${updated}. ${note}. ${url} (accessed ${accessed}).`,
    bibtex: [
      `@misc{salvo_${s.id.replace(/[^A-Za-z0-9]+/g, '_')},`,
      `  title = {${bibtexEscape(title)}},`,
      `  author = {{${PUBLISHER}}},`,
      `  year = {${y}},`,
      `  howpublished = {\\url{${url}}},`,
      `  note = {${bibtexEscape(note)}; accessed ${accessed}},`,
      '}',
    ].join('\n'),
    csl: {
      id: `salvo-${s.id}`,
      type: 'dataset',
      title,
      author: [{ literal: PUBLISHER }],
      publisher: PUBLISHER,
      issued: { 'date-parts': [[y, m, d]] },
      accessed: { 'date-parts': [[ay, am, ad]] },
      URL: url,
      note,
    },
  };
}
