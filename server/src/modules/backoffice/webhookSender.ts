/**
 * POSTs one signed envelope to a webhook. Redirects are not followed (a
 * receiver must answer at the URL the admin registered) and every attempt has
 * a time limit, so a slow receiver cannot hold the dispatcher.
 */
import type { Webhook } from '../../storage/types';
import type { WebhookEnvelope } from './events';
import { DELIVERY_HEADER, EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhookSignature';

export interface SendResult {
  ok: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

export async function postWebhook(webhook: Pick<Webhook, 'url' | 'secret'>, envelope: WebhookEnvelope, deliveryId: string, timeoutMs: number, now: () => Date): Promise<SendResult> {
  const body = JSON.stringify(envelope);
  const started = Date.now();
  try {
    const res = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Madoguchi-Webhook/1',
        [SIGNATURE_HEADER]: signatureHeader(webhook.secret, Math.floor(now().getTime() / 1000), body),
        [EVENT_HEADER]: envelope.type,
        [EVENT_ID_HEADER]: envelope.id,
        [DELIVERY_HEADER]: deliveryId,
      },
      body,
    });
    await res.arrayBuffer().catch(() => undefined); // drain, so the connection is reused
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, durationMs: Date.now() - started, ...(ok ? {} : { error: `HTTP ${res.status}` }) };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, error: reason.slice(0, 200), durationMs: Date.now() - started };
  }
}
