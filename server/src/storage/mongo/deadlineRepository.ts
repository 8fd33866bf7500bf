/** 標準処理期間, submissions' deadlines and job claims in MongoDB (mirrors storage/sqlite/deadlineRepository.ts). */
import type { SubmissionDeadline } from '@madoguchi/shared';
import type { DeadlineRepository, ProcessingPeriodSetting } from '../deadlineTypes';
import { ConflictError } from '../../errors';
import { guardedMongo } from './errors';
import type { DeadlineModels } from './deadlineModels';
import type { Models } from './models';
import { strip } from './repositories';

export class MongoDeadlineRepository implements DeadlineRepository {
  constructor(
    private readonly m: Models,
    private readonly dm: DeadlineModels,
  ) {}

  async listPeriods(municipalityCode: string) {
    return (await this.dm.ProcessingPeriod.find({ municipalityCode }).sort({ procedureId: 1 }).lean()).map((d) => strip<ProcessingPeriodSetting>(d));
  }

  async getPeriod(municipalityCode: string, procedureId: string) {
    const d = await this.dm.ProcessingPeriod.findOne({ municipalityCode, procedureId }).lean();
    return d ? strip<ProcessingPeriodSetting>(d) : null;
  }

  async setPeriod(s: ProcessingPeriodSetting) {
    await guardedMongo(() => this.dm.ProcessingPeriod.updateOne({ municipalityCode: s.municipalityCode, procedureId: s.procedureId }, { $set: s }, { upsert: true }));
  }

  async removePeriod(municipalityCode: string, procedureId: string) {
    await guardedMongo(() => this.dm.ProcessingPeriod.deleteOne({ municipalityCode, procedureId }));
  }

  async setSubmissionDeadline(submissionId: string, deadline: SubmissionDeadline) {
    await guardedMongo(() => this.m.Submission.updateOne({ _id: submissionId }, { $set: { deadline, dueDate: deadline.dueDate } }));
  }

  async claimRun(key: string, at: string) {
    try {
      const r = await guardedMongo(() => this.dm.JobRun.updateOne({ _id: key }, { $setOnInsert: { at } }, { upsert: true }));
      return r.upsertedCount === 1;
    } catch (error) {
      if (error instanceof ConflictError) return false; // two processes upserting at once: the other one won
      throw error;
    }
  }

  async hasRun(key: string) {
    return (await this.dm.JobRun.exists({ _id: key })) !== null;
  }
}
