/** Mongoose schemas of declared disasters and their applications' triage rows (issue #20). */
import { Schema, type Connection } from 'mongoose';

const disasterSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'closed'] },
    declaredAt: { type: String, required: true },
    // The declaration as the shared Disaster type has it (name, dates, area, 災害救助法).
    disaster: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'disasters', versionKey: false, minimize: false },
);
disasterSchema.index({ municipalityCode: 1, declaredAt: -1 });

const disasterCaseSchema = new Schema(
  {
    _id: { type: String, required: true }, // the submission id
    disasterId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    area: { type: String, default: '' },
    postalCode: { type: String, default: '' },
    residential: { type: Boolean, default: null },
    reportedDamage: { type: String, default: '' },
    photoCount: { type: Number, required: true },
    selfAssessment: { type: Boolean, required: true },
    survey: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: String, required: true },
  },
  { collection: 'disaster_cases', versionKey: false, minimize: false },
);
disasterCaseSchema.index({ disasterId: 1, area: 1, createdAt: 1 });

export function registerDisasterModels(connection: Connection) {
  return { Disaster: connection.model('Disaster', disasterSchema), DisasterCase: connection.model('DisasterCase', disasterCaseSchema) };
}
export type DisasterModels = ReturnType<typeof registerDisasterModels>;
