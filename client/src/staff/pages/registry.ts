/**
 * The console's pages. To add one, write `pages/FooPage.tsx` (default export)
 * and add one line here: path under /staff, menu label, and the permission
 * that shows it (the server checks the same permission on every API call).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Action } from '../types';
import type { StaffMessageKey } from '../i18n';

export interface StaffPage {
  path: string;
  label: StaffMessageKey;
  /** Shown in the menu only to accounts with this permission in their municipality; none: every account. */
  permission?: Action;
  component: LazyExoticComponent<ComponentType>;
  /** false: a page reached from another page (e.g. the builder), not listed in the menu. */
  inMenu?: boolean;
}

export const STAFF_PAGES: StaffPage[] = [
  { path: 'inbox', label: 'common.inbox', permission: 'inbox.read', component: lazy(() => import('./inbox/InboxListPage')) },
  { path: 'inbox/stats', label: 'nav.processingTimes', permission: 'inbox.read', inMenu: false, component: lazy(() => import('./inbox/ProcessingTimesPage')) },
  { path: 'inbox/:submissionId', label: 'nav.submission', permission: 'inbox.read', inMenu: false, component: lazy(() => import('./inbox/SubmissionPage')) },
  { path: 'deadlines', label: 'nav.deadlines', permission: 'deadlines.manage', component: lazy(() => import('./deadlines/DeadlinesPage')) },
  { path: 'integrations', label: 'nav.integrations', permission: 'integrations.manage', component: lazy(() => import('./inbox/IntegrationsPage')) },
  { path: 'procedures', label: 'common.procedures', permission: 'catalog.read', component: lazy(() => import('./catalog/CatalogPage')) },
  { path: 'procedures/capacity/:procedureId', label: 'nav.capacity', permission: 'inbox.read', inMenu: false, component: lazy(() => import('./capacity/CapacityPage')) },
  { path: 'notice-templates', label: 'nav.noticeTemplates', permission: 'catalog.edit', component: lazy(() => import('./notices/NoticeTemplatePage')) },
  { path: 'procedures/adopted/:presetId', label: 'nav.editProcedure', permission: 'catalog.read', inMenu: false, component: lazy(() => import('./builder/AdoptedBuilderPage')) },
  { path: 'procedures/own/:procedureId', label: 'nav.editProcedure', permission: 'catalog.read', inMenu: false, component: lazy(() => import('./builder/OwnBuilderPage')) },
  { path: 'counter', label: 'nav.counter', permission: 'counter.serve', component: lazy(() => import('./counter/CounterQueuePage')) },
  { path: 'counter/:sessionId', label: 'nav.counterVisit', permission: 'counter.serve', inMenu: false, component: lazy(() => import('./counter/CounterVisitPage')) },
  { path: 'guides', label: 'nav.guides', permission: 'catalog.read', component: lazy(() => import('./guides/GuidesPage')) },
  { path: 'guides/:guideId', label: 'nav.editGuide', permission: 'catalog.read', inMenu: false, component: lazy(() => import('./guides/GuideEditorPage')) },
  { path: 'presets', label: 'nav.presets', permission: 'preset.edit', component: lazy(() => import('./catalog/PresetLibraryPage')) },
  { path: 'presets/:presetId', label: 'nav.editPreset', permission: 'preset.edit', inMenu: false, component: lazy(() => import('./builder/PresetBuilderPage')) },
  { path: 'counter/analysis', label: 'nav.counterAnalysis', permission: 'counter.serve', component: lazy(() => import('./counterAnalysis/CounterAnalysisPage')) },
  { path: 'disasters', label: 'nav.disasters', permission: 'inbox.read', component: lazy(() => import('./disasters/DisastersPage')) },
  { path: 'disasters/:disasterId/grants', label: 'nav.disasterGrants', permission: 'disaster.manage', inMenu: false, component: lazy(() => import('./disasterGrants/DisasterGrantsPage')) },
  { path: 'disaster-triage', label: 'nav.disasterTriage', permission: 'inbox.read', component: lazy(() => import('./disasterTriage/DisasterTriagePage')) },
  { path: 'disasters/:disasterId/triage', label: 'nav.disasterTriage', permission: 'inbox.read', inMenu: false, component: lazy(() => import('./disasterTriage/DisasterTriagePage')) },
  { path: 'users', label: 'nav.accounts', permission: 'users.read', component: lazy(() => import('./UsersPage')) },
  { path: 'settings', label: 'common.settings', permission: 'settings.update', component: lazy(() => import('./SettingsPage')) },
  { path: 'account', label: 'common.myAccount', component: lazy(() => import('./AccountPage')) },
];
