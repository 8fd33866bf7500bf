/** Push targets as the console uses them (server: server/src/http/pushRoutes.ts, contract: pushOperations.ts). */
import type { PushFieldList, PushMappingRowView, PushTargetView } from '@madoguchi/shared/contract';
import { staffApi } from '../../api';
import type { Delivery } from './integrationsApi';

export type PushTarget = PushTargetView;
export type PushMappingRow = PushMappingRowView;
export type PushFields = PushFieldList;

export interface PushTargetInput {
  procedureId?: string;
  name: string;
  url: string;
  events: string[];
  statuses: string[];
  includePdf: boolean;
  mapping: Array<{ field: string; source: 'answer'; pointer: string } | { field: string; source: 'meta'; meta: string }>;
  sensitiveConfirmed: boolean;
}

const m = (code: string) => `/municipalities/${code}`;
export const listPushTargets = async (code: string) => (await staffApi<{ items: PushTarget[] }>('GET', `${m(code)}/push-targets`)).items;
export const pushFields = (code: string, procedureId: string) => staffApi<PushFields>('GET', `${m(code)}/push-targets/fields/${encodeURIComponent(procedureId)}`);
export const createPushTarget = (code: string, body: PushTargetInput) => staffApi<{ target: PushTarget; secret: string }>('POST', `${m(code)}/push-targets`, body);
export const updatePushTarget = (code: string, id: string, patch: object) => staffApi<{ target: PushTarget; secret?: string }>('PATCH', `${m(code)}/push-targets/${id}`, patch);
export const deletePushTarget = (code: string, id: string) => staffApi('DELETE', `${m(code)}/push-targets/${id}`);
export const listPushDeliveries = async (code: string) => (await staffApi<{ items: Delivery[] }>('GET', `${m(code)}/push-deliveries`)).items;
