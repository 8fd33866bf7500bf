/**
 * Mongoose schemas of the inbox and back-office API (issue #7). Every
 * per-municipality collection's indexes lead with `municipalityCode`.
 */
import { Schema, type Connection } from 'mongoose';

const opts = (collection: string) => ({ collection, versionKey: false as const, minimize: false });

/** Named counters; `submissionChange` orders the pull API's change feed. */
const counterSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } }, opts('counters'));

const revisionSchema = new Schema(
  {
    submissionId: { type: String, required: true },
    revision: { type: Number, required: true },
    formVersion: { type: Number, required: true },
    data: { type: String, required: true }, // sealed JSON
    attachments: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: String, required: true },
  },
  opts('submission_revisions'),
);
revisionSchema.index({ submissionId: 1, revision: 1 }, { unique: true });

const readSchema = new Schema(
  { userId: { type: String, required: true }, submissionId: { type: String, required: true }, revision: { type: Number, required: true }, readAt: { type: String, required: true } },
  opts('submission_reads'),
);
readSchema.index({ userId: 1, submissionId: 1 }, { unique: true });
readSchema.index({ submissionId: 1 });

const noteSchema = new Schema(
  {
    _id: { type: String, required: true },
    submissionId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    authorId: { type: String, required: true },
    body: { type: String, required: true }, // sealed
    createdAt: { type: String, required: true },
  },
  opts('submission_notes'),
);
noteSchema.index({ submissionId: 1, createdAt: 1 });

const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    submissionId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    kind: { type: String, required: true, enum: ['correction-request', 'correction-answer', 'message'] },
    author: { type: String, required: true },
    body: { type: String, required: true }, // sealed
    fields: { type: [String], default: [] },
    revision: { type: Number, required: true },
    createdAt: { type: String, required: true },
    attachments: { type: [String], default: undefined },
  },
  opts('submission_messages'),
);
messageSchema.index({ submissionId: 1, createdAt: 1 });
// The desk's unread threads (messageReadRepository.unreadByDesk) group a municipality's applicant messages: without
// it, every inbox page scanned the messages of every municipality.
messageSchema.index({ municipalityCode: 1, submissionId: 1, createdAt: -1 }, { partialFilterExpression: { kind: 'message', author: 'applicant' } });

const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    submissionId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: String, required: true },
    dispatchedAt: String,
  },
  opts('outbox'),
);
outboxSchema.index({ seq: 1 }, { partialFilterExpression: { dispatchedAt: { $exists: false } } });

const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
    channel: { type: String, required: true, enum: ['webhook', 'email', 'push'] },
    targetId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    status: { type: String, required: true, enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: String, required: true },
    createdAt: { type: String, required: true },
    deliveredAt: String,
    log: { type: [Schema.Types.Mixed], default: [] },
  },
  opts('deliveries'),
);
deliverySchema.index({ eventId: 1, channel: 1, targetId: 1 }, { unique: true });
deliverySchema.index({ nextAttemptAt: 1 }, { partialFilterExpression: { status: 'pending' } });
deliverySchema.index({ municipalityCode: 1, createdAt: -1 });

const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    name: { type: String, required: true },
    scope: { type: String, required: true, enum: ['read', 'read-write'] },
    secretHash: { type: String, required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    revokedAt: String,
    revokedBy: String,
    lastUsedAt: String,
  },
  opts('api_keys'),
);
apiKeySchema.index({ municipalityCode: 1, createdAt: 1 });

const webhookSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, default: null },
    url: { type: String, required: true },
    secret: { type: String, required: true }, // sealed
    events: { type: [String], required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  opts('webhooks'),
);
webhookSchema.index({ municipalityCode: 1, createdAt: 1 });

const retentionSchema = new Schema(
  {
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    days: { type: Number, required: true },
    mode: { type: String, required: true, enum: ['delete', 'strip'] },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  opts('retention_policies'),
);
retentionSchema.index({ municipalityCode: 1, procedureId: 1 }, { unique: true });

/** What a retention deletion leaves in the pull feed: ids and time, no personal data. */
const tombstoneSchema = new Schema(
  {
    _id: { type: Number, required: true }, // the change sequence it took
    submissionId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    kind: { type: String, required: true },
    at: { type: String, required: true },
  },
  opts('submission_tombstones'),
);
tombstoneSchema.index({ municipalityCode: 1, _id: 1 });

export function registerInboxModels(connection: Connection) {
  return {
    Counter: connection.model('Counter', counterSchema),
    Revision: connection.model('SubmissionRevision', revisionSchema),
    Read: connection.model('SubmissionRead', readSchema),
    Note: connection.model('SubmissionNote', noteSchema),
    Message: connection.model('SubmissionMessage', messageSchema),
    Outbox: connection.model('OutboxEvent', outboxSchema),
    Delivery: connection.model('Delivery', deliverySchema),
    ApiKey: connection.model('ApiKey', apiKeySchema),
    Webhook: connection.model('Webhook', webhookSchema),
    Retention: connection.model('RetentionPolicy', retentionSchema),
    Tombstone: connection.model('SubmissionTombstone', tombstoneSchema),
  };
}
export type InboxModels = ReturnType<typeof registerInboxModels>;
