// Add reports from the browser: paste a report or upload files. Both go through the server's ingest, the same
// code path as `salvo ingest`; the timeline picks the new events up without a reload.
import { getJson, postFiles, postJson, type IngestReport } from '../api.js';
import { pageTitle } from '../data.js';
import { clear, h } from '../dom.js';
import { dataChanged, type View } from '../main.js';

/** Where a document came from, as the person who added it knows it: "pasted report" or the file's name. */
const originName = (origin: string): string => (origin.startsWith('browser:paste') ? 'pasted report' : origin.replace(/^upload:/, ''));

function resultView(r: IngestReport): HTMLElement {
  return h('div', { class: 'ingest-result', role: 'status' },
    h('p', {}, `${r.stored} stored, ${r.duplicates} already stored, ${r.failed} failed.`),
    h('ul', {}, r.results.map((x) => h('li', { class: x.status },
      h('span', { class: `badge ${x.status === 'stored' ? 'news' : x.status === 'failed' ? 'warn' : ''}` }, x.status), ' ',
      x.headline || x.title || originName(x.origin), ' ',
      x.reason ? h('span', { class: 'muted' }, `(${x.reason}) `) : null,
      x.articleId ? h('a', { href: `#/article/${x.articleId}` }, 'article') : null, ' ',
      x.eventId ? h('a', { href: `#/event/${encodeURIComponent(x.eventId)}`, class: 'event-link' }, `event ${x.eventId}`) : x.status === 'stored' && x.isLaunchReport === false ? h('span', { class: 'muted' }, 'not a launch report') : null,
    ))),
  );
}

export async function addView(main: HTMLElement): Promise<View> {
  pageTitle('Add reports');
  const status = await getJson<{ writeNeedsToken: boolean }>('/api/status');
  const out = h('div', { 'aria-live': 'polite' });
  const fail = (err: unknown): void => clear(out, h('p', { role: 'alert', class: 'error' }, err instanceof Error ? err.message : String(err)));

  const text = h('textarea', { id: 'paste-text', name: 'text', rows: 12, required: true, placeholder: 'Paste a news report: headline on the first line, then the text. HTML or JSON records work too.' }) as HTMLTextAreaElement;
  const format = h('select', { id: 'paste-format', name: 'format' }, ['auto', 'text', 'html', 'json', 'jsonl'].map((f) => h('option', { value: f }, f))) as HTMLSelectElement;
  // Without a year in the text, the publication date is what dates "on Friday"; the URL is kept as the source link.
  const published = h('input', { id: 'paste-published', name: 'published', type: 'date', min: '1980-01-01', max: '2100-12-31' }) as HTMLInputElement;
  const url = h('input', { id: 'paste-url', name: 'url', type: 'url', placeholder: 'https://…', pattern: 'https?://.+', maxlength: 2000 }) as HTMLInputElement;
  const paste = h('form', { class: 'paste', 'aria-labelledby': 'paste-h' },
    h('h2', { id: 'paste-h' }, 'Paste a report'),
    h('label', { for: 'paste-text' }, 'Report text'), text,
    h('div', { class: 'meta-fields' },
      h('label', { for: 'paste-published' }, 'Published (date)', published),
      h('label', { for: 'paste-url' }, 'Original URL', url),
    ),
    h('p', { class: 'muted hint' }, 'The publication date dates a report that names only a weekday ("on Friday") or a month and day.'),
    h('div', { class: 'row' }, h('label', { for: 'paste-format' }, 'Format'), format, h('button', { type: 'submit' }, 'Add report')),
  );
  paste.addEventListener('submit', (e) => {
    e.preventDefault();
    clear(out, h('p', { class: 'muted' }, 'Adding…'));
    const body: Record<string, string> = { text: text.value, format: format.value };
    if (published.value) body.published = published.value;
    if (url.value.trim()) body.url = url.value.trim();
    postJson<IngestReport>('/api/ingest', body)
      .then((r) => {
        clear(out, resultView(r));
        if (r.stored) (paste as HTMLFormElement).reset();
        dataChanged();
      })
      .catch(fail);
  });

  const files = h('input', { id: 'upload-files', type: 'file', name: 'files', multiple: true, accept: '.txt,.text,.md,.html,.htm,.xhtml,.json,.jsonl,.ndjson,.gz' }) as HTMLInputElement;
  const upload = h('form', { class: 'upload', 'aria-labelledby': 'upload-h' },
    h('h2', { id: 'upload-h' }, 'Upload files'),
    h('p', { class: 'muted' }, 'Text, HTML, JSON or JSON Lines files (up to 5 MB in all), as for salvo ingest.'),
    h('div', { class: 'row' }, h('label', { for: 'upload-files' }, 'Files'), files, h('button', { type: 'submit' }, 'Upload')),
  );
  upload.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!files.files?.length) return fail(new Error('choose one or more files first'));
    clear(out, h('p', { class: 'muted' }, 'Uploading…'));
    postFiles<IngestReport>('/api/ingest/files', files.files)
      .then((r) => {
        clear(out, resultView(r));
        (upload as HTMLFormElement).reset();
        dataChanged();
      })
      .catch(fail);
  });

  let tokenForm: HTMLElement | null = null;
  if (status.writeNeedsToken) {
    const tok = h('input', { id: 'token', type: 'password', autocomplete: 'off', value: sessionStorage.getItem('salvo-token') ?? '' }) as HTMLInputElement;
    tokenForm = h('form', { class: 'row token' }, h('label', { for: 'token' }, 'Access token (SALVO_TOKEN)'), tok, h('button', { type: 'submit' }, 'Use token'));
    tokenForm.addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem('salvo-token', tok.value);
      clear(out, h('p', {}, 'Token saved for this tab.'));
    });
  }
  main.replaceChildren(...[h('h1', {}, 'Add reports'), tokenForm, paste, upload, out].filter((x): x is HTMLElement => x !== null));
  return {};
}
