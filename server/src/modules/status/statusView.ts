/** What a resident sees of one application on the status page: never the answers, only where it stands. */
import { STATUS_LABELS, isFinalStatus, versionWording, type StatusResponse, type Submission } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';

/** `municipalityName`: a municipality's name by code, for the version's wording (「水戸市版 第2版（国の様式 第3版に基づく）」). */
export async function statusView(storage: Storage, submission: Submission, en: boolean, municipalityName: (code: string) => string | undefined = () => undefined): Promise<StatusResponse> {
  const version = await storage.procedures.getVersion(submission.procedureOwner, submission.procedureId, submission.formVersion);
  return {
    receiptNumber: submission.receiptNumber,
    procedureId: submission.procedureId,
    procedureTitle: (en ? version?.procedure.titleEn : undefined) ?? version?.procedure.title ?? submission.procedureId,
    municipalityCode: submission.municipalityCode,
    status: submission.status,
    statusLabel: STATUS_LABELS[submission.status][en ? 'en' : 'ja'],
    versionLabel: versionWording(
      { owner: submission.procedureOwner, version: submission.formVersion, ...(version?.procedure.basedOn ? { basedOn: version.procedure.basedOn } : {}) },
      en ? 'en' : 'ja',
      municipalityName(submission.procedureOwner),
    ),
    submittedAt: submission.createdAt,
    updatedAt: submission.updatedAt,
    messages: submission.history.filter((h) => h.publicNote).map((h) => ({ at: h.at, text: h.publicNote! })),
    ...(await residentDeadline(storage, submission)),
  };
}

/** The 標準処理期間 as the resident reads it: the aimed-for date while the application is open (the desk sees more in its inbox). */
async function residentDeadline(storage: Storage, submission: Submission): Promise<Pick<StatusResponse, 'deadline'>> {
  if (isFinalStatus(submission.status)) return {};
  const deadline = (await storage.inbox.getMeta(submission.id))?.deadline;
  return deadline ? { deadline: { dueDate: deadline.dueDate, days: deadline.days, unit: deadline.unit, paused: submission.status === 'correction-requested' } } : {};
}
