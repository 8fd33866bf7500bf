/**
 * The staff inbox API as the console uses it (server: server/src/http/inboxRoutes.ts,
 * shapes in server/src/modules/inbox/views.ts, documented at /api/v1/openapi.json).
 */
import type { AnswerLine, InboxItem, InboxListResponse, SensitiveRevealResponse, SubmissionStatus, SubmissionView } from '@madoguchi/shared';
import { apiFetch } from '../../../common/api/http';
import { staffApi } from '../../api';
import { currentLanguage } from '../../../common/i18n/languageStore';
import { saveDownload } from '../../saveDownload';

export type Status = SubmissionStatus;

export const STATUS_ORDER: Status[] = ['received', 'in-review', 'correction-requested', 'resubmitted', 'accepted', 'completed', 'rejected', 'withdrawn'];

export type InboxList = InboxListResponse;
export type { InboxItem, AnswerLine, SubmissionView };

export interface Filters {
  status?: string;
  procedureId?: string;
  assignee?: string;
  /** online / counter */
  channel?: string;
  /** 処理期限: overdue, or N (due within N days) */
  due?: string;
  /** `unread`: only submissions with unread applicant messages. */
  messages?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
}

const enc = encodeURIComponent;
export const query = (f: Filters & { after?: string; limit?: number; encoding?: string; includeSensitive?: string }) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${enc(String(v))}`)
    .join('&');

export const listInbox = (code: string, f: Filters, after?: string, limit = 50) => staffApi<InboxList>('GET', `/municipalities/${code}/inbox?${query({ ...f, ...(after ? { after } : {}), limit })}`);
export const getSubmission = (code: string, id: string) => staffApi<SubmissionView>('GET', `/municipalities/${code}/submissions/${id}`);
export const getRevision = (code: string, id: string, revision: number) =>
  staffApi<{ revision: number; createdAt: string; answers: AnswerLine[] }>('GET', `/municipalities/${code}/submissions/${id}/revisions/${revision}`);
export const moveStatus = (code: string, id: string, to: Status, expected: Status, publicNote?: string, reason?: string) =>
  staffApi('POST', `/municipalities/${code}/submissions/${id}/status`, { to, expected, ...(publicNote ? { publicNote } : {}), ...(reason !== undefined ? { reason } : {}) });
export const assign = (code: string, id: string, assigneeId: string | null) => staffApi('POST', `/municipalities/${code}/submissions/${id}/assign`, { assigneeId });
export const reverifySignature = (code: string, id: string) => staffApi<SubmissionView['signature']>('POST', `/municipalities/${code}/submissions/${id}/signature/verify`);

export const addNote = (code: string, id: string, body: string) => staffApi('POST', `/municipalities/${code}/submissions/${id}/notes`, { body });
export const requestCorrection = (code: string, id: string, message: string, fields: string[], expected: Status) =>
  staffApi('POST', `/municipalities/${code}/submissions/${id}/correction-request`, { message, fields, expected });
/** Clear values of sensitive answers (pointers in the body, never the URL); the server records the reveal. */
export const revealSensitive = async (code: string, id: string, pointers: string[]) =>
  (await staffApi<SensitiveRevealResponse>('POST', `/municipalities/${code}/submissions/${id}/reveal`, { pointers })).answers;
export const listAssignees = async (code: string) => (await staffApi<{ items: Array<{ id: string; name: string; role: string }> }>('GET', `/municipalities/${code}/inbox/assignees`)).items;

export const fileUrl = (code: string, id: string, fileId: string, inline = false) => `/api/v1/staff/municipalities/${code}/submissions/${id}/files/${fileId}${inline ? '?disposition=inline' : ''}`;
export const pdfUrl = (code: string, id: string) => `/api/v1/staff/municipalities/${code}/submissions/${id}/pdf`;

/** Downloads the CSV of the filtered list; returns what CP932 could not hold (written as 〓). */
export async function downloadCsv(code: string, f: Filters, encoding: 'utf-8' | 'cp932', includeSensitive = false): Promise<{ rows: number; replaced: string }> {
  // Through the one request layer (errors as ApiError with the server's message); the body is a file, not JSON.
  const res = await apiFetch(`/staff/municipalities/${code}/inbox/export/csv?${query({ ...f, encoding, ...(includeSensitive ? { includeSensitive: '1' } : {}) })}`, { language: currentLanguage() });
  saveDownload(await res.blob(), res.headers.get('Content-Disposition'), 'export.csv');
  return { rows: Number(res.headers.get('X-Export-Rows') ?? 0), replaced: decodeURIComponent(res.headers.get('X-Export-Replaced') ?? '') };
}

/** Japan time, as desks read it: 2026/11/23 14:05. */
export function jst(iso: string): string {
  return new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
