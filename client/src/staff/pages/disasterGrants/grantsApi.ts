/** 応援職員's API (server/src/http/disasterGrantRoutes.ts; shapes in shared/src/api/contract/disasterGrantOperations.ts). */
import type { Disaster } from '@madoguchi/shared';
import type { DisasterGrantView, MyDisasterGrant } from '@madoguchi/shared/contract';
import { staffApi } from '../../api';

export type { DisasterGrantView, MyDisasterGrant };

export interface GrantInput {
  email: string;
  fromDate: string;
  untilDate: string;
}

const disasterPath = (code: string, disasterId: string) => `/municipalities/${encodeURIComponent(code)}/disasters/${encodeURIComponent(disasterId)}`;

export const grantsApi = {
  disaster: (code: string, disasterId: string) => staffApi<Disaster>('GET', disasterPath(code, disasterId)),
  list: (code: string, disasterId: string) => staffApi<{ items: DisasterGrantView[] }>('GET', `${disasterPath(code, disasterId)}/grants`),
  grant: (code: string, disasterId: string, input: GrantInput) => staffApi<DisasterGrantView>('POST', `${disasterPath(code, disasterId)}/grants`, input),
  revoke: (code: string, disasterId: string, grantId: string) => staffApi<DisasterGrantView>('POST', `${disasterPath(code, disasterId)}/grants/${encodeURIComponent(grantId)}/revoke`, {}),
  mine: () => staffApi<{ items: MyDisasterGrant[] }>('GET', '/me/disaster-grants'),
};
