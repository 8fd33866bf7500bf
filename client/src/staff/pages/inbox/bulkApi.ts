/**
 * Bulk work, saved views and page size as the console uses them (server:
 * server/src/http/inboxBulkRoutes.ts; contract: shared/src/api/contract/bulkOperations.ts).
 */
import type { BulkResult, SavedView } from '@madoguchi/shared/contract';
import { staffApi, staffDownload } from '../../api';
import { saveDownload } from '../../saveDownload';
import { query, type Filters, type Status } from './inboxApi';

export type { BulkResult, SavedView };

/** The ids the clerk ticked, or the list's filter for "all that match" (the server runs it again). */
export type Selection = { ids: string[] } | { filter: Record<string, string> };

const bulk = (code: string) => `/municipalities/${code}/inbox/bulk`;
/** The list's filter without its order: the server needs only what matches. */
export const filterOf = (f: Filters): Record<string, string> => Object.fromEntries(Object.entries(f).filter(([k, v]) => k !== 'sort' && v)) as Record<string, string>;

export const countMatching = (code: string, f: Filters) => staffApi<{ count: number; more: boolean; max: number }>('GET', `${bulk(code)}/count?${query(filterOf(f))}`);
export const bulkAssign = (code: string, selection: Selection, assigneeId: string | null) => staffApi<BulkResult>('POST', `${bulk(code)}/assign`, { selection, assigneeId });
export const bulkStatus = (code: string, selection: Selection, to: Status, expected?: Record<string, Status>, reason?: string) =>
  staffApi<BulkResult>('POST', `${bulk(code)}/status`, { selection, to, ...(expected ? { expected } : {}), ...(to === 'rejected' ? { reason } : {}) });

async function download(code: string, path: string, body: unknown, fallback: string): Promise<number> {
  const res = await staffDownload(`${bulk(code)}/${path}`, body);
  saveDownload(await res.blob(), res.headers.get('Content-Disposition'), fallback);
  return Number(res.headers.get('X-Export-Rows') ?? 0);
}
export const bulkCsv = (code: string, selection: Selection) => download(code, 'export/csv', { selection }, 'export.csv');
export const bulkPdf = (code: string, selection: Selection) => download(code, 'pdf', { selection }, 'applications.pdf');

const views = (code: string) => `/municipalities/${code}/inbox/views`;
export const listViews = async (code: string) => (await staffApi<{ items: SavedView[] }>('GET', views(code))).items;
export const createView = (code: string, view: { name: string; deskId: string | null; filter: Record<string, string>; sort: string | null; columns: string[] }) =>
  staffApi<SavedView>('POST', views(code), view);
export const renameView = (code: string, id: string, name: string) => staffApi<SavedView>('PATCH', `${views(code)}/${id}`, { name });
export const deleteView = (code: string, id: string) => staffApi<void>('DELETE', `${views(code)}/${id}`);

export const getPreferences = (code: string) => staffApi<{ pageSize: number; pageSizes: number[] }>('GET', `/municipalities/${code}/inbox/preferences`);
export const savePageSize = (code: string, pageSize: number) => staffApi<{ pageSize: number; pageSizes: number[] }>('PUT', `/municipalities/${code}/inbox/preferences`, { pageSize });
