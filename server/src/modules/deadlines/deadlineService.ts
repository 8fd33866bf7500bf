/**
 * 標準処理期間 (issue #21): the period a municipality sets per procedure, the deadline stamped on a
 * submission when it is received (the period in force then applies for good), and the due date moved on
 * by the days a correction request stopped the clock, once the applicant has answered.
 */
import { MAX_PERIOD_DAYS, PERIOD_UNITS, deadlineOf, type Language, type PeriodUnit, type Submission, type SubmissionDeadline } from '@madoguchi/shared';
import { NotFoundError, ValidationError } from '../../errors';
import type { ProcessingPeriodSetting, Storage } from '../../storage/types';

const TEXT = {
  badPeriod: {
    ja: `標準処理期間は1〜${MAX_PERIOD_DAYS}の日数と、単位（開庁日 business または暦日 calendar）で指定してください。`,
    en: `Give the standard processing period as 1–${MAX_PERIOD_DAYS} days and a unit (business or calendar).`,
  },
  noProcedure: { ja: 'この自治体にその手続はありません。', en: 'No such procedure in this municipality.' },
};

export class DeadlineService {
  constructor(
    private readonly storage: Storage,
    /** Whether the municipality offers the procedure (its own or an adopted preset). */
    private readonly procedureExists: (municipalityCode: string, procedureId: string) => Promise<boolean>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(municipalityCode: string): Promise<ProcessingPeriodSetting[]> {
    return this.storage.deadlines.listPeriods(municipalityCode);
  }

  async set(municipalityCode: string, procedureId: string, userId: string, body: { days?: unknown; unit?: unknown }, language: Language): Promise<ProcessingPeriodSetting> {
    const { days, unit } = body;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_PERIOD_DAYS || !PERIOD_UNITS.includes(unit as PeriodUnit)) {
      throw new ValidationError(TEXT.badPeriod[language]);
    }
    if (!(await this.procedureExists(municipalityCode, procedureId))) throw new NotFoundError(TEXT.noProcedure[language], 'procedure_not_found');
    const setting: ProcessingPeriodSetting = { municipalityCode, procedureId, days, unit: unit as PeriodUnit, updatedAt: this.now().toISOString(), updatedBy: userId };
    await this.storage.deadlines.setPeriod(setting);
    await this.audit(userId, 'processing-period.set', municipalityCode, procedureId, { days, unit });
    return setting;
  }

  async remove(municipalityCode: string, procedureId: string, userId: string): Promise<void> {
    await this.storage.deadlines.removePeriod(municipalityCode, procedureId);
    await this.audit(userId, 'processing-period.removed', municipalityCode, procedureId, {});
  }

  /** The deadline a submission being received gets from its procedure's period (none set: none); intake stores it with the submission. */
  async deadlineFor(s: Submission): Promise<SubmissionDeadline | undefined> {
    const period = await this.storage.deadlines.getPeriod(s.municipalityCode, s.procedureId);
    return period ? deadlineOf(s.createdAt, period, s.history, this.now()) : undefined;
  }

  /** After the applicant's answer ends a correction pause: the due date moves on by the paused days. */
  async resume(submissionId: string): Promise<void> {
    const [s, meta] = await Promise.all([this.storage.submissions.findById(submissionId), this.storage.inbox.getMeta(submissionId)]);
    if (!s || !meta?.deadline) return;
    await this.storage.deadlines.setSubmissionDeadline(s.id, deadlineOf(s.createdAt, { days: meta.deadline.days, unit: meta.deadline.unit }, s.history, this.now()));
  }

  private async audit(actor: string, action: string, municipalityCode: string, procedureId: string, details: Record<string, unknown>) {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode, targetType: 'processing-period', targetId: procedureId, details });
  }
}
