/** Mongoose schemas of 標準処理期間 per procedure and once-a-day job claims (issue #21). */
import { Schema, type Connection } from 'mongoose';

const periodSchema = new Schema(
  {
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    days: { type: Number, required: true },
    unit: { type: String, required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'processing_periods', versionKey: false },
);
periodSchema.index({ municipalityCode: 1, procedureId: 1 }, { unique: true });

const jobRunSchema = new Schema({ _id: { type: String, required: true }, at: { type: String, required: true } }, { collection: 'job_runs', versionKey: false });

export function registerDeadlineModels(connection: Connection) {
  return { ProcessingPeriod: connection.model('ProcessingPeriod', periodSchema), JobRun: connection.model('JobRun', jobRunSchema) };
}
export type DeadlineModels = ReturnType<typeof registerDeadlineModels>;
