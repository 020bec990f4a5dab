// The API documentation page, read from /api/openapi.json.
import { getJson } from '../api.js';
import { pageTitle } from '../data.js';
import { h } from '../dom.js';
import type { View } from '../main.js';

interface Op {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> }[];
  responses?: Record<string, { description: string }>;
  requestBody?: { content: Record<string, unknown> };
}

const schemaText = (s: Record<string, unknown> | undefined): string => {
  if (!s) return '';
  const parts: string[] = [String(s.type ?? '')];
  if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.join(', ')}`);
  if (s.minimum !== undefined) parts.push(`≥ ${String(s.minimum)}`);
  if (s.maximum !== undefined) parts.push(`≤ ${String(s.maximum)}`);
  if (s.pattern !== undefined) parts.push(`pattern ${String(s.pattern)}`);
  if (s.default !== undefined) parts.push(`default ${String(s.default)}`);
  return parts.filter(Boolean).join('; ');
};

export async function docsView(main: HTMLElement): Promise<View> {
  const doc = await getJson<{ info: { title: string; description: string }; paths: Record<string, Record<string, Op>> }>('/api/openapi.json');
  pageTitle('API');
  main.replaceChildren(
    h('h1', {}, doc.info.title),
    h('p', {}, doc.info.description, ' The machine-readable description: ', h('a', { href: '/api/openapi.json' }, '/api/openapi.json'), ' (OpenAPI 3.1).'),
    ...Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => h('section', { class: 'op' },
      h('h2', {}, h('code', {}, `${method.toUpperCase()} ${path}`)),
      h('p', {}, op.summary ?? ''),
      op.description ? h('p', { class: 'muted' }, op.description) : null,
      op.parameters?.length
        ? h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ['Parameter', 'In', 'Required', 'Schema', 'Description'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, op.parameters.map((p) => h('tr', {}, h('td', {}, h('code', {}, p.name)), h('td', {}, p.in), h('td', {}, p.required ? 'yes' : 'no'), h('td', {}, schemaText(p.schema)), h('td', {}, p.description ?? ''))))))
        : null,
      op.requestBody ? h('p', {}, 'Body: ', Object.keys(op.requestBody.content).join(', ')) : null,
      h('ul', { class: 'responses' }, Object.entries(op.responses ?? {}).map(([code, r]) => h('li', {}, h('code', {}, code), ` ${r.description}`))),
    ))),
  );
  return {};
}
