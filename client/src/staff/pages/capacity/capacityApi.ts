/** 定員と予約状況 as the console uses it (server: server/src/http/capacityRoutes.ts). */
import type { CapacityOptionState } from '@madoguchi/shared';
import { staffApi } from '../../api';

export interface CapacityBooking {
  submissionId: string;
  receiptNumber: string;
  status: string;
  places: number;
  createdAt: string;
}

export interface CapacityBookings {
  procedureId: string;
  title: string;
  fields: Array<{ path: string; title: string; options: Array<CapacityOptionState & { bookings: CapacityBooking[] }> }>;
}

const base = (code: string, procedureId: string) => `/municipalities/${code}/procedures/${encodeURIComponent(procedureId)}/capacity`;
export const getBookings = (code: string, procedureId: string) => staffApi<CapacityBookings>('GET', base(code, procedureId));
export const setCapacity = (code: string, procedureId: string, field: string, option: string, capacity: number) =>
  staffApi<CapacityOptionState>('PUT', base(code, procedureId), { field, option, capacity });
