/** Mongoose schemas of issued 罹災証明書 and their per-municipality, per-year serials (issue #20). */
import { Schema, type Connection } from 'mongoose';

const certificateSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    year: { type: Number, required: true },
    serial: { type: Number, required: true },
    number: { type: String, required: true },
    submissionId: { type: String, required: true },
    // Set while the certificate stands, unset when withdrawn: at most one standing certificate per application.
    liveSubmissionId: { type: String },
    disasterId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    damageLevel: { type: String, required: true },
    facts: { type: String, required: true }, // sealed with the data cipher
    codeHash: { type: String, required: true },
    fingerprint: { type: String, required: true },
    issuedAt: { type: String, required: true },
    issuedBy: { type: String, required: true },
    withdrawnAt: { type: String, default: null },
    withdrawnBy: { type: String, default: null },
    withdrawnReason: { type: String, default: null },
  },
  { collection: 'certificates', versionKey: false, minimize: false },
);
certificateSchema.index({ municipalityCode: 1, year: 1, serial: 1 }, { unique: true });
certificateSchema.index({ year: 1, serial: 1 });
certificateSchema.index({ submissionId: 1, issuedAt: -1 });
certificateSchema.index({ liveSubmissionId: 1 }, { unique: true, sparse: true });

const serialSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } }, { collection: 'certificate_serials', versionKey: false });

export function registerCertificateModels(connection: Connection) {
  return { Certificate: connection.model('Certificate', certificateSchema), CertificateSerial: connection.model('CertificateSerial', serialSchema) };
}
export type CertificateModels = ReturnType<typeof registerCertificateModels>;
