// Article page: the cleaned text with every extracted span highlighted and labelled; the blocks dropped as
// boilerplate, folded. Article text is inserted as text nodes only.
import { ApiError, getJson, type ArticlePage, type ArticleSummary, type Span } from '../api.js';
import { LANGUAGE_NAMES, pageTitle, siteNames } from '../data.js';
import { label, showValue } from '../display.js';
import { junkKind } from '../junk.js';
import { clear, extLink, h, languageBadges } from '../dom.js';
import type { View } from '../main.js';

/** A span's field and value as a person reads them ("Site: Wonsan"); set per page, when the site names are known. */
let spanText = (s: Span): string => `${label(s.field)}: ${String(s.value)}`;

/**
 * `text` between start and end with the spans in it marked; a label after each span names its field (not in a
 * heading: there the mark's tooltip names it, so no annotation reads as part of the title).
 */
export function highlighted(text: string, start: number, end: number, spans: Span[], labels: ((s: Span) => string) | null = spanText): (Node | string)[] {
  const inside = spans.filter((s) => s.start < end && s.end > start);
  const cuts = new Set<number>([start, end]);
  for (const s of inside) {
    cuts.add(Math.max(start, s.start));
    cuts.add(Math.min(end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: (Node | string)[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (covering.length === 0) {
      out.push(piece);
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    out.push(h('mark', { class: `span${covering.some((s) => s.chosen) ? ' chosen' : ''}`, 'data-fields': fields.join(' '), title: covering.map((s) => `${spanText(s)} (${s.saidBy ?? 'unattributed'}, ${s.confidence.toFixed(2)})`).join('\n') }, piece));
    if (labels) for (const s of covering.filter((x) => x.end === b)) out.push(h('span', { class: 'span-label' }, labels(s)));
  }
  return out;
}

export async function articleView(main: HTMLElement, id: string): Promise<View> {
  let a: ArticlePage;
  try {
    a = await getJson<ArticlePage>(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
      pageTitle('No such article');
      main.replaceChildren(h('h1', {}, 'No such article'), h('p', {}, err.message));
      return {};
    }
    throw err;
  }
  const names = await siteNames();
  spanText = (s: Span): string => `${label(s.field)}: ${showValue(s.field, s.value, names)}`;
  const textSpans = a.spans.filter((s) => s.part === 'text');
  const titleSpans = a.spans.filter((s) => s.part === 'title');
  const title = a.title ?? (a.headline || 'report');
  pageTitle(title, 'Article');
  const hidden: { text: string; reason: string }[] = [];
  const shownParagraphs = a.paragraphs.filter((p) => {
    const text = a.text.slice(p.start, p.end);
    const kind = textSpans.some((s) => s.start < p.end && s.end > p.start) ? null : junkKind(text, a.title);
    if (kind) hidden.push({ text, reason: kind });
    return kind === null;
  });
  const removed = [...a.removed, ...hidden];
  const body = h('div', { class: 'article-text', lang: a.language }, shownParagraphs.map((p) => h('p', {}, highlighted(a.text, p.start, p.end, textSpans))));
  main.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '#/articles' }, 'Articles'), ' › article'),
    h('h1', { class: 'article-title', lang: a.language }, a.title ? highlighted(title, 0, title.length, titleSpans, null) : title),
    h('p', { class: 'lead' },
      languageBadges([a.language], LANGUAGE_NAMES), ' ',
      [a.source ?? 'unknown outlet', a.published ? `published ${a.published.date} (${a.published.via})` : 'no publication date', `format ${a.format}`].join(' · '), ' ',
      a.url ? extLink(a.url, 'original') : null,
    ),
    h('p', {},
      a.extraction?.isLaunchReport ? `Launch report (confidence ${a.extraction.reportConfidence.toFixed(2)}), actor ${a.extraction.actor ?? 'unknown'}. ` : 'Not a launch report. ',
      a.eventId ? h('a', { href: `#/event/${encodeURIComponent(a.eventId)}` }, `Event ${a.eventId}`) : null,
    ),
    ...a.copies.map((c) =>
      c.articleId === a.id
        ? h('p', { class: 'copy' }, h('span', { class: 'badge warn' }, c.kind), ' of ', h('a', { href: `#/article/${c.originalId}` }, c.originalId.slice(0, 12)), ` (similarity ${c.similarity.toFixed(2)}): ${c.reason}. Its claims count once, with the original's.`)
        : h('p', { class: 'copy' }, 'Copied by ', h('a', { href: `#/article/${c.articleId}` }, c.articleId.slice(0, 12)), ` (${c.kind}, similarity ${c.similarity.toFixed(2)}).`),
    ),
    h('p', { class: 'muted' }, `${a.spans.length} extracted span${a.spans.length === 1 ? '' : 's'}; the value chosen for the article is underlined.`),
    body,
    h('details', { class: 'removed' },
      h('summary', {}, `Dropped as boilerplate (${removed.length})`),
      removed.length ? h('ul', {}, removed.map((r) => h('li', {}, h('span', { class: 'badge' }, r.reason), ' ', r.text))) : h('p', {}, 'Nothing was dropped.'),
    ),
  );
  return {};
}

/** The language filter of the article list: changing it reloads the list from its first page. */
function languageFilter(language: string): HTMLElement {
  const select = h('select', { name: 'language' },
    h('option', { value: '' }, 'any'),
    Object.entries(LANGUAGE_NAMES).map(([v, t]) => h('option', { value: v, selected: language === v }, t)),
  );
  select.addEventListener('change', () => {
    const v = (select as HTMLSelectElement).value;
    location.hash = `#/articles${v ? `?language=${v}` : ''}`;
  });
  return h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter articles' }, h('label', {}, 'Written in', select));
}

export async function articlesView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const language = LANGUAGE_NAMES[params.get('language') ?? ''] ? (params.get('language') ?? '') : '';
  const page = (o: number): string => `#/articles?${new URLSearchParams({ ...(language ? { language } : {}), offset: String(o) }).toString()}`;
  const list = h('div', { 'aria-live': 'polite' });
  pageTitle('Articles');
  main.replaceChildren(h('h1', {}, 'Articles'), languageFilter(language), list);
  async function load(): Promise<void> {
    const r = await getJson<{ total: number; articles: ArticleSummary[] }>('/api/articles', { limit: 50, offset, language: language || undefined });
    clear(list,
      h('p', { class: 'muted' }, `${r.total} articles${language ? ` in ${LANGUAGE_NAMES[language]}` : ''}, newest first.`),
      h('ul', { class: 'articles' }, r.articles.map((x) => h('li', {},
        languageBadges([x.language], LANGUAGE_NAMES), ' ',
        h('a', { href: `#/article/${x.id}`, lang: x.language }, x.headline || x.title || 'report'),
        ` — ${x.source ?? 'unknown outlet'}${x.published ? `, ${x.published}` : ''} `,
        x.isLaunchReport ? h('span', { class: 'badge news' }, 'launch') : h('span', { class: 'badge' }, 'other'),
        x.eventId ? [' ', h('a', { href: `#/event/${encodeURIComponent(x.eventId)}` }, x.eventId)] : null,
      ))),
      h('p', { class: 'pager' },
        offset > 0 ? h('a', { href: page(Math.max(0, offset - 50)) }, '← Newer') : null, ' ',
        offset + 50 < r.total ? h('a', { href: page(offset + 50) }, 'Older →') : null,
      ),
    );
  }
  await load();
  return { refresh: () => void load() };
}
