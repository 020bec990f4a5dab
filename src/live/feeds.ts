// RSS 2.0, RSS 1.0 (RDF), Atom and sitemaps → the items they list, with htmlparser2 in XML mode.
// A document that is not well-formed (an element left open, as in a truncated download) is refused whole.
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export interface FeedItem {
  /** What identifies the item across polls: guid, Atom id, else the link. */
  key: string;
  /** The article's address. */
  url: string;
  title: string | null;
  published: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf' | 'sitemap' | 'sitemapindex';
  items: FeedItem[];
  /** For a sitemap index: the sitemaps it lists. */
  sitemaps: string[];
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** The innermost element still open at the end of the document (a truncated download), or null. */
function unclosedElement(xml: string): string | null {
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        open.push(name);
      },
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  const left = open.length ? open[open.length - 1] : null;
  parser.end();
  return left;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();
const childElements = (el: Element): Element[] => el.children.filter((c): c is Element => DomUtils.isTag(c));
const child = (el: Element, name: string): Element | undefined => childElements(el).find((c) => c.name.toLowerCase() === name);
const childLocal = (el: Element, name: string): Element | undefined => childElements(el).find((c) => local(c.name) === name);
const text = (el: Element | undefined): string | null => {
  const t = el ? DomUtils.textContent(el).trim() : '';
  return t === '' ? null : t;
};

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Parses a feed or sitemap fetched from `base` (relative links are resolved against it). */
export function parseFeed(xml: string, base: string): ParsedFeed {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = doc.children.find((c): c is Element => DomUtils.isTag(c));
  if (!root) throw new FeedError('not a feed or sitemap (no XML element)');
  const rootName = local(root.name);
  if (!['rss', 'feed', 'rdf', 'urlset', 'sitemapindex'].includes(rootName)) {
    throw new FeedError(`not an RSS or Atom feed or a sitemap (root element <${root.name}>)`);
  }
  const unclosed = unclosedElement(xml);
  if (unclosed) throw new FeedError(`malformed XML (<${unclosed}> is never closed)`);

  const items: FeedItem[] = [];
  const add = (key: string | null, url: string | null, title: string | null, published: string | null): void => {
    if (!url) return;
    items.push({ key: key ?? url, url, title, published });
  };

  if (rootName === 'rss' || rootName === 'rdf') {
    for (const item of DomUtils.getElementsByTagName('item', root, true)) {
      const guidEl = child(item, 'guid');
      const guid = text(guidEl);
      const permalink = guidEl && guidEl.attribs.isPermaLink !== 'false' ? absolute(guid, base) : null;
      const link = absolute(text(child(item, 'link')) ?? item.attribs['rdf:about'] ?? null, base) ?? permalink;
      add(guid ?? item.attribs['rdf:about'] ?? null, link, text(child(item, 'title')), text(child(item, 'pubdate')) ?? text(childLocal(item, 'date')));
    }
    return { kind: rootName === 'rss' ? 'rss' : 'rdf', items, sitemaps: [] };
  }
  if (rootName === 'feed') {
    const feedBase = absolute(root.attribs['xml:base'] ?? null, base) ?? base;
    for (const entry of childElements(root).filter((c) => local(c.name) === 'entry')) {
      const entryBase = absolute(entry.attribs['xml:base'] ?? null, feedBase) ?? feedBase;
      const links = childElements(entry).filter((c) => local(c.name) === 'link');
      const alt = links.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate') ?? links[0];
      const url = absolute(alt?.attribs.href ?? null, entryBase);
      add(text(childLocal(entry, 'id')), url, text(childLocal(entry, 'title')), text(childLocal(entry, 'published')) ?? text(childLocal(entry, 'updated')));
    }
    return { kind: 'atom', items, sitemaps: [] };
  }
  if (rootName === 'urlset') {
    for (const u of childElements(root).filter((c) => local(c.name) === 'url')) {
      const loc = absolute(text(childLocal(u, 'loc')), base);
      const news = childLocal(u, 'news');
      add(loc, loc, news ? text(childLocal(news, 'title')) : null, (news ? text(childLocal(news, 'publication_date')) : null) ?? text(childLocal(u, 'lastmod')));
    }
    return { kind: 'sitemap', items, sitemaps: [] };
  }
  const sitemaps = childElements(root)
    .filter((c) => local(c.name) === 'sitemap')
    .map((s) => ({ loc: absolute(text(childLocal(s, 'loc')), base), lastmod: text(childLocal(s, 'lastmod')) ?? '' }))
    .filter((s): s is { loc: string; lastmod: string } => s.loc !== null)
    .sort((a, b) => (a.lastmod < b.lastmod ? 1 : a.lastmod > b.lastmod ? -1 : 0))
    .map((s) => s.loc);
  return { kind: 'sitemapindex', items: [], sitemaps };
}
