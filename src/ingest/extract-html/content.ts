// Finds the article body in the light tree and turns it into text blocks, paragraph by paragraph.
//  1. measure: text width, link-text width and commas of every element, bottom-up (width: characters, a
//     Hangul, kana or kanji one counting two, see text-width.ts; commas include the Japanese 、 and ，);
//  2. candidates: Readability-style scores from paragraphs to their ancestors (boilerplate subtrees ignored),
//     weighted by class/id, discounted by link density; siblings of the best one that score well join it;
//     containers that name themselves as the article body (itemprop=articleBody, .article-body, … tiers in
//     data/html-boilerplate.json) compete with it;
//  3. blocks: the chosen containers are walked; boilerplate elements (by tag, role, class/id pattern, link
//     density) are dropped with a reason, then each paragraph is kept or dropped on its own (link density,
//     title repeats, short link lines).
import { textWidth } from '../text-width.js';
import { type Child, type HNode } from './tree.js';
import { boilerplateReason, PATTERNS } from './patterns.js';
import { MIN_BODY_CHARS } from '../../settings.js';

export interface TextBlock {
  text: string;
  /** The block element that holds the text (p, li, h2, td, div…). */
  tag: string;
  /** List items and <br> lines: joined to their neighbours by one newline rather than a blank line. */
  line: boolean;
}

export interface DroppedBlock {
  text: string;
  reason: string;
}

export interface ContentResult {
  blocks: TextBlock[];
  dropped: DroppedBlock[];
  /** Which pass found the body: 'hint' (a container that names itself), 'score' (paragraph scores), 'relaxed'. */
  via: string;
}

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'details', 'summary', 'center', 'fieldset', 'legend',
]);
const LINE_TAGS = new Set(['li', 'dt', 'dd', 'tr']);
const CONTAINERS = new Set(['article', 'div', 'main', 'section', 'td', 'body', '#root', 'font', 'span', 'center']);

const COMMAS = /[,、，]/g;
const countCommas = (s: string): number => s.match(COMMAS)?.length ?? 0;

/** Bottom-up text, link-text and comma counts. Depth is capped by the tree builder, so recursion is safe. */
export function measure(n: HNode, inLink = false): void {
  let text = 0;
  let links = 0;
  let commas = 0;
  let block = false;
  for (const c of n.children) {
    if (typeof c === 'string') {
      const len = textWidth(c);
      text += len;
      if (inLink) links += len;
      commas += countCommas(c);
    } else {
      measure(c, inLink || c.tag === 'a');
      text += c.textLen;
      links += c.linkLen;
      commas += c.commas;
      if ((BLOCK_TAGS.has(c.tag) && c.tag !== 'hr') || c.hasBlock) block = true;
    }
  }
  n.textLen = text;
  n.linkLen = links;
  n.commas = commas;
  n.hasBlock = block;
}

const linkDensity = (n: HNode): number => (n.textLen > 0 ? n.linkLen / n.textLen : 0);

/** Why an element is not article text, or null. `strict` also applies class/id boilerplate patterns. */
export function pruneReason(n: HNode, strict: boolean): string | null {
  if (PATTERNS.dropTags.has(n.tag)) return n.tag === 'nav' || n.tag === 'menu' ? 'navigation' : n.tag === 'aside' ? 'sidebar' : n.tag === 'footer' ? 'footer' : 'form-control';
  if (n.role && PATTERNS.dropRoles.has(n.role)) return n.role === 'contentinfo' ? 'footer' : n.role === 'complementary' ? 'sidebar' : 'navigation';
  if (n.itemprop === 'articlebody' || n.tag === 'p') return null;
  if (!strict) return null;
  const reason = boilerplateReason(n.key);
  // Paywall and pop-up markers also wrap whole articles: only small boxes go.
  if ((reason === 'paywall' || reason === 'popup') && n.textLen >= 500 && linkDensity(n) < 0.3) return null;
  return reason;
}

function classWeight(n: HNode): number {
  if (n.key === ' ') return 0;
  let w = 0;
  if (PATTERNS.negative.test(n.key)) w -= 25;
  if (PATTERNS.positive.test(n.key)) w += 25;
  return w;
}

function tagBonus(tag: string): number {
  switch (tag) {
    case 'div': case 'article': case 'main': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

const isScorable = (n: HNode): boolean =>
  n.tag === 'p' || n.tag === 'pre' || ((n.tag === 'td' || CONTAINERS.has(n.tag)) && !n.hasBlock && n.tag !== '#root');

/** Readability-style candidate scores; returns the scored containers. */
function scoreCandidates(root: HNode, strict: boolean): HNode[] {
  const candidates: HNode[] = [];
  const visit = (n: HNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      c.scored = false;
      c.score = 0;
      if (pruneReason(c, strict) !== null) continue;
      if (strict && PATTERNS.unlikely.test(c.key) && !PATTERNS.positive.test(c.key)) continue;
      if (isScorable(c) && c.textLen >= 25) {
        const s = 1 + c.commas + Math.min(Math.floor(c.textLen / 100), 3);
        let a: HNode | null = c.parent;
        for (let level = 0; a && level < 5; level++, a = a.parent) {
          if (!a.scored) {
            a.scored = true;
            a.score = tagBonus(a.tag) + classWeight(a);
            if (a.itemprop === 'articlebody') a.score += 25;
            candidates.push(a);
          }
          a.score += s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
        }
      }
      visit(c);
    }
  };
  root.scored = false;
  visit(root);
  for (const c of candidates) c.score *= 1 - linkDensity(c);
  return candidates;
}

function elementChildren(n: HNode): HNode[] {
  return n.children.filter((c): c is HNode => typeof c !== 'string');
}

/** The best-scoring container and its well-scoring siblings (Readability's sibling join). */
function pickByScore(root: HNode, strict: boolean): HNode[] {
  const candidates = scoreCandidates(root, strict);
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.score - a.score);
  let top = candidates[0];
  // When several near-best candidates share an ancestor, that ancestor holds the article.
  const close = candidates.slice(1, 5).filter((c) => c.score >= top.score * 0.75);
  if (close.length >= 2) {
    const ancestors = (n: HNode): Set<HNode> => {
      const s = new Set<HNode>();
      for (let a = n.parent; a; a = a.parent) s.add(a);
      return s;
    };
    const sets = close.map(ancestors);
    for (let a = top.parent; a && a.tag !== '#root'; a = a.parent) {
      if (sets.filter((s) => s.has(a as HNode)).length >= 2) {
        top = a;
        break;
      }
    }
  }
  // A lone child stands for its parent.
  while (top.parent && top.parent.tag !== '#root' && elementChildren(top.parent).length === 1) top = top.parent;
  const parent = top.parent;
  if (!parent) return [top];
  const threshold = Math.max(10, top.score * 0.2);
  const picked: HNode[] = [];
  for (const s of elementChildren(parent)) {
    if (s === top) {
      picked.push(s);
      continue;
    }
    if (pruneReason(s, strict) !== null) continue;
    const bonus = s.key !== ' ' && s.key === top.key ? top.score * 0.2 : 0;
    if (s.scored && s.score + bonus >= threshold) picked.push(s);
    else if (s.tag === 'p') {
      const ld = linkDensity(s);
      if ((s.textLen > 80 && ld < 0.25) || (s.textLen > 0 && s.textLen <= 80 && ld === 0 && /[.。．](?:\s|$)/.test(plainText(s)))) picked.push(s);
    } else if (CONTAINERS.has(s.tag) && !s.hasBlock && s.textLen > 80 && linkDensity(s) < 0.25) {
      picked.push(s); // a paragraph written as a bare box of text (a lead or summary <div> above the body)
    }
  }
  return picked;
}

/** The first container, in document order, that names itself as the article body (best tier first). */
function pickByHint(root: HNode): HNode | null {
  let found: HNode | null = null;
  const byTier: (HNode | null)[] = PATTERNS.articleBody.map(() => null);
  const visit = (n: HNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (pruneReason(c, false) !== null) continue;
      if (c.itemprop === 'articlebody' && c.textLen >= 200 && !found) found = c;
      if (c.tag === 'article' || c.tag === 'div' || c.tag === 'main' || c.tag === 'section') {
        for (let t = 0; t < byTier.length; t++) {
          if (!byTier[t] && c.textLen >= 200 && PATTERNS.articleBody[t].test(c.key)) byTier[t] = c;
        }
      }
      visit(c);
    }
  };
  visit(root);
  return found ?? byTier.find((n) => n !== null) ?? null;
}

/** The hint and the other elements with the same class and id (bodies split by ads into several boxes). */
function sameKeyNodes(root: HNode, hint: HNode): HNode[] {
  if (hint.key === ' ' || hint.itemprop === 'articlebody') return [hint];
  const out: HNode[] = [];
  const visit = (n: HNode): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.key === hint.key && c.tag === hint.tag) {
        if (c === hint || c.textLen >= 100) out.push(c);
        continue; // not nested ones
      }
      visit(c);
    }
  };
  visit(root);
  return out.includes(hint) ? out : [hint];
}

/** Plain text of an element, blocks separated by newlines (for dropped blocks and short checks). */
export function plainText(n: HNode): string {
  const parts: string[] = [];
  const walk = (c: Child): void => {
    if (typeof c === 'string') parts.push(c);
    else {
      const block = BLOCK_TAGS.has(c.tag) || c.tag === 'br';
      if (block) parts.push('\n');
      for (const k of c.children) walk(k);
      if (block) parts.push('\n');
    }
  };
  walk(n);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

interface RawBlock {
  text: string;
  links: number;
  tag: string;
  line: boolean;
}

/** Text blocks under the chosen containers, with boilerplate elements dropped (and recorded). */
function blocksOf(containers: HNode[], strict: boolean, dropped: DroppedBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  let buf = '';
  let links = 0;
  let tag = 'div';
  let line = false;
  const flush = (): void => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, links, tag, line });
    buf = '';
    links = 0;
  };
  const drop = (n: HNode, reason: string): void => {
    const text = plainText(n);
    if (text) dropped.push({ text, reason });
  };
  const walk = (n: HNode, inLink: boolean, blockTag: string): void => {
    for (const c of n.children) {
      if (typeof c === 'string') {
        buf += c;
        if (inLink) links += textWidth(c);
        continue;
      }
      const reason = pruneReason(c, strict) ?? structuralReason(c);
      if (reason) {
        flush();
        drop(c, reason);
        continue;
      }
      if (c.tag === 'br') {
        flush();
        line = true;
        continue;
      }
      const isBlock = BLOCK_TAGS.has(c.tag);
      if (isBlock) {
        flush();
        tag = c.tag;
        line = LINE_TAGS.has(c.tag);
      }
      walk(c, inLink || c.tag === 'a', isBlock ? c.tag : blockTag);
      if (isBlock) {
        flush();
        tag = blockTag;
        line = LINE_TAGS.has(blockTag);
      }
    }
  };
  for (const c of containers) {
    flush();
    tag = c.tag;
    walk(c, false, c.tag);
    flush();
  }
  return out;
}

/** Elements dropped for what they are, whatever their class: titles, headers, link lists, captions. */
function structuralReason(n: HNode): string | null {
  if (n.tag === 'h1') return 'title';
  if (n.tag === 'header' && n.textLen < 600) return 'header';
  if (n.tag === 'figcaption' || n.tag === 'figure') return 'caption';
  if (n.tag === 'form' && n.textLen < 600) return 'form';
  if ((n.tag === 'ul' || n.tag === 'ol' || n.tag === 'table') && n.textLen > 0 && linkDensity(n) > 0.5) return 'link-list';
  // A box of links, not a long passage whose names happen to be linked (hover cards and the like).
  if ((n.tag === 'div' || n.tag === 'section') && n.textLen > 0 && n.textLen < 1000 && linkDensity(n) > 0.5) return 'link-list';
  return null;
}

const normKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Paragraph-level decisions on the blocks of the chosen containers. */
function keepBlocks(raw: RawBlock[], title: string | null, dropped: DroppedBlock[]): TextBlock[] {
  const titleKey = title ? normKey(title) : '';
  const kept: TextBlock[] = [];
  for (const b of raw) {
    const width = textWidth(b.text);
    const ld = width ? b.links / width : 0;
    let reason: string | null = null;
    if (ld > 0.5 && width < 400) reason = 'link-dense';
    else if (titleKey && normKey(b.text) === titleKey) reason = 'title';
    if (reason) dropped.push({ text: b.text, reason });
    else kept.push({ text: b.text, tag: b.tag, line: b.line });
  }
  return kept;
}

/** Paragraphs outside the chosen containers, with the reason of the boilerplate element that holds them. */
function outsideBlocks(root: HNode, chosen: HNode[], dropped: DroppedBlock[]): void {
  const skip = new Set(chosen);
  const visit = (n: HNode, reason: string | null): void => {
    for (const c of n.children) {
      if (typeof c === 'string' || skip.has(c) || c.textLen < 25) continue;
      const r = reason ?? pruneReason(c, true) ?? structuralReason(c);
      if (!c.hasBlock && c.tag !== 'a' && c.tag !== 'span') dropped.push({ text: plainText(c), reason: r ?? 'outside-article' });
      else visit(c, r);
    }
  };
  visit(root, null);
}

const keptLength = (blocks: TextBlock[]): number => blocks.reduce((s, b) => s + textWidth(b.text), 0);

export function findContent(root: HNode, title: string | null): ContentResult {
  measure(root);
  type Attempt = ContentResult & { containers: HNode[] };
  const attempt = (containers: HNode[], strict: boolean, via: string): Attempt => {
    const dropped: DroppedBlock[] = [];
    const blocks = keepBlocks(blocksOf(containers, strict, dropped), title, dropped);
    return { blocks, dropped, via, containers };
  };
  const done = (r: Attempt): ContentResult => {
    outsideBlocks(root, r.containers, r.dropped);
    return { blocks: r.blocks, dropped: r.dropped, via: r.via };
  };
  const scored = pickByScore(root, true);
  const byScore = attempt(scored, true, 'score');
  const hint = pickByHint(root);
  if (hint) {
    const byHint = attempt(sameKeyNodes(root, hint), true, 'hint');
    if (keptLength(byHint.blocks) >= Math.max(MIN_BODY_CHARS, 0.5 * keptLength(byScore.blocks))) return done(byHint);
  }
  if (keptLength(byScore.blocks) >= MIN_BODY_CHARS) return done(byScore);
  // Too little: score again without class/id patterns, then take the whole page's paragraphs.
  const relaxed = attempt(pickByScore(root, false), false, 'relaxed');
  if (keptLength(relaxed.blocks) >= MIN_BODY_CHARS) return done(relaxed);
  return done([byScore, relaxed].sort((a, b) => keptLength(b.blocks) - keptLength(a.blocks))[0]);
}
