/**
 * The last receipt of this browser tab (sessionStorage): the done page
 * survives a reload, but the status key does not linger on a shared device.
 */
import type { IntakeResponse } from '@madoguchi/shared';
import { readStored, removeStored, writeStored } from '../../common/storage';

export interface Receipt extends IntakeResponse {
  municipalityCode: string;
  municipalityName?: string;
  procedureTitle: string;
}

const key = (municipalityCode: string, procedureId: string) => `madoguchi:receipt:${municipalityCode}:${procedureId}`;

export const saveReceipt = (r: Receipt) => writeStored(key(r.municipalityCode, r.procedureId), r, 'session');
export const loadReceipt = (municipalityCode: string, procedureId: string) => readStored<Receipt>(key(municipalityCode, procedureId), 'session');
export const forgetReceipt = (municipalityCode: string, procedureId: string) => removeStored(key(municipalityCode, procedureId), 'session');

/** The status page link; the secret rides in the fragment, which browsers never send to a server. */
export const statusPath = (receiptNumber: string, secret: string) => `/status/${encodeURIComponent(receiptNumber)}#${encodeURIComponent(secret)}`;
