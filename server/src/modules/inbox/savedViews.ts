/**
 * Saved inbox views (issue #21): a named filter + sort + visible columns, kept
 * for one clerk or shared with the municipality under one of its desks
 * (settings/deskService.ts). Only the creator, or a municipal admin for a
 * shared view, renames or deletes one. Bad input is refused as a whole (422,
 * one message per field), nothing stored. Also each clerk's page size.
 */
import { randomUUID } from 'node:crypto';
import type { FieldError, Language } from '@madoguchi/shared';
import { AppError, NotFoundError, ValidationError } from '../../errors';
import { AccessError } from '../../auth/authErrors';
import type { SavedInboxView } from '../../storage/inboxViewTypes';
import type { Storage, User } from '../../storage/types';
import { bulkText } from './bulkMessages';
import { DEFAULT_PAGE, INBOX_SORTS, MAX_PAGE, parseListQuery } from './listQuery';

/** The list's columns a view may show (the client's table knows the same keys). */
export const INBOX_VIEW_COLUMNS = ['receiptNumber', 'applicant', 'procedure', 'receivedAt', 'status', 'due', 'assignee'] as const;
const FILTER_KEYS = ['status', 'procedureId', 'assignee', 'channel', 'from', 'to', 'due', 'q'] as const;
export const PAGE_SIZES = [20, 50, 100].filter((n) => n <= MAX_PAGE);
const MAX_NAME = 100;
const MAX_VIEWS = 100;

export interface SavedViewDto {
  id: string;
  name: string;
  deskId: string | null;
  deskName: string | null;
  filter: Record<string, string>;
  sort: string | null;
  columns: string[];
  mine: boolean;
  /** The caller may rename and delete it. */
  manageable: boolean;
  updatedAt: string;
}

type ViewUser = Pick<User, 'id' | 'role' | 'municipalityCode'>;

export class SavedViewService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(municipalityCode: string, user: ViewUser): Promise<SavedViewDto[]> {
    const desks = new Map(((await this.storage.desks.get(municipalityCode))?.desks ?? []).map((d) => [d.id, d.name]));
    return (await this.storage.inboxViews.listVisible(municipalityCode, user.id)).map((v) => this.dto(v, user, desks));
  }

  async create(municipalityCode: string, user: ViewUser, input: unknown, language: Language): Promise<SavedViewDto> {
    const v = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    const problems: FieldError[] = [];
    const problem = (key: string, label: string, message: string) => problems.push({ pointer: `/${key}`, property: `.${key}`, label, keyword: 'view', message });

    const name = typeof v.name === 'string' ? v.name.trim() : '';
    if (!name || name.length > MAX_NAME) problem('name', '名前', bulkText(language, 'viewName'));

    const desks = new Map(((await this.storage.desks.get(municipalityCode))?.desks ?? []).map((d) => [d.id, d.name]));
    const deskId = v.deskId === undefined || v.deskId === null || v.deskId === '' ? null : v.deskId;
    if (deskId !== null && (typeof deskId !== 'string' || !desks.has(deskId))) problem('deskId', '共有先の窓口', bulkText(language, 'viewDesk'));

    const filter: Record<string, string> = {};
    const rawFilter = v.filter ?? {};
    if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) problem('filter', '検索条件', bulkText(language, 'viewFilter', { name: 'filter' }));
    else
      for (const [key, value] of Object.entries(rawFilter)) {
        if (!(FILTER_KEYS as readonly string[]).includes(key) || typeof value !== 'string' || value.length > 200) {
          problem(`filter/${key}`, '検索条件', bulkText(language, 'viewFilter', { name: key }));
          continue;
        }
        // The list's own parser decides what a valid value is.
        try {
          parseListQuery({ [key]: value }, user.id, language);
          if (value) filter[key] = value;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problem(`filter/${key}`, '検索条件', bulkText(language, 'viewFilter', { name: key }));
        }
      }

    const sort = v.sort === undefined || v.sort === null || v.sort === '' ? null : v.sort;
    if (sort !== null && (typeof sort !== 'string' || !(INBOX_SORTS as string[]).includes(sort))) problem('sort', '並び順', bulkText(language, 'viewSort'));

    const columns = v.columns ?? [];
    if (!Array.isArray(columns) || columns.length > INBOX_VIEW_COLUMNS.length || !columns.every((c) => (INBOX_VIEW_COLUMNS as readonly string[]).includes(c as string)))
      problem('columns', '表示する列', bulkText(language, 'viewColumns'));

    if (problems.length) throw new ValidationError(bulkText(language, 'viewInvalid', { n: problems.length }), problems);
    const own = (await this.storage.inboxViews.listVisible(municipalityCode, user.id)).filter((x) => x.ownerId === user.id);
    if (own.length >= MAX_VIEWS)
      throw new ValidationError(bulkText(language, 'viewTooMany', { max: MAX_VIEWS }), [
        { pointer: '/name', property: '.name', label: '名前', keyword: 'maxItems', message: bulkText(language, 'viewTooMany', { max: MAX_VIEWS }) },
      ]);

    const at = this.now().toISOString();
    const view: SavedInboxView = {
      id: randomUUID(),
      municipalityCode,
      ownerId: user.id,
      deskId: deskId as string | null,
      name,
      filter,
      sort: sort as string | null,
      columns: [...new Set(columns as string[])],
      createdAt: at,
      updatedAt: at,
    };
    await this.storage.inboxViews.create(view);
    return this.dto(view, user, desks);
  }

  async rename(municipalityCode: string, user: ViewUser, id: string, name: unknown, language: Language): Promise<SavedViewDto> {
    const view = await this.manageable(municipalityCode, user, id, language);
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (!trimmed || trimmed.length > MAX_NAME) {
      throw new ValidationError(bulkText(language, 'viewInvalid', { n: 1 }), [{ pointer: '/name', property: '.name', label: '名前', keyword: 'view', message: bulkText(language, 'viewName') }]);
    }
    const at = this.now().toISOString();
    await this.storage.inboxViews.rename(id, trimmed, at);
    const desks = new Map(((await this.storage.desks.get(municipalityCode))?.desks ?? []).map((d) => [d.id, d.name]));
    return this.dto({ ...view, name: trimmed, updatedAt: at }, user, desks);
  }

  async delete(municipalityCode: string, user: ViewUser, id: string, language: Language): Promise<void> {
    await this.manageable(municipalityCode, user, id, language);
    await this.storage.inboxViews.delete(id);
  }

  async pageSize(userId: string): Promise<number> {
    return (await this.storage.inboxViews.getPageSize(userId)) ?? DEFAULT_PAGE;
  }

  async setPageSize(userId: string, input: unknown, language: Language): Promise<number> {
    const size = (input as { pageSize?: unknown } | null)?.pageSize;
    if (typeof size !== 'number' || !PAGE_SIZES.includes(size)) {
      const message = bulkText(language, 'pageSize', { sizes: PAGE_SIZES.join(language === 'en' ? ', ' : '・') });
      throw new ValidationError(bulkText(language, 'preferencesInvalid'), [{ pointer: '/pageSize', property: '.pageSize', label: '1ページの件数', keyword: 'enum', message }]);
    }
    await this.storage.inboxViews.setPageSize(userId, size, this.now().toISOString());
    return size;
  }

  /** A view the caller sees (else 404) and may change (else 403). */
  private async manageable(municipalityCode: string, user: ViewUser, id: string, language: Language): Promise<SavedInboxView> {
    const view = await this.storage.inboxViews.get(id);
    const visible = view && view.municipalityCode === municipalityCode && (view.deskId !== null || view.ownerId === user.id);
    if (!view || !visible) throw new NotFoundError(bulkText(language, 'viewNotFound'), 'view_not_found');
    if (!this.mayManage(view, user)) throw new AccessError('forbidden', bulkText(language, 'viewForbidden'));
    return view;
  }

  private mayManage(view: SavedInboxView, user: ViewUser): boolean {
    return view.ownerId === user.id || (view.deskId !== null && user.role === 'municipal-admin' && user.municipalityCode === view.municipalityCode);
  }

  private dto(v: SavedInboxView, user: ViewUser, desks: Map<string, string>): SavedViewDto {
    return {
      id: v.id,
      name: v.name,
      deskId: v.deskId,
      deskName: v.deskId ? (desks.get(v.deskId) ?? null) : null,
      filter: v.filter,
      sort: v.sort,
      columns: v.columns,
      mine: v.ownerId === user.id,
      manageable: this.mayManage(v, user),
      updatedAt: v.updatedAt,
    };
  }
}
