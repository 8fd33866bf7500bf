/** Mongoose schemas of counter visits (書かない窓口, issue #19) and their daily ticket numbers. */
import { Schema, type Connection } from 'mongoose';

const counterSessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    day: { type: String, required: true },
    ticketNumber: { type: String, required: true },
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    guideId: { type: String, default: null },
    desk: { type: String, default: '' },
    servedBy: { type: String, default: '' },
    procedureIds: { type: [String], default: [] },
    prefilled: { type: Boolean, default: false },
    identitySource: { type: String, default: null },
    steps: { type: [Schema.Types.Mixed], default: [] },
    submissionIds: { type: [String], default: [] },
    // Sealed JSON (see security/dataCipher.ts): the answers being filled in, the card's data, the drawn signature.
    work: { type: String, required: true },
    pairingCodeHash: { type: String, default: null },
    pairingExpiresAt: { type: String, default: null },
    tabletTokenHash: { type: String, default: null },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'counter_sessions', versionKey: false, minimize: false },
);
counterSessionSchema.index({ municipalityCode: 1, day: 1, ticketNumber: 1 }, { unique: true });
counterSessionSchema.index({ municipalityCode: 1, createdAt: 1 });
counterSessionSchema.index({ pairingCodeHash: 1 }, { unique: true, partialFilterExpression: { pairingCodeHash: { $type: 'string' } } });
counterSessionSchema.index({ tabletTokenHash: 1 }, { unique: true, partialFilterExpression: { tabletTokenHash: { $type: 'string' } } });

/** The last ticket number given per municipality and day (`_id`: `<code>:<day>`). */
const ticketCounterSchema = new Schema({ _id: { type: String, required: true }, n: { type: Number, required: true } }, { collection: 'counter_tickets', versionKey: false });

export function registerCounterModels(connection: Connection) {
  return { CounterSession: connection.model('CounterSession', counterSessionSchema), TicketCounter: connection.model('TicketCounter', ticketCounterSchema) };
}
export type CounterModels = ReturnType<typeof registerCounterModels>;
