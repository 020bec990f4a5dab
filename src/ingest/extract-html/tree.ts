// One pass of htmlparser2 over the page: a light element tree of the body (no full DOM: tag, class/id and a
// few attributes, text runs) and, on the way, the raw metadata the page declares (meta tags, canonical link,
// <title>, <html lang>, JSON-LD, <time datetime>). Scripts, styles, forms' controls and hidden elements never
// enter the tree. Nesting deeper than MAX_HTML_DEPTH is flattened into the deepest kept element, so a page nested
// to any depth costs no recursion later.
import { Parser } from 'htmlparser2';
import { MAX_HTML_DEPTH } from '../../settings.js';

export interface HNode {
  tag: string;
  /** ' class id ' in lower case, for pattern tests; ' ' when the element has neither. */
  key: string;
  role: string;
  itemprop: string;
  parent: HNode | null;
  children: Child[];
  depth: number;
  // Filled in by the scorer.
  textLen: number;
  linkLen: number;
  commas: number;
  /** True when the element holds block-level elements (a div of paragraphs, not a paragraph itself). */
  hasBlock: boolean;
  score: number;
  scored: boolean;
  removed: string | null;
}

export type Child = HNode | string;

export interface RawMeta {
  /** meta name/property/itemprop (lower case) → content, first occurrence wins. */
  meta: Map<string, string>;
  canonical: string | null;
  title: string | null;
  lang: string | null;
  jsonLd: string[];
  /** <time datetime> values, with whether the element marks itself as the publication time. */
  times: { value: string; published: boolean }[];
  /** datePublished given as an attribute of a non-meta element (itemprop="datePublished" content=…). */
  itempropDates: string[];
}

export interface ParsedPage {
  root: HNode;
  meta: RawMeta;
  /** The deepest element kept in the tree (at most MAX_HTML_DEPTH). */
  depth: number;
}

// Elements whose content is never article text.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'select', 'textarea', 'button', 'head', 'title', 'map', 'datalist', 'dialog',
]);
// Block elements whose boundaries survive flattening (as an <hr>), so paragraphs stay apart however deep.
const BREAKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'tr', 'td', 'blockquote', 'pre', 'ul', 'ol', 'table', 'dd', 'dt']);
// Void elements: htmlparser2 opens and closes them at once; only <br> and <hr> matter for text.
const KEEP_VOID = new Set(['br', 'hr']);

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true' && !/\bfallback-image\b/.test(attrs.class ?? '')) return true;
  const style = attrs.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export const newNode = (tag: string, attrs: Record<string, string>, parent: HNode | null, depth: number): HNode => ({
  tag,
  key: ` ${(attrs.class ?? '').toLowerCase()} ${(attrs.id ?? '').toLowerCase()} `.replace(/\s+/g, ' '),
  role: (attrs.role ?? '').toLowerCase(),
  itemprop: (attrs.itemprop ?? '').toLowerCase(),
  parent,
  children: [],
  depth,
  textLen: 0,
  linkLen: 0,
  commas: 0,
  hasBlock: false,
  score: 0,
  scored: false,
  removed: null,
});

export function parsePage(html: string): ParsedPage {
  const root = newNode('#root', {}, null, 0);
  const meta: RawMeta = { meta: new Map(), canonical: null, title: null, lang: null, jsonLd: [], times: [], itempropDates: [] };
  // One stack entry per open element: the node it created, or null when it was skipped or flattened.
  const stack: (HNode | null)[] = [];
  let current = root;
  let skipping = 0; // > 0 inside a skipped element (counts nested open elements)
  let depth = 0;
  let capture: 'title' | 'json-ld' | null = null;
  let captured = '';

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        switch (name) {
          case 'meta': {
            const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').trim().toLowerCase();
            const content = attrs.content;
            if (key && content && !meta.meta.has(key)) meta.meta.set(key, content);
            if (!key && attrs['http-equiv']?.toLowerCase() === 'content-language' && content && !meta.meta.has('content-language')) {
              meta.meta.set('content-language', content);
            }
            break;
          }
          case 'link':
            if (!meta.canonical && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.rel ?? '') && attrs.href) meta.canonical = attrs.href;
            break;
          case 'html':
            if (!meta.lang && attrs.lang) meta.lang = attrs.lang;
            break;
          case 'title':
            if (meta.title === null) {
              capture = 'title';
              captured = '';
            }
            break;
          case 'script':
            if ((attrs.type ?? '').toLowerCase().includes('ld+json')) {
              capture = 'json-ld';
              captured = '';
            }
            break;
          case 'time':
            if (attrs.datetime) {
              const published = 'pubdate' in attrs || (attrs.itemprop ?? '').toLowerCase() === 'datepublished';
              meta.times.push({ value: attrs.datetime, published });
            }
            break;
        }
        if (name !== 'meta' && (attrs.itemprop ?? '').toLowerCase() === 'datepublished') {
          const value = attrs.content ?? attrs.datetime;
          if (value) meta.itempropDates.push(value);
        }
        if (skipping > 0) {
          skipping++;
          stack.push(null);
          return;
        }
        if (SKIP.has(name) || isHidden(attrs)) {
          skipping = 1;
          stack.push(null);
          return;
        }
        if (name === 'html' || name === 'body' || (current.depth >= MAX_HTML_DEPTH && !KEEP_VOID.has(name))) {
          stack.push(null); // html/body: the root stands for them; too deep: flatten into `current`
          if (BREAKS.has(name) && name !== 'body') current.children.push(newNode('hr', {}, current, current.depth + 1));
          return;
        }
        const node = newNode(name, attrs, current, current.depth + 1);
        depth = Math.max(depth, node.depth);
        current.children.push(node);
        stack.push(node);
        current = node;
      },
      ontext(text) {
        if (capture) {
          captured += text;
          return;
        }
        if (skipping > 0) return;
        const kids = current.children;
        const last = kids.length ? kids[kids.length - 1] : undefined;
        if (typeof last === 'string') kids[kids.length - 1] = last + text;
        else kids.push(text);
      },
      onclosetag(name) {
        if (capture && (name === 'title' || name === 'script')) {
          if (capture === 'title') meta.title = captured;
          else meta.jsonLd.push(captured);
          capture = null;
        }
        const entry = stack.pop();
        if (skipping > 0) {
          skipping--;
          return;
        }
        if (entry && entry.parent) current = entry.parent;
        else if (!entry && BREAKS.has(name) && current.depth >= MAX_HTML_DEPTH) current.children.push(newNode('hr', {}, current, current.depth + 1));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { root, meta, depth };
}
