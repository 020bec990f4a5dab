// Building the page without HTML strings: every piece of text goes in as a text node, so article text that
// holds <script>, <img onerror> or javascript: links is shown as text and never run.
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else if (/^on/i.test(k) || k === 'srcdoc' || k === 'style') throw new Error(`attribute ${k} is not allowed`);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Badges naming languages ("ko"), each marked up in its language so a screen reader and the fonts follow. */
export function languageBadges(languages: string[], names: Record<string, string>): HTMLElement[] {
  return languages.map((l) => h('span', { class: 'badge lang', lang: l, title: names[l] ?? l }, l));
}

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Links the app makes: its own routes (#/…) and http(s) URLs; anything else (javascript:, data:) becomes inert. */
export function safeHref(href: string): string {
  if (href.startsWith('#') || href.startsWith('/')) return href;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}

/** An outside link opened in a new tab, without handing it this page. */
export function extLink(href: string, text: Child): HTMLElement {
  const safe = safeHref(href);
  if (safe === '#') return h('span', { class: 'inert-url' }, text);
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, text);
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
