// A loopback HTTP server for the live tests (feeds, pages, robots.txt, webhooks), on 127.0.0.1 only, with
// routes that can be changed while it runs and a log of the requests it got.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void | Promise<void>;

export interface Loopback {
  base: string;
  routes: Map<string, Handler>;
  /** Every request: path and time (ms since epoch), and headers. */
  requests: { path: string; at: number; headers: http.IncomingHttpHeaders }[];
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const routes = new Map<string, Handler>();
  const requests: Loopback['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ path, at: Date.now(), headers: req.headers });
      const handler = routes.get(path);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    routes,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const send = (type: string | null, body: string | Buffer, extra: Record<string, string> = {}): Handler => (_req, res) => {
  const headers: Record<string, string> = { ...extra };
  if (type) headers['content-type'] = type;
  res.writeHead(200, headers).end(body);
};

/** A page that streams `total` bytes without a Content-Length, stopping when the client goes away. */
export const huge = (total: number): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => {
    sent = total;
  });
  pump();
};

/** Answers only after `ms` (a slow page). */
export const slow = (ms: number, then: Handler): Handler => (req, res, body) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      if (!res.destroyed) void then(req, res, body);
      resolve();
    }, ms);
    res.on('close', () => {
      clearTimeout(t);
      resolve();
    });
  });

export const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(code, headers).end();
};

/** A made-up launch report as an HTML page (every report and place in it is invented). */
export function launchPage(o: { date: string; site?: string; count?: string; km?: number; apogee?: number; extra?: string; charset?: string | null; title?: string }): string {
  const site = o.site ?? 'Hamhung';
  const count = o.count ?? 'two short-range ballistic missiles';
  const meta = o.charset === null ? '' : `<meta charset="${o.charset ?? 'utf-8'}">`;
  const flight = o.km ? `<p>The missiles flew about ${o.km} km${o.apogee ? ` at an apogee of ${o.apogee} km` : ''} before dropping into the sea between the peninsula and Japan, the Joint Chiefs of Staff added.</p>` : '';
  return `<!doctype html>
<html><head>${meta}<title>${o.title ?? `North Korea launches missiles from ${site}`}</title>
<meta property="article:published_time" content="${o.date}T11:05:00+09:00"></head>
<body><nav>Front page | Region | Opinion</nav>
<article><h1>${o.title ?? `North Korea launches missiles from ${site}`}</h1>
<p>North Korea launched ${count} from the ${site} area on ${o.date}, South Korea's Joint Chiefs of Staff said in a statement to reporters.</p>
${flight}
<p>Seoul's defence ministry condemned the launches as a clear provocation and said it was watching closely.</p>
${o.extra ?? ''}</article>
<footer>© Example News</footer></body></html>`;
}

export function rss(items: { url: string; guid?: string; title?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title><link>http://example.invalid/</link>
${items.map((i) => `<item><title>${i.title ?? 'Item'}</title><link>${i.url}</link>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}</item>`).join('\n')}
</channel></rss>`;
}
