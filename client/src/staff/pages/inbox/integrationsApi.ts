/** API keys, webhooks, deliveries and retention as the console uses them (server: server/src/http/backofficeRoutes.ts). */
import { staffApi } from '../../api';

export interface ApiKey { id: string; name: string; scope: 'read' | 'read-write'; createdAt: string; revokedAt?: string; lastUsedAt?: string }
export interface Webhook { id: string; url: string; procedureId: string | null; events: string[]; active: boolean; createdAt: string }
export interface Delivery {
  id: string; channel: 'webhook' | 'email'; targetId: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; nextAttemptAt: string; createdAt: string;
  event: { type: string; receiptNumber: string }; log: Array<{ at: string; ok: boolean; statusCode?: number; error?: string }>;
}
export interface RetentionPolicy { procedureId: string; days: number; mode: 'delete' | 'strip'; updatedAt: string }

export const EVENT_LABELS: Record<string, { ja: string; en: string }> = {
  'submission.received': { ja: '申請の到達', en: 'Received' },
  'submission.status-changed': { ja: '状況の変更', en: 'Status changed' },
  'submission.resubmitted': { ja: '補正の提出', en: 'Resubmitted' },
};

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
