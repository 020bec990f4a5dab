// DOM → text with paragraph structure: a blank line between block elements, list items on their own lines.
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
// Items whose blocks are separated by a single newline rather than a blank line.
const LINE_ITEMS = new Set(['LI', 'DT', 'DD', 'TR']);
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION', 'CANVAS', 'HEAD']);

interface Block {
  text: string;
  lineItem: boolean;
}

/** Blocks of text under `root`, in document order; `skip` names extra tags to leave out (NAV, FOOTER…). */
export function textBlocks(root: DomNode, skip: ReadonlySet<string> = new Set()): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let lineItem = false;
  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, lineItem });
    buffer = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (NEVER_TEXT.has(tag) || skip.has(tag)) return;
    if (tag === 'BR') {
      lineItem = true; // the line before a <br> and the one after it stay on adjacent lines
      flush();
      return;
    }
    const isBlock = BLOCK.has(tag);
    if (isBlock) {
      flush();
      lineItem = LINE_ITEMS.has(tag);
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]);
    if (isBlock) {
      flush();
      lineItem = LINE_ITEMS.has(tag);
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** Joins blocks: list items (and <br> lines) on their own lines, other blocks separated by a blank line. */
export function joinBlocks(blocks: Block[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += b.lineItem && blocks[i - 1].lineItem ? '\n' : '\n\n';
    out += b.text;
  });
  return out;
}

export const elementText = (el: DomElement, skip?: ReadonlySet<string>): string => joinBlocks(textBlocks(el, skip));
