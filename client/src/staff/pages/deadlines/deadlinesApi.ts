/** 標準処理期間 as the console uses it (server: server/src/http/deadlineRoutes.ts). */
import { staffApi } from '../../api';

export interface ProcessingPeriod {
  procedureId: string;
  days: number;
  unit: 'business' | 'calendar';
  updatedAt: string;
}

const base = (code: string) => `/municipalities/${code}/processing-periods`;
export const listPeriods = (code: string) => staffApi<{ items: ProcessingPeriod[] }>('GET', base(code)).then((r) => r.items);
export const setPeriod = (code: string, procedureId: string, days: number, unit: string) => staffApi<ProcessingPeriod>('PUT', `${base(code)}/${encodeURIComponent(procedureId)}`, { days, unit });
export const removePeriod = (code: string, procedureId: string) => staffApi<void>('DELETE', `${base(code)}/${encodeURIComponent(procedureId)}`);
