/** What a resident sees of one application on the status page: never the answers, only where it stands. */
import { STATUS_LABELS, type StatusResponse, type Submission } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';

export async function statusView(storage: Storage, submission: Submission, en: boolean): Promise<StatusResponse> {
  const version = await storage.procedures.getVersion(submission.procedureOwner, submission.procedureId, submission.formVersion);
  return {
    receiptNumber: submission.receiptNumber,
    procedureId: submission.procedureId,
    procedureTitle: (en ? version?.procedure.titleEn : undefined) ?? version?.procedure.title ?? submission.procedureId,
    municipalityCode: submission.municipalityCode,
    status: submission.status,
    statusLabel: STATUS_LABELS[submission.status][en ? 'en' : 'ja'],
    submittedAt: submission.createdAt,
    updatedAt: submission.updatedAt,
    messages: submission.history.filter((h) => h.publicNote).map((h) => ({ at: h.at, text: h.publicNote! })),
  };
}
