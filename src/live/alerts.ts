// Webhook delivery: each alert is POSTed as JSON to each configured webhook, signed with HMAC-SHA256 over the
// exact body (`X-Salvo-Signature: sha256=<hex>`), retried with exponential backoff, and recorded in the
// delivery log so it is delivered once (a delivery cut off between the POST and the log entry, by a crash, is
// sent again: receivers can drop repeats by `X-Salvo-Alert`, the alert id).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { DEFAULT_USER_AGENT } from '../ingest/fetch.js';
import type { AlertPayload, Store } from '../store/store.js';
import type { AlertOptions, WebhookConfig } from './config.js';
import { DELIVERIES_PER_ROUND } from '../settings.js';

export const SIGNATURE_HEADER = 'x-salvo-signature';

/** `sha256=<hex>` of HMAC-SHA256(secret, body). */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether a signature header is right for the body (for receivers and tests). */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  return header !== undefined && header === signBody(body, secret);
}

export interface PostResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** POSTs a signed JSON body; any 2xx is success. Never throws. */
export function postSigned(url: string, body: string, secret: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  return new Promise<PostResult>((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      resolve({ ok: false, status: null, error: 'not a valid address' });
      return;
    }
    const lib = u.protocol === 'https:' ? https : http;
    let finished = false;
    const finish = (r: PostResult): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = lib.request(u, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': DEFAULT_USER_AGENT,
        [SIGNATURE_HEADER]: signBody(body, secret),
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (err) => finish({ ok: false, status: null, error: err.message }));
    req.on('response', (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      res.on('end', () => finish({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` }));
      res.on('error', (err) => finish({ ok: false, status, error: err.message }));
    });
    req.end(body);
  });
}

/** A sample payload for `salvo alerts test`. */
export function samplePayload(now: Date): AlertPayload & { test: true } {
  const createdAt = now.toISOString();
  return {
    test: true,
    id: `test#${createdAt}`,
    kind: 'new-event',
    eventId: 'TEST-2000-01-01',
    version: 1,
    createdAt,
    title: 'Test alert from salvo alerts test: not a real launch',
    event: {
      id: 'TEST-2000-01-01',
      actor: 'TEST',
      dateLocal: '2000-01-01',
      reports: 1,
      fields: { date_local: '2000-01-01', time_local: null, site: null, count_min: 1, count_exact: 1, class: null, name: null, distance_km: null, apogee_km: null, landing: null, eez: null },
      disputed: [],
    },
    changes: [],
    disputed: [],
  };
}

/** Queues new alerts for each webhook and delivers what is due, recording every attempt. */
export class AlertDispatcher {
  constructor(
    private readonly store: Store,
    private readonly webhooks: WebhookConfig[],
    private readonly opts: AlertOptions,
    private readonly log: (line: string) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues the alerts created since the last call (a new webhook starts from now). */
  async enqueue(): Promise<number> {
    let n = 0;
    const at = this.now().toISOString();
    for (const w of this.webhooks) n += await this.store.enqueueAlerts(w.url, at);
    return n;
  }

  /** Delivers every due delivery once (one attempt each); returns how many succeeded. Calls run one at a time. */
  deliverDue(): Promise<number> {
    // Serialised: two overlapping calls would both read the same due rows and POST them twice.
    const run = this.busy.then(() => this.deliverDueNow());
    this.busy = run.catch(() => 0);
    return run;
  }

  private busy: Promise<number> = Promise.resolve(0);

  private async deliverDueNow(): Promise<number> {
    const due = await this.store.dueDeliveries(this.now().toISOString(), DELIVERIES_PER_ROUND);
    const secrets = new Map(this.webhooks.map((w) => [w.url, w.secret]));
    const results = await Promise.all(
      due.map(async ({ delivery, payload }) => {
        const secret = secrets.get(delivery.webhookUrl);
        if (secret === undefined) return false; // webhook no longer configured: left pending for when it is back
        const attempts = delivery.attempts + 1;
        const body = JSON.stringify(payload);
        const r = await postSigned(delivery.webhookUrl, body, secret, { 'x-salvo-alert': payload.id, 'x-salvo-kind': payload.kind, 'x-salvo-attempt': String(attempts) }, this.opts.timeoutMs);
        const at = this.now();
        if (r.ok) {
          await this.store.recordDelivery(delivery.alertId, delivery.webhookUrl, { status: 'delivered', attempts, nextAttempt: null, error: null, deliveredAt: at.toISOString() });
          return true;
        }
        const giveUp = attempts >= this.opts.maxAttempts;
        const next = giveUp ? null : new Date(at.getTime() + this.opts.backoffMs * 2 ** (attempts - 1)).toISOString();
        await this.store.recordDelivery(delivery.alertId, delivery.webhookUrl, { status: giveUp ? 'failed' : 'pending', attempts, nextAttempt: next, error: r.error, deliveredAt: null });
        this.log(`alert ${payload.id} to ${delivery.webhookUrl}: attempt ${attempts} failed (${r.error ?? 'error'})${giveUp ? '; given up' : `; next try at ${next}`}`);
        return false;
      }),
    );
    return results.filter(Boolean).length;
  }

  /** Milliseconds until the next pending delivery is due (0 when one is due now), or null when none is pending. */
  async msUntilNext(): Promise<number | null> {
    const t = await this.store.nextDeliveryAt();
    return t === null ? null : Math.max(0, Date.parse(t) - this.now().getTime());
  }

  /** Sends the sample alert to every webhook (not logged, not retried). */
  async test(): Promise<{ url: string; result: PostResult }[]> {
    const payload = samplePayload(this.now());
    const body = JSON.stringify(payload);
    return Promise.all(
      this.webhooks.map(async (w) => ({ url: w.url, result: await postSigned(w.url, body, w.secret, { 'x-salvo-alert': payload.id, 'x-salvo-kind': 'test', 'x-salvo-attempt': '1' }, this.opts.timeoutMs) })),
    );
  }
}
