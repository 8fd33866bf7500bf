/**
 * Mongoose schemas and indexes for the MongoDB adapter. Documents mirror the
 * domain types; `_id` carries the natural key where there is one. For sharded
 * deployments the tenant (`municipalityCode`) leads every submission index,
 * so it can serve as the shard key.
 */
import { Schema, type Connection } from 'mongoose';
import { FILE_SCAN_STATES } from '../types';

const formVersionSchema = new Schema(
  {
    owner: { type: String, required: true },
    procedureId: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true, enum: ['draft', 'published', 'retired'] },
    procedure: { type: Schema.Types.Mixed, required: true },
    schema: { type: Schema.Types.Mixed, required: true },
    uiSchema: { type: Schema.Types.Mixed, required: true },
    contentHash: { type: String, required: true },
    createdAt: { type: String, required: true },
    publishedAt: String,
    retiredAt: String,
  },
  { collection: 'form_versions', versionKey: false, minimize: false },
);
formVersionSchema.index({ owner: 1, procedureId: 1, version: 1 }, { unique: true });
formVersionSchema.index({ owner: 1, procedureId: 1 }, { unique: true, partialFilterExpression: { status: 'published' }, name: 'one_published' });
formVersionSchema.index({ status: 1, owner: 1 });

const submissionSchema = new Schema(
  {
    _id: { type: String, required: true },
    receiptNumber: { type: String, required: true, unique: true },
    secretHash: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureOwner: { type: String, required: true },
    procedureId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    // Sealed JSON (see security/dataCipher.ts): personal data never rests in clear text.
    data: { type: String, required: true },
    attachments: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    history: { type: [Schema.Types.Mixed], required: true },
    assigneeId: String,
    idempotencyKey: String,
    requestHash: String,
    // Sealed JSON: card sign-in and electronic signature (issue #17).
    evidence: String,
    // Sealed JSON: filled in at the counter (issue #19): who served, answer sources, confirmation.
    counter: String,
    // online / counter, plain so the inbox can filter on it (documents written before it: online).
    channel: String,
    language: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    // Inbox and back-office API (issue #7); see storage/inboxTypes.ts SubmissionMeta.
    applicantName: String,
    applicantKana: String,
    revision: { type: Number, default: 1 },
    changeSeq: { type: Number, default: 0 },
    closedAt: String,
    acknowledgedAt: String,
    acknowledgedBy: String,
    acknowledgedRevision: Number,
    strippedAt: String,
    // 標準処理期間 (issue #21): the deadline stamped at receipt, its due date plain for sorting and filtering.
    deadline: Schema.Types.Mixed,
    dueDate: String,
  },
  { collection: 'submissions', versionKey: false, minimize: false },
);
submissionSchema.index({ municipalityCode: 1, idempotencyKey: 1 }, { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } }, name: 'idempotency' });
submissionSchema.index({ municipalityCode: 1, createdAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, status: 1, createdAt: -1 });
submissionSchema.index({ municipalityCode: 1, procedureId: 1, createdAt: -1 });
submissionSchema.index({ municipalityCode: 1, status: 1, createdAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, procedureId: 1, createdAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, assigneeId: 1, createdAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, updatedAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, channel: 1, createdAt: -1, _id: -1 });
submissionSchema.index({ municipalityCode: 1, applicantName: 1 });
submissionSchema.index({ municipalityCode: 1, applicantKana: 1 });
submissionSchema.index({ municipalityCode: 1, changeSeq: 1 });
submissionSchema.index({ municipalityCode: 1, dueDate: 1, _id: 1 }, { partialFilterExpression: { dueDate: { $type: 'string' } } });
submissionSchema.index({ municipalityCode: 1, procedureId: 1, closedAt: 1 }, { partialFilterExpression: { closedAt: { $type: 'string' } } });

const fileSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    fileName: { type: String, required: true },
    mediaType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    submissionId: String,
    uploadToken: { type: String, required: true },
    createdAt: { type: String, required: true },
    // Malware scan state (issue #8); documents written before it have none and read as not_scanned.
    scanState: { type: String, enum: FILE_SCAN_STATES, default: 'not_scanned' },
    scanSignature: String,
    scannedAt: String,
    // Files are capped at MAX_UPLOAD_MB (≤ 16 MB document limit); GridFS is the next step for larger ones.
    content: { type: Buffer, required: true },
  },
  { collection: 'files', versionKey: false },
);
fileSchema.index({ createdAt: 1 }, { partialFilterExpression: { submissionId: { $exists: false } } });
fileSchema.index({ submissionId: 1 });
fileSchema.index({ uploadToken: 1 }); // the per-token cap counts unsubmitted files on every upload
fileSchema.index({ createdAt: 1, _id: 1 }, { partialFilterExpression: { scanState: 'pending' } });

const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    emailLower: { type: String, required: true, unique: true },
    displayName: { type: String, required: true },
    role: { type: String, required: true },
    municipalityCode: { type: String, default: null },
    passwordHash: { type: String, default: null },
    totpSecret: { type: String, default: null },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: String, default: null },
    disabled: { type: Boolean, default: false },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    procedureIds: { type: [String], default: undefined },
    totpLastStep: { type: Number },
  },
  { collection: 'users', versionKey: false },
);

const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false, minimize: false },
);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const auditSchema = new Schema(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: String, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    municipalityCode: { type: String, default: null },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    details: { type: Schema.Types.Mixed, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
auditSchema.index({ targetId: 1, seq: 1 });
auditSchema.index({ municipalityCode: 1, seq: -1 });

const draftSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    secretHash: { type: String, required: true },
    payload: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    // A Date copy of expiresAt lets MongoDB's TTL monitor remove expired drafts by itself.
    expiresAt: { type: String, required: true },
    expiresAtDate: { type: Date, required: true },
  },
  { collection: 'drafts', versionKey: false },
);
draftSchema.index({ expiresAtDate: 1 }, { expireAfterSeconds: 0 });

/** One-stop bundles (issue #18): the bundle receipt and the applications stored with it. */
const bundleSchema = new Schema(
  {
    _id: { type: String, required: true },
    receiptNumber: { type: String, required: true, unique: true },
    municipalityCode: { type: String, required: true },
    submissionIds: { type: [String], required: true },
    idempotencyKey: { type: String },
    requestHash: { type: String },
    createdAt: { type: String, required: true },
  },
  { collection: 'submission_bundles', versionKey: false },
);
bundleSchema.index({ municipalityCode: 1, idempotencyKey: 1 }, { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } }, name: 'idempotency' });

export function registerModels(connection: Connection) {
  return {
    FormVersion: connection.model('FormVersion', formVersionSchema),
    Submission: connection.model('Submission', submissionSchema),
    File: connection.model('File', fileSchema),
    User: connection.model('User', userSchema),
    Session: connection.model('Session', sessionSchema),
    Audit: connection.model('Audit', auditSchema),
    Draft: connection.model('Draft', draftSchema),
    Bundle: connection.model('SubmissionBundle', bundleSchema),
  };
}
export type Models = ReturnType<typeof registerModels>;
