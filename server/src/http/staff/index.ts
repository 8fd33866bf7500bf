/**
 * The staff API (`/api/v1/staff`): every module below adds its routes through
 * `StaffRoutes` (auth/staffRouter.ts), which puts each behind the one
 * authorisation layer. To add a feature (inbox, builder …): write
 * `fooRoutes(routes, ctx)` in this folder and add it to STAFF_ROUTE_MODULES.
 */
import type { StaffRoutes } from '../../auth/staffRouter';
import type { StaffContext } from './context';
import { sessionRoutes } from './sessionRoutes';
import { oidcRoutes } from './oidcRoutes';
import { accountRoutes } from './accountRoutes';
import { userRoutes } from './userRoutes';
import { settingsRoutes } from './settingsRoutes';
import { catalogRoutes } from '../catalogRoutes';
import { guideStaffRoutes } from '../guideStaffRoutes';
import { counterRoutes } from '../counterRoutes';
import { inboxRoutes } from '../inboxRoutes';
import { messageRoutes } from '../messageRoutes';
import { integrationRoutes } from '../backofficeRoutes';
import { counterAnalysisRoutes } from '../counterAnalysisRoutes';
import { disasterRoutes } from '../disasterRoutes';
import { disasterGrantRoutes } from '../disasterGrantRoutes';
import { disasterTriageRoutes } from '../disasterTriageRoutes';
import { certificateRoutes } from '../certificateRoutes';
import { noticeRoutes } from '../noticeRoutes';
import { deadlineRoutes } from '../deadlineRoutes';
import { capacityRoutes } from '../capacityRoutes';
import { inboxBulkRoutes } from '../inboxBulkRoutes';
import { pushRoutes } from '../pushRoutes';

export type StaffRouteModule = (routes: StaffRoutes, ctx: StaffContext) => void;

export const STAFF_ROUTE_MODULES: StaffRouteModule[] = [
  sessionRoutes,
  oidcRoutes,
  accountRoutes,
  userRoutes,
  settingsRoutes,
  catalogRoutes,
  guideStaffRoutes,
  counterRoutes,
  inboxRoutes,
  messageRoutes,
  integrationRoutes,
  counterAnalysisRoutes,
  disasterRoutes,
  disasterGrantRoutes,
  disasterTriageRoutes,
  certificateRoutes,
  noticeRoutes,
  deadlineRoutes,
  capacityRoutes,
  inboxBulkRoutes,
  pushRoutes,
];
