/** Mongoose schemas for sign-in data: one-time setup/invitation links and per-municipality policies. */
import { Schema, type Connection } from 'mongoose';

const authTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['setup', 'invite'] },
    tokenHash: { type: String, required: true, unique: true },
    email: { type: String, default: null },
    emailLower: { type: String, default: null },
    role: { type: String, required: true },
    municipalityCode: { type: String, default: null },
    procedureIds: { type: [String], default: undefined },
    createdBy: { type: String, required: true },
    createdAt: { type: String, required: true },
    expiresAt: { type: String, required: true },
    usedAt: { type: String, default: null },
  },
  { collection: 'auth_tokens', versionKey: false },
);
authTokenSchema.index({ kind: 1, municipalityCode: 1, expiresAt: 1 }, { partialFilterExpression: { usedAt: null } });

const authPolicySchema = new Schema(
  {
    _id: { type: String, required: true },
    requireTotp: { type: Boolean, required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'auth_policies', versionKey: false },
);

/** A municipality's contact desks, one document per municipality. */
const municipalDesksSchema = new Schema(
  {
    _id: { type: String, required: true },
    desks: { type: [Schema.Types.Mixed], required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'municipal_desks', versionKey: false, minimize: false },
);

export function registerAuthModels(connection: Connection) {
  return {
    AuthToken: connection.model('AuthToken', authTokenSchema),
    AuthPolicy: connection.model('AuthPolicy', authPolicySchema),
    MunicipalDesks: connection.model('MunicipalDesks', municipalDesksSchema),
  };
}
export type AuthModels = ReturnType<typeof registerAuthModels>;
