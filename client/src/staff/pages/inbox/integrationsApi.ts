/** API keys, webhooks, deliveries and retention as the console uses them (server: server/src/http/backofficeRoutes.ts). */
import { STATUS_LABELS, type Language, type SubmissionStatus } from '@madoguchi/shared';
import { staffText, type StaffMessageKey } from '../../i18n';
import { staffApi } from '../../api';

export interface ApiKey {
  id: string;
  name: string;
  scope: 'read' | 'read-write';
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}
export interface Webhook {
  id: string;
  url: string;
  procedureId: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
}
export interface Delivery {
  id: string;
  channel: 'webhook' | 'email' | 'push';
  targetId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  event: { type: string; receiptNumber: string; data: { status?: string } };
  log: Array<{ at: string; ok: boolean; statusCode?: number; error?: string }>;
}
export interface RetentionPolicy {
  procedureId: string;
  days: number;
  mode: 'delete' | 'strip';
  updatedAt: string;
}

export const EVENT_LABELS: Record<string, StaffMessageKey> = {
  'submission.received': 'integrations.event.received',
  'submission.status-changed': 'integrations.event.statusChanged',
  'submission.resubmitted': 'integrations.event.resubmitted',
  'submission.deleted': 'integrations.event.deleted',
  'submission.stripped': 'integrations.event.stripped',
  'submission.message': 'integrations.event.message',
};

/** What the log says of an event: a status change names the status it moved to (「状況の変更：審査中」). */
export function eventLabel(event: Delivery['event'], language: Language): string {
  const key = EVENT_LABELS[event.type];
  const name = key ? staffText(language, key) : event.type;
  const to = event.type === 'submission.status-changed' && event.data?.status ? STATUS_LABELS[event.data.status as SubmissionStatus] : undefined;
  return to ? staffText(language, 'integrations.event.withStatus', { event: name, status: to[language] }) : name;
}

/** Why a delivery attempt failed, in words (the server reports only these, never network details). */
export const FAILURE_LABELS: Record<string, StaffMessageKey> = {
  timeout: 'integrations.failure.timeout',
  address_refused: 'integrations.failure.addressRefused',
  connection_failed: 'integrations.failure.connectionFailed',
};
export const failureLabel = (error: string, language: Language): string => (FAILURE_LABELS[error] ? staffText(language, FAILURE_LABELS[error]) : error);

const m = (code: string) => `/municipalities/${code}`;
export const listKeys = async (code: string) => (await staffApi<{ items: ApiKey[] }>('GET', `${m(code)}/api-keys`)).items;
export const createKey = (code: string, name: string, scope: string) => staffApi<{ key: ApiKey; token: string }>('POST', `${m(code)}/api-keys`, { name, scope });
export const revokeKey = (code: string, id: string) => staffApi('POST', `${m(code)}/api-keys/${id}/revoke`);
export const listHooks = async (code: string) => (await staffApi<{ items: Webhook[] }>('GET', `${m(code)}/webhooks`)).items;
export const createHook = (code: string, body: { url: string; procedureId: string | null; events: string[] }) => staffApi<{ webhook: Webhook; secret: string }>('POST', `${m(code)}/webhooks`, body);
export const updateHook = (code: string, id: string, patch: object) => staffApi<{ webhook: Webhook; secret?: string }>('PATCH', `${m(code)}/webhooks/${id}`, patch);
export const deleteHook = (code: string, id: string) => staffApi('DELETE', `${m(code)}/webhooks/${id}`);
export const pingHook = (code: string, id: string) => staffApi<{ ok: boolean; statusCode?: number; error?: string }>('POST', `${m(code)}/webhooks/${id}/ping`);
export const listDeliveries = async (code: string) => (await staffApi<{ items: Delivery[] }>('GET', `${m(code)}/deliveries`)).items;
export const retryDelivery = (code: string, id: string) => staffApi('POST', `${m(code)}/deliveries/${id}/retry`);
export const listRetention = async (code: string) => (await staffApi<{ items: RetentionPolicy[] }>('GET', `${m(code)}/retention`)).items;
export const setRetention = (code: string, procedureId: string, days: number, mode: string) => staffApi('PUT', `${m(code)}/retention/${procedureId}`, { days, mode });
export const removeRetention = (code: string, procedureId: string) => staffApi('DELETE', `${m(code)}/retention/${procedureId}`);
