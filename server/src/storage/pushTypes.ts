/**
 * Push targets (issue #21): a back-office system that receives the whole
 * submission of one procedure — answers mapped to its own field names and the
 * application PDF — POSTed and signed like a webhook, through the outbox.
 */
import type { OutboxEventType, SubmissionStatus } from '@madoguchi/shared';

/** Submission facts a mapping row may send instead of an answer. */
export const PUSH_META_FIELDS = ['receiptNumber', 'receivedAt', 'procedureId', 'formVersion', 'status', 'revision', 'municipalityCode', 'channel'] as const;
export type PushMetaField = (typeof PUSH_META_FIELDS)[number];

/** One row of the mapping: the target system's field name and where its value comes from. */
export type PushMappingRow = { field: string; source: 'answer'; pointer: string } | { field: string; source: 'meta'; meta: PushMetaField };

export interface PushTarget {
  id: string;
  municipalityCode: string;
  procedureId: string;
  name: string;
  url: string;
  /** HMAC-SHA256 signing secret, the webhook scheme (sealed at rest). */
  secret: string;
  events: OutboxEventType[];
  /** For `submission.status-changed`: only moves to these statuses (empty: every move). */
  statuses: SubmissionStatus[];
  includePdf: boolean;
  mapping: PushMappingRow[];
  /** The admin confirmed that the mapped sensitive answers (個人番号 …) may leave the system. */
  sensitiveConfirmed: boolean;
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export type PushTargetPatch = Partial<Pick<PushTarget, 'name' | 'url' | 'secret' | 'events' | 'statuses' | 'includePdf' | 'mapping' | 'sensitiveConfirmed' | 'active'>>;

export interface PushTargetRepository {
  create(target: PushTarget): Promise<void>;
  get(id: string): Promise<PushTarget | null>;
  list(municipalityCode: string): Promise<PushTarget[]>;
  update(id: string, patch: PushTargetPatch, now: Date): Promise<PushTarget>;
  delete(id: string): Promise<void>;
  /** Active targets of this municipality and procedure that want `type` (the status filter is the caller's). */
  matching(municipalityCode: string, procedureId: string, type: OutboxEventType): Promise<PushTarget[]>;
}
