/** Mongoose schema of message-thread read positions (issue #21). */
import { Schema, type Connection } from 'mongoose';

const messageReadSchema = new Schema(
  { submissionId: { type: String, required: true }, side: { type: String, required: true, enum: ['desk', 'applicant'] }, readAt: { type: String, required: true } },
  { collection: 'submission_message_reads', versionKey: false },
);
messageReadSchema.index({ submissionId: 1, side: 1 }, { unique: true });

export function registerMessageReadModels(connection: Connection) {
  return { MessageRead: connection.model('SubmissionMessageRead', messageReadSchema) };
}
export type MessageReadModels = ReturnType<typeof registerMessageReadModels>;
