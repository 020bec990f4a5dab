// Security headers on every answer (a strict content security policy, no framing, no sniffing); exactly one Host
// header per request (with two, this server and a proxy in front of it could each read another); and on a
// loopback server only loopback Host names, so a DNS-rebinding page cannot reach it.
import fp from 'fastify-plugin';
import { HttpError } from './errors.js';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

// script-src 'self' forbids inline scripts; inline style attributes are not used (styles set from script via CSSOM are allowed).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export const securityPlugin = fp<{ loopback: boolean }>(async (app, { loopback }) => {
  app.addHook('onRequest', async (req) => {
    let hosts = 0;
    const raw = req.raw.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'host') hosts++;
    if (hosts > 1) throw new HttpError(400, `${hosts} Host headers in one request: send exactly one`);
    if (!loopback) return;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!isLoopback(host)) throw new HttpError(421, `unexpected Host header ${JSON.stringify(req.headers.host ?? '')}: this server answers to localhost only`);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    return payload;
  });
}, { name: 'salvo-security' });
