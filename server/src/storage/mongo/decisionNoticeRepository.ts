/** Decision notices in MongoDB (issue #21): the notice is inserted inside the status move's transaction (insertDecisionNotice). */
import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import type { DataCipher } from '../../security/dataCipher';
import type { DecisionNoticeRecord, DecisionNoticeRepository, DecisionNoticeWrite, NoticeTexts, StoredNoticeTemplate } from '../decisionNoticeTypes';
import { guardedMongo } from './errors';

const noticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    year: { type: Number, required: true },
    serial: { type: Number, required: true },
    number: { type: String, required: true },
    submissionId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    procedureId: { type: String, required: true },
    kind: { type: String, required: true },
    texts: { type: String, required: true }, // sealed with the data cipher
    decidedOn: { type: String, required: true },
    issuedAt: { type: String, required: true },
    issuedBy: { type: String, required: true },
  },
  { collection: 'decision_notices', versionKey: false, minimize: false },
);
noticeSchema.index({ municipalityCode: 1, year: 1, serial: 1 }, { unique: true });
noticeSchema.index({ submissionId: 1 }, { unique: true });

const serialSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } }, { collection: 'decision_notice_serials', versionKey: false });

const templateSchema = new Schema(
  {
    _id: { type: String, required: true }, // municipalityCode:procedureId
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    template: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'decision_notice_templates', versionKey: false, minimize: false },
);

/** The models on `connection` (registered once; the submission repository finds them by connection). */
export function decisionNoticeModels(connection: Connection) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are typed where they are read (lean<…>)
  const model = (name: string, schema: Schema): Model<any> => (connection.models[name] as Model<any> | undefined) ?? connection.model(name, schema);
  return { Notice: model('DecisionNotice', noticeSchema), Serial: model('DecisionNoticeSerial', serialSchema), Template: model('DecisionNoticeTemplate', templateSchema) };
}

type Doc = Omit<DecisionNoticeRecord, 'id' | 'texts'> & { _id: string; texts: string };

/** Takes the next serial of the municipality and year and stores the notice, in the caller's transaction. */
export async function insertDecisionNotice(connection: Connection, cipher: DataCipher, write: DecisionNoticeWrite, session: ClientSession): Promise<void> {
  const m = decisionNoticeModels(connection);
  const { id, texts, ...rest } = write.draft;
  const counter = await m.Serial.findOneAndUpdate({ _id: `${rest.municipalityCode}:${rest.year}` }, { $inc: { value: 1 } }, { upsert: true, new: true, session }).lean<{ value: number }>();
  const serial = counter!.value;
  await m.Notice.create([{ _id: id, ...rest, serial, number: write.numberFor(serial), texts: cipher.sealJson(texts) }], { session });
}

export class MongoDecisionNoticeRepository implements DecisionNoticeRepository {
  private readonly m: ReturnType<typeof decisionNoticeModels>;
  constructor(
    connection: Connection,
    private readonly cipher: DataCipher,
  ) {
    this.m = decisionNoticeModels(connection);
  }

  async forSubmission(submissionId: string): Promise<DecisionNoticeRecord | null> {
    const doc = await guardedMongo(() => this.m.Notice.findOne({ submissionId }).lean<Doc>());
    if (!doc) return null;
    const { _id, texts, ...rest } = doc;
    return { id: _id, ...rest, texts: this.cipher.openJson<NoticeTexts>(texts) };
  }

  async template(municipalityCode: string, procedureId: string): Promise<StoredNoticeTemplate | null> {
    const doc = await guardedMongo(() => this.m.Template.findById(`${municipalityCode}:${procedureId}`).lean<StoredNoticeTemplate & { _id: string }>());
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return rest;
  }

  async saveTemplate(t: StoredNoticeTemplate): Promise<void> {
    await guardedMongo(() => this.m.Template.updateOne({ _id: `${t.municipalityCode}:${t.procedureId}` }, { $set: t }, { upsert: true }));
  }
}
