/**
 * POSTs one signed envelope to a webhook. Redirects are not followed (a
 * receiver must answer at the URL the admin registered), every attempt has a
 * time limit, and the connection goes only to an address the address policy
 * allows (checked on the address actually connected to). What went wrong is
 * reported in a few words that map nothing of the network (timeout, address
 * refused, connection failed, HTTP status); the detail goes to the server log.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import type { Webhook } from '../../storage/types';
import type { WebhookEnvelope } from './events';
import { DELIVERY_HEADER, EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhookSignature';
import { WebhookAddressRefusedError, type WebhookAddressPolicy } from './webhookAddresses';

export interface SendResult {
  ok: boolean;
  statusCode?: number;
  /** `timeout`, `address_refused`, `connection_failed` or `HTTP <status>`. */
  error?: string;
  durationMs: number;
}

export class WebhookSender {
  constructor(
    private readonly policy: WebhookAddressPolicy,
    private readonly timeoutMs: number,
    private readonly now: () => Date,
    private readonly logger?: Logger,
  ) {}

  async post(webhook: Pick<Webhook, 'url' | 'secret'>, envelope: WebhookEnvelope, deliveryId: string): Promise<SendResult> {
    return this.postSigned(webhook, JSON.stringify(envelope), { type: envelope.type, eventId: envelope.id, deliveryId });
  }

  /** POSTs a JSON body signed with the webhook scheme (webhooks, and push targets: pushDelivery.ts). */
  async postSigned(target: Pick<Webhook, 'url' | 'secret'>, body: string, ids: { type: string; eventId: string; deliveryId: string }, userAgent = 'Madoguchi-Webhook/1'): Promise<SendResult> {
    const deliveryId = ids.deliveryId;
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    try {
      const url = new URL(target.url);
      const hostRefusal = this.policy.refusalForHost(url.hostname);
      if (hostRefusal) throw new WebhookAddressRefusedError(url.hostname, hostRefusal);
      const res = await this.send(url, body, {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': userAgent,
        [SIGNATURE_HEADER]: signatureHeader(target.secret, Math.floor(this.now().getTime() / 1000), body),
        [EVENT_HEADER]: ids.type,
        [EVENT_ID_HEADER]: ids.eventId,
        [DELIVERY_HEADER]: deliveryId,
      });
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      return { ok, statusCode: status, durationMs: elapsed(), ...(ok ? {} : { error: `HTTP ${status}` }) };
    } catch (error) {
      const e = error as Error & { code?: string };
      const reason = e instanceof WebhookAddressRefusedError ? 'address_refused' : e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : 'connection_failed';
      this.logger?.warn({ delivery: deliveryId, reason, detail: e.message.slice(0, 300), code: e.code }, 'webhook not delivered');
      return { ok: false, error: reason, durationMs: elapsed() };
    }
  }

  private send(url: URL, body: string, headers: Record<string, string>): Promise<IncomingMessage> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) }, lookup: this.policy.lookup, signal: AbortSignal.timeout(this.timeoutMs) },
        (res) => {
          res.resume(); // drain, so the socket is freed
          res.on('end', () => resolve(res));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}
