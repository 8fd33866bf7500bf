/**
 * The console's pages. To add one, write `pages/FooPage.tsx` (default export)
 * and add one line here: path under /staff, menu label, and the permission
 * that shows it (the server checks the same permission on every API call).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Action } from '../types';
import type { Text } from '../i18n';

export interface StaffPage {
  path: string;
  label: Text;
  /** Shown in the menu only to accounts with this permission in their municipality; none: every account. */
  permission?: Action;
  component: LazyExoticComponent<ComponentType>;
  /** false: a page reached from another page (e.g. the builder), not listed in the menu. */
  inMenu?: boolean;
}

export const STAFF_PAGES: StaffPage[] = [
  { path: 'inbox', label: { ja: '受付一覧', en: 'Inbox' }, permission: 'inbox.read', component: lazy(() => import('./inbox/InboxListPage')) },
  { path: 'inbox/stats', label: { ja: '処理時間', en: 'Processing times' }, permission: 'inbox.read', inMenu: false, component: lazy(() => import('./inbox/ProcessingTimesPage')) },
  { path: 'inbox/:submissionId', label: { ja: '申請の内容', en: 'Submission' }, permission: 'inbox.read', inMenu: false, component: lazy(() => import('./inbox/SubmissionPage')) },
  { path: 'integrations', label: { ja: '外部連携', en: 'Integrations' }, permission: 'integrations.manage', component: lazy(() => import('./inbox/IntegrationsPage')) },
  { path: 'procedures', label: { ja: '手続', en: 'Procedures' }, permission: 'catalog.read', component: lazy(() => import('./catalog/CatalogPage')) },
  { path: 'procedures/adopted/:presetId', label: { ja: '手続の編集', en: 'Edit procedure' }, permission: 'catalog.read', inMenu: false, component: lazy(() => import('./builder/AdoptedBuilderPage')) },
  { path: 'procedures/own/:procedureId', label: { ja: '手続の編集', en: 'Edit procedure' }, permission: 'catalog.read', inMenu: false, component: lazy(() => import('./builder/OwnBuilderPage')) },
  { path: 'presets', label: { ja: 'プリセット', en: 'Presets' }, permission: 'preset.edit', component: lazy(() => import('./catalog/PresetLibraryPage')) },
  { path: 'presets/:presetId', label: { ja: 'プリセットの編集', en: 'Edit preset' }, permission: 'preset.edit', inMenu: false, component: lazy(() => import('./builder/PresetBuilderPage')) },
  { path: 'users', label: { ja: '職員', en: 'Accounts' }, permission: 'users.read', component: lazy(() => import('./UsersPage')) },
  { path: 'settings', label: { ja: '設定', en: 'Settings' }, permission: 'settings.update', component: lazy(() => import('./SettingsPage')) },
  { path: 'account', label: { ja: 'アカウント', en: 'My account' }, component: lazy(() => import('./AccountPage')) },
];
