/**
 * The API contract: every operation of `/api/v1`, declared once. The server
 * mounts no route without its operation and checks requests against it; the
 * OpenAPI document is printed from it; server and client take their types
 * from its schemas. Imported as `@madoguchi/shared/contract` (the browser
 * bundle imports only types from here).
 */
import { PUBLIC_OPERATIONS } from './publicOperations';
import { STAFF_OPERATIONS } from './staffOperations';
import { CATALOG_OPERATIONS } from './catalogOperations';
import { BACKOFFICE_OPERATIONS, INBOX_OPERATIONS, INTEGRATION_OPERATIONS } from './deskOperations';
import { IDENTITY_OPERATIONS } from './identityOperations';
import { GUIDE_STAFF_OPERATIONS } from './guideStaffOperations';
import { COUNTER_OPERATIONS } from './counterOperations';
import { COUNTER_ANALYSIS_OPERATIONS } from './counterAnalysisOperations';
import { DISASTER_OPERATIONS } from './disasterOperations';
import { DISASTER_GRANT_OPERATIONS } from './disasterGrantOperations';
import { DISASTER_TRIAGE_OPERATIONS } from './disasterTriageOperations';
import { CERTIFICATE_OPERATIONS } from './certificateOperations';
import { NOTICE_OPERATIONS } from './noticeOperations';
import { DEADLINE_OPERATIONS } from './deadlineOperations';
import { BULK_OPERATIONS } from './bulkOperations';
import { PUSH_OPERATIONS } from './pushOperations';
import { REVISION_DIFF_OPERATIONS } from './revisionDiffOperations';
import { MESSAGE_OPERATIONS } from './messageOperations';
import { CAPACITY_OPERATIONS } from './capacityOperations';
import { operationKey, type Operation } from './operation';

export const API_OPERATIONS: readonly Operation[] = [
  ...PUBLIC_OPERATIONS,
  ...IDENTITY_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...GUIDE_STAFF_OPERATIONS,
  ...COUNTER_OPERATIONS,
  ...INBOX_OPERATIONS,
  ...INTEGRATION_OPERATIONS,
  ...BACKOFFICE_OPERATIONS,
  ...COUNTER_ANALYSIS_OPERATIONS,
  ...DISASTER_OPERATIONS,
  ...DISASTER_GRANT_OPERATIONS,
  ...DISASTER_TRIAGE_OPERATIONS,
  ...CERTIFICATE_OPERATIONS,
  ...NOTICE_OPERATIONS,
  ...DEADLINE_OPERATIONS,
  ...BULK_OPERATIONS,
  ...PUSH_OPERATIONS,
  ...REVISION_DIFF_OPERATIONS,
  ...MESSAGE_OPERATIONS,
  ...CAPACITY_OPERATIONS,
];

const byKey = new Map(API_OPERATIONS.map((o) => [operationKey(o.method, o.path), o]));

/** The operation declared for `method path` (Express path under /api/v1), if any. */
export const findOperation = (method: string, path: string): Operation | undefined => byKey.get(operationKey(method, path));

export { operationKey, type Operation, type HttpMethod, type ResponseSpec } from './operation';
export { REFUSAL_KEYWORD, type RequestRefusal, componentName } from './kit';
export { openApiDocument } from './openapi';
export * from './components';
export { CounterAnalysisSchema, type CounterAnalysis, type CounterGroupFigures } from './counterAnalysisOperations';
export { DisasterSchema, PublicDisasterSchema } from './disasterOperations';
export { DisasterGrantSchema, MyDisasterGrantSchema, type DisasterGrantView, type MyDisasterGrant } from './disasterGrantOperations';
export { CertificateSchema } from './certificateOperations';
export { NoticeTemplateSchema } from './noticeOperations';
export { DecisionNoticeSchema } from './noticeComponents';
export { BulkResultSchema, SavedViewSchema, type BulkResult, type SavedView } from './bulkOperations';
export { RevisionDiffSchema, type RevisionDiffView } from './revisionDiffOperations';
export { ThreadViewSchema, type MessageThread } from './messageOperations';
export type { TriageQueue, TriageGroup, TriageRow, SurveyTeamView } from './disasterTriageOperations';
export { PublicUserSchema, PublicInviteSchema, SessionViewSchema } from './staffOperations';
export { PushTargetSchema, PushFieldListSchema, PUSH_META_FIELD_NAMES, type PushTargetView, type PushMappingRowView, type PushFieldList } from './pushOperations';
