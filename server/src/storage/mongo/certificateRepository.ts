/** 罹災証明書 in MongoDB (issue #20): serial, check for a standing certificate and insert in one transaction. */
import type { Connection } from 'mongoose';
import type { DamageLevel } from '@madoguchi/shared';
import type { DataCipher } from '../../security/dataCipher';
import type { CertificateDraft, CertificateFacts, CertificateRecord, CertificateRepository } from '../certificateTypes';
import type { CertificateModels } from './certificateModels';
import { guardedMongo } from './errors';

type Doc = Omit<CertificateRecord, 'id' | 'facts'> & { _id: string; facts: string; liveSubmissionId?: string };

export class MongoCertificateRepository implements CertificateRepository {
  constructor(
    private readonly m: CertificateModels,
    private readonly connection: Connection,
    private readonly cipher: DataCipher,
  ) {}

  private from({ _id, facts, liveSubmissionId: _live, ...rest }: Doc): CertificateRecord {
    return { id: _id, ...rest, damageLevel: rest.damageLevel as DamageLevel, facts: this.cipher.openJson<CertificateFacts>(facts) };
  }

  async issue(draft: CertificateDraft, finish: (serial: number) => { number: string; fingerprint: string }): Promise<{ certificate: CertificateRecord; created: boolean }> {
    let result: { doc: Doc; created: boolean } | undefined;
    await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        const existing = await this.m.Certificate.findOne({ liveSubmissionId: draft.submissionId }).session(session).lean<Doc>();
        if (existing) {
          result = { doc: existing, created: false };
          return;
        }
        const counter = await this.m.CertificateSerial.findOneAndUpdate({ _id: `${draft.municipalityCode}:${draft.year}` }, { $inc: { value: 1 } }, { upsert: true, new: true, session }).lean<{
          value: number;
        }>();
        const serial = counter!.value;
        const { number, fingerprint } = finish(serial);
        const { id, facts, ...rest } = draft;
        const doc: Doc = { _id: id, ...rest, serial, number, fingerprint, facts: this.cipher.sealJson(facts), liveSubmissionId: draft.submissionId };
        await this.m.Certificate.create([doc], { session });
        result = { doc, created: true };
      }),
    );
    return { certificate: this.from(result!.doc), created: result!.created };
  }

  async get(id: string): Promise<CertificateRecord | null> {
    const doc = await guardedMongo(() => this.m.Certificate.findById(id).lean<Doc>());
    return doc ? this.from(doc) : null;
  }

  async findByNumber(year: number, serial: number): Promise<CertificateRecord[]> {
    const docs = await guardedMongo(() => this.m.Certificate.find({ year, serial }).sort({ municipalityCode: 1 }).lean<Doc[]>());
    return docs.map((d) => this.from(d));
  }

  async latestFor(submissionId: string): Promise<CertificateRecord | null> {
    const doc = await guardedMongo(() => this.m.Certificate.findOne({ submissionId }).sort({ issuedAt: -1, serial: -1 }).lean<Doc>());
    return doc ? this.from(doc) : null;
  }

  async withdraw(id: string, at: string, by: string, reason: string): Promise<CertificateRecord | null> {
    const res = await guardedMongo(() =>
      this.m.Certificate.updateOne({ _id: id, withdrawnAt: null }, { $set: { withdrawnAt: at, withdrawnBy: by, withdrawnReason: reason }, $unset: { liveSubmissionId: 1 } }),
    );
    return res.modifiedCount === 1 ? this.get(id) : null;
  }
}
